const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

/** The first calendar date in a line (2024-01-24, 2024/1/24, July 22, 2024, 22 July 2024), as ISO. */
export function readDate(text: string): { iso: string; index: number } | undefined {
  const found: { iso: string; index: number }[] = [];
  const numeric = /\b(20\d{2}|19\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  if (numeric) found.push({ iso: iso(numeric[1]!, numeric[2]!, numeric[3]!), index: numeric.index });
  const monthFirst = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2}),?\s+(\d{4})\b`, 'i').exec(text);
  if (monthFirst)
    found.push({ iso: iso(monthFirst[3]!, monthNumber(monthFirst[1]!), monthFirst[2]!), index: monthFirst.index });
  const dayFirst = new RegExp(String.raw`\b(\d{1,2})\s+${MONTH}\s+(\d{4})\b`, 'i').exec(text);
  if (dayFirst) found.push({ iso: iso(dayFirst[3]!, monthNumber(dayFirst[2]!), dayFirst[1]!), index: dayFirst.index });
  return found
    .filter((d) => /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(d.iso))
    .sort((a, b) => a.index - b.index)[0];
}

export function monthNumber(name: string): string {
  return String(MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1);
}

function iso(year: string, month: string, day: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
