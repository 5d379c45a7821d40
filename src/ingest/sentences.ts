/** A span of a passage: its text and where it starts, so quotes stay verbatim. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations whose full stop ends no sentence ("U.S. dollars", "Jan. 23", "No. 1"). */
const ABBREVIATIONS =
  /(?:\b(?:U\.S|U\.K|Mr|Mrs|Ms|Dr|Prof|No|Nos|Co|Ltd|Inc|Corp|St|vs|etc|e\.g|i\.e|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]))$/;

/** Sentences of a paragraph, as spans. A sentence ends at . ! ? (and closing quotes) before a capital, a quote or a digit. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const end = /[.!?。！？]+["”’')\]]*(?=\s+["“‘(\p{Lu}\d]|\s*$)|[。！？]/gu;
  for (const match of text.matchAll(end)) {
    const stop = match.index + match[0].length;
    if (match[0].startsWith('.') && ABBREVIATIONS.test(text.slice(start, match.index))) continue;
    push(out, text, start, stop);
    start = stop;
  }
  push(out, text, start, text.length);
  return out;
}

/**
 * Where a new clause with its own subject may begin inside a sentence: figures in
 * different clauses belong to different subjects ("GDP exceeded 3.1 trillion yuan,
 * …, and the added value … increased by 9.5%").
 */
const CLAUSE_BREAK =
  /(?:,\s+(?:and|while|whereas|but|of which|among which|among them|of them)\s+|\s(?:said|says|noted|pointed out|told [\w ]{1,20}?)(?: that)?\s+(?=the |its |their |\p{Lu})|,\s+(?=(?:with|bringing|including)\s)|;\s+|:\s+|\bAmong them,\s+)/giu;

/** Clauses of each sentence already split: a sentence of a thousand figures is split once, not once per figure. */
const clausesOf = new WeakMap<Span, Span[]>();

/**
 * How much of a clause either side of a figure is read as its words and its quote. A clause
 * of ordinary prose is shorter; a "sentence" of hundreds of figures strung with commas is not,
 * and reading all of it for each figure would cost the square of its length.
 */
export const NEAR_FIGURE = 400;

/**
 * The clause a figure at [from, through) stands in, cut to NEAR_FIGURE characters either
 * side of it (at a space, so no word is halved).
 */
export function clauseAround(sentence: Span, from: number, through: number): Span {
  const clause = clauses(sentence).find((cl) => from >= cl.start && from < cl.end) ?? sentence;
  const start = clause.start < from - NEAR_FIGURE ? cutAfterSpace(sentence, from - NEAR_FIGURE) : clause.start;
  const end = clause.end > through + NEAR_FIGURE ? cutBeforeSpace(sentence, through + NEAR_FIGURE) : clause.end;
  if (start === clause.start && end === clause.end) return clause;
  return { start, end, text: sentence.text.slice(start - sentence.start, end - sentence.start) };
}

function cutAfterSpace(sentence: Span, at: number): number {
  const space = sentence.text.indexOf(' ', at - sentence.start);
  return space < 0 ? at : sentence.start + space + 1;
}

function cutBeforeSpace(sentence: Span, at: number): number {
  const space = sentence.text.lastIndexOf(' ', at - sentence.start);
  return space < 0 ? at : sentence.start + space;
}

export function clauses(sentence: Span): Span[] {
  const known = clausesOf.get(sentence);
  if (known) return known;
  const out: Span[] = [];
  let start = 0;
  for (const match of sentence.text.matchAll(CLAUSE_BREAK)) {
    push(out, sentence.text, start, match.index, sentence.start);
    // Connectives ("and", "of which") belong to neither clause; "with" and "bringing" open theirs.
    start = match.index + match[0].length;
  }
  push(out, sentence.text, start, sentence.text.length, sentence.start);
  clausesOf.set(sentence, out);
  return out;
}

function push(out: Span[], text: string, from: number, to: number, offset = 0): void {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  if (b > a) out.push({ text: text.slice(a, b), start: offset + a, end: offset + b });
}
