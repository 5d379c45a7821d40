import { normalize } from './normalize.ts';
import { countOf, ORDINALS } from './numbers.ts';

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const DASH = String.raw`\s*(?:-|to|through|until|/)\s*`;

/**
 * The corpus's period notation, one string per period:
 *   "2023" a year · "2024-Q1" a quarter · "2024-H1" a half · "2024-05" a month · "2024-05-21" a day
 *   "2024-Q1-Q3" quarters of one year · "2024-01/2024-08" a span of months · "2021/2023" a span of years (or a season, "2024/2025").
 */
export const PERIOD_NOTATION =
  /^\d{4}(?:\/\d{4}|-Q[1-4](?:-Q[1-4])?|-H[12]|-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])|\/\d{4}-(?:0[1-9]|1[0-2]))?)?$/;

/** Whether "YYYY-MM" or "YYYY-MM-DD" names a month or a day the calendar has: not 2024-02-30 or 2023-13. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$/.exec(text);
  if (!m) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  // Day 0 of the next month is the last day of this one.
  return day >= 1 && day <= new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
}

/** Whether a string is in the notation and its span runs forwards. */
export function isPeriod(period: string): boolean {
  const range = PERIOD_NOTATION.test(period) ? monthRange(period) : undefined;
  if (!range) return false;
  const span = period.includes('/') || /Q\d-Q/.test(period);
  return span ? range[1] - range[0] >= (/^\d{4}\/\d{4}$/.test(period) ? 12 : 1) : true;
}

/** The months a period covers, counted from year 0: [first, last]. */
export function monthRange(period: string): readonly [number, number] | undefined {
  // A corpus uses a few hundred periods, and /stat and /compare range over every figure's:
  // each is parsed once (six regular expressions), up to a cap, as questions bring new ones.
  if (monthRanges.has(period)) return monthRanges.get(period);
  const range = parseMonthRange(period);
  if (monthRanges.size < MONTH_RANGES_KEPT) monthRanges.set(period, range);
  return range;
}

const MONTH_RANGES_KEPT = 10_000;
const monthRanges = new Map<string, readonly [number, number] | undefined>();

function parseMonthRange(period: string): readonly [number, number] | undefined {
  const at = (y: string | number, m: number) => Number(y) * 12 + m - 1;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})\/(\d{4})$/.exec(period))) return [at(m[1]!, 1), at(m[2]!, 12)];
  if ((m = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(period)))
    return [at(m[1]!, Number(m[2])), at(m[3]!, Number(m[4]))];
  if ((m = /^(\d{4})-Q([1-4])(?:-Q([1-4]))?$/.exec(period)))
    return [at(m[1]!, Number(m[2]) * 3 - 2), at(m[1]!, Number(m[3] ?? m[2]) * 3)];
  if ((m = /^(\d{4})-H([12])$/.exec(period))) return [at(m[1]!, Number(m[2]) * 6 - 5), at(m[1]!, Number(m[2]) * 6)];
  if ((m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(period))) return [at(m[1]!, Number(m[2])), at(m[1]!, Number(m[2]))];
  if ((m = /^(\d{4})$/.exec(period))) return [at(m[1]!, 1), at(m[1]!, 12)];
  return undefined;
}

/**
 * The notation for months [first, last] of one year, in the coarsest form that is
 * exact: a quarter, a half, quarters, the year, or a span of months.
 */
export function spanOfMonths(year: number, first: number, last: number): string {
  const mm = (n: number) => String(n).padStart(2, '0');
  if (first === 1 && last === 12) return String(year);
  if (first === last) return `${year}-${mm(first)}`;
  if (last - first === 5 && first % 6 === 1) return `${year}-H${Math.ceil(last / 6)}`;
  if (last - first === 2 && first % 3 === 1) return `${year}-Q${last / 3}`;
  return `${year}-${mm(first)}/${year}-${mm(last)}`;
}

/** Quarters [first, last] of one year: "2024-Q1-Q3"; a single quarter or the first two as a quarter or half. */
export function spanOfQuarters(year: number, first: number, last: number): string {
  if (first === last) return `${year}-Q${first}`;
  if (first === 1 && last === 4) return String(year);
  if (last - first === 1 && first % 2 === 1) return `${year}-H${Math.ceil(last / 2)}`;
  return `${year}-Q${first}-Q${last}`;
}

/**
 * A period as people type it, in the corpus's notation: "Q1 2024", "first quarter of
 * 2024" → "2024-Q1"; "Q1–Q3 2023" → "2023-Q1-Q3"; "Jan–Aug 2024" → "2024-01/2024-08";
 * "2021–2023", "2024/2025 season" → "2021/2023"; "May 2024" → "2024-05"; "2023" → "2023".
 */
export function parsePeriod(input: string): string | undefined {
  const text = normalize(input);
  if (PERIOD_NOTATION.test(input.trim()) && isPeriod(input.trim())) return input.trim();
  if (!onlyPeriodWords(text)) return undefined;
  const years = [...text.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => m[0]);
  const year = years[0];
  if (!year) return undefined;
  const yearSpan = new RegExp(String.raw`\b((?:19|20)\d{2})${DASH}((?:19|20)?\d{2})\b`).exec(text);
  if (
    yearSpan &&
    !/\bq[1-4]|\bh[12]\b|quarter|half/.test(text) &&
    !new RegExp(MONTH).test(text.replace(/\bseason\b/, ''))
  ) {
    const end = yearSpan[2]!.length === 2 ? `${yearSpan[1]!.slice(0, 2)}${yearSpan[2]}` : yearSpan[2]!;
    if (Number(end) > Number(yearSpan[1])) return `${yearSpan[1]}/${end}`;
  }
  const y = Number(year);
  const quarters = /\bq([1-4])\s*(?:-|to|through)\s*q([1-4])\b/.exec(text);
  if (quarters) return spanOfQuarters(y, Number(quarters[1]), Number(quarters[2]));
  const firstQuarters = /\bfirst (two|three) quarters\b/.exec(text);
  if (firstQuarters) return spanOfQuarters(y, 1, countOf(firstQuarters[1]!));
  const firstMonths = /\bfirst (two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2}) months\b/.exec(text);
  if (firstMonths) return spanOfMonths(y, 1, countOf(firstMonths[1]!));
  const monthSpan = new RegExp(String.raw`\b${MONTH}${DASH}${MONTH}`).exec(text);
  if (monthSpan) {
    const a = monthIndex(monthSpan[1]!);
    const b = monthIndex(monthSpan[2]!);
    if (a < b) return spanOfMonths(y, a, b);
  }
  const quarter =
    /\bq([1-4])\b/.exec(text)?.[1] ?? /\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter\b/.exec(text)?.[1];
  if (quarter) return `${year}-Q${ORDINALS[quarter] ?? quarter}`;
  const half =
    /\bh([12])\b/.exec(text)?.[1] ??
    (/\bfirst half\b/.test(text) ? '1' : /\bsecond half\b/.test(text) ? '2' : undefined);
  if (half) return `${year}-H${half}`;
  const numericMonth = /\b\d{4}-(0[1-9]|1[0-2])\b/.exec(text)?.[1];
  if (numericMonth) return `${year}-${numericMonth}`;
  const month = months.findIndex((m) => new RegExp(`\\b${m.slice(0, 3)}`).test(text));
  if (month >= 0) return `${year}-${String(month + 1).padStart(2, '0')}`;
  return year;
}

/**
 * Whether a statistic's period falls within the period asked for: "2024" holds
 * "2024-Q1", "2024-05" and "2024-Q1-Q3"; "2024-H1" holds "2024-Q2"; "2021/2023" holds "2022".
 */
export function periodWithin(statPeriod: string | undefined, asked: string): boolean {
  if (!statPeriod) return false;
  if (statPeriod.startsWith(asked)) return true;
  if (/^\d{4}-\d{2}-\d{2}$/.test(asked)) return false;
  const s = monthRange(statPeriod);
  const a = monthRange(asked);
  return !!s && !!a && a[0] <= s[0] && s[1] <= a[1];
}

/** "2024-Q1" → "Q1 2024", "2024-05" → "May 2024", "2023-Q1-Q3" → "Q1–Q3 2023", "2024-01/2024-08" → "Jan–Aug 2024", "2021/2023" → "2021–2023". */
export function describePeriod(period: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})\/(\d{4})$/.exec(period))) return `${m[1]}–${m[2]}`;
  if ((m = /^(\d{4})-Q([1-4])-Q([1-4])$/.exec(period))) return `Q${m[2]}–Q${m[3]} ${m[1]}`;
  if ((m = /^(\d{4})-(\d{2})\/(\d{4})-(\d{2})$/.exec(period))) {
    const short = (n: string) => capital(months[Number(n) - 1]!.slice(0, 3));
    return m[1] === m[3]
      ? `${short(m[2]!)}–${short(m[4]!)} ${m[1]}`
      : `${short(m[2]!)} ${m[1]}–${short(m[4]!)} ${m[3]}`;
  }
  const [year, part] = period.split('-', 2);
  if (!part) return period;
  if (/^[QH]\d$/.test(part)) return `${part} ${year}`;
  const month = months[Number(part) - 1];
  const day = period.split('-')[2];
  return month ? `${day ? `${Number(day)} ` : ''}${capital(month)} ${year}` : period;
}

function monthIndex(name: string): number {
  return months.findIndex((m) => m.startsWith(name.slice(0, 3))) + 1;
}

function capital(word: string): string {
  return `${word[0]!.toUpperCase()}${word.slice(1)}`;
}

/** Words a period is written with; anything else ("Q5", "2024-13", "last week") is not one this reads. */
const PERIOD_WORDS = new RegExp(
  String.raw`^(?:(?:19|20)\d{2}|0?[1-9]|1[0-2]|q[1-4]|h[12]|${MONTH.replace(String.raw`\.?`, '')}|quarters?|half|months|` +
    String.raw`first|second|third|fourth|1st|2nd|3rd|4th|two|three|four|five|six|seven|eight|nine|ten|eleven|` +
    String.raw`to|through|until|of|the|in|year|season|fy)$`,
);

/**
 * Whether every word of a typed period is one a period is written with, so a typo is
 * refused instead of read as the year beside it. Chinese text has no such words and passes.
 */
function onlyPeriodWords(text: string): boolean {
  // "2021–23": a year span's second year may be written with two digits.
  const span = new RegExp(String.raw`\b((?:19|20)\d{2})${DASH}(\d{2})\b`).exec(text);
  const shortYear = span && Number(span[1]!.slice(0, 2) + span[2]) > Number(span[1]) ? span[2] : undefined;
  return [...text.matchAll(/[a-z0-9]+/g)].every(([word]) => word === shortYear || PERIOD_WORDS.test(word));
}
