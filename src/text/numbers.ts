/** "first quarter", "3rd quarter": the ordinals of quarters and halves. */
export const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};

/** A count as written, in words or digits: "three" → 3, "10" → 10. */
export function countOf(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

const scales: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  // Chinese units machine translation leaves behind: "3.1万亿元", "5000万".
  万: 1e4,
  亿: 1e8,
  万亿: 1e12,
};

/** Numbers written as words, as news writes counts: "three quarters", "ten months". */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};

const numeral = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(thousand|million|billion|trillion|万亿|亿|万)?/i;
const wordNumeral = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'i');

/**
 * The number a figure's written form stands for: "3.1 trillion" → 3.1e12,
 * "40,000 parts" → 40000, "6.2%" → 6.2, "two" → 2, "fivefold" → 5, "one-third" → 33.3.
 * Undefined when it holds none.
 */
export function parseWrittenNumber(written: string): number | undefined {
  // "6.5-fold" → 6.5, "one-third" → 33.3 (a share is stored in percent).
  const special = multipleOf(written) ?? percentOfFraction(written);
  if (special !== undefined) return special;
  const match = numeral.exec(written);
  if (match) {
    const [, whole = '', fraction = '', scale] = match;
    const base = Number(whole.replaceAll(',', '') + fraction);
    // Multiply in decimal steps so 3.1 trillion is exactly 3100000000000, not 3099999999999.9995.
    return scale ? Math.round(base * scales[scale.toLowerCase()]! * 1e6) / 1e6 : base;
  }
  const word = wordNumeral.exec(written);
  if (!word) return undefined;
  // "one trillion yuan": a word numeral may carry a scale too.
  const scale = /^\s+(thousand|million|billion|trillion)\b/i.exec(written.slice(word.index + word[0].length))?.[1];
  return NUMBER_WORDS[word[1]!.toLowerCase()]! * (scale ? scales[scale.toLowerCase()]! : 1);
}

/** Fractions news writes in words: "one-third of the national total", "two-thirds". */
const FRACTIONS: Record<string, number> = { half: 2, third: 3, quarter: 4, fifth: 5, tenth: 10 };
export const FRACTION = /\b(one|two|three|a)[- ](half|thirds?|quarters?|fifths?|tenths?)\b/i;

/** "one-third" → 33.3 (percent, to one decimal); undefined when the words are no fraction. */
export function percentOfFraction(written: string): number | undefined {
  const m = FRACTION.exec(written);
  if (!m) return undefined;
  const n = m[1]!.toLowerCase() === 'a' ? 1 : NUMBER_WORDS[m[1]!.toLowerCase()]!;
  const d = FRACTIONS[m[2]!.toLowerCase().replace(/s$/, '')]!;
  return Math.round((n / d) * 1000) / 10;
}

/** A multiple as written: "fivefold", "6.5-fold", "two-fold" → 5, 6.5, 2. */
export const MULTIPLE = new RegExp(
  String.raw`\b(?:(\d+(?:\.\d+)?)[-\s]?|(${Object.keys(NUMBER_WORDS).join('|')})-?)fold\b`,
  'gi',
);
export function multipleOf(written: string): number | undefined {
  const m = new RegExp(MULTIPLE.source, 'i').exec(written);
  if (!m) return undefined;
  return m[1] ? Number(m[1]) : NUMBER_WORDS[m[2]!.toLowerCase()];
}
