import type { Passage } from '../corpus/schema.ts';
import { Speller } from './speller.ts';
import { terms } from '../text/normalize.ts';

export interface PassageHit {
  passage: Passage;
  score: number;
  /** The query's terms, corrected to the corpus vocabulary, that this passage contains. */
  matched: string[];
}

export interface RankOptions {
  limit: number;
  /** Only these passages are ranked: their positions in the corpus, ascending. */
  within?: Uint32Array;
  /** Terms that rank first by how many of them a passage holds: the words a question asks about. */
  counted?: ReadonlySet<string>;
  /**
   * Passages scoring under this share of the best one are not wanted (a search shows
   * none under 40%): they may be left out, which lets long lists be skipped sooner.
   */
  floor?: number;
  /** With `counted`: passages holding fewer of those terms are not wanted (a question's answer must cover most of its words). */
  atLeast?: number;
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

/** A pool is walked instead of the lists when the lists are this many times longer than its lookups. */
const POOL_LOOKUP = 4;
/** A rare word's list up to this long is scored first, to start with a high threshold. */
const SEED_POSTINGS = 20_000;
/** Postings per block of the block-max bounds: 2^BLOCK_BITS. */
const BLOCK_BITS = 7;
const BLOCK = 1 << BLOCK_BITS;
const K1 = 1.2;
const B = 0.75;
/** A term per bit of a passage's matched terms, and per slot of the scratch. */
const MAX_QUERY_TERMS = 32;

/** One call of rank(): what its stages share. */
interface RankRun {
  list: readonly string[];
  within: Uint32Array | undefined;
  floor: number;
  idfs: number[];
  /** Added per counted term a passage holds: more than all the terms' best scores together. */
  bonus: number;
  countedBits: number;
  /** Term numbers, by their lists' best possible contribution, smallest first. */
  order: number[];
  /** Lists with postings. */
  m: number;
  heap: TopK;
  /** Passages scored so far, in touched. */
  written: number;
  essential: number;
  threshold: number;
  best: number;
  /** The threshold the lists' blocks were last looked at with. */
  blocksChecked: number;
}

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
  /**
   * rank()'s per-list state, reused by every call: small typed arrays made per query are
   * each a buffer outside the heap, and made garbage collection 30× slower.
   */
  private readonly rankScratch = {
    reach: new Float64Array(MAX_QUERY_TERMS),
    at: new Uint32Array(MAX_QUERY_TERMS),
    ends: new Uint32Array(MAX_QUERY_TERMS),
    firsts: new Uint32Array(MAX_QUERY_TERMS),
    blocks: new Uint32Array(MAX_QUERY_TERMS),
    parts: new Float64Array(MAX_QUERY_TERMS),
    cursor: new Uint32Array(MAX_QUERY_TERMS),
    /** Per list, what every other list could add at best, and its own bonus: the part of a block's bound fixed for the query. */
    slack: new Float64Array(MAX_QUERY_TERMS),
    /** Per list, where the block it was last found worth walking ends. */
    blockEnds: new Uint32Array(MAX_QUERY_TERMS),
    /** The passage being scored: what its postings add to its key so far (see add()). */
    sum: new Float64Array(1),
  };
  /** Per term, the largest impact in its list. */
  private readonly bestImpacts: Float64Array;
  /** Per block of BLOCK postings, its largest impact; term t's blocks start at blockStarts[t]. */
  private readonly blockStarts: Uint32Array;
  private readonly blockImpacts: Float64Array;

  constructor(
    private readonly passages: readonly Passage[],
    source: IndexArrays | ((p: Passage) => string) = () => '',
  ) {
    const arrays = typeof source === 'function' ? buildArrays(passages, source) : source;
    if (arrays.lengths.length !== passages.length)
      throw new Error(`the index covers ${arrays.lengths.length} passages, the corpus has ${passages.length}`);
    ({
      vocabulary: this.vocabulary,
      starts: this.starts,
      docs: this.docs,
      tfs: this.tfs,
      lengths: this.lengths,
    } = arrays);
    this.vocabulary.forEach((term, id) => this.termIds.set(term, id));
    let total = 0;
    for (const length of this.lengths) total += length;
    const averageLength = total / Math.max(1, passages.length);
    this.lengthNorms = new Float64Array(passages.length);
    for (let doc = 0; doc < passages.length; doc++)
      this.lengthNorms[doc] = K1 * (1 - B + (B * this.lengths[doc]!) / averageLength);
    this.speller = new Speller(this.vocabulary.filter((t) => t.length >= 3));
    this.scores = new Float64Array(passages.length);
    this.matchedTerms = new Uint32Array(passages.length);
    this.touched = new Uint32Array(passages.length);
    // The bounds MaxScore and block skipping prune with: one pass over the postings (≈ 40 ms at 9M postings).
    this.bestImpacts = new Float64Array(this.vocabulary.length);
    this.blockStarts = new Uint32Array(this.vocabulary.length + 1);
    for (let t = 0; t < this.vocabulary.length; t++)
      this.blockStarts[t + 1] = this.blockStarts[t]! + Math.ceil((this.starts[t + 1]! - this.starts[t]!) / BLOCK);
    this.blockImpacts = new Float64Array(this.blockStarts[this.vocabulary.length]!);
    for (let t = 0; t < this.vocabulary.length; t++) {
      const start = this.starts[t]!;
      let best = 0;
      for (let i = start; i < this.starts[t + 1]!; i++) {
        const impact = this.impact(i);
        const block = this.blockStarts[t]! + ((i - start) >>> BLOCK_BITS);
        if (impact > this.blockImpacts[block]!) this.blockImpacts[block] = impact;
        if (impact > best) best = impact;
      }
      this.bestImpacts[t] = best;
    }
  }

  /** The flat arrays, for writing a prebuilt index. */
  get arrays(): IndexArrays {
    return { vocabulary: this.vocabulary, starts: this.starts, docs: this.docs, tfs: this.tfs, lengths: this.lengths };
  }

  /** The query's terms as the index knows them: misspelt ones corrected, unknown ones dropped. */
  resolve(query: string): { terms: string[]; corrections: { from: string; to: string }[] } {
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
    return { terms: [...wanted], corrections };
  }

  search(query: string, limit = 5, floor = 0): SearchResult {
    const resolved = this.resolve(query);
    return { hits: this.rank(resolved.terms, { limit, floor }), ...resolved };
  }

  /**
   * The first `limit` passages (in corpus order) holding every one of the terms: what
   * autocomplete offers while someone types words of a passage. It walks the shortest
   * list, looks into the others, and stops at `limit`, so it costs little at any size.
   */
  withAll(list: readonly string[], limit: number): Passage[] {
    const ids = list.map((term) => this.termIds.get(term));
    if (!ids.length || ids.some((id) => id === undefined)) return [];
    const lists = ids
      .map((id) => ({ at: this.starts[id!]!, end: this.starts[id! + 1]! }))
      .sort((a, b) => a.end - a.at - (b.end - b.at));
    const [shortest, ...others] = lists;
    const out: Passage[] = [];
    for (let i = shortest!.at; i < shortest!.end && out.length < limit; i++) {
      const doc = this.docs[i]!;
      if (others.every((l) => (l.at = seek(this.docs, l.at, l.end, doc)) < l.end && this.docs[l.at] === doc))
        out.push(this.passages[doc]!);
    }
    return out;
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** How many passages use the term: what makes a word telling (rare) or not. */
  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.starts[id + 1]! - this.starts[id]!;
  }

  /**
   * The `limit` best passages for the terms (from resolve()): highest BM25 score first,
   * the earlier passage on a tie; with `counted`, first by how many of those terms a
   * passage holds.
   *
   * MaxScore (Turtle and Flood, 1995): the lists are walked together in passage order,
   * and once `limit` passages are held, a passage found only in lists whose best possible
   * contributions add up to less than the worst one held cannot enter, so those lists
   * are no longer walked, only looked into (a galloping search) for passages the others
   * bring. Common words ("industry", in half of all passages) cost lookups, not a walk.
   * The answer is exactly that of scoring every posting; scores are summed in query
   * order, as a full scoring would.
   */
  rank(list: readonly string[], options: RankOptions): PassageHit[] {
    if (options.limit <= 0) return [];
    const run = this.plan(list.slice(0, MAX_QUERY_TERMS), options);
    try {
      if (this.poolIsSmall(run)) this.scorePool(run);
      else {
        this.scoreRareListFirst(run);
        this.walkLists(run);
      }
      return this.hits(run);
    } finally {
      this.cleanScratch(run);
    }
  }

  /** Stage 1: each term's list, idf and best possible contribution; the lists ordered smallest bound first. */
  private plan(list: readonly string[], { limit, within, counted, floor = 0, atLeast = 0 }: RankOptions): RankRun {
    const n = this.passages.length;
    // A pool of every passage (the whole country's articles) narrows nothing.
    if (within?.length === n) within = undefined;
    const found = list.map((term) => this.termIds.get(term));
    const idfs = found.map((id) => (id === undefined ? 0 : idf(n, this.starts[id + 1]! - this.starts[id]!)));
    const bests = found.map((id, t) => (id === undefined ? 0 : idfs[t]! * this.bestImpacts[id]!));
    // A counted term is worth more than every term's best score together: the count ranks first.
    const bonus = counted ? 1 + bests.reduce((a, b) => a + b, 0) : 0;
    let countedBits = 0;
    list.forEach((term, t) => {
      if (counted?.has(term)) countedBits |= 1 << t;
    });
    const upper = (t: number) => bests[t]! + ((countedBits >>> t) & 1 ? bonus : 0);
    const order = list
      .map((_, t) => t)
      .filter((t) => found[t] !== undefined)
      .sort((a, b) => upper(a) - upper(b));
    const { reach, at, ends, firsts, blocks, slack } = this.rankScratch;
    order.forEach((t, k) => {
      reach[k] = (k ? reach[k - 1]! : 0) + upper(t);
      at[k] = firsts[k] = this.starts[found[t]!]!;
      ends[k] = this.starts[found[t]! + 1]!;
      blocks[k] = this.blockStarts[found[t]!]!;
    });
    const m = order.length;
    const total = m ? reach[m - 1]! : 0;
    order.forEach((t, k) => (slack[k] = total - upper(t) + ((countedBits >>> t) & 1 ? bonus : 0)));
    const { matchedTerms, scores } = this;
    const before = (a: number, b: number) =>
      popcount(matchedTerms[b]! & countedBits) - popcount(matchedTerms[a]! & countedBits) ||
      scores[b]! - scores[a]! ||
      a - b;
    const run: RankRun = {
      list,
      within,
      floor,
      idfs,
      bonus,
      countedBits,
      order,
      m,
      heap: new TopK(limit, before),
      written: 0,
      essential: 0,
      // Below `atLeast` counted terms a passage is not wanted, whatever its score.
      threshold: counted && atLeast > 0 ? atLeast * bonus * (1 - 1e-9) : -Infinity,
      best: -Infinity,
      blocksChecked: NaN,
    };
    this.raiseEssential(run);
    return run;
  }

  /** Lists 0 … essential − 1 cannot bring a passage in on their own; float sums are compared with a little room. */
  private raiseEssential(run: RankRun): void {
    const { reach } = this.rankScratch;
    while (run.essential < run.m && reach[run.essential]! < run.threshold) run.essential++;
  }

  /**
   * A posting of list k: its part of the score, kept for admit(), and what it adds to the
   * key, added to the scratch sum. Summed there rather than returned: a returned number is
   * a heap object wherever V8 does not inline the call, one per posting scored.
   */
  private add(run: RankRun, k: number, posting: number): void {
    const t = run.order[k]!;
    const { parts, sum } = this.rankScratch;
    parts[t] = run.idfs[t]! * this.impact(posting);
    sum[0]! += parts[t]! + ((run.countedBits >>> t) & 1 ? run.bonus : 0);
  }

  /**
   * The passage looked up in lists `from` … 0 (their cursors moved up to it), what it holds
   * added to the scratch sum, for as long as it can still reach the threshold: the terms it
   * was found with, `bits` among them. Under the threshold after, it is not wanted.
   */
  private lookUp(run: RankRun, cursors: Uint32Array, from: number, doc: number, bits: number): number {
    const { docs } = this;
    const { reach, ends, sum } = this.rankScratch;
    for (let k = from; k >= 0; k--) {
      // Every list from here on at its best would not be enough (sum alone is then under the threshold too).
      if (sum[0]! + reach[k]! < run.threshold) break;
      cursors[k] = seek(docs, cursors[k]!, ends[k]!, doc);
      if (cursors[k]! < ends[k]! && docs[cursors[k]!]! === doc) {
        this.add(run, k, cursors[k]!);
        bits |= 1 << run.order[k]!;
      }
    }
    return bits;
  }

  /** Offers a scored passage (its score summed again in query order) and raises the threshold. */
  private admit(run: RankRun, doc: number, bits: number): void {
    const { scores, matchedTerms } = this;
    const { parts } = this.rankScratch;
    let score = 0;
    for (let t = 0; t < run.list.length; t++) if ((bits >>> t) & 1) score += parts[t]!;
    scores[doc] = score;
    matchedTerms[doc] = bits;
    this.touched[run.written++] = doc;
    run.heap.offer(doc);
    run.best = Math.max(run.best, this.key(run, doc));
    const worst = run.heap.full ? this.key(run, run.heap.worst) : -Infinity;
    const bar = Math.max(worst, run.floor * run.best);
    if (bar > run.threshold) {
      run.threshold = bar - Math.abs(bar) * 1e-9;
      this.raiseEssential(run);
    }
  }

  /** What a scored passage is ranked by: its counted terms first, then its score. A method, not a closure per admit(). */
  private key(run: RankRun, doc: number): number {
    return popcount(this.matchedTerms[doc]! & run.countedBits) * run.bonus + this.scores[doc]!;
  }

  /** Whether a pool (a city's passages) is cheaper to look up in every list than the lists of common words are to walk. */
  private poolIsSmall(run: RankRun): boolean {
    if (!run.within) return false;
    const { ends, firsts } = this.rankScratch;
    let postings = 0;
    for (let k = 0; k < run.m; k++) postings += ends[k]! - firsts[k]!;
    return run.within.length * run.m * POOL_LOOKUP < postings;
  }

  /** Stage 2a: each passage of a small pool looked up in every list, best bound first. */
  private scorePool(run: RankRun): void {
    const { firsts, cursor, sum } = this.rankScratch;
    cursor.set(firsts);
    const within = run.within!;
    for (let at = 0; at < within.length; at++) {
      const doc = within[at]!;
      sum[0] = 0;
      const bits = this.lookUp(run, cursor, run.m - 1, doc, 0);
      if (bits && sum[0]! >= run.threshold) this.admit(run, doc, bits);
    }
  }

  /**
   * Stage 2b: the list with the best possible contribution is usually a rare word: its
   * passages, scored first, raise the threshold before the long lists are walked at all.
   */
  private scoreRareListFirst(run: RankRun): void {
    const { docs } = this;
    const { ends, firsts, cursor, sum } = this.rankScratch;
    const { m, within } = run;
    if (!(run.essential < m && m > 1 && ends[m - 1]! - firsts[m - 1]! <= SEED_POSTINGS)) return;
    cursor.set(firsts);
    let pool = 0;
    for (let i = firsts[m - 1]!; i < ends[m - 1]!; i++) {
      const doc = docs[i]!;
      if (within && !pooled(within, (pool = seek(within, pool, within.length, doc)), doc)) continue;
      sum[0] = 0;
      this.add(run, m - 1, i);
      const bits = this.lookUp(run, cursor, m - 2, doc, 1 << run.order[m - 1]!);
      if (sum[0]! >= run.threshold) this.admit(run, doc, bits);
      else this.settle(run, doc, bits);
    }
  }

  /**
   * A passage that cannot enter, now or later (the threshold only rises): marked as
   * scored, so the walk that brings it again through this list passes it by instead
   * of looking it up in every other list a second time.
   */
  private settle(run: RankRun, doc: number, bits: number): void {
    this.matchedTerms[doc] = bits;
    this.touched[run.written++] = doc;
  }

  /**
   * Stage 3, MaxScore: the essential lists walked together in passage order, each passage
   * they bring looked up in the others while it can still reach the threshold.
   */
  private walkLists(run: RankRun): void {
    const { docs, matchedTerms } = this;
    const n = this.passages.length;
    const { at, ends, sum } = this.rankScratch;
    const { m, within } = run;
    // Where the walk stands in the pool's positions.
    let pool = 0;
    while (run.essential < m) {
      if (run.essential === m - 1) {
        this.walkLastList(run);
        break;
      }
      if (run.threshold > 0) this.skipBlocks(run);
      let doc = n;
      for (let k = run.essential; k < m; k++) if (at[k]! < ends[k]! && docs[at[k]!]! < doc) doc = docs[at[k]!]!;
      if (doc === n) break;
      if (within) {
        // Outside the pool: every list jumps to the pool's next passage. A pool is whole
        // articles, so what lies between is long runs a galloping search passes in a few steps.
        pool = seek(within, pool, within.length, doc);
        if (pool === within.length) break;
        const next = within[pool]!;
        if (next !== doc) {
          for (let k = run.essential; k < m; k++) at[k] = seek(docs, at[k]!, ends[k]!, next);
          continue;
        }
      }
      sum[0] = 0;
      let bits = 0;
      for (let k = run.essential; k < m; k++) {
        if (at[k]! < ends[k]! && docs[at[k]!]! === doc) {
          this.add(run, k, at[k]!++);
          bits |= 1 << run.order[k]!;
        }
      }
      // Scored already: every passage offered keeps its terms until the end.
      if (matchedTerms[doc] !== 0) continue;
      bits = this.lookUp(run, at, run.essential - 1, doc, bits);
      if (sum[0]! >= run.threshold) this.admit(run, doc, bits);
    }
  }

  /**
   * Stage 3 once one list is left to walk (common words only: "manufacturing emerging
   * quality", each in half the passages): its postings in one tight loop, each looked up
   * in the other lists while it can still reach the threshold. The walk's bookkeeping per
   * passage (the smallest passage of the walked lists, block bounds for each) was most of
   * the cost of such a question; here a posting that cannot reach the threshold even with
   * every other list at its best costs one sum, and block bounds are read once a block.
   */
  private walkLastList(run: RankRun): void {
    const { docs, tfs, lengthNorms, matchedTerms, blockImpacts } = this;
    const { reach, at, ends, firsts, blocks, slack, parts, sum } = this.rankScratch;
    const { within } = run;
    const k = run.m - 1;
    const t = run.order[k]!;
    const idf = run.idfs[t]!;
    const bit = 1 << t;
    const extra = (run.countedBits >>> t) & 1 ? run.bonus : 0;
    const others = k > 0 ? reach[k - 1]! : 0;
    const end = ends[k]!;
    const first = firsts[k]!;
    let pool = 0;
    let i = at[k]!;
    let blockEnd = i;
    while (i < end && run.essential === k) {
      if (i >= blockEnd) {
        // A block whose best, with every other list at its best, stays under the threshold is passed whole.
        const block = (i - first) >>> BLOCK_BITS;
        blockEnd = Math.min(end, first + ((block + 1) << BLOCK_BITS));
        if (idf * blockImpacts[blocks[k]! + block]! + slack[k]! < run.threshold) {
          i = blockEnd;
          continue;
        }
      }
      const doc = docs[i]!;
      const tf = tfs[i]!;
      const part = idf * ((tf * (K1 + 1)) / (tf + lengthNorms[doc]!));
      i++;
      // Hopeless, or scored already (by the rare list first).
      if (part + extra + others < run.threshold || matchedTerms[doc] !== 0) continue;
      if (within) {
        // Outside the pool: on to the pool's next passage, which whole articles make a long jump.
        pool = seek(within, pool, within.length, doc);
        if (pool === within.length) break;
        if (within[pool] !== doc) {
          i = seek(docs, i, end, within[pool]!);
          continue;
        }
      }
      parts[t] = part;
      sum[0] = part + extra;
      const bits = this.lookUp(run, at, k - 1, doc, bit);
      if (sum[0]! >= run.threshold) this.admit(run, doc, bits);
    }
    at[k] = i;
  }

  /**
   * Block-max skipping: a block whose best, with every other list at its best, stays
   * under the threshold holds no passage that could enter; its passages found through
   * other lists are scored without it, and stay under the threshold all the same.
   */
  private skipBlocks(run: RankRun): void {
    const { at, ends, firsts, blocks, slack, blockEnds } = this.rankScratch;
    const { blockImpacts } = this;
    // A list still inside the block it was last found worth walking needs no new look, unless the threshold rose.
    const rose = run.threshold !== run.blocksChecked;
    run.blocksChecked = run.threshold;
    for (let k = run.essential; k < run.m; k++) {
      if (!rose && at[k]! < blockEnds[k]!) continue;
      const idf = run.idfs[run.order[k]!]!;
      while (
        at[k]! < ends[k]! &&
        idf * blockImpacts[blocks[k]! + ((at[k]! - firsts[k]!) >>> BLOCK_BITS)]! + slack[k]! < run.threshold
      ) {
        at[k] = Math.min(ends[k]!, firsts[k]! + ((((at[k]! - firsts[k]!) >>> BLOCK_BITS) + 1) << BLOCK_BITS));
      }
      blockEnds[k] = Math.min(ends[k]!, firsts[k]! + ((((at[k]! - firsts[k]!) >>> BLOCK_BITS) + 1) << BLOCK_BITS));
    }
  }

  /** Stage 4: the passages held, best first, with the terms each holds. */
  private hits(run: RankRun): PassageHit[] {
    return run.heap.sorted().map((doc) => ({
      passage: this.passages[doc]!,
      score: this.scores[doc]!,
      matched: run.list.filter((_, t) => (this.matchedTerms[doc]! >>> t) & 1),
    }));
  }

  /** The scratch space must be clean for the next query, whatever happened to this one. */
  private cleanScratch(run: RankRun): void {
    for (let i = 0; i < run.written; i++) {
      const doc = this.touched[i]!;
      this.scores[doc] = 0;
      this.matchedTerms[doc] = 0;
    }
  }

  /** A posting's share of its term's score: BM25's saturated, length-normalised term frequency. */
  private impact(posting: number): number {
    const tf = this.tfs[posting]!;
    return (tf * (K1 + 1)) / (tf + this.lengthNorms[this.docs[posting]!]!);
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

function idf(passages: number, df: number): number {
  return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
}

/** The first place at or after `from` (before `end`) whose passage is at least `doc`: doubling steps, then halving. */
function seek(docs: Uint32Array, from: number, end: number, doc: number): number {
  if (from >= end || docs[from]! >= doc) return from;
  let low = from;
  let step = 1;
  while (low + step < end && docs[low + step]! < doc) {
    low += step;
    step *= 2;
  }
  let high = Math.min(low + step, end);
  // docs[low] < doc, and docs[high] ≥ doc or high is the end.
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (docs[mid]! < doc) low = mid;
    else high = mid;
  }
  return high;
}

/** Whether the pool's positions, at `at` (from seek), hold the passage. */
function pooled(pool: Uint32Array, at: number, doc: number): boolean {
  return at < pool.length && pool[at] === doc;
}

function popcount(bits: number): number {
  let count = 0;
  for (let b = bits; b; b &= b - 1) count++;
  return count;
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
