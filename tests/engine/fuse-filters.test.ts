import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { NameIndex } from '../../src/engine/names.ts';
import { Speller } from '../../src/engine/speller.ts';
import { normalize } from '../../src/engine/text.ts';
import { seedEngine } from '../support/corpus.ts';

/**
 * Speller and NameIndex let Fuse.js score only the entries a counting bound says could
 * match. These check the shortcut changes nothing: the same results as Fuse.js over
 * every entry, on words and queries built to sit near the bound.
 */
const engine = await seedEngine();
const names = engine.corpus.gazetteer.regions.flatMap((r) => [r.name, r.zh, r.id, ...r.aliases]).filter((n): n is string => !!n);
// The seed's words and the gazetteer's: a few thousand entries, many alike (jiangsu, jiangxi, zhejiang…).
const vocabulary = [...new Set([...engine.corpus.passages.map((p) => p.text), ...names].flatMap((t) => normalize(t).split(/[^\p{L}\p{N}&]+/u)))].filter((w) => w.length >= 3);

/** A word with up to `edits` slips: letters dropped, doubled, swapped or replaced. */
const slipped = (words: readonly string[], edits: number) =>
  fc.tuple(fc.constantFrom(...words), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...'aeioustnrx')), { maxLength: edits })).map(([word, slips]) =>
    slips.reduce((w, [at, kind, letter]) => {
      const i = w.length ? at % w.length : 0;
      if (kind === 0) return w.slice(0, i) + w.slice(i + 1);
      if (kind === 1) return w.slice(0, i) + letter + w.slice(i);
      if (kind === 2) return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
      return w.slice(0, i) + letter + w.slice(i + 1);
    }, word),
  );

describe('Speller', () => {
  const speller = new Speller(vocabulary);
  const everyWord = new Fuse(vocabulary, { includeScore: true, threshold: 0.3 });
  const reference = (word: string) => {
    const [best] = everyWord.search(word, { limit: 1 });
    return best && (best.score ?? 1) <= 0.25 ? best.item : undefined;
  };

  it('corrects exactly as Fuse.js over the whole vocabulary would', () => {
    fc.assert(
      fc.property(fc.oneof(slipped(vocabulary, 3), fc.string({ minLength: 4, maxLength: 12 }), fc.array(fc.constantFrom(...vocabulary), { minLength: 2, maxLength: 4 }).map((w) => w.join(''))), (word) => {
        expect(speller.correct(word)).toBe(reference(word));
      }),
      { numRuns: 3000 },
    );
  });

  it('still corrects the typos people make', () => {
    expect(speller.correct('rockt')).toBe('rocket');
    expect(speller.correct('manufacturng')).toBe('manufacturing');
  });
});

describe('NameIndex', () => {
  const index = new NameIndex(engine.corpus.gazetteer.regions.map((r) => ({ target: r, names: [r.name, r.zh, r.id, ...r.aliases] })));
  // The search as it was before the shortcut: Fuse.js over every name.
  const rows = engine.corpus.gazetteer.regions.flatMap((r) => [r.name, r.zh, r.id, ...r.aliases].filter((n): n is string => !!n).map((name) => ({ key: normalize(name), name, target: r })));
  const everyName = new Fuse(rows, { keys: ['key'], includeScore: true, ignoreLocation: true, threshold: 0.45 });
  const reference = (query: string, limit: number) => {
    const key = normalize(query).slice(0, 100);
    if (!key) return [];
    const exact = rows.find((r) => r.key === key);
    const out = exact ? [{ target: exact.target, name: exact.name, score: 0 }] : [];
    for (const hit of everyName.search(key, { limit: limit * 4 })) {
      if (out.length >= limit) break;
      if (out.some((m) => m.target === hit.item.target)) continue;
      const prefix = hit.item.key.startsWith(key) && key.length >= 3;
      out.push({ target: hit.item.target, name: hit.item.name, score: prefix ? Math.min(hit.score ?? 1, 0.05) : hit.score ?? 1 });
    }
    return out.sort((a, b) => a.score - b.score);
  };

  it('finds exactly what Fuse.js over every name finds, for prefixes, typos and whole questions', () => {
    const query = fc.oneof(
      slipped(names, 3),
      fc.tuple(fc.constantFrom(...names), fc.nat()).map(([n, cut]) => n.slice(0, 1 + (cut % n.length))),
      fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names)).map(([a, b]) => `What was ${a}’s GDP in the first quarter of 2024, compared with ${b}?`),
      fc.string({ maxLength: 120 }),
    );
    fc.assert(
      fc.property(query, fc.constantFrom(2, 10, 25), (q, limit) => {
        const strip = (list: { name: string; score: number }[]) => list.map((m) => [m.name, m.score]);
        expect(strip(index.search(q, limit))).toEqual(strip(reference(q, limit)));
      }),
      // Fuse.js over every name takes tens of milliseconds on a long query: the reference is the slow part.
      { numRuns: 400 },
    );
  }, 60_000);
});
