import type { Passage } from '../corpus/schema.ts';
import { Speller } from './speller.ts';
import { terms } from './text.ts';

export interface PassageHit {
  passage: Passage;
  score: number;
  /** The query's terms, corrected to the corpus vocabulary, that this passage contains. */
  matched: string[];
}

export interface SearchResult {
  hits: PassageHit[];
  /** Every query term after spelling correction; a term the corpus lacks is absent. */
  terms: string[];
  corrections: { from: string; to: string }[];
}

/**
 * The index as flat arrays, what a prebuilt index file stores: term t's postings are
 * docs[starts[t] … starts[t + 1]) (passage numbers, ascending) with their counts in tfs.
 */
export interface IndexArrays {
  /** Every term, in the order the passages first use it. */
  vocabulary: readonly string[];
  starts: Uint32Array;
  docs: Uint32Array;
  tfs: Uint8Array | Uint16Array | Uint32Array;
  /** Terms per passage. */
  lengths: Uint32Array;
}

const K1 = 1.2;
const B = 0.75;
const MAX_QUERY_TERMS = 32;

/**
 * BM25 over an inverted index of passage terms. Fuse.js only corrects spelling
 * against the vocabulary (short strings, its strength); scoring never scans every
 * passage, so a query costs what its terms' posting lists cost, not the corpus size.
 *
 * Postings live in typed arrays rather than an object per posting: at 250k passages
 * that is about 10M postings, 50 MB instead of several hundred, and no GC work.
 */
export class PassageIndex {
  private readonly termIds = new Map<string, number>();
  private readonly vocabulary: readonly string[];
  private readonly starts: Uint32Array;
  private readonly docs: Uint32Array;
  private readonly tfs: Uint8Array | Uint16Array | Uint32Array;
  private readonly lengths: Uint32Array;
  /** Per passage, K1 · (1 − B + B · length / average length): the part of BM25 fixed at build time. */
  private readonly lengthNorms: Float64Array;
  private readonly speller: Speller;
  // Scratch space reused by every search: a query never allocates per passage it touches.
  private readonly scores: Float64Array;
  private readonly matchedTerms: Uint32Array;
  private readonly touched: Uint32Array;

  constructor(
    private readonly passages: readonly Passage[],
    source: IndexArrays | ((p: Passage) => string) = () => '',
  ) {
    const arrays = typeof source === 'function' ? buildArrays(passages, source) : source;
    if (arrays.lengths.length !== passages.length) throw new Error(`the index covers ${arrays.lengths.length} passages, the corpus has ${passages.length}`);
    ({ vocabulary: this.vocabulary, starts: this.starts, docs: this.docs, tfs: this.tfs, lengths: this.lengths } = arrays);
    this.vocabulary.forEach((term, id) => this.termIds.set(term, id));
    let total = 0;
    for (const length of this.lengths) total += length;
    const averageLength = total / Math.max(1, passages.length);
    this.lengthNorms = new Float64Array(passages.length);
    for (let doc = 0; doc < passages.length; doc++) this.lengthNorms[doc] = K1 * (1 - B + (B * this.lengths[doc]!) / averageLength);
    this.speller = new Speller(this.vocabulary.filter((t) => t.length >= 3));
    this.scores = new Float64Array(passages.length);
    this.matchedTerms = new Uint32Array(passages.length);
    this.touched = new Uint32Array(passages.length);
  }

  /** The flat arrays, for writing a prebuilt index. */
  get arrays(): IndexArrays {
    return { vocabulary: this.vocabulary, starts: this.starts, docs: this.docs, tfs: this.tfs, lengths: this.lengths };
  }

  search(query: string, limit = 5, boost: ReadonlySet<string> = new Set()): SearchResult {
    const corrections: { from: string; to: string }[] = [];
    const wanted = new Set<string>();
    for (const term of terms(query.slice(0, 2000)).slice(0, MAX_QUERY_TERMS)) {
      if (this.termIds.has(term)) wanted.add(term);
      else {
        const fixed = this.correct(term);
        if (fixed) {
          wanted.add(fixed);
          corrections.push({ from: term, to: fixed });
        }
      }
    }
    const list = [...wanted];
    const touched = this.score(list, boost);
    try {
      const hits = this.best(touched, limit).map((doc) => ({
        passage: this.passages[doc]!,
        score: this.scores[doc]!,
        // In query order, as each term's postings were added.
        matched: list.filter((_, t) => (this.matchedTerms[doc]! >>> t) & 1),
      }));
      return { hits, terms: list, corrections };
    } finally {
      // The scratch space must be clean for the next query, whatever happened to this one.
      for (let i = 0; i < touched; i++) {
        const doc = this.touched[i]!;
        this.scores[doc] = 0;
        this.matchedTerms[doc] = 0;
      }
    }
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** Accumulates BM25 over the terms' postings; returns how many passages it touched (listed in `touched`). */
  private score(list: readonly string[], boost: ReadonlySet<string>): number {
    const { docs, tfs, lengthNorms, scores, matchedTerms, touched: touchedDocs } = this;
    const n = this.passages.length;
    let touched = 0;
    list.forEach((term, t) => {
      const id = this.termIds.get(term)!;
      const start = this.starts[id]!;
      const end = this.starts[id + 1]!;
      const df = end - start;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const weight = boost.has(term) ? 2 : 1;
      const bit = 2 ** t;
      for (let i = start; i < end; i++) {
        const doc = docs[i]!;
        const tf = tfs[i]!;
        const norm = (tf * (K1 + 1)) / (tf + lengthNorms[doc]!);
        if (matchedTerms[doc] === 0) touchedDocs[touched++] = doc;
        scores[doc] = scores[doc]! + weight * idf * norm;
        matchedTerms[doc] = matchedTerms[doc]! | bit;
      }
    });
    return touched;
  }

  /** The `limit` best touched passages: highest score first, earlier passage on a tie. */
  private best(touched: number, limit: number): number[] {
    const { scores } = this;
    const before = (a: number, b: number) => scores[b]! - scores[a]! || a - b;
    const docs = this.touched.subarray(0, touched);
    if (limit >= touched / 8) return Array.from(docs).sort(before).slice(0, limit);
    // Few wanted from many: a bounded heap, and most passages fall below its worst score at a glance.
    const heap = new TopK(limit, before);
    for (const doc of docs) {
      if (heap.full && scores[doc]! < scores[heap.worst]!) continue;
      heap.offer(doc);
    }
    return heap.sorted();
  }

  private correct(term: string): string | undefined {
    if (term.length < 4 || /\d/.test(term)) return undefined;
    return this.speller.correct(term);
  }
}

/**
 * Tokenizes every passage once and lays the postings out flat. Terms are numbered in
 * order of first use and each list is in passage order, as the index always was.
 */
function buildArrays(passages: readonly Passage[], extraText: (p: Passage) => string): IndexArrays {
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  const lengths = new Uint32Array(passages.length);
  // Pass 1: per passage, its (term, count) pairs, appended to growing flat buffers.
  let termOf = new Uint32Array(1 << 16);
  let countOf = new Uint32Array(1 << 16);
  const firstPair = new Uint32Array(passages.length + 1);
  let pairs = 0;
  let maxTf = 0;
  passages.forEach((passage, doc) => {
    const words = terms(`${passage.text} ${extraText(passage)}`);
    lengths[doc] = words.length;
    const counts = new Map<string, number>();
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    if (pairs + counts.size > termOf.length) {
      termOf = grow(termOf, pairs + counts.size);
      countOf = grow(countOf, pairs + counts.size);
    }
    for (const [term, tf] of counts) {
      let id = ids.get(term);
      if (id === undefined) {
        ids.set(term, (id = vocabulary.length));
        vocabulary.push(term);
      }
      termOf[pairs] = id;
      countOf[pairs++] = tf;
      if (tf > maxTf) maxTf = tf;
    }
    firstPair[doc + 1] = pairs;
  });
  // Pass 2: a counting sort by term; passages are visited in order, so each list stays ascending.
  const starts = new Uint32Array(vocabulary.length + 1);
  for (let i = 0; i < pairs; i++) starts[termOf[i]! + 1]!++;
  for (let t = 0; t < vocabulary.length; t++) starts[t + 1]! += starts[t]!;
  const next = starts.slice(0, vocabulary.length);
  const docs = new Uint32Array(pairs);
  const tfs = maxTf <= 0xff ? new Uint8Array(pairs) : maxTf <= 0xffff ? new Uint16Array(pairs) : new Uint32Array(pairs);
  for (let doc = 0; doc < passages.length; doc++) {
    for (let i = firstPair[doc]!; i < firstPair[doc + 1]!; i++) {
      const at = next[termOf[i]!]!++;
      docs[at] = doc;
      tfs[at] = countOf[i]!;
    }
  }
  return { vocabulary, starts, docs, tfs, lengths };
}

function grow(array: Uint32Array, atLeast: number) {
  const bigger = new Uint32Array(Math.max(atLeast, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** A bounded max-heap by `before`: holds the best `limit` items offered. */
class TopK {
  private readonly items: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly before: (a: number, b: number) => number,
  ) {}

  get full(): boolean {
    return this.items.length >= this.limit;
  }

  /** The item that leaves first when a better one comes: the root. */
  get worst(): number {
    return this.items[0]!;
  }

  offer(item: number): void {
    const { items } = this;
    if (items.length < this.limit) {
      items.push(item);
      this.up(items.length - 1);
    } else if (this.limit > 0 && this.before(item, items[0]!) < 0) {
      items[0] = item;
      this.down(0);
    }
  }

  sorted(): number[] {
    return [...this.items].sort(this.before);
  }

  // The root is the worst kept item, so a better newcomer replaces it.
  private up(i: number): void {
    const { items } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.before(items[parent]!, items[i]!) >= 0) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const { items } = this;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < items.length && this.before(items[worst]!, items[left]!) < 0) worst = left;
      if (right < items.length && this.before(items[worst]!, items[right]!) < 0) worst = right;
      if (worst === i) return;
      [items[worst], items[i]] = [items[i]!, items[worst]!];
      i = worst;
    }
  }
}
