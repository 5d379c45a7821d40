/**
 * Folds what readers treat as the same: width and case, curly and straight quotes,
 * tone marks in pinyin ("Jiāngsū"), the non-breaking spaces machine translation leaves.
 */
export function normalize(text: string): string {
  return isPlainAscii(text) ? text.toLowerCase().trim() : everyStep(text);
}

/** normalize() without its shortcut for plain ASCII (exported so a test can hold the shortcut to it). */
export function everyStep(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text every step of normalize() leaves alone but for case and the ends: printable ASCII
 * (no backtick) without runs of spaces. Most queries are; they then skip two Unicode
 * normalizations and six replacements, each a new string.
 */
function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 || code > 126 || code === 96 || (code === 32 && text.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

const stopwords = new Set(
  (
    'a an and are as at be been but by did do does for from had has have how i in into is it its of on or our so such ' +
    'than that the their them then there these they this those to was were what when where which who whom why will with ' +
    'would you your about among also can could should me my we us tell show give find any all much many more most very'
  ).split(' '),
);

const han = /\p{Script=Han}/u;

/** Han characters all lie at U+2E80 or above: a word without one needs no Unicode lookup. */
function mayBeHan(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

/**
 * Search terms of a text: lowercase words, lightly stemmed, without stopwords.
 * Chinese has no spaces, so a run of Han characters yields its overlapping pairs.
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of normalize(text)
    .replace(/'s\b/g, '')
    .split(/[^\p{L}\p{N}&]+/u)) {
    if (!word) continue;
    if (mayBeHan(word) && han.test(word)) {
      const chars = [...word];
      if (chars.length === 1) out.push(word);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
      continue;
    }
    if (stopwords.has(word)) continue;
    out.push(stem(word));
  }
  return out;
}

// Past tenses a suffix rule cannot undo, common in news about economies.
const irregular: Record<string, string> = {
  led: 'lead',
  grew: 'grow',
  grown: 'grow',
  rose: 'rise',
  risen: 'rise',
  built: 'build',
  made: 'make',
  took: 'take',
  taken: 'take',
  said: 'say',
  held: 'hold',
  brought: 'bring',
  gave: 'give',
  given: 'give',
  fell: 'fall',
  fallen: 'fall',
  spent: 'spend',
  sold: 'sell',
  began: 'begin',
  begun: 'begin',
  won: 'win',
  became: 'become',
  drove: 'drive',
};

/**
 * A deliberately small stemmer (Porter's first step, roughly): enough to meet
 * "industries" with "industry" and "rockets" with "rocket", without making
 * "party" into "part". Both the corpus and the query go through it.
 */
export function stem(word: string): string {
  // Words repeat: a figure's label and quote are read again by every question about its metric.
  const known = stems.get(word);
  if (known !== undefined) return known;
  const stemmed = stemOnce(word);
  // Short words only: V8 makes a longer piece of a split a slice of the whole text, which a kept key would keep alive.
  if (word.length <= 12 && stems.size < STEMS_KEPT) stems.set(word, stemmed);
  return stemmed;
}

/** Enough for the vocabulary of a large corpus (28,000 terms at 250k passages), not for every typo ever asked. */
const STEMS_KEPT = 100_000;
const stems = new Map<string, string>();

function stemOnce(word: string): string {
  word = Object.hasOwn(irregular, word) ? irregular[word]! : word;
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies')) word = word.slice(0, -2);
  else if (word.endsWith('sses')) word = word.slice(0, -2);
  else if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 5) word = word.slice(0, -3);
  else if (word.endsWith('ed') && word.length > 4) word = word.slice(0, -2);
  if (/[^aeiou]y$/.test(word)) word = word.slice(0, -1) + 'i';
  else if (/[^aeiou]ie$/.test(word)) word = word.slice(0, -1);
  else if (word.endsWith('e') && word.length > 4) word = word.slice(0, -1);
  return word;
}
