import { normalize } from './normalize.ts';

const quarterWords: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A period as people type it, in the corpus's notation: "Q1 2024", "2024 q1",
 * "first quarter of 2024" → "2024-Q1"; "May 2024" → "2024-05"; "2023" → "2023".
 */
export function parsePeriod(input: string): string | undefined {
  const text = normalize(input);
  const year = /\b(19|20)\d{2}\b/.exec(text)?.[0];
  if (!year) return undefined;
  const quarter = /\bq([1-4])\b/.exec(text)?.[1] ?? /\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter\b/.exec(text)?.[1];
  if (quarter) return `${year}-Q${quarterWords[quarter] ?? quarter}`;
  const half = /\bh([12])\b/.exec(text)?.[1] ?? (/\bfirst half\b/.test(text) ? '1' : /\bsecond half\b/.test(text) ? '2' : undefined);
  if (half) return `${year}-H${half}`;
  const numericMonth = /\b\d{4}-(0[1-9]|1[0-2])\b/.exec(text)?.[1];
  if (numericMonth) return `${year}-${numericMonth}`;
  const month = months.findIndex((m) => new RegExp(`\\b${m.slice(0, 3)}`).test(text));
  if (month >= 0) return `${year}-${String(month + 1).padStart(2, '0')}`;
  return year;
}

/** Whether a statistic's period falls within the period asked for ("2024" holds "2024-Q1" and "2024-05"). */
export function periodWithin(statPeriod: string | undefined, asked: string): boolean {
  if (!statPeriod) return false;
  if (statPeriod.startsWith(asked)) return true;
  const month = /^(\d{4})-(\d{2})/.exec(statPeriod);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(asked);
  return !!month && !!quarter && month[1] === quarter[1] && Math.ceil(Number(month[2]) / 3) === Number(quarter[2]);
}

/** "2024-Q1" → "Q1 2024", "2024-05" → "May 2024": how a reader says it. */
export function describePeriod(period: string): string {
  const [year, part] = period.split('-', 2);
  if (!part) return period;
  if (/^[QH]\d$/.test(part)) return `${part} ${year}`;
  const month = months[Number(part) - 1];
  const day = period.split('-')[2];
  return month ? `${day ? `${Number(day)} ` : ''}${month[0]!.toUpperCase()}${month.slice(1)} ${year}` : period;
}
