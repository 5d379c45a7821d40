import { terms } from '../text/normalize.ts';

/** Sentence spans of a text, as [start, end) offsets, so excerpts stay verbatim slices. */
export function sentences(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const boundary = /[.!?。！？](?=["”’)]*\s|$)["”’)]*|\n+/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (text.slice(start, end).trim()) spans.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim()) spans.push([start, text.length]);
  return spans.map(([s, e]) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    return [s, e];
  });
}

/**
 * The sentences of a passage that bear on the wanted terms, verbatim, within
 * roughly maxChars: the best sentence, then its neighbours while they fit.
 */
export function excerptAround(text: string, wanted: readonly string[], maxChars = 360): string {
  if (text.length <= maxChars) return text;
  const spans = sentences(text);
  const want = new Set(wanted);
  let best = 0;
  let bestScore = -1;
  spans.forEach(([s, e], i) => {
    const score = new Set(terms(text.slice(s, e)).filter((t) => want.has(t))).size;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  let [from, to] = [best, best];
  for (;;) {
    const next = to + 1 < spans.length && spans[to + 1]![1] - spans[from]![0] <= maxChars;
    if (next) to++;
    else if (from > 0 && spans[to]![1] - spans[from - 1]![0] <= maxChars) from--;
    else break;
  }
  return text.slice(spans[from]![0], spans[to]![1]);
}

/** The opening sentence of a text, verbatim. */
export function firstSentence(text: string): string {
  const [first] = sentences(text);
  return first ? text.slice(first[0], first[1]) : text;
}
