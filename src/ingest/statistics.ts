import type { Qualifier, Region } from '../corpus/schema.ts';
import { findFigures, type FigureMention } from './figures.ts';
import type { FigureWords } from './metrics.ts';
import { BASIS, periodPhrases, type PeriodPhrase } from './periods.ts';
import { datelineLength, type RegionMention } from './regions.ts';
import { clauseAround, sentences, type Span } from './sentences.ts';
import { regionOf } from './figure-region.ts';
import type { ArticleSetting, FigureContext } from './context.ts';
import { respectively } from './respectively.ts';
import { tenseBefore } from './tense.ts';

/** A statistic as extracted, before ids and metric names are settled. */
export interface ExtractedStatistic {
  value: number;
  written: string;
  unit: string;
  qualifier?: Qualifier;
  period?: string;
  /** A goal or projection, not a result. */
  target?: true;
  region: Region;
  /** Fields taken from the article's context rather than from the figure's own sentence. */
  inferred: ('period' | 'region')[];
  change?: { value: number; unit: string; basis: string; written: string };
  quote: string;
  /** What names the figure, for the metric matcher. */
  words: FigureWords;
}

/** The words between a figure and the change that qualifies it: ", up", ", a year-on-year increase of", "(which was up". */
const CHANGE_LINK =
  /^[\s,;(]*(?:(?:alone|only)\s*,?\s*)?(?:(?:which|that)\s+(?:was|is|were)\s+)?(?:an?\s+)?(?:year-on-year\s+|annual\s+)?(?:up|down|increase|decrease|rise|drop|decline|growth|gain|increasing|rising|growing|declining|falling|dropping|jumping|surging|expanding|representing\s+an?\s+(?:increase|decrease))?(?:\s+(?:by|of))?\s*$/i;
/** Units that measure rather than name what is counted: "265,000 units" of what the subject says. */
const MEASURES =
  /^(?:units|sets|pieces|items|tonnes|tons|metric tons|kilowatts|kilowatt-hours|kwh|megawatts|gigawatts|square meters|square metres|square kilometers|square kilometres|hectares|mu|kilometers|kilometres|km|people|persons|times|gw|mw|kw|twh|gwh|kilograms|kg|grams|cubic meters|cubic metres|liters|litres|barrels|teus?)$/i;
/** The plural noun a sentence's subject counts: "enterprises" in "Foreign-funded enterprises in Hainan have …". */
const COUNTED_SUBJECT =
  /^(?:[\p{L}-]+\s+){0,4}?([\p{Ll}-]+s)(?:\s+(?:in|of)\s+(?:the\s+)?\p{Lu}[\p{L}-]*)?\s+(?:have|has|had|were|are)\b/u;
const LEADS_TO = /^[\s,]*(?:to|to reach|reaching|at)(?:\s+a\s+total\s+of)?\s*$/i;

/**
 * The statistics of one passage. Every figure is paired with the change that
 * qualifies it, or stands alone as a rate of change; "respectively" lists are split
 * and paired with their subjects; each gets a region, a period and a verbatim quote.
 */
export function extractStatistics(
  text: string,
  mentions: readonly RegionMention[],
  setting: ArticleSetting,
): ExtractedStatistic[] {
  const out: ExtractedStatistic[] = [];
  const phrases = periodPhrases(text, setting.published);
  const dateline = datelineLength(text);
  const named = mentions.filter((m) => m.start >= dateline);
  const spans = sentences(text);
  spans.forEach((sentence, index) => {
    const figures = findFigures(sentence);
    if (figures.length === 0) return;
    const context = { text, sentence, earlier: spans.slice(0, index), phrases, mentions: named, setting };
    const listed = respectively(text, sentence, figures, named);
    for (const item of listed?.items ?? [])
      out.push(build(item.figure, undefined, context, item.region, item.subject, sentence.text));
    const rest = figures.filter((f) => !listed?.items.some((i) => i.figure === f));
    // The unit of "bringing the total to 16,000" is the previous count's, else what the sentence's subject counts
    // ("Newly established enterprises in Hainan have increased …, reaching a total of 6,543").
    rest.forEach((f, i) => {
      if (f.kind === 'count' && !f.unit)
        f.unit =
          rest
            .slice(0, i)
            .reverse()
            .find((p) => p.kind === 'count' && p.unit)?.unit ??
          COUNTED_SUBJECT.exec(text.slice(sentence.start, f.from))?.[1];
    });
    const usable = rest.filter((f) => f.kind !== 'count' || f.unit);
    const changeOf = pairChanges(text, usable, phrases);
    for (const figure of usable) {
      if (changeOf.has(figure)) continue;
      const change = [...changeOf].find(([, level]) => level === figure)?.[0];
      const each = sharedBy(figure, sentence, context);
      if (each) for (const region of each) out.push(build(figure, change, context, region));
      else out.push(build(figure, change, context));
    }
  });
  return out;
}

/** "in East China's", "Province and": what may stand between places named together. */
const PLACE_LINK = /^(?:\s*(?:,|and|provinces?|cities|regions?|\p{Lu}\p{L}*\s+China['’]s)\s*)*$/iu;

/**
 * "Shanghai and East China's Anhui Province each exceeded the 5 trillion-yuan
 * threshold": places named together as the clause's subject, with "each", "both",
 * "all" or "also", each hold the figure; a combined figure ("together") is not split.
 */
function sharedBy(figure: FigureMention, sentence: Span, c: FigureContext): Region[] | undefined {
  const clause = clauseAround(sentence, figure.from, figure.through);
  const places = c.mentions.filter((m) => !m.generic && m.start >= clause.start && m.end <= figure.from);
  if (places.length < 2) return undefined;
  const linked = places.every((m, i) => i === 0 || PLACE_LINK.test(c.text.slice(places[i - 1]!.end, m.start)));
  const verb = c.text.slice(places.at(-1)!.end, figure.from);
  if (!linked || !/\b(?:each|both|all|also)\b/i.test(verb) || /\b(?:together|combined|jointly|total)\b/i.test(verb))
    return undefined;
  return [...new Map(places.map((m) => [m.region.id, m.region])).values()];
}

/** Changes mapped to the figure they qualify; a change not in the map stands alone. */
function pairChanges(
  text: string,
  figures: FigureMention[],
  phrases: PeriodPhrase[],
): Map<FigureMention, FigureMention> {
  const pairs = new Map<FigureMention, FigureMention>();
  const taken = new Set<FigureMention>();
  figures.forEach((f, i) => {
    if (f.role !== 'change') return;
    const previous = figures[i - 1];
    if (
      previous &&
      previous.role !== 'change' &&
      !taken.has(previous) &&
      CHANGE_LINK.test(between(text, previous.through, f.from, phrases))
    ) {
      pairs.set(f, previous);
      taken.add(previous);
      return;
    }
    // "grew 5.7 percent to 2.98 trillion yuan": the change comes first.
    const next = figures[i + 1];
    if (
      next &&
      next.role !== 'change' &&
      !taken.has(next) &&
      LEADS_TO.test(between(text, f.through, next.from, phrases))
    ) {
      pairs.set(f, next);
      taken.add(next);
    }
  });
  return pairs;
}

/** The words between two figures, without asides, period phrases or comparison bases. */
function between(text: string, from: number, to: number, phrases: PeriodPhrase[]): string {
  let gap = '';
  for (let i = from; i < to; i++) gap += phrases.some((p) => i >= p.start && i < p.end) ? ' ' : text[i];
  // "23 billion yuan worth of automobiles, up 22.3 percent", "298.35 billion yuan of trade, up …": what the figure is of.
  return gap
    .replace(/\([^()]*\)/g, ' ')
    .replace(/^\s*(?:worth\s+)?of\s+[^,;]*/i, ' ')
    .replace(BASIS, ' ')
    .replace(/\s+/g, ' ');
}

function build(
  figure: FigureMention,
  change: FigureMention | undefined,
  c: FigureContext,
  region?: Region,
  subject?: string,
  quote?: string,
): ExtractedStatistic {
  const clause = clauseAround(c.sentence, figure.from, figure.through);
  // "exports rising 2.5 percent to 5.44 trillion yuan": the subject stands before the change.
  const subjectEnd = change && change.from < figure.from ? change.from : figure.from;
  const own = c.text.slice(Math.min(clause.start, subjectEnd), subjectEnd);
  const words: FigureWords = {
    // "… by 0.9, 1.2, and 1.1 percentage points": a figure that opens its clause is named by the sentence before it.
    subject: subject ?? (/\p{L}/u.test(own) ? own : c.text.slice(c.sentence.start, subjectEnd)),
    unit: figure.kind === 'count' ? figure.unit : figure.of,
    rest: c.text.slice(figure.through, clause.end),
    namedBy: figure.kind === 'count' && !MEASURES.test(figure.unit ?? '') ? 'unit' : 'subject',
  };
  const end = Math.max(figure.through, change?.through ?? 0, clause.end);
  const start = Math.min(clause.start, change?.from ?? clause.start);
  const when = periodOf(figure, clause, c);
  const where = region ? { region, inferred: false } : regionOf(figure, clause, c);
  return {
    value: figure.value,
    written: figure.written,
    unit: unitOf(figure),
    ...(figure.qualifier ? { qualifier: figure.qualifier } : {}),
    ...(when.period ? { period: when.period } : {}),
    ...(when.target ? { target: true as const } : {}),
    region: where.region,
    inferred: [...(when.inferred ? (['period'] as const) : []), ...(where.inferred ? (['region'] as const) : [])],
    ...(change
      ? {
          change: {
            value: change.direction * change.value,
            unit: change.kind === 'points' ? 'percentage points' : '%',
            basis: change.basis ?? 'year on year',
            written: change.withUnit,
          },
        }
      : {}),
    quote: tidyQuote(quote ?? c.text.slice(start, end)),
    words,
  };
}

function unitOf(figure: FigureMention): string {
  if (figure.kind === 'points') return 'percentage points';
  if (figure.kind === 'percent') {
    if (figure.role === 'share') return figure.of ? `% of ${figure.of}` : '%';
    if (figure.role === 'change')
      return `%${figure.direction < 0 ? ' decrease' : ''} ${figure.basis ?? 'year on year'}`;
    return '%';
  }
  return figure.unit!;
}

/** Words that make a figure a goal or a projection rather than a result. */
const TARGET =
  /\b(?:aims?|aiming|aimed|targets?|targeted|targeting|goals?|plans?|planned|planning|expected|expects?|projected|projects|forecasts?|set to|is to|are to|will|shall|striv(?:e|es|ing)|seeks?|seeking|by\s+20[3-9]\d)\b/i;

/**
 * The period: a time phrase in the figure's clause, else one earlier in its
 * sentence. Else, by tense: a stock said to be so now has no period; a goal ("is
 * set to", "aims to") is of the goal's year the passage or lede named, if it is
 * still ahead; a past figure is of the last period the passage named or of the
 * period the article reports on, and that period is marked as inferred.
 */
function periodOf(
  figure: FigureMention,
  clause: Span,
  c: FigureContext,
): { period?: string; target?: boolean; inferred?: boolean } {
  const lead = c.text.slice(c.sentence.start, figure.from).replace(/\([^()]*\)/g, ' ');
  const tense = tenseBefore(lead);
  const target = tense === 'future' || TARGET.test(lead);
  // "soared since 2020 … by 2023, a 6.5-fold increase": a multiple spans the years its sentence names.
  const years = [...c.sentence.text.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  if (figure.unit === 'times' && new Set(years).size > 1)
    return { period: `${Math.min(...years)}/${Math.max(...years)}`, target };
  const inClause = c.phrases.filter((p) => p.start >= clause.start && p.end <= clause.end);
  // "to 111.7 billion yuan in 2022", "9.2 trillion yuan ($1.27 trillion) in 2023": a time right after the figure is its own.
  const adjacent = inClause.find(
    (p) => p.start >= figure.through && /^\s*(?:\([^()]*\)\s*)?,?\s*$/.test(c.text.slice(figure.through, p.start)),
  );
  const chosen =
    adjacent ??
    inClause.filter((p) => p.end <= figure.from).at(-1) ??
    inClause.find((p) => p.start >= figure.through) ??
    c.phrases.filter((p) => p.start >= c.sentence.start && p.end <= clause.start).at(-1);
  if (chosen) return { ...(chosen.period ? { period: chosen.period } : {}), target };
  const earlier =
    c.phrases.filter((p) => p.end <= c.sentence.start && p.period && !p.local).at(-1)?.period ??
    c.setting.reportingPeriod;
  if (target)
    return earlier && Number(earlier.slice(0, 4)) >= c.setting.published.year
      ? { period: earlier, target, inferred: true }
      : { target };
  if (tense === 'present') return {};
  return earlier ? { period: resultYear(earlier, c.setting.published), inferred: true } : {};
}

/**
 * A result cannot be of a year that has barely begun: in a report published in the
 * first quarter that sets goals "for 2023", past-tense figures without a time of
 * their own are last year's results.
 */
function resultYear(period: string, published: { year: number; month: number }): string {
  return period === String(published.year) && published.month <= 3 ? String(published.year - 1) : period;
}

/** A quote without the clause's trailing punctuation, and without a quotation mark it cut in half. */
function tidyQuote(quote: string): string {
  let q = quote.trim();
  const opens = (t: string) => (t.match(/[“]/g) ?? []).length - (t.match(/[”]/g) ?? []).length;
  for (let changed = true; changed;) {
    const before = q;
    if (/[,;:]$/.test(q) || (/\.$/.test(q) && !/\b(?:U\.S|[A-Z])\.$/.test(q))) q = q.slice(0, -1);
    if (/”$/.test(q) && opens(q) < 0) q = q.slice(0, -1);
    // "“We expect growth of around 5 percent,” said…" cut before "said": the quotation's inside stays.
    if (/,["”]$/.test(q)) q = q.slice(0, -2);
    if (/^["“]/.test(q) && (q.match(/["“”]/g) ?? []).length % 2 === 1) q = q.slice(1);
    if (/^“/.test(q) && opens(q) > 0) q = q.slice(1);
    q = q.trim();
    changed = q !== before;
  }
  return q;
}
