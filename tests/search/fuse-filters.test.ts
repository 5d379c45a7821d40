import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { FuseScorer } from '../../src/search/fuse-filter.ts';
import { NameIndex } from '../../src/search/names.ts';
import { Speller } from '../../src/search/speller.ts';
import { normalize } from '../../src/text/normalize.ts';
import { seedEngine } from '../support/corpus.ts';

/**
 * Speller and NameIndex score only the entries a counting bound says could match, and
 * with FuseScorer, not Fuse.js. These check the shortcuts
 * change nothing: the same scores as Fuse.js, and the same results as Fuse.js over
 * every entry, on words and queries built to sit near the bounds.
 */
const engine = await seedEngine();
const names = engine.corpus.gazetteer.regions
  .flatMap((r) => [r.name, r.zh, r.id, ...r.aliases])
  .filter((n): n is string => !!n);
// The seed's words and the gazetteer's: a few thousand entries, many alike (jiangsu, jiangxi, zhejiang…).
const vocabulary = [
  ...new Set(
    [...engine.corpus.passages.map((p) => p.text), ...names].flatMap((t) => normalize(t).split(/[^\p{L}\p{N}&]+/u)),
  ),
].filter((w) => w.length >= 3);

/** A word with up to `edits` slips: letters dropped, doubled, swapped or replaced. */
const slipped = (words: readonly string[], edits: number) =>
  fc
    .tuple(
      fc.constantFrom(...words),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...'aeioustnrx')), {
        maxLength: edits,
      }),
    )
    .map(([word, slips]) =>
      slips.reduce((w, [at, kind, letter]) => {
        const i = w.length ? at % w.length : 0;
        if (kind === 0) return w.slice(0, i) + w.slice(i + 1);
        if (kind === 1) return w.slice(0, i) + letter + w.slice(i);
        if (kind === 2) return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
        return w.slice(0, i) + letter + w.slice(i + 1);
      }, word),
    );

/** Words run together, past Fuse.js's 32-letter pieces as often as not. */
const runTogether = (words: readonly string[], most: number) =>
  fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: most }).map((w) => w.join(''));

describe('FuseScorer', () => {
  // Strings that match in every way Fuse.js's scan can find them, and strings that do
  // not: words with slips, several words to a string (the field-length norm counts
  // them), capitals, letters past ASCII, repeated letters, blanks.
  const text = fc.oneof(
    fc.constantFrom(...vocabulary),
    slipped(vocabulary, 3),
    fc
      .tuple(
        fc.array(fc.constantFrom(...vocabulary), { minLength: 2, maxLength: 4 }),
        fc.constantFrom(' ', '\t', '\u00a0', '  '),
      )
      .map(([words, gap]) => words.join(gap)),
    fc.string({ unit: fc.constantFrom(...'aaannstx éÉZ\u00a0'), maxLength: 40 }),
  );
  // Long strings of two letters hold occurrences everywhere, within a few places of each other.
  const twoLetters = fc.string({ unit: fc.constantFrom('a', 'a', 'b'), minLength: 33, maxLength: 80 });
  const pattern = fc.oneof(
    text,
    runTogether(vocabulary, 8),
    slipped(vocabulary, 3).map((w) => w.toUpperCase()),
    twoLetters,
  );
  // A stretch of the pattern with slips, maybe after other letters: a long pattern's
  // pieces then match at places on either side of where Fuse.js expects them.
  const around = (p: string) =>
    fc
      .tuple(fc.nat(p.length), fc.nat(p.length), fc.constantFrom('', 'q', 'zz zz', 'abcdefghijklmnop'))
      .chain(([a, b, before]) => slipped([before + p.slice(Math.min(a, b), Math.max(a, b) + 1)], 4));
  const patternAndTexts = pattern.chain((p) =>
    fc.tuple(
      fc.constant(p),
      fc.array(
        fc.oneof(
          text,
          around(p),
          fc.tuple(around(p), around(p)).map(([a, b]) => a + b),
        ),
        { minLength: 1, maxLength: 8 },
      ),
    ),
  );

  it('scores every string exactly as Fuse.js does, one scorer for many strings, with ignoreLocation or without', () => {
    fc.assert(
      fc.property(
        patternAndTexts,
        fc.constantFrom(0.1, 0.3, 0.6),
        fc.boolean(),
        ([p, texts], threshold, ignoreLocation) => {
          const scorer = new FuseScorer(p, threshold, { ignoreLocation });
          for (const t of texts) {
            const [hit] = new Fuse([t], { includeScore: true, threshold, ignoreLocation }).search(p);
            expect(scorer.score(t)).toBe(hit?.score);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reports the last occurrence the scan came upon, as Fuse.js does, not the best', () => {
    // The second piece has occurrences on both sides of where it is expected (place 32).
    const [p, t] = ['aaaaaaaaabbaabbaaaababbaabbbaabbaabaabba', 'baabaababbaabbbaabbaabaabbaaabbbaabbaaaabba'];
    const [hit] = new Fuse([t], { includeScore: true, threshold: 0.6 }).search(p);
    expect(new FuseScorer(p, 0.6).score(t)).toBe(hit?.score);
  });
});

describe('Speller', () => {
  const speller = new Speller(vocabulary);
  const everyWord = new Fuse(vocabulary, { includeScore: true, threshold: 0.3 });
  const reference = (word: string) => {
    const [best] = everyWord.search(word, { limit: 1 });
    return best && (best.score ?? 1) <= 0.25 ? best.item : undefined;
  };

  it('corrects exactly as Fuse.js over the whole vocabulary would', () => {
    fc.assert(
      fc.property(
        fc.oneof(slipped(vocabulary, 3), fc.string({ minLength: 4, maxLength: 12 }), runTogether(vocabulary, 4)),
        (word) => {
          expect(speller.correct(word)).toBe(reference(word));
        },
      ),
      { numRuns: 3000 },
    );
  }, 60_000); // Fuse.js over the whole vocabulary, thousands of times: slow on a busy machine.

  it('corrects exactly as Fuse.js would over a vocabulary with capitals, repeats and several words to an entry', () => {
    // Ties between equal entries go to the earlier one; capitals only differ in what is returned.
    const mixed = vocabulary.flatMap((w, i) =>
      i % 7 === 0
        ? [w.toUpperCase(), w]
        : i % 11 === 0
          ? [w, `${w} ${vocabulary[i - 1]}`]
          : i % 13 === 0
            ? [w, w]
            : [w],
    );
    const mixedSpeller = new Speller(mixed);
    const everyEntry = new Fuse(mixed, { includeScore: true, threshold: 0.3 });
    const expected = (word: string) => {
      const [best] = everyEntry.search(word, { limit: 1 });
      return best && (best.score ?? 1) <= 0.25 ? best.item : undefined;
    };
    const word = fc.oneof(
      slipped(mixed, 3),
      slipped(mixed, 2).map((w) => w.toUpperCase()),
      fc.string({ maxLength: 3 }),
      fc.constantFrom('', ' ', '\t'),
      runTogether(mixed, 3),
    );
    fc.assert(
      fc.property(word, (w) => {
        const want = expected(w);
        expect(mixedSpeller.correct(w)).toBe(want);
        // A second asking is answered from memory: the same answer.
        expect(mixedSpeller.correct(w)).toBe(want);
      }),
      { numRuns: 1000 },
    );
  });

  it('still corrects the typos people make', () => {
    expect(speller.correct('rockt')).toBe('rocket');
    expect(speller.correct('manufacturng')).toBe('manufacturing');
  });
});

describe('NameIndex', () => {
  const index = new NameIndex(
    engine.corpus.gazetteer.regions.map((r) => ({ target: r, names: [r.name, r.zh, r.id, ...r.aliases] })),
  );
  // The search as it was before the shortcut: Fuse.js over every name.
  const rows = engine.corpus.gazetteer.regions.flatMap((r) =>
    [r.name, r.zh, r.id, ...r.aliases]
      .filter((n): n is string => !!n)
      .map((name) => ({ key: normalize(name), name, target: r })),
  );
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
      out.push({
        target: hit.item.target,
        name: hit.item.name,
        score: prefix ? Math.min(hit.score ?? 1, 0.05) : (hit.score ?? 1),
      });
    }
    return out.sort((a, b) => a.score - b.score);
  };

  it('finds exactly what Fuse.js over every name finds, for prefixes, typos and whole questions', () => {
    const query = fc.oneof(
      slipped(names, 3),
      fc.tuple(fc.constantFrom(...names), fc.nat()).map(([n, cut]) => n.slice(0, 1 + (cut % n.length))),
      fc
        .tuple(fc.constantFrom(...names), fc.constantFrom(...names))
        .map(([a, b]) => `What was ${a}’s GDP in the first quarter of 2024, compared with ${b}?`),
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
