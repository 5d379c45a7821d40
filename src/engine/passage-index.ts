import Fuse from 'fuse.js';
import type { Passage } from '../corpus/schema.ts';
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

const K1 = 1.2;
const B = 0.75;
const MAX_QUERY_TERMS = 32;

/**
 * BM25 over an inverted index of passage terms. Fuse.js only corrects spelling
 * against the vocabulary (short strings, its strength); scoring never scans every
 * passage, so a query costs what its terms' posting lists cost, not the corpus size.
 */
export class PassageIndex {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly lengths: number[] = [];
  private readonly averageLength: number;
  private readonly vocabulary: Fuse<string>;

  constructor(private readonly passages: readonly Passage[], extraText: (p: Passage) => string = () => '') {
    passages.forEach((passage, doc) => {
      const words = terms(`${passage.text} ${extraText(passage)}`);
      this.lengths.push(words.length);
      const counts = new Map<string, number>();
      for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc, tf });
      }
    });
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
    this.vocabulary = new Fuse([...this.postings.keys()].filter((t) => t.length >= 3), { includeScore: true, threshold: 0.3 });
  }

  search(query: string, limit = 5, boost: ReadonlySet<string> = new Set()): SearchResult {
    const corrections: { from: string; to: string }[] = [];
    const wanted = new Set<string>();
    for (const term of terms(query.slice(0, 2000)).slice(0, MAX_QUERY_TERMS)) {
      if (this.postings.has(term)) wanted.add(term);
      else {
        const fixed = this.correct(term);
        if (fixed) {
          wanted.add(fixed);
          corrections.push({ from: term, to: fixed });
        }
      }
    }
    const scores = new Map<number, { score: number; matched: string[] }>();
    const n = this.passages.length;
    for (const term of wanted) {
      const list = this.postings.get(term)!;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      const weight = boost.has(term) ? 2 : 1;
      for (const { doc, tf } of list) {
        const norm = tf * (K1 + 1) / (tf + K1 * (1 - B + (B * this.lengths[doc]!) / this.averageLength));
        const entry = scores.get(doc) ?? { score: 0, matched: [] };
        entry.score += weight * idf * norm;
        entry.matched.push(term);
        scores.set(doc, entry);
      }
    }
    const hits = [...scores.entries()]
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, limit)
      .map(([doc, { score, matched }]) => ({ passage: this.passages[doc]!, score, matched }));
    return { hits, terms: [...wanted], corrections };
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  private correct(term: string): string | undefined {
    if (term.length < 4 || /\d/.test(term)) return undefined;
    const [best] = this.vocabulary.search(term, { limit: 1 });
    return best && (best.score ?? 1) <= 0.25 ? best.item : undefined;
  }
}
