import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/schema.ts';
import { PassageIndex } from '../../src/search/passage-index.ts';
import { terms } from '../../src/text/normalize.ts';

/**
 * rank() prunes with MaxScore; these check it against BM25 worked out from its
 * definition for every passage, on corpora where a few words are everywhere (the case
 * pruning is for) and ties are common.
 */
const WORDS = ['industry', 'china', 'jiangsu', 'rocket', 'growth', 'energy', 'chip', 'port', 'steel', 'solar'];

function passage(i: number, words: readonly string[]): Passage {
  return { id: `a#p${i + 1}`, paragraph: i + 1, text: words.join(' '), regions: [], people: [], topics: [] };
}

/** Scores every passage; best first by the count of counted terms, then score, then position. */
function reference(
  passages: readonly Passage[],
  query: readonly string[],
  limit: number,
  within?: Uint32Array,
  counted?: ReadonlySet<string>,
) {
  const K1 = 1.2;
  const B = 0.75;
  const docs = passages.map((p) => terms(p.text));
  const average = docs.reduce((n, d) => n + d.length, 0) / docs.length;
  const df = new Map(query.map((term) => [term, docs.filter((d) => d.includes(term)).length]));
  const rows = docs.map((words, doc) => {
    let score = 0;
    const matched: string[] = [];
    for (const term of query) {
      const tf = words.filter((w) => w === term).length;
      if (!tf) continue;
      const idf = Math.log(1 + (docs.length - df.get(term)! + 0.5) / (df.get(term)! + 0.5));
      score += idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * words.length) / average)));
      matched.push(term);
    }
    return { doc, score, matched, count: matched.filter((t) => counted?.has(t)).length };
  });
  return rows
    .filter((r) => r.matched.length && (!within || within.includes(r.doc)))
    .sort((a, b) => b.count - a.count || b.score - a.score || a.doc - b.doc)
    .slice(0, limit)
    .map((r) => ({ id: passages[r.doc]!.id, score: r.score, matched: r.matched }));
}

const corpus = fc.array(
  // Skewed: the first words of the list are far more common, as in news.
  fc.array(
    fc.nat({ max: 99 }).map((n) => WORDS[Math.floor(Math.sqrt(n))]!),
    { minLength: 1, maxLength: 12 },
  ),
  // Past 128 passages a common word's list spans several blocks, which rank() may skip.
  { minLength: 1, maxLength: 700, size: 'max' },
);

describe('PassageIndex.rank', () => {
  it('finds exactly the passages a full BM25 scoring ranks best, with the same scores', () => {
    fc.assert(
      fc.property(
        corpus,
        fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.nat()),
        fc.option(fc.uniqueArray(fc.constantFrom(...WORDS), { maxLength: 4 })),
        fc.option(fc.double({ min: 0, max: 0.95, noNaN: true })),
        (texts, query, limit, maskSeed, countedWords, floor) => {
          const passages = texts.map((words, i) => passage(i, words));
          const index = new PassageIndex(passages);
          const list = query.map((w) => terms(w)[0]!).filter((t) => index.has(t));
          // A pool, in no pattern: about two passages in three, or one in forty (walked rather than the lists);
          // or whole articles, runs of passages with long gaps between (the lists jump them); or every passage.
          const every = maskSeed !== null && maskSeed % 2 ? 40 : 1.5;
          const within =
            maskSeed === null
              ? undefined
              : Uint32Array.from(passages.keys()).filter((i) =>
                  maskSeed % 5 === 0
                    ? true
                    : maskSeed % 3 === 0
                      ? Math.floor(i / (3 + (maskSeed % 7))) % 4 === 1
                      : ((Math.imul(i + 1, 2654435761) ^ maskSeed) >>> 0) % 120 < 120 / every,
                );
          const counted = countedWords ? new Set(countedWords.map((w) => terms(w)[0]!)) : undefined;
          const got = index.rank(list, { limit, ...(within ? { within } : {}), ...(counted ? { counted } : {}) });
          expect(got.map((h) => ({ id: h.passage.id, score: h.score, matched: h.matched }))).toEqual(
            reference(passages, list, limit, within, counted),
          );
          if (counted) {
            // With `atLeast`, exactly the passages holding that many counted terms, in the same order.
            const atLeast = limit % 3;
            const holding = <T extends { matched: string[] }>(hits: T[]) =>
              hits.filter((h) => h.matched.filter((t) => counted.has(t)).length >= atLeast);
            const fewer = index.rank(list, { limit, counted, atLeast, ...(within ? { within } : {}) });
            expect(fewer.map((h) => ({ id: h.passage.id, score: h.score, matched: h.matched }))).toEqual(
              holding(reference(passages, list, limit, within, counted)),
            );
          }
          if (floor === null) return;
          // With a floor, what is left out is only what scores under it.
          const expected = reference(passages, list, limit, within);
          const kept = <T extends { score: number }>(hits: T[]) =>
            hits.filter((h) => h.score >= floor * (expected[0]?.score ?? 0));
          const floored = index.rank(list, { limit, floor, ...(within ? { within } : {}) });
          expect(kept(floored.map((h) => ({ id: h.passage.id, score: h.score, matched: h.matched })))).toEqual(
            kept(expected),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('withAll finds the first passages holding every term, in corpus order', () => {
    fc.assert(
      fc.property(
        corpus,
        fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 30 }),
        (texts, query, limit) => {
          const passages = texts.map((words, i) => passage(i, words));
          const list = query.map((w) => terms(w)[0]!);
          const expected = passages.filter((p) => list.every((t) => terms(p.text).includes(t))).slice(0, limit);
          expect(new PassageIndex(passages).withAll(list, limit)).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('ranks nothing when asked for no passage or no term', () => {
    const index = new PassageIndex([passage(0, ['china', 'growth'])]);
    expect(index.rank(['china'], { limit: 0 })).toEqual([]);
    expect(index.rank([], { limit: 5 })).toEqual([]);
    expect(index.rank(['china'], { limit: 5 }).map((h) => h.passage.id)).toEqual(['a#p1']);
  });
});
