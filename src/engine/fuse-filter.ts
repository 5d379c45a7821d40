/**
 * Bounds on Fuse.js's bitap matching, so a search can skip entries that cannot match
 * without changing what it finds (see Speller and NameIndex, which rely on them).
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
  if (pattern.length <= FUSE_CHUNK) return [pattern];
  const out: string[] = [];
  const whole = pattern.length - (pattern.length % FUSE_CHUNK);
  for (let i = 0; i < whole; i += FUSE_CHUNK) out.push(pattern.slice(i, i + FUSE_CHUNK));
  if (pattern.length % FUSE_CHUNK) out.push(pattern.slice(pattern.length - FUSE_CHUNK));
  return out;
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
    for (const [letter, { texts: list, counts }] of byLetter) this.letters.set(letter, { texts: Uint32Array.from(list), counts: Uint16Array.from(counts) });
    this.overlap = new Uint32Array(texts.length);
  }

  /** A mask over the texts: 1 where some piece of the (lowercased) pattern could occur within the threshold. */
  candidates(pattern: string, threshold: number): Uint8Array {
    const mask = new Uint8Array(this.texts.length);
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
