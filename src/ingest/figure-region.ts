import type { Region } from '../corpus/schema.ts';
import type { FigureMention } from './figures.ts';
import type { Span } from './sentences.ts';
import type { FigureContext } from './context.ts';
import type { RegionMention } from './regions.ts';

// "the province", "this major coal-producing region": lowercase modifiers may stand between (a capital starts a name).
const ANAPHOR =
  /\b(?:[Tt]he|[Tt]his)\s+(?:(?:whole|entire|major|[a-z]+-[a-z]+|[a-z]+ing)\s+){0,3}(province|city|municipality|region|county|zone|area)\b|\b(provincial|municipal)\b/g;
const PROVINCE_KINDS = new Set(['province', 'municipality', 'autonomous-region']);
const CITY_KINDS = new Set(['prefecture-city', 'county-city', 'municipality']);

/**
 * The region: the first place named in the figure's clause (its subject), else
 * earlier in the sentence; "the province", "the city" resolved to the last one
 * named; else a place later in the sentence, or the most specific place of the
 * sentences before; "national" only when nothing more specific is said; at last,
 * the place the article is about.
 */
export function regionOf(figure: FigureMention, clause: Span, c: FigureContext): { region: Region; inferred: boolean } {
  const read = (region: Region) => ({ region, inferred: false });
  const carried = (region: Region) => ({ region, inferred: true });
  const specific = c.mentions.filter((m) => !m.generic && !describesPlace(m, c));
  const within = (from: number, to: number) => specific.filter((m) => m.start >= from && m.start < to);
  const placed = placeAfter(figure, clause, c);
  if (placed) return read(placed);
  const first = within(clause.start, figure.from)[0]?.region;
  if (first) return read(first);
  const anaphor = anaphorRegion(c.text.slice(clause.start, figure.from), c, clause.start);
  if (anaphor) return carried(anaphor);
  const inSentence = within(c.sentence.start, clause.start)[0]?.region;
  if (inSentence) return read(inSentence);
  const sentenceAnaphor = anaphorRegion(c.text.slice(c.sentence.start, figure.from), c, c.sentence.start);
  if (sentenceAnaphor) return carried(sentenceAnaphor);
  const later = within(figure.through, c.sentence.end)[0];
  if (later) return read(later.region);
  for (const sentence of [...c.earlier].reverse()) {
    const found = within(sentence.start, sentence.end);
    if (found.length)
      return carried(
        deepest(
          found.map((m) => m.region),
          c.setting.regionById,
        ),
      );
  }
  const generic = c.mentions.find(
    (m) => m.generic && m.start >= c.sentence.start && m.start < c.sentence.end && !describesPlace(m, c),
  );
  if (generic) return read(generic.region);
  return carried(c.setting.mainRegion ?? c.mentions[0]?.region ?? c.setting.regionById.get('china')!);
}

/**
 * "a major energy base of China", "this coal-producing region of the country": the
 * country after "of" describes a place the article is nearer to; it is a comparison,
 * not where the figure is. Only so when something nearer is named or is the subject.
 */
function describesPlace(m: RegionMention, c: FigureContext): boolean {
  if (m.region.kind !== 'country' || !/\bof\s+(?:the\s+)?$/i.test(c.text.slice(Math.max(0, m.start - 8), m.start)))
    return false;
  const nearer = (r: Region | undefined) => !!r && r.kind !== 'country';
  return (
    nearer(c.setting.mainRegion) ||
    c.mentions.some((o) => o.start >= c.sentence.start && o.end <= c.sentence.end && nearer(o.region))
  );
}

/**
 * "2.1791 trillion yuan in Beijing, 0.8191 trillion yuan in Tianjin": a place named
 * right after the figure ("in X", an aside in brackets allowed between) is the figure's,
 * whatever the clause's subject.
 */
function placeAfter(figure: FigureMention, clause: Span, c: FigureContext): Region | undefined {
  const link = /^\s*(?:\([^()]*\)\s*)?in\s+(?:the\s+)?/i.exec(c.text.slice(figure.through, clause.end));
  if (!link) return undefined;
  return c.mentions.find((m) => !m.generic && m.start === figure.through + link[0].length)?.region;
}

function anaphorRegion(before: string, c: FigureContext, offset: number): Region | undefined {
  const found = [...before.matchAll(ANAPHOR)].at(-1);
  if (!found) return undefined;
  const word = (found[1] ?? found[2]!).toLowerCase();
  const kinds =
    word === 'province' || word === 'provincial'
      ? PROVINCE_KINDS
      : word === 'city' || word === 'municipal' || word === 'municipality'
        ? CITY_KINDS
        : undefined;
  const at = offset + found.index;
  const fits = (m: RegionMention) => !m.generic && (!kinds || kinds.has(m.region.kind));
  const here = c.mentions.filter((m) => m.start < at && fits(m)).at(-1);
  if (here) return here.region;
  // From the end, not a copy: the article's earlier mentions grow with its length.
  const earlier = c.setting.earlierMentions;
  for (let i = earlier.length - 1; i >= 0; i--) if (fits(earlier[i]!)) return earlier[i]!.region;
  return undefined;
}

/** The most specific of places named together: Zhangjiagang over Suzhou over Jiangsu. */
function deepest(regions: Region[], byId: ReadonlyMap<string, Region>): Region {
  const depth = (r: Region) => {
    let d = 0;
    for (let p = r.parent; p; p = byId.get(p)?.parent) d++;
    return d;
  };
  return regions.reduce((best, r) => (depth(r) > depth(best) ? r : best));
}
