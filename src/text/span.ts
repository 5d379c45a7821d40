import { countOf, ORDINALS } from './numbers.ts';

/**
 * Periods as spans of months, so that what a question asks and what a passage or a
 * figure covers can be compared as they are: "the first three quarters of 2024" is
 * January to September 2024, which April 2024 and the first quarter are not.
 */
export interface Span {
  /** Months counted from year 0: 2024 · 12 + 0 is January 2024. */
  from: number;
  to: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = `(${MONTHS.join('|')})[a-z]*\\.?`;

const month = (year: number, m: number) => year * 12 + m;
const whole = (year: number): Span => ({ from: month(year, 0), to: month(year, 11) });

/** A period in the corpus's notation ("2024", "2024-Q1", "2024-H1", "2024-05", and spans "2024-Q1-Q3", "2024-01/2024-04", "2021/2023"). */
export function spanOfPeriod(period: string | undefined): Span | undefined {
  if (!period) return undefined;
  const range = /^([^/]+)\/([^/]+)$/.exec(period);
  if (range) {
    const [a, b] = [spanOfPeriod(range[1]), spanOfPeriod(range[2])];
    return a && b ? { from: a.from, to: b.to } : undefined;
  }
  const m = /^(\d{4})(?:-(?:Q([1-4])(?:-Q([1-4]))?|H([12])|(\d{2})))?/.exec(period);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return { from: month(year, (Number(m[2]) - 1) * 3), to: month(year, Number(m[3] ?? m[2]) * 3 - 1) };
  if (m[4]) return { from: month(year, (Number(m[4]) - 1) * 6), to: month(year, Number(m[4]) * 6 - 1) };
  if (m[5]) return { from: month(year, Number(m[5]) - 1), to: month(year, Number(m[5]) - 1) };
  return whole(year);
}

/**
 * The part of a year a phrase names, as months 0–11, or undefined: "first half",
 * "q3", "first three quarters", "first 10 months", "jan-oct", "january to september",
 * "april", Chinese 上半年, 一季度, 前三季度, 1-4月, 4月份.
 */
function partOfYear(text: string): { from: number; to: number } | undefined {
  let m: RegExpExecArray | null;
  // A winter season runs from November into March: "the 2024-2025 winter", "this winter" of a March article.
  if (/\bwinter\b|冬季|冰雪季/.test(text)) return WINTER;
  if ((m = new RegExp(`\\b(?:from )?${MONTH}\\s*(?:-|–|to|through|till|until)\\s*${MONTH}`).exec(text))) {
    return { from: MONTHS.indexOf(m[1]!), to: MONTHS.indexOf(m[2]!) };
  }
  if ((m = /\bfirst (two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2}) months\b/.exec(text)))
    return { from: 0, to: countOf(m[1]!) - 1 };
  if ((m = /\bfirst (two|three) quarters\b/.exec(text))) return { from: 0, to: countOf(m[1]!) * 3 - 1 };
  if ((m = /\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter\b|\bq([1-4])\b/.exec(text))) {
    const q = m[2] ? Number(m[2]) : ORDINALS[m[1]!]!;
    return { from: (q - 1) * 3, to: q * 3 - 1 };
  }
  if ((m = /\b(first|second) half\b|\bh([12])\b/.exec(text))) {
    const h = m[2] ? Number(m[2]) : m[1] === 'first' ? 1 : 2;
    return { from: (h - 1) * 6, to: h * 6 - 1 };
  }
  if ((m = /前([一二三])季度/.exec(text))) return { from: 0, to: '一二三'.indexOf(m[1]!) * 3 + 2 };
  if ((m = /([一二三四1-4])季度/.exec(text))) {
    const q = '一二三四'.indexOf(m[1]!) + 1 || Number(m[1]);
    return { from: (q - 1) * 3, to: q * 3 - 1 };
  }
  if (/上半年/.test(text)) return { from: 0, to: 5 };
  if (/下半年/.test(text)) return { from: 6, to: 11 };
  if ((m = /(\d{1,2})\s*[-—至到]\s*(\d{1,2})月/.exec(text))) return { from: Number(m[1]) - 1, to: Number(m[2]) - 1 };
  if ((m = /(\d{1,2})月/.exec(text))) return { from: Number(m[1]) - 1, to: Number(m[1]) - 1 };
  if (
    (m = new RegExp(`\\b(?:in|of|for|during|by the end of|end of|since) ${MONTH}(?!\\w)`).exec(text)) ||
    (m = new RegExp(`\\b${MONTH}(?= (?:19|20)\\d{2}\\b)`).exec(text))
  ) {
    const at = MONTHS.indexOf(m[1]!);
    return { from: at, to: at };
  }
  return undefined;
}

/** Months of a winter season, counted from the January it runs into. */
const WINTER = { from: -2, to: 2 };

/** The year a part of a year is counted in: a winter named by its two years is counted in the second. */
function yearOfPart(years: readonly number[], part: { from: number } | undefined): number | undefined {
  return part === WINTER && years.length >= 2 && years[1] === years[0]! + 1 ? years[1] : years[0];
}

export interface AskedSpan {
  span: Span;
  /** The year was not said ("in the first half", "this winter"): any year's such part is what was asked. */
  yearless: boolean;
  /** "last year", "this year": resolved against each article's date. */
  yearsAgo?: number;
}

/**
 * The period a question asks about (its text normalised and short forms expanded),
 * or undefined when it names none. Without a year, the year is taken from each
 * article (see resolveAsked).
 */
export function askedSpan(text: string): AskedSpan | undefined {
  const years = [...text.matchAll(/\b((?:19|20)\d{2})\b|((?:19|20)\d{2})年/g)].map((m) => Number(m[1] ?? m[2]));
  const part = partOfYear(text);
  const relative = /\bthis (?:year|winter|season)\b|\bso far this year\b|今年/.test(text)
    ? 0
    : /\blast (?:year|winter)\b|去年/.test(text)
      ? 1
      : undefined;
  if (years.length >= 2 && years[1]! > years[0]! && part !== WINTER)
    return { span: { from: month(years[0]!, part?.from ?? 0), to: month(years[1]!, 11) }, yearless: false };
  const year = yearOfPart(years, part) ?? 0;
  if (!years.length && !part && relative === undefined) return undefined;
  const span = part ? { from: month(year, part.from), to: month(year, part.to) } : whole(year);
  return { span, yearless: !years.length, ...(relative !== undefined && !years.length ? { yearsAgo: relative } : {}) };
}

/** The asked span in a given article's year when the question named none. */
export function resolveAsked(asked: AskedSpan, articleYear: number): Span {
  if (!asked.yearless) return asked.span;
  const year = articleYear - (asked.yearsAgo ?? 0);
  // A yearless span is counted from year 0 (a winter from the November before it).
  return { from: asked.span.from + year * 12, to: asked.span.to + year * 12 };
}

/**
 * The periods a passage's text speaks of, each resolved against its article's year:
 * "in the first half" of a 2024 article is H1 2024, "last year" is 2023.
 */
export function spansInText(text: string, articleYear: number): Span[] {
  const out: Span[] = [];
  const lower = text.toLowerCase();
  // Clauses split at sentence and semicolon ends: each period phrase with the year near it.
  for (const clause of lower.split(/(?<=[.;!?])\s+|,\s+(?=(?:in|during|from|for|by|over) )/)) {
    const years = [...clause.matchAll(/\b((?:19|20)\d{2})\b/g)].map((m) => Number(m[1]));
    const part = partOfYear(clause);
    const relative = /\blast year\b|\bprevious year\b/.test(clause)
      ? articleYear - 1
      : /\bthis year\b|\bthe year\b/.test(clause)
        ? articleYear
        : undefined;
    const year = yearOfPart(years, part) ?? relative ?? (part ? articleYear : undefined);
    if (year === undefined) continue;
    if (years.length >= 2 && years[1]! > years[0]! && years[1]! - years[0]! <= 10 && !part)
      out.push({ from: month(years[0]!, 0), to: month(years[1]!, 11) });
    out.push(part ? { from: month(year, part.from), to: month(year, part.to) } : whole(year));
  }
  return out;
}

export type PeriodFit = 'same' | 'within' | 'other' | 'unknown';

/**
 * How the periods a passage or figure covers fit the one asked: the same span; a part
 * of an asked year (the year asked, a quarter given); another period; or none said.
 */
export function fit(asked: Span, covered: readonly Span[]): PeriodFit {
  if (!covered.length) return 'unknown';
  if (covered.some((s) => s.from === asked.from && s.to === asked.to)) return 'same';
  const askedYear = asked.to - asked.from === 11 && asked.from % 12 === 0;
  if (askedYear && covered.some((s) => s.from >= asked.from && s.to <= asked.to)) return 'within';
  return 'other';
}
