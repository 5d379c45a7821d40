import { FuseScorer, LetterFilter, fieldNorm } from './fuse-filter.ts';
import { normalize } from '../text/normalize.ts';

export interface NameMatch<T> {
  target: T;
  /** The name or alias that matched, as written in the gazetteer. */
  name: string;
  /** 0 is exact; Fuse.js's score otherwise. */
  score: number;
}

interface Row<T> {
  key: string;
  name: string;
  target: T;
}

/** Fuse.js's options for the names: `new Fuse(rows, { keys: ['key'], includeScore: true, ignoreLocation: true, threshold })`. */
const THRESHOLD = 0.45;

/**
 * Finds entities by any of their names. Exact names are a map lookup; anything else
 * is scored as Fuse.js scores it, which is good at exactly this: fuzzy matching of short strings.
 *
 * With a full gazetteer (hundreds of places, thousands of names) scoring every name
 * against a whole search query took 10–40 ms. Only the names a letter count says could
 * match are scored (LetterFilter), and by FuseScorer, in place: Fuse.js itself built an
 * index and a result object per name, 200–600 kB of garbage a search. Scores and the
 * order of ties are what Fuse.js over every name gives (tests/search/fuse-filters.test.ts).
 */
export class NameIndex<T> {
  private readonly exact = new Map<string, NameMatch<T>>();
  private readonly rows: Row<T>[] = [];
  /** Built on the first fuzzy search, not at load: a one-shot CLI call that names things exactly never needs them. */
  private letterFilter?: LetterFilter;

  constructor(entries: Iterable<{ target: T; names: readonly (string | undefined)[] }>) {
    const rows = this.rows;
    for (const { target, names } of entries) {
      for (const name of names) {
        if (!name) continue;
        const key = normalize(name);
        if (!this.exact.has(key)) this.exact.set(key, { target, name, score: 0 });
        rows.push({ key, name, target });
      }
    }
  }

  private get letters(): LetterFilter {
    return (this.letterFilter ??= new LetterFilter(this.rows.map((r) => r.key.toLowerCase())));
  }

  /** Builds what fuzzy search needs now, so a running bot's first typo costs no more than its next. */
  prepare(): void {
    void this.letters;
  }

  /** Best matches first, one per target. */
  search(query: string, limit = 10): NameMatch<T>[] {
    const key = normalize(query).slice(0, 100);
    if (!key) return [];
    const exact = this.exact.get(key);
    const out: NameMatch<T>[] = exact ? [exact] : [];
    for (const hit of this.fuzzy(key, limit * 4)) {
      if (out.length >= limit) break;
      if (out.some((m) => m.target === hit.row.target)) continue;
      // A name the query begins is as good as typed out: "jiangs" is Jiangsu.
      const prefix = hit.row.key.startsWith(key) && key.length >= 3;
      out.push({ target: hit.row.target, name: hit.row.name, score: prefix ? Math.min(hit.score, 0.05) : hit.score });
    }
    return out.sort((a, b) => a.score - b.score);
  }

  /**
   * Names as someone types them, for autocomplete: those that begin with the text, then
   * those with a later word that does, in gazetteer order, one per entity. Only text that
   * begins no name (a typo) goes to fuzzy search: on a keystroke's two or three letters
   * Fuse.js finds nearly every name and costs most of autocomplete's 2 ms.
   */
  complete(query: string, limit: number): NameMatch<T>[] {
    const key = normalize(query).slice(0, 100);
    if (!key) return [];
    const begins: Row<T>[] = [];
    const later: Row<T>[] = [];
    // Built once, not per name: a keystroke scans thousands of names.
    const afterSpace = ` ${key}`;
    const afterHyphen = `-${key}`;
    for (const row of this.rows) {
      if (row.key.startsWith(key)) begins.push(row);
      else if (row.key.includes(afterSpace) || row.key.includes(afterHyphen)) later.push(row);
    }
    if (!begins.length && !later.length) return this.search(query, limit);
    // A name typed out in full comes first, whatever precedes it in the gazetteer.
    begins.sort((a, b) => Number(b.key === key) - Number(a.key === key));
    const out: NameMatch<T>[] = [];
    for (const row of [...begins, ...later]) {
      if (out.length >= limit) break;
      if (!out.some((m) => m.target === row.target))
        out.push({ target: row.target, name: row.name, score: row.key === key ? 0 : 0.05 });
    }
    return out;
  }

  /**
   * What `new Fuse(rows, options).search(key, { limit })` finds (best score first, the
   * earlier name on a tie), scoring only the names that can match.
   */
  private fuzzy(key: string, limit: number): { row: Row<T>; score: number }[] {
    const mask = this.letters.candidates(key.toLowerCase(), THRESHOLD);
    const scorer = new FuseScorer(key, THRESHOLD, { ignoreLocation: true });
    const hits: { row: Row<T>; score: number; at: number }[] = [];
    for (let at = 0; at < this.rows.length; at++) {
      if (mask[at] !== 1) continue;
      const row = this.rows[at]!;
      const score = scorer.score(row.key);
      // A keyed search scores an exact name ε, not 0, raised to the field norm as any score is.
      if (score !== undefined)
        hits.push({ row, at, score: score === 0 ? Number.EPSILON ** fieldNorm(row.key) : score });
    }
    return hits.sort((a, b) => a.score - b.score || a.at - b.at).slice(0, limit);
  }

  /** The one entity the query names, if it names one confidently. */
  resolve(query: string): NameMatch<T> | undefined {
    const [best, second] = this.search(query, 2);
    if (!best || best.score > CONFIDENT) return undefined;
    // Two equally good candidates ("su" → Suzhou or Jiangsu?) is not confidence.
    if (second && best.score > 0 && second.score - best.score < 0.02) return undefined;
    return best;
  }
}

/** Fuse.js scores at or under this are typos of the name, above it guesses (tuned on the tests' misspellings). */
export const CONFIDENT = 0.3;
