/**
 * Folds what readers treat as the same: width and case, curly and straight quotes,
 * tone marks in pinyin ("Jiāngsū"), the non-breaking spaces machine translation leaves.
 */
export function normalize(text: string): string {
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

const stopwords = new Set(
  (
    'a an and are as at be been but by did do does for from had has have how i in into is it its of on or our so such ' +
    'than that the their them then there these they this those to was were what when where which who whom why will with ' +
    'would you your about among also can could should me my we us tell show give find any all much many more most very'
  ).split(' '),
);

const han = /\p{Script=Han}/u;

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
    if (han.test(word)) {
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
  word = irregular[word] ?? word;
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
