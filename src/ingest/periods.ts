import { monthNumber } from './dates.ts';

/** A time expression found in text, resolved against the article's publication date. */
export interface PeriodPhrase {
  start: number;
  end: number;
  /** "2024-Q1", "2023", "2024-05"; undefined for spans no period notation holds ("the first three quarters"). */
  period: string | undefined;
}

export interface Published {
  year: number;
  month: number;
}

export function readPublished(published: string): Published {
  const [year, month] = published.split('-').map(Number);
  return { year: year!, month: month! };
}

const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December)`;
/** Which year: "this year", "last year", "2024", "the year". */
const OF_YEAR = String.raw`(?:\s+(?:of\s+)?(this year|last year|the previous year|the year|(?:19|20)\d{2}))?`;

/**
 * The comparisons a change is made against ("from a year earlier", "over the same
 * period last year"): they name a year, but not the figure's period.
 */
export const BASIS =
  /\b(?:year[- ]on[- ]year|y-o-y|yoy|month[- ]on[- ]month|quarter[- ]on[- ]quarter|(?:from|than|over|compared (?:with|to)) (?:a year (?:earlier|ago|before)|the (?:same period|previous year|previous quarter|year before)(?: (?:of |in )?(?:last year|the previous year|(?:19|20)\d{2}))?|last year(?:'s level)?)|than the national average)\b/gi;

type Rule = [RegExp, (m: RegExpExecArray, at: Published) => string | undefined];

const RULES: Rule[] = [
  [new RegExp(String.raw`\bthe (first|second|third|fourth|1st|2nd|3rd|4th) quarter${OF_YEAR}`, 'gi'), (m, at) => quarter(ORDINAL[m[1]!.toLowerCase()]!, m[2], at)],
  [/\bQ([1-4])(?:\s+((?:19|20)\d{2}))?\b/g, (m, at) => quarter(Number(m[1]), m[2], at)],
  [new RegExp(String.raw`\bthe (first|second) half${OF_YEAR}`, 'gi'), (m, at) => half(m[1]!.toLowerCase() === 'first' ? 1 : 2, m[2], at)],
  [/\bH([12])(?:\s+((?:19|20)\d{2}))?\b/g, (m, at) => half(Number(m[1]), m[2], at)],
  [new RegExp(String.raw`\bthe first (three|six|nine) months${OF_YEAR}`, 'gi'), (m, at) => firstMonths({ three: 3, six: 6, nine: 9 }[m[1]!.toLowerCase() as 'three']!, m[2], at)],
  [new RegExp(String.raw`\bthe first (two|three) quarters${OF_YEAR}`, 'gi'), () => undefined],
  [new RegExp(String.raw`\b(?:January|Jan\.?)\s*(?:–|—|-|to|through)\s*${MONTH}(?:,?\s+((?:19|20)\d{2}))?`, 'gi'), (m, at) => firstMonths(Number(monthNumber(m[1]!)), m[2], at)],
  [new RegExp(String.raw`\b(?:by|at|as of) the end of (last year|this year|(?:19|20)\d{2})`, 'gi'), (m, at) => `${year(m[1], at)}-12`],
  [new RegExp(String.raw`\b(?:in|during|for|of|since|by)\s+${MONTH}(?:\s+((?:19|20)\d{2}))?(?!\s+\d)`, 'g'), (m, at) => month(Number(monthNumber(m[1]!)), m[2], at)],
  [/\b(?:in|during|for|of|by|throughout|through)\s+((?:19|20)\d{2})(?![\d-–])/gi, (m) => m[1]],
  [/^((?:19|20)\d{2}),/g, (m) => m[1]],
  [/\b(last year|the previous year|this year)\b/gi, (m, at) => year(m[1], at)],
  // "the annual target", "for the full year": the year the article is written in.
  [/\b(?:annual|full-year|for the (?:full|whole) year)\b/gi, (_m, at) => String(at.year)],
  [/\b(at present|currently|now|so far|to date|as of now|at the moment|nowadays)\b/gi, (_m, at) => `${at.year}-${String(at.month).padStart(2, '0')}`],
];

/** Every period phrase in a text, in order; the comparison phrases of changes are left out. */
export function periodPhrases(text: string, at: Published): PeriodPhrase[] {
  const masked = text.replace(BASIS, (m) => ' '.repeat(m.length));
  const found: PeriodPhrase[] = [];
  for (const [pattern, resolve] of RULES) {
    for (const m of masked.matchAll(pattern)) {
      // "in January–June", "during the first half": the preposition belongs to the phrase.
      const start = m.index - (/\b(?:in|during|for|of|over|throughout)\s+$/i.exec(masked.slice(Math.max(0, m.index - 12), m.index))?.[0].length ?? 0);
      const end = m.index + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ start, end, period: resolve(m, at) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The publication month, the period of what an article says is so "at present". */
export function currentPeriod(at: Published): string {
  return `${at.year}-${String(at.month).padStart(2, '0')}`;
}

function year(word: string | undefined, at: Published): string {
  const w = word?.toLowerCase();
  if (!w || w === 'this year' || w === 'the year') return String(at.year);
  if (w === 'last year' || w === 'the previous year') return String(at.year - 1);
  return w;
}

/** A quarter named without its year is the latest one that has ended by publication. */
function quarter(q: number, word: string | undefined, at: Published): string {
  const y = word ? Number(year(word, at)) : at.month > q * 3 ? at.year : at.year - 1;
  return `${y}-Q${q}`;
}

function half(h: number, word: string | undefined, at: Published): string {
  const y = word ? Number(year(word, at)) : at.month > h * 6 ? at.year : at.year - 1;
  return `${y}-H${h}`;
}

/** January–March is Q1, January–June H1, a full year the year; other spans have no notation. */
function firstMonths(last: number, word: string | undefined, at: Published): string | undefined {
  const y = word ? Number(year(word, at)) : at.month > last ? at.year : at.year - 1;
  if (last === 3) return `${y}-Q1`;
  if (last === 6) return `${y}-H1`;
  if (last === 12) return String(y);
  return undefined;
}

function month(m: number, word: string | undefined, at: Published): string {
  const y = word ? Number(word) : m <= at.month ? at.year : at.year - 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}
