import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article, Passage } from '../../src/corpus/schema.ts';
import { ArticleIds, JoinedTexts, passagesWithIdContaining } from '../../src/search/substring.ts';

/** Articles with ids and paragraph counts chosen to collide: shared prefixes, digits, "p" in ids. */
const articles = fc
  .uniqueArray(fc.tuple(fc.stringMatching(/^[ap0-9](?:[ap0-9-]{0,6}[ap0-9])?$/), fc.integer({ min: 1, max: 14 })), {
    selector: ([id]) => id,
    minLength: 1,
    maxLength: 30,
  })
  .map((list) =>
    list.map(([id, count]): Article => ({
      id,
      title: `Title of ${id}`,
      outlet: 'Test',
      published: '2024-05',
      language: 'en',
      source: `sources/${id}.txt`,
      passages: Array.from({ length: count }, (_, i): Passage => ({
        id: `${id}#p${i + 1}`,
        paragraph: i + 1,
        text: 'x',
        regions: [],
        people: [],
        topics: [],
      })),
      stats: [],
    })),
  );
const piece = fc.oneof(
  fc.stringMatching(/^[ap0-9#-]{0,6}$/),
  fc.constantFrom('', '#', '#p', '#p1', 'p1', '1#p', '0-', 'p', '##'),
);

describe('lookups by a piece of an id or a title', () => {
  it('passagesWithIdContaining lists what filtering every passage id lists, in order', () => {
    fc.assert(
      fc.property(articles, piece, fc.integer({ min: 1, max: 40 }), (list, text, limit) => {
        const ids = new ArticleIds(list);
        const expected = list
          .flatMap((a) => a.passages)
          .filter((p) => p.id.includes(text))
          .slice(0, limit);
        expect(passagesWithIdContaining(list, ids, text, limit).map((p) => p.id)).toEqual(expected.map((p) => p.id));
      }),
      { numRuns: 3000 },
    );
  });

  it('JoinedTexts finds the texts containing or ending with a piece, once each, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 20 }),
        fc.string({ maxLength: 3 }),
        fc.integer({ min: 1, max: 25 }),
        (texts, text, limit) => {
          const clean = texts.map((t) => t.replaceAll('\u0000', ''));
          const joined = new JoinedTexts(clean, '\u0000');
          const indexes = (test: (t: string) => boolean) =>
            clean.flatMap((t, i) => (test(t) ? [i] : [])).slice(0, limit);
          expect(joined.containing(text, limit)).toEqual(indexes((t) => t.includes(text)));
          expect(joined.endingWith(text, limit)).toEqual(indexes((t) => t.endsWith(text)));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
