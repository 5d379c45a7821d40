/**
 * Fuse.js's bitap matching, mirrored: bounds on it, so a search can skip entries that
 * cannot match without changing what it finds, and its score itself, so the entries
 * left can be scored without building a Fuse index (see Speller and NameIndex, which
 * rely on them).
 *
 * Fuse.js scores a pattern against a text by its best approximate occurrence: the
 * number of edits (insertions, deletions, substitutions) over the pattern's length,
 * plus a penalty for its distance from the start unless ignoreLocation is set. Patterns
 * longer than 32 characters are matched in 32-character pieces and the scores averaged;
 * an entry is a hit only if some piece has an occurrence within the threshold.
 */

/** Fuse.js's bitap works on a machine word: a pattern is matched in pieces this long. */
const FUSE_CHUNK = 32;

/** The most edits an occurrence of a `length`-character pattern can hold and score within `threshold`. */
export function maxErrors(length: number, threshold: number): number {
  // Counted the way Fuse.js compares (errors / length <= threshold), so rounding agrees too.
  let errors = 0;
  while ((errors + 1) / length <= threshold) errors++;
  return errors;
}

/** The pieces Fuse.js's bitap matches a (lowercased) pattern in: 32 characters each, the last one ending the pattern. */
export function fuseChunks(pattern: string): string[] {
  return chunkStarts(pattern.length).map((start) => pattern.slice(start, start + FUSE_CHUNK));
}

/** Where each of fuseChunks' pieces starts in the pattern: Fuse.js expects a piece's occurrence there. */
function chunkStarts(length: number): number[] {
  if (length <= FUSE_CHUNK) return [0];
  const out: number[] = [];
  const whole = length - (length % FUSE_CHUNK);
  for (let i = 0; i < whole; i += FUSE_CHUNK) out.push(i);
  if (length % FUSE_CHUNK) out.push(length - FUSE_CHUNK);
  return out;
}

/** Fuse.js's default for how far from the expected place (the start) an occurrence may stand before its position alone costs a whole score. */
const FUSE_DISTANCE = 100;

/**
 * The score `new Fuse(strings, { includeScore: true, threshold }).search(pattern)`
 * reports for one of the strings (Fuse.js 7.5, its other options left at their
 * defaults), without building a Fuse index. A caller that has already narrowed a large
 * list to a few thousand candidates would spend most of its time in Fuse.js's
 * per-search set-up and per-string allocation; this scores a candidate in place.
 *
 * It follows Fuse.js's `search` (src/search/bitap) step by step, quirks included,
 * because a correction must not change: the reported score is that of the last
 * occurrence the scan came upon, not necessarily the best; long patterns average their
 * pieces' scores, unmatched pieces included; a string equal to the pattern scores 0;
 * the score is raised to the string's field-length norm. tests/search/fuse-filters.test.ts
 * checks it against the installed Fuse.js, so an upgrade that scores otherwise fails there.
 */
export class FuseScorer {
  private readonly pattern: string;
  /** Fuse.js gives a blank pattern no scores: it lists every string as it stands. */
  private readonly blank: boolean;
  /** Each piece of the pattern, where Fuse.js expects it, and each letter's bits in it (Fuse.js's pattern alphabet). */
  private readonly chunks: { start: number; alphabet: Alphabet }[];

  /** `ignoreLocation`, as Fuse.js's option: an occurrence's place costs nothing. */
  private readonly distance: number;

  constructor(
    pattern: string,
    private readonly threshold: number,
    { ignoreLocation = false }: { ignoreLocation?: boolean } = {},
  ) {
    this.distance = ignoreLocation ? Infinity : FUSE_DISTANCE;
    this.pattern = pattern.toLowerCase();
    this.blank = !this.pattern.trim();
    this.chunks = chunkStarts(this.pattern.length).map((start) => ({
      start,
      alphabet: new Alphabet(this.pattern.slice(start, start + FUSE_CHUNK)),
    }));
  }

  /** Fuse.js's score for the string, or undefined where Fuse.js would not list it as scored. */
  score(text: string): number | undefined {
    // Fuse.js indexes no blank string.
    if (this.blank || !text.trim()) return undefined;
    const lowered = text.toLowerCase();
    let total = 0;
    let matched = false;
    if (lowered === this.pattern) matched = true;
    else
      for (const { start, alphabet } of this.chunks) {
        const score = this.bitap(lowered, alphabet, start);
        if (score >= 0) matched = true;
        total += Math.abs(score);
      }
    if (!matched) return undefined;
    return Math.pow(total / this.chunks.length, fieldNorm(text));
  }

  /**
   * Fuse.js's bitap search for one piece of length m expected at `location`: its
   * score, negated where the piece has no occurrence within the threshold (the score
   * still counts towards a long pattern's average then).
   */
  private bitap(text: string, alphabet: Alphabet, location: number): number {
    const m = alphabet.piece.length;
    const expected = Math.max(0, Math.min(location, text.length));
    let threshold = this.threshold;
    // Exact occurrences from the expected place on tighten the threshold before the scan.
    for (let from = expected, at: number; (at = text.indexOf(alphabet.piece, from)) > -1; from = at + m)
      threshold = Math.min(this.away(expected, at), threshold);
    let best = -1;
    let score = 1;
    let reach = m + text.length;
    const top = 1 << (m - 1);
    if (scan.row.length < text.length + m + 2) {
      scan.row = new Int32Array(2 * (text.length + m + 2));
      scan.previous = new Int32Array(scan.row.length);
      scan.letters = new Int32Array(scan.row.length);
    }
    // Looked up once for all the rows; past the end of the text, no letter matches.
    const letters = scan.letters;
    for (let place = 0; place < text.length; place++) letters[place] = alphabet.bits(text.charCodeAt(place));
    letters.fill(0, text.length, text.length + m + 1);
    for (let errors = 0; errors < m; errors++) {
      const accuracy = errors / m;
      // The farthest place an occurrence with this many errors could still score within the threshold, by bisection as Fuse.js does it.
      let low = 0;
      let mid = reach;
      while (low < mid) {
        if (accuracy + this.away(expected, expected + mid) <= threshold) low = mid;
        else reach = mid;
        mid = Math.floor((reach - low) / 2 + low);
      }
      reach = mid;
      let first = Math.max(1, expected - mid + 1);
      const last = Math.min(expected + mid, text.length) + m;
      const row = scan.row;
      const previous = scan.previous;
      row[last + 1] = (1 << errors) - 1;
      let written = last + 1;
      for (let j = last; j >= first; j--) {
        const place = j - 1;
        let bits = ((row[j + 1]! << 1) | 1) & letters[place]!;
        if (errors) bits |= ((previous[j + 1]! | previous[j]!) << 1) | 1 | previous[j + 1]!;
        row[j] = bits;
        written = j;
        if (bits & top) {
          score = accuracy + this.away(expected, place);
          if (score <= threshold) {
            threshold = score;
            best = place;
            if (best <= expected) break;
            first = Math.max(1, 2 * expected - best);
          }
        }
      }
      // Rows are reused where Fuse.js allocates fresh ones: cleared below the scan, this row reads to the next as Fuse.js's would.
      for (let j = 0; j < written; j++) row[j] = 0;
      if ((errors + 1) / m + this.away(expected, expected) > threshold) break;
      scan.row = previous;
      scan.previous = row;
    }
    const reported = Math.max(0.001, score);
    return best >= 0 ? reported : -reported;
  }

  /** What an occurrence's place adds to Fuse.js's score: its distance from the expected place over the distance (errors over the length make the rest). */
  private away(expected: number, place: number): number {
    return Math.abs(expected - place) / this.distance;
  }
}

/**
 * Scratch for every scan, reused between strings and scorers (a scan runs to its end
 * before another starts): the bit-parallel rows at this many errors and one fewer, and
 * each place's letter as the piece's bits. Small typed arrays made per correction
 * would each be a buffer outside the heap, and they made garbage collection 30× slower.
 */
const scan = { row: new Int32Array(256), previous: new Int32Array(256), letters: new Int32Array(256) };

/** Which places of a piece hold a letter, as bits (the first place highest), looked up without hashing for ASCII. */
class Alphabet {
  // A plain array: a typed one per scorer would be a buffer outside the heap (see scan).
  private readonly ascii: number[] = new Array<number>(128).fill(0);
  private readonly others = new Map<number, number>();

  constructor(readonly piece: string) {
    for (let i = 0; i < piece.length; i++) {
      const code = piece.charCodeAt(i);
      const bit = 1 << (piece.length - i - 1);
      if (code < 128) this.ascii[code] = this.ascii[code]! | bit;
      else this.others.set(code, (this.others.get(code) ?? 0) | bit);
    }
  }

  bits(code: number): number {
    return code < 128 ? this.ascii[code]! : (this.others.get(code) ?? 0);
  }
}

/** Fuse.js's field-length norm: a string of n words has its score raised to 1/√n, rounded to three places. */
export function fieldNorm(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const separator = (code >= 9 && code <= 13) || code === 32 || code === 160;
    if (!separator && !inWord) words++;
    inWord = !separator;
  }
  return Math.round(1000 / Math.pow(Math.max(words, 1), 0.5)) / 1000;
}

/**
 * Which texts could hold an occurrence of a pattern within a threshold, by letter
 * counts: an occurrence with k edits keeps at least length − k of the pattern's letters,
 * so a text sharing fewer (counted with multiplicity) cannot match. Weak for short
 * patterns, decisive for long ones: a question typed into a search box shares too few
 * letters with nearly every place name to be scored at all.
 */
export class LetterFilter {
  /** Letter (UTF-16 unit) → the texts holding it, and how many times each does. */
  private readonly letters = new Map<number, { texts: Uint32Array; counts: Uint16Array }>();
  private readonly overlap: Uint32Array;
  private readonly mask: Uint8Array;

  constructor(private readonly texts: readonly string[]) {
    const byLetter = new Map<number, { texts: number[]; counts: number[] }>();
    texts.forEach((text, t) => {
      for (const [letter, count] of letterCounts(text)) {
        let entry = byLetter.get(letter);
        if (!entry) byLetter.set(letter, (entry = { texts: [], counts: [] }));
        entry.texts.push(t);
        entry.counts.push(Math.min(count, 0xffff));
      }
    });
    for (const [letter, { texts: list, counts }] of byLetter)
      this.letters.set(letter, { texts: Uint32Array.from(list), counts: Uint16Array.from(counts) });
    this.overlap = new Uint32Array(texts.length);
    this.mask = new Uint8Array(texts.length);
  }

  /**
   * A mask over the texts: 1 where some piece of the (lowercased) pattern could occur
   * within the threshold. The same mask is reused by the next call: read it before.
   */
  candidates(pattern: string, threshold: number): Uint8Array {
    const mask = this.mask.fill(0);
    for (const piece of fuseChunks(pattern)) {
      const needed = piece.length - maxErrors(piece.length, threshold);
      if (needed <= 0) return mask.fill(1);
      const touched: number[] = [];
      for (const [letter, times] of letterCounts(piece)) {
        const entry = this.letters.get(letter);
        if (!entry) continue;
        for (let i = 0; i < entry.texts.length; i++) {
          const t = entry.texts[i]!;
          if (this.overlap[t] === 0) touched.push(t);
          this.overlap[t] = this.overlap[t]! + Math.min(times, entry.counts[i]!);
        }
      }
      for (const t of touched) {
        if (this.overlap[t]! >= needed) mask[t] = 1;
        this.overlap[t] = 0;
      }
    }
    return mask;
  }
}

function letterCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < text.length; i++) counts.set(text.charCodeAt(i), (counts.get(text.charCodeAt(i)) ?? 0) + 1);
  return counts;
}
