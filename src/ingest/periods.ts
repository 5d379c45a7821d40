import { spanOfMonths, spanOfQuarters } from '../text/period.ts';
import { countOf, ORDINALS } from '../text/numbers.ts';
import { monthNumber } from './dates.ts';

/** A time expression found in text, resolved against the article's publication date. */
export interface PeriodPhrase {
  start: number;
  end: number;
  /** "2024-Q1", "2023", "2024-05", "2024-Q1-Q3", "2021/2023"; undefined for a time that dates nothing ("now"). */
  period: string | undefined;
  /**
   * A moment or a modifier of one noun ("by the end of 2023", "April's growth
   * rate"): it dates its own sentence, but later sentences do not inherit it.
   */
  local?: true;
}

export interface Published {
  year: number;
  month: number;
}

export function readPublished(published: string): Published {
  const [year, month] = published.split('-').map(Number);
  return { year: year!, month: month! };
}

const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December)`;
/** Which year: "this year", "last year", "2024", "the year". */
const OF_YEAR = String.raw`(?:\s+(?:of\s+)?(this year|last year|the previous year|the year|(?:19|20)\d{2}))?`;

/**
 * The comparisons a change is made against ("from a year earlier", "over the same
 * period last year"): they name a year, but not the figure's period.
 */
export const BASIS =
  /\b(?:year[- ]on[- ]year|y-o-y|yoy|month[- ]on[- ]month|quarter[- ]on[- ]quarter|(?:from|than(?: in)?|over|on|against|compared (?:with|to)) (?:a year (?:earlier|ago|before)|the (?:same period|previous year|previous quarter|year before)(?: (?:of |in )?(?:last year|the previous year|(?:19|20)\d{2}))?|last year(?:['’]s)?)|(?:more|less|higher|lower|faster|slower) than (?:in |that of )?(?:19|20)\d{2}|than the national average)\b/gi;

type Rule = [RegExp, (m: RegExpExecArray, at: Published) => string | undefined, 'local'?];

const COUNTED = String.raw`(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})`;
const YEAR = String.raw`((?:19|20)\d{2})`;
const SHORT_MONTH = String.raw`(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:[a-z]*)\.?`;

const RULES: Rule[] = [
  // "the 2024-2025 winter season", "the 2024/25 ice-and-snow season".
  [
    new RegExp(String.raw`\b${YEAR}\s*[-–/]\s*((?:19|20)?\d{2})\s+(?:[\p{L}-]+\s+){0,3}?season\b`, 'giu'),
    (m) => years(m[1]!, m[2]!),
  ],
  // "from 2020 to 2023", "between 2015 and 2017", "2021-2023".
  [
    new RegExp(String.raw`\b(?:from\s+|between\s+)?${YEAR}\s*(?:–|-|to|through|and)\s*${YEAR}\b`, 'gi'),
    (m) => years(m[1]!, m[2]!),
  ],
  // "over the past three years" in a 2024 article: 2021–2023.
  [
    new RegExp(String.raw`\b(?:the\s+)?(?:past|last|previous)\s+${COUNTED}\s+years\b`, 'gi'),
    (m, at) => (countOf(m[1]!) > 1 ? `${at.year - countOf(m[1]!)}/${at.year - 1}` : undefined),
  ],
  [
    new RegExp(String.raw`\bthe first (two|three) quarters${OF_YEAR}`, 'gi'),
    (m, at) => spanOfQuarters(yearOfPart(countOf(m[1]!) * 3, m[2], at), 1, countOf(m[1]!)),
  ],
  [
    /\bQ([1-4])\s*[-–]\s*Q([1-4])(?:\s+((?:19|20)\d{2}))?\b/g,
    (m, at) => spanOfQuarters(yearOfPart(Number(m[2]) * 3, m[3], at), Number(m[1]), Number(m[2])),
  ],
  [
    new RegExp(String.raw`\bthe (first|second|third|fourth|1st|2nd|3rd|4th) quarter${OF_YEAR}`, 'gi'),
    (m, at) => quarter(ORDINALS[m[1]!.toLowerCase()]!, m[2], at),
  ],
  [/\bQ([1-4])(?:\s+((?:19|20)\d{2}))?\b/g, (m, at) => quarter(Number(m[1]), m[2], at)],
  [
    new RegExp(String.raw`\bthe (first|second) half${OF_YEAR}`, 'gi'),
    (m, at) => half(m[1]!.toLowerCase() === 'first' ? 1 : 2, m[2], at),
  ],
  [/\bH([12])(?:\s+((?:19|20)\d{2}))?\b/g, (m, at) => half(Number(m[1]), m[2], at)],
  [
    new RegExp(String.raw`\b(?:the\s+)?first ${COUNTED} months${OF_YEAR}`, 'gi'),
    (m, at) => firstMonths(countOf(m[1]!), m[2], at),
  ],
  // "from January to April", "January-February", "Jan-Aug 2024".
  [
    new RegExp(String.raw`\b(?:from\s+)?${SHORT_MONTH}\s*(?:–|—|-|to|through)\s*${SHORT_MONTH}(?:,?\s+${YEAR})?`, 'g'),
    (m, at) => monthSpan(m[1]!, m[2]!, m[3], at),
  ],
  [
    new RegExp(String.raw`\b(?:by|at|as of) the end of (last year|this year|(?:19|20)\d{2})`, 'gi'),
    (m, at) => `${year(m[1], at)}-12`,
    'local',
  ],
  [
    new RegExp(String.raw`\b(?:by|at|as of) the end of ${MONTH}(?:,?\s+((?:19|20)\d{2}))?`, 'g'),
    (m, at) => month(Number(monthNumber(m[1]!)), m[2], at),
    'local',
  ],
  // "April's growth rate".
  [
    new RegExp(String.raw`\b${MONTH}['’]s\b`, 'g'),
    (m, at) => month(Number(monthNumber(m[1]!)), undefined, at),
    'local',
  ],
  [
    new RegExp(String.raw`\b(?:in|during|for|of|since|by)\s+${MONTH}(?:\s+((?:19|20)\d{2}))?(?!\s+\d)`, 'g'),
    (m, at) => month(Number(monthNumber(m[1]!)), m[2], at),
  ],
  [/\b(?:in|during|for|of|by|throughout|through)\s+(?:the\s+year\s+)?((?:19|20)\d{2})(?![\d-–])/gi, (m) => m[1]],
  [/^((?:19|20)\d{2}),/g, (m) => m[1]],
  // "2023 was the first year…", "2023 saw exports rise": a year as the sentence's subject.
  [/\b((?:19|20)\d{2}) (?:was|saw|witnessed|marked)\b/g, (m) => m[1]],
  [/\b(last year|the previous year|this year)\b/gi, (m, at) => year(m[1], at)],
  // "the annual target", "for the full year": the year the article is written in.
  [/\b(?:annual target|full-year|for the (?:full|whole) year)\b/gi, (_m, at) => String(at.year)],
  // A stock "now": of no period (the convention for undated stocks).
  [/\b(at present|currently|now|so far|to date|as of now|at the moment|nowadays)\b/gi, () => undefined],
];

/** Every period phrase in a text, in order; the comparison phrases of changes are left out. */
export function periodPhrases(text: string, at: Published): PeriodPhrase[] {
  const masked = text.replace(BASIS, (m) => ' '.repeat(m.length));
  const found: PeriodPhrase[] = [];
  for (const [pattern, resolve, local] of RULES) {
    for (const m of masked.matchAll(pattern)) {
      // "in January–June", "during the first half": the preposition belongs to the phrase.
      const start =
        m.index -
        (/\b(?:in|during|for|of|over|throughout)\s+$/i.exec(masked.slice(Math.max(0, m.index - 12), m.index))?.[0]
          .length ?? 0);
      const end = m.index + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ start, end, period: resolve(m, at), ...(local ? { local: true as const } : {}) });
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

/** The first N months: a quarter, a half, the year or a span of months, of the latest year they have ended in. */
function firstMonths(last: number, word: string | undefined, at: Published): string | undefined {
  if (last < 1 || last > 12) return undefined;
  return spanOfMonths(yearOfPart(last, word, at), 1, last);
}

function monthSpan(from: string, to: string, word: string | undefined, at: Published): string | undefined {
  const a = Number(monthNumber(from));
  const b = Number(monthNumber(to));
  if (!(a < b)) return undefined;
  return spanOfMonths(yearOfPart(b, word, at), a, b);
}

/** The year of a part of a year ending in month `last`: the one named, else the latest in which it has ended by publication. */
function yearOfPart(last: number, word: string | undefined, at: Published): number {
  return word ? Number(year(word, at)) : at.month > last ? at.year : at.year - 1;
}

/** "2024", "25" → "2024/2025". */
function years(from: string, to: string): string | undefined {
  const end = to.length === 2 ? `${from.slice(0, 2)}${to}` : to;
  return Number(end) > Number(from) ? `${from}/${end}` : undefined;
}

function month(m: number, word: string | undefined, at: Published): string {
  const y = word ? Number(word) : m <= at.month ? at.year : at.year - 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}
