import { FuseScorer, fuseChunks, maxErrors } from './fuse-filter.ts';

/** Fuse.js's threshold for the vocabulary, and the score a correction must reach. */
const THRESHOLD = 0.3;
const ACCEPT = 0.25;
/** Fuse.js's defaults, which decide how much an occurrence's position costs: location 0, distance 100. */
const DISTANCE = 100;
/** A letter pair's first and last places in a word are kept up to here; later ones only say "somewhere far". */
const FAR = 255;
/**
 * Looking one entry up for a pair (two substring searches) costs about as much as
 * scanning this many postings: a list is scanned unless it is this many times longer
 * than the set of entries still in the running.
 */
const LOOKUP = 10;
/** How many words' corrections are kept: a misspelling tends to come back in a conversation. */
const REMEMBERED = 2000;

/**
 * Corrects a misspelt word to the corpus vocabulary exactly as
 * `new Fuse(vocabulary, { includeScore: true, threshold: THRESHOLD }).search(word, { limit: 1 })`
 * would (its hit, if it scores within ACCEPT), without scoring the whole vocabulary
 * (20 ms a word at 15k words, more as the corpus grows).
 *
 * Why the shortcut changes no answer. Fuse.js scores a word against an entry by its best
 * approximate occurrence there: e edits over the word's length m, plus its start over
 * 100. A score within ACCEPT therefore needs an occurrence with e ≤ ⌊ACCEPT · m⌋ edits
 * starting at or before L(e), the place where the position penalty alone uses up the
 * rest. Each edit spoils at most two of the word's m − 1 letter pairs (the q-gram
 * lemma), and an unspoiled pair at place i of the word stands within e of place start + i
 * in the entry. So the entry holds at least m − 1 − 2e of the word's pairs, each first
 * seen at or before L(e) + i + e and last seen at or after i − e. Only the entries that
 * pass are scored, as Fuse.js scores them (FuseScorer); a score does not depend on the
 * other entries and ties go to the earlier entry, so the best of them is the best of
 * all. (Words past 32 letters are matched by Fuse.js in pieces scored from other
 * positions: for them only the count applies.) tests/search/fuse-filters.test.ts checks
 * this against Fuse.js over every entry.
 */
export class Speller {
  /** The entries lowercased, as Fuse.js compares them. */
  private readonly lowered: string[];
  /**
   * Letter pair → the entries holding it, and where in each it first and last stands;
   * latest last place first, so a scan for a place late in the word can stop where the
   * entries become too short to hold the pair there.
   */
  private readonly pairs = new Map<number, { entries: Uint32Array; firsts: Uint8Array; lasts: Uint8Array }>();
  /**
   * Scratch, all clear between calls: how many of a pattern's pairs each entry holds,
   * the entries still in the running, and a bit per entry to put them in order.
   */
  private readonly counts: Uint8Array;
  private readonly running: Uint32Array;
  private readonly marks: Int32Array;
  /** The latest corrections (or none) by word, least recently asked first. */
  private readonly remembered = new Map<string, string | undefined>();

  constructor(private readonly vocabulary: readonly string[]) {
    this.lowered = vocabulary.map((word) => word.toLowerCase());
    this.counts = new Uint8Array(vocabulary.length);
    this.running = new Uint32Array(vocabulary.length);
    this.marks = new Int32Array(Math.ceil(vocabulary.length / 32));
    const lists = new Map<number, { entries: number[]; firsts: number[]; lasts: number[] }>();
    this.lowered.forEach((word, entry) => {
      for (let i = 0; i + 1 < word.length; i++) {
        const pair = word.charCodeAt(i) * 65536 + word.charCodeAt(i + 1);
        let list = lists.get(pair);
        if (!list) lists.set(pair, (list = { entries: [], firsts: [], lasts: [] }));
        const place = Math.min(i, FAR);
        // Entries come in order: the list's last one is this entry if the pair came before in it.
        if (list.entries.at(-1) === entry) list.lasts[list.lasts.length - 1] = place;
        else {
          list.entries.push(entry);
          list.firsts.push(place);
          list.lasts.push(place);
        }
      }
    });
    for (const [pair, { entries, firsts, lasts }] of lists) {
      const order = entries.map((_, j) => j).sort((a, b) => lasts[b]! - lasts[a]! || a - b);
      this.pairs.set(pair, {
        entries: new Uint32Array(order.map((j) => entries[j]!)),
        firsts: new Uint8Array(order.map((j) => firsts[j]!)),
        lasts: new Uint8Array(order.map((j) => lasts[j]!)),
      });
    }
  }

  /** The vocabulary entry the word is a typo of, if one is close enough. */
  correct(word: string): string | undefined {
    if (this.remembered.has(word)) {
      const fixed = this.remembered.get(word);
      // Map keeps insertion order: moved to the end, the word is the last to be forgotten.
      this.remembered.delete(word);
      this.remembered.set(word, fixed);
      return fixed;
    }
    const fixed = this.search(word);
    this.remembered.set(word, fixed);
    if (this.remembered.size > REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    return fixed;
  }

  /** The correction worked out afresh. */
  private search(word: string): string | undefined {
    // Fuse.js lists every entry unscored for a blank word, and an unscored entry is no correction.
    if (!word.trim()) return undefined;
    const pattern = word.toLowerCase();
    const scorer = new FuseScorer(word, THRESHOLD);
    const scored = new Set<number>();
    let best: { entry: number; score: number } | undefined;
    // Candidates come in groups by a number of edits e: one not in an earlier group
    // cannot score below e / length, and within a group they come in vocabulary order.
    // Once the best so far is below that floor, or at it and earlier than the next
    // candidate, nothing left can beat it or win a tie, and the rest are neither scored
    // nor even gathered (a prefix being typed, like "industria", matches with no edit
    // and ends the search at once; "chian" stops at "china", the first entry one edit
    // away at the start).
    for (const { edits, entries } of this.candidates(pattern)) {
      const floor = edits / pattern.length;
      if (best && best.score < floor) break;
      for (const entry of entries()) {
        if (best && (best.score < floor || (best.score === floor && best.entry < entry))) break;
        if (scored.has(entry)) continue;
        scored.add(entry);
        const score = scorer.score(this.vocabulary[entry]!);
        if (score !== undefined && (!best || score < best.score || (score === best.score && entry < best.entry)))
          best = { entry, score };
      }
    }
    return best && best.score <= ACCEPT ? this.vocabulary[best.entry] : undefined;
  }

  /**
   * Every entry that could score within ACCEPT, in groups by a number of edits e: each
   * holds every entry that could match with e edits (some could with fewer, and are in
   * an earlier group too), in vocabulary order, gathered only when asked for. Long
   * patterns come as one group: their score averages pieces, and the bound per piece
   * says less.
   */
  private candidates(pattern: string): { edits: number; entries: () => number[] }[] {
    const chunks = fuseChunks(pattern);
    if (chunks.length === 1) {
      const m = pattern.length;
      return Array.from({ length: maxErrors(m, ACCEPT) + 1 }, (_, e) => ({
        edits: e,
        entries: () => this.sharing(pattern, m - 1 - 2 * e, { ahead: lastStart(e, m) + e, behind: e }),
      }));
    }
    const entries = () => {
      const chosen = new Set<number>();
      for (const piece of chunks)
        for (const entry of this.sharing(piece, piece.length - 1 - 2 * maxErrors(piece.length, ACCEPT), {
          ahead: FAR,
          behind: FAR,
        }))
          chosen.add(entry);
      return [...chosen].sort((a, b) => a - b);
    };
    return [{ edits: 0, entries }];
  }

  /**
   * The entries holding at least `need` of the pattern's pair places i with the pair in
   * the window around i: first seen at or before i + ahead, last seen at or after
   * i − behind. Ascending.
   *
   * The pattern's lists are taken shortest first. An entry missing from the first
   * (places − need + 1) of them is short of the need, so only those bring in entries;
   * the longer lists after them only count for the entries in the running, and an
   * entry drops out once the lists left could not make up its shortfall. When few
   * remain, looking each of them up beats scanning a long list.
   */
  private sharing(pattern: string, need: number, { ahead, behind }: { ahead: number; behind: number }): number[] {
    if (need <= 0) return [...this.vocabulary.keys()];
    const { counts, running, lowered } = this;
    const places = Array.from({ length: pattern.length - 1 }, (_, i) => ({
      i,
      pair: pattern.slice(i, i + 2),
      list: this.pairs.get(pattern.charCodeAt(i) * 65536 + pattern.charCodeAt(i + 1)),
    }));
    places.sort((a, b) => (a.list?.entries.length ?? 0) - (b.list?.entries.length ?? 0));
    const opening = places.length - need + 1;
    let size = 0;
    places.forEach(({ i, pair, list }, rank) => {
      if (rank >= opening) {
        const left = places.length - rank;
        let kept = 0;
        for (let r = 0; r < size; r++) {
          const entry = running[r]!;
          if (counts[entry]! + left >= need) running[kept++] = entry;
          else counts[entry] = 0;
        }
        size = kept;
      }
      if (!list) return;
      if (rank >= opening && size * LOOKUP < list.entries.length) {
        for (let r = 0; r < size; r++) {
          const text = lowered[running[r]!]!;
          const first = text.indexOf(pair);
          if (first >= 0 && Math.min(first, FAR) <= i + ahead && Math.min(text.lastIndexOf(pair), FAR) >= i - behind)
            counts[running[r]!]!++;
        }
        return;
      }
      const { entries, firsts, lasts } = list;
      for (let j = 0; j < entries.length && lasts[j]! >= i - behind; j++) {
        if (firsts[j]! > i + ahead) continue;
        const entry = entries[j]!;
        if (counts[entry] === 0) {
          if (rank >= opening) continue;
          running[size++] = entry;
        }
        // A piece has at most 31 pair places, so a byte holds the count.
        counts[entry]!++;
      }
    });
    // Into vocabulary order through a bitmap over the vocabulary, much cheaper than sorting.
    const { marks } = this;
    let found = 0;
    for (let r = 0; r < size; r++) {
      const entry = running[r]!;
      if (counts[entry]! >= need) {
        marks[entry >>> 5] = marks[entry >>> 5]! | (1 << (entry & 31));
        found++;
      }
      counts[entry] = 0;
    }
    // A plain array: a small typed one per call would be a buffer outside the heap, which slows garbage collection.
    const out: number[] = [];
    for (let word = 0; out.length < found; word++) {
      for (let bits = marks[word]!; bits; bits &= bits - 1) out.push(word * 32 + 31 - Math.clz32(bits & -bits));
      marks[word] = 0;
    }
    return out;
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
