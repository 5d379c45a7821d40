import Fuse from 'fuse.js';
import { fuseChunks, maxErrors } from './fuse-filter.ts';

/** Fuse.js's options for the vocabulary, and the score a correction must reach. */
const FUSE_OPTIONS = { includeScore: true, threshold: 0.3 } as const;
const ACCEPT = 0.25;
/** Fuse.js's defaults, which decide how much an occurrence's position costs: location 0, distance 100. */
const DISTANCE = 100;
/** A letter pair's first place in a word is kept up to here; later ones only say "somewhere". */
const FAR = 255;

/**
 * Corrects a misspelt word to the corpus vocabulary with Fuse.js, exactly as
 * `new Fuse(vocabulary).search(word, { limit: 1 })` would, without scanning the whole
 * vocabulary (20 ms a word at 15k words, more as the corpus grows).
 *
 * Why the shortcut changes no answer. Fuse.js scores a word against an entry by its best
 * approximate occurrence there: e edits over the word's length m, plus its start over
 * 100. A score within ACCEPT therefore needs an occurrence with e ≤ ⌊ACCEPT · m⌋ edits
 * starting at or before L(e), the place where the position penalty alone uses up the
 * rest. Each edit spoils at most two of the word's m − 1 letter pairs (the q-gram
 * lemma), and an unspoiled pair at place i of the word stands within e of place start + i
 * in the entry. So the entry holds at least m − 1 − 2e of the word's pairs, each first
 * seen at or before L(e) + i + e. Fuse.js then scores only the entries that pass, kept in
 * vocabulary order; a score does not depend on the other entries and ties go to the
 * earlier entry, so the best of them is the best of all. (Words past 32 letters are
 * matched by Fuse.js in pieces scored from other positions: for them only the count
 * applies.) tests/engine/fuse-filters.test.ts checks this against Fuse.js over every entry.
 */
export class Speller {
  /** Letter pair → the entries holding it (ascending), and where in each it first stands. */
  private readonly pairs = new Map<number, { entries: Uint32Array; firsts: Uint8Array }>();
  /** Scratch counters, one row per number of edits, and a mark per entry counted at all. */
  private readonly counts: Uint8Array[] = [];
  private readonly marked: Uint8Array;

  constructor(private readonly vocabulary: readonly string[]) {
    this.marked = new Uint8Array(vocabulary.length);
    const lists = new Map<number, { entries: number[]; firsts: number[] }>();
    vocabulary.forEach((word, entry) => {
      for (const [pair, first] of firstPlaces(word.toLowerCase())) {
        let list = lists.get(pair);
        if (!list) lists.set(pair, (list = { entries: [], firsts: [] }));
        list.entries.push(entry);
        list.firsts.push(Math.min(first, FAR));
      }
    });
    for (const [pair, list] of lists) this.pairs.set(pair, { entries: Uint32Array.from(list.entries), firsts: Uint8Array.from(list.firsts) });
  }

  /** The vocabulary entry the word is a typo of, if one is close enough. */
  correct(word: string): string | undefined {
    let best: { entry: number; score: number } | undefined;
    // Candidates come in groups by the fewest edits they could match with, e: none of
    // them scores below e / length. Once the best so far is below that, no later group
    // can beat it or tie it, and the rest are not scored (a prefix being typed, like
    // "industria", matches with no edit and ends the search at once).
    for (const { edits, length, entries } of this.candidates(word.toLowerCase())) {
      if (best && edits / length > best.score) break;
      if (entries.length === 0) continue;
      const [hit] = new Fuse(entries.map((e) => this.vocabulary[e]!), FUSE_OPTIONS).search(word, { limit: 1 });
      if (!hit) continue;
      const found = { entry: entries[hit.refIndex]!, score: hit.score ?? 1 };
      if (!best || found.score < best.score || (found.score === best.score && found.entry < best.entry)) best = found;
    }
    return best && best.score <= ACCEPT ? this.vocabulary[best.entry] : undefined;
  }

  /**
   * Every entry that could score within ACCEPT, grouped by the fewest edits it could
   * match with and in vocabulary order within each group. Long patterns come as one
   * group: their score averages pieces, and the bound per piece says less.
   */
  private candidates(pattern: string): { edits: number; length: number; entries: number[] }[] {
    const chunks = fuseChunks(pattern);
    if (chunks.length === 1) {
      const edits = maxErrors(pattern.length, ACCEPT);
      const needs = Array.from({ length: edits + 1 }, (_, e) => pattern.length - 1 - 2 * e);
      if (needs.some((n) => n <= 0)) return [{ edits: 0, length: pattern.length, entries: this.vocabulary.map((_, i) => i) }];
      const fewest = this.sharing(pattern, needs, (e) => lastStart(e, pattern.length) + e);
      return needs.map((_, e) => ({ edits: e, length: pattern.length, entries: fewest.filter(([, least]) => least === e).map(([entry]) => entry) }));
    }
    const chosen = new Set<number>();
    for (const piece of chunks) {
      const needs = Array.from({ length: maxErrors(piece.length, ACCEPT) + 1 }, (_, e) => piece.length - 1 - 2 * e);
      if (needs.some((n) => n <= 0)) return [{ edits: 0, length: pattern.length, entries: this.vocabulary.map((_, i) => i) }];
      for (const [entry] of this.sharing(piece, needs, () => FAR)) chosen.add(entry);
    }
    return [{ edits: 0, length: pattern.length, entries: [...chosen].sort((a, b) => a - b) }];
  }

  /**
   * Entries where, for some number of edits e, at least needs[e] of the pattern's pair
   * places i have their pair first seen at or before reach(e) + i; each with the least
   * such e, ascending by entry.
   */
  private sharing(pattern: string, needs: number[], reach: (edits: number) => number): [entry: number, least: number][] {
    while (this.counts.length < needs.length) this.counts.push(new Uint8Array(this.vocabulary.length));
    const bounds = needs.map((_, e) => reach(e));
    const touched: number[] = [];
    for (let i = 0; i + 1 < pattern.length; i++) {
      const list = this.pairs.get(pattern.charCodeAt(i) * 65536 + pattern.charCodeAt(i + 1));
      if (!list) continue;
      const { entries, firsts } = list;
      for (let j = 0; j < entries.length; j++) {
        const entry = entries[j]!;
        for (let e = 0; e < bounds.length; e++) {
          if (firsts[j]! > bounds[e]! + i) continue;
          const row = this.counts[e]!;
          // A piece has at most 31 pair places, so a byte holds the count.
          row[entry] = row[entry]! + 1;
          if (!this.marked[entry]) {
            this.marked[entry] = 1;
            touched.push(entry);
          }
        }
      }
    }
    const out: [number, number][] = [];
    for (const entry of touched) {
      const least = needs.findIndex((need, e) => this.counts[e]![entry]! >= need);
      if (least >= 0) out.push([entry, least]);
      for (let e = 0; e < needs.length; e++) this.counts[e]![entry] = 0;
      this.marked[entry] = 0;
    }
    return out.sort((a, b) => a[0] - b[0]);
  }
}

/**
 * The latest start an occurrence with `edits` edits can have and still score within
 * ACCEPT: Fuse.js adds start / DISTANCE to edits / length. Computed as Fuse.js computes
 * the score, so rounding agrees too.
 */
function lastStart(edits: number, length: number): number {
  let start = 0;
  while (edits / length + (start + 1) / DISTANCE <= ACCEPT) start++;
  return start;
}

/** Each letter pair of a word with the place it first stands at. */
function firstPlaces(word: string): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i + 1 < word.length; i++) {
    const pair = word.charCodeAt(i) * 65536 + word.charCodeAt(i + 1);
    if (!out.has(pair)) out.set(pair, i);
  }
  return out;
}
