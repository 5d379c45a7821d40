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

export function clauses(sentence: Span): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const match of sentence.text.matchAll(CLAUSE_BREAK)) {
    push(out, sentence.text, start, match.index, sentence.start);
    // Connectives ("and", "of which") belong to neither clause; "with" and "bringing" open theirs.
    start = match.index + match[0].length;
  }
  push(out, sentence.text, start, sentence.text.length, sentence.start);
  return out;
}

function push(out: Span[], text: string, from: number, to: number, offset = 0): void {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  if (b > a) out.push({ text: text.slice(a, b), start: offset + a, end: offset + b });
}
