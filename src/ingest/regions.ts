import type { Gazetteer, Region } from '../corpus/schema.ts';
import { normalize } from '../text/normalize.ts';

export interface RegionMention {
  region: Region;
  start: number;
  end: number;
  /** "national", "the country": a mention of China that never outranks a named place. */
  generic: boolean;
}

/** Words after a place name that still make it about the place ("Guangdong Provincial Bureau of Statistics"). */
const GOVERNMENT =
  /^(Provincial|Municipal|Party|Government|Bureau|Department|Commission|Committee|Province|City|Municipality|District|County|New|Free|Pilot|Economic|High-tech|Development|Zone|Port|Area)\b/;
/** "South China", "east China", "western China" are macro-regions, not the country. */
const COMPASS =
  /\b(?:south|north|east|west|central|southwest|southeast|northwest|northeast|southern|northern|eastern|western)(?:ern)?\s+$/i;
const han = /\p{Script=Han}/u;
/** "HARBIN, March 13 (Xinhua) --", "BEIJING, Nov. 25, 2024 /PRNewswire/ --", "BEIJING -": where the story was filed, not what it is about. */
const DATELINE =
  /^[\p{Lu}][\p{Lu}' ]+,?(?:\s+\p{Lu}[a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s*\([^()]{1,30}\))?(?:\s*\/[^/]{1,30}\/)?\s*(?:--|—|–|-)\s*/u;
/** "said on Monday in Beijing", "a news conference held in Beijing": where people spoke, not what they spoke about. */
const VENUE =
  /\b(?:(?:said|spoke|told reporters)(?:\s+on\s+\p{L}+)?|(?:conference|briefing|forum|meeting|event|session)(?:\s+held)?|held)\s+in\s+$/iu;
/** "the province", "the region": the passage is about the article's subject, named or not. */
const ANAPHOR = /\b(?:the|this)\s+(?:province|city|municipality|region|county)\b/i;
/** Words after a place that make it a geographic feature ("Taiwan Strait", "Yellow River"), not the place. */
const FEATURE = /^\s+(?:Strait|River|Lake|Sea|Mountains?|Gulf|Peninsula|Plateau|Basin|Island)\b/;

/** Where a name can begin: a Chinese character, or a word of letters and digits. */
const FIRST = /\p{Script=Han}|[^\P{L}\p{Script=Han}]+|\p{N}+/u;
const WORDS = new RegExp(FIRST.source, 'gu');

/** How far either side of a mention its surroundings are read: longer than any organisation's name. */
const NEAR = 200;

interface Surface {
  name: string;
  /** The name where it is tried (sticky), without the word boundaries: `bounded` says whether they are checked. */
  at: RegExp;
  bounded: boolean;
  /** The whole pattern, for a scan of a text: built when first needed (a Unicode property class costs to compile, and there are thousands). */
  pattern?: RegExp;
  region: Region;
  /** Other regions this bare name may mean ("Suzhou" may be Suzhou, Anhui). */
  alternatives: Region[];
  generic: boolean;
}

/**
 * Finds the gazetteer's regions in text by every name, Chinese name and alias,
 * longest first. A place inside an organisation's name ("Shanghai Jiaotong
 * University", "China Medical City") is not a mention of the place. A bare name
 * that two cities share ("Suzhou": 苏州 in Jiangsu, 宿州 in Anhui, whose gazetteer
 * name is "Suzhou (Anhui)") goes to the one whose province the text is about.
 */
export class RegionTagger {
  private readonly surfaces: Surface[] = [];
  /**
   * The surfaces by the word (or, for Chinese, the character) they begin with, lowercased:
   * a passage is read once, trying only the names that can start at each word, instead of
   * once per name (the gazetteer has over a thousand).
   */
  private readonly byFirst = new Map<string, Surface[]>();
  /** Names that begin with neither: tried everywhere, as before. */
  private readonly unindexed: Surface[] = [];

  constructor(gazetteer: Gazetteer) {
    const byName = new Map(gazetteer.regions.map((r) => [normalize(r.name), r]));
    const alternatives = new Map<string, Region[]>();
    for (const region of gazetteer.regions) {
      const bare = /^(.+?) \(([^)]+)\)$/.exec(region.name)?.[1];
      const owner = bare ? byName.get(normalize(bare)) : undefined;
      if (owner) alternatives.set(owner.id, [...(alternatives.get(owner.id) ?? []), region]);
    }
    for (const region of gazetteer.regions) {
      const names = new Set([region.name, region.zh, ...region.aliases].filter((n): n is string => !!n));
      for (const name of names) {
        const surface: Surface = {
          name,
          ...namePattern(name),
          region,
          alternatives: name === region.name ? (alternatives.get(region.id) ?? []) : [],
          generic: region.kind === 'country' && name === name.toLowerCase() && !han.test(name),
        };
        this.surfaces.push(surface);
        const first = FIRST.exec(name)?.[0].toLowerCase();
        if (first === undefined || FIRST.exec(name)!.index !== 0) this.unindexed.push(surface);
        else this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), surface]);
      }
    }
  }

  /**
   * The mentions in a passage, in order. `context` is the article's text: it decides
   * between cities that share a name, the passage itself weighing most.
   */
  mentions(text: string, context = ''): RegionMention[] {
    const found: (RegionMention & { alternatives: Region[] })[] = [];
    const add = (surface: Surface, start: number, length: number) =>
      found.push({
        region: surface.region,
        alternatives: surface.alternatives,
        start,
        end: start + length,
        generic: surface.generic,
      });
    for (const word of text.matchAll(WORDS)) {
      for (const surface of this.byFirst.get(word[0].toLowerCase()) ?? []) {
        surface.at.lastIndex = word.index;
        const match = surface.at.exec(text);
        if (match && (!surface.bounded || standsAlone(text, word.index, word.index + match[0].length)))
          add(surface, word.index, match[0].length);
      }
    }
    for (const surface of this.unindexed)
      for (const match of text.matchAll(scanPattern(surface))) add(surface, match.index, match[0].length);
    // Longest first, then earliest: "Suzhou Industrial Park" wins over "Suzhou".
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: typeof found = [];
    for (const m of found) {
      if (kept.some((k) => m.start < k.end && k.start < m.end)) continue;
      if (insideName(text, m)) continue;
      kept.push(m);
    }
    kept.sort((a, b) => a.start - b.start);
    return kept.map(({ alternatives, ...m }) =>
      alternatives.length ? { ...m, region: this.choose(m.region, alternatives, text, context) } : m,
    );
  }

  /** Mentions of each province in the last article asked about: counted once per article, not once per passage. */
  private counted: { article: string; counts: Map<string, number> } = { article: '', counts: new Map() };

  private choose(owner: Region, alternatives: Region[], passage: string, article: string): Region {
    if (this.counted.article !== article) this.counted = { article, counts: new Map() };
    const inArticle = this.counted.counts;
    const weight = (r: Region) => {
      const province = this.surfaces.find((s) => s.region.id === r.parent)?.region;
      if (!province) return 0;
      const names = this.surfaces.filter((s) => s.region === province);
      const count = (text: string) => names.reduce((n, s) => n + [...text.matchAll(scanPattern(s))].length, 0);
      if (!inArticle.has(province.id)) inArticle.set(province.id, count(article));
      return 3 * count(passage) + inArticle.get(province.id)!;
    };
    let best = owner;
    let bestWeight = weight(owner);
    for (const r of alternatives) {
      const w = weight(r);
      if (w > bestWeight) [best, bestWeight] = [r, w];
    }
    return best;
  }
}

/**
 * English names match as whole words: in their own case or in capitals (datelines
 * write "GUANGZHOU"), and lowercase aliases ("the country") in any case.
 */
function namePattern(name: string): { at: RegExp; bounded: boolean } {
  const escaped = name
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/'/g, "['’]")
    .replace(/\s+/g, '\\s+');
  if (han.test(name)) return { at: new RegExp(escaped, 'uy'), bounded: false };
  if (name === name.toLowerCase()) return { at: new RegExp(escaped, 'iuy'), bounded: true };
  const upper = name
    .toUpperCase()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  return { at: new RegExp(`${escaped}|${upper}`, 'uy'), bounded: true };
}

/** The name as a pattern to scan a whole text with, its word boundaries included. */
function scanPattern(surface: Surface): RegExp {
  if (surface.pattern) return surface.pattern;
  const { at, bounded } = surface;
  const flags = at.flags.replace('y', 'g');
  return (surface.pattern = new RegExp(
    bounded ? `(?<![\\p{L}\\p{N}])(?:${at.source})(?![\\p{L}\\p{N}])` : at.source,
    flags,
  ));
}

const LETTER_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_AFTER = /^[\p{L}\p{N}]/u;

/** Whether text[start, end) is a whole word: no letter or digit runs on either side (a character may take two code units). */
function standsAlone(text: string, start: number, end: number): boolean {
  return !LETTER_BEFORE.test(text.slice(Math.max(0, start - 2), start)) && !LETTER_AFTER.test(text.slice(end, end + 2));
}

/** A place name that begins or ends an organisation's capitalised name is not a mention of the place. */
function insideName(text: string, m: { start: number; end: number; region: Region }): boolean {
  // A window, not the rest of the text: every test reads a few words either side, and a
  // long passage would otherwise cost the square of its length.
  const after = text.slice(m.end, m.end + NEAR);
  const next = /^\s+(\p{Lu}[\p{L}’'-]*)/u.exec(after)?.[1];
  if (next && !GOVERNMENT.test(next) && !/^\s+\p{Lu}[\p{L}’'-]*\s*[:,]/u.test(after) && !sentenceStartAfter(after))
    return true;
  if (FEATURE.test(after)) return true;
  // "China-Europe freight trains", "China-ASEAN": a compound name (the gazetteer's own compounds match first, being longer).
  if (/^-\p{Lu}/u.test(after)) return true;
  const before = text.slice(Math.max(0, m.start - NEAR), m.start);
  if (m.region.kind === 'country' && COMPASS.test(before)) return true;
  // "Bank of China", "University of Science and Technology of China".
  if (
    /\b(?:Bank|University|Academy|Institute|College|Museum|Party|Congress|Council|Association|Federation|Ministry|Chamber|Republic)\s+(?:[\p{L}&]+\s+)*of\s+(?:the\s+)?$/u.test(
      before,
    )
  )
    return true;
  return false;
}

/** Where a passage's dateline ends (0 when it has none). */
export function datelineLength(text: string): number {
  return DATELINE.exec(text)?.[0].length ?? 0;
}

/**
 * The regions a passage is about: its mentions, without a dateline or a venue; the
 * country only when the passage gives a figure for it or names nothing nearer
 * ("national", "the country", "China's leading base" beside a province are comparisons
 * and context, not what the passage is about).
 */
export function passageRegions(
  text: string,
  mentions: readonly RegionMention[],
  statRegions: readonly string[],
): string[] {
  const dateline = datelineLength(text);
  const about = mentions.filter(
    (m) => !m.generic && m.start >= dateline && !VENUE.test(text.slice(Math.max(0, m.start - 60), m.start)),
  );
  const nearer = about.some((m) => m.region.kind !== 'country') || ANAPHOR.test(text);
  const kept = about.filter((m) => m.region.kind !== 'country' || !nearer || statRegions.includes(m.region.id));
  return [
    ...new Set([
      ...kept.map((m) => m.region.id),
      ...mentions.filter((m) => statRegions.includes(m.region.id)).map((m) => m.region.id),
    ]),
  ];
}

function sentenceStartAfter(after: string): boolean {
  return /^[.!?]/.test(after);
}
