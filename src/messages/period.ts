import { describePeriod } from '../text/period.ts';

/** A period as asked: absolute ("2024-Q1"), a quarter of any year, or relative to each article's date. */
export type AskedPeriod =
  | { kind: 'absolute'; period: string }
  | { kind: 'quarter'; quarter: number }
  | { kind: 'relative'; yearsAgo: number; quarter?: number };

const quarters = ['', '第一季度', '第二季度', '第三季度', '第四季度'];
const halves = ['', '上半年', '下半年'];

/** "2024-Q1" → "2024年第一季度", "2024-05" → "2024年5月", "2024-05-21" → "2024年5月21日", "2024-Q1-Q3" → "2024年第一至第三季度", "2024-01/2024-04" → "2024年1月至2024年4月". */
export function describePeriodZh(period: string): string {
  const span = /^(.+)\/(.+)$/.exec(period);
  if (span) return `${describePeriodZh(span[1]!)}至${describePeriodZh(span[2]!)}`;
  const quarterSpan = /^(\d{4})-Q([1-4])-Q([1-4])$/.exec(period);
  if (quarterSpan)
    return `${quarterSpan[1]}年第${'一二三四'[Number(quarterSpan[2]) - 1]}至第${'一二三四'[Number(quarterSpan[3]) - 1]}季度`;
  const [year, part, day] = period.split('-');
  if (!part) return `${year}年`;
  const quarter = /^Q([1-4])$/.exec(part)?.[1];
  if (quarter) return `${year}年${quarters[Number(quarter)]}`;
  const half = /^H([12])$/.exec(part)?.[1];
  if (half) return `${year}年${halves[Number(half)]}`;
  return `${year}年${Number(part)}月${day ? `${Number(day)}日` : ''}`;
}

export function describeAsked(period: AskedPeriod): string {
  if (period.kind === 'absolute') return describePeriod(period.period);
  if (period.kind === 'quarter') return `Q${period.quarter}`;
  const year = period.yearsAgo === 0 ? 'this year' : 'last year';
  return period.quarter ? `Q${period.quarter} of ${year}` : year;
}

export function describeAskedZh(period: AskedPeriod): string {
  if (period.kind === 'absolute') return describePeriodZh(period.period);
  if (period.kind === 'quarter') return quarters[period.quarter]!;
  const year = period.yearsAgo === 0 ? '今年' : '去年';
  return period.quarter ? `${year}${quarters[period.quarter]}` : year;
}
