import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Passage } from '../../src/corpus/schema.ts';
import { CORPUS_DIR, SEED_ARTICLE } from '../support/corpus.ts';

/**
 * The loaded corpus keeps its passages compactly (texts in a UTF-8 store, lists shared,
 * passages found by id without a map). None of it may show: a passage reads, spreads,
 * serializes and compares as the plain object the article file describes.
 */
const corpus = await loadCorpus(CORPUS_DIR);
const raw = JSON.parse(readFileSync(path.join(CORPUS_DIR, `articles/${SEED_ARTICLE}.json`), 'utf8')) as { passages: Passage[] };

describe('the corpus in memory', () => {
  it('serves every passage exactly as its file has it, fields in the same order', () => {
    expect(corpus.passages).toHaveLength(raw.passages.length);
    corpus.passages.forEach((passage, i) => {
      const expected = { people: [], topics: [], ...raw.passages[i] };
      expect(passage).toEqual(expected);
      expect({ ...passage }).toEqual(expected);
      expect(JSON.parse(JSON.stringify(passage))).toEqual(expected);
      expect(Object.keys(passage)).toEqual(['id', 'paragraph', 'text', 'regions', 'people', ...(passage.speaker ? ['speaker'] : []), ...(passage.speech ? ['speech'] : []), 'topics']);
    });
  });

  it('keeps text verbatim, curly quotes and all, and refuses changes', () => {
    const passage = corpus.passages.find((p) => p.text.includes('“'))!;
    expect(passage.text).toBe(raw.passages.find((p) => p.id === passage.id)!.text);
    expect(() => {
      (passage as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    const nobody = corpus.passages.find((p) => p.people.length === 0)!;
    expect(() => (nobody.people as string[]).push('someone')).toThrow(TypeError);
  });

  it('finds passages by id as a map would, and nothing by an id that merely resembles one', () => {
    const byId = new Map(corpus.passages.map((p) => [p.id, p]));
    for (const [id, passage] of byId) expect(corpus.passageById.get(id)).toBe(passage);
    expect(corpus.passageById.size).toBe(byId.size);
    expect([...corpus.passageById.keys()]).toEqual([...byId.keys()]);
    expect([...corpus.passageById]).toEqual([...byId]);
    const first = corpus.passages[0]!.id;
    for (const id of [first.replace('#p1', '#p01'), first.replace('#p1', '#p1.0'), `${first}0`, first.replace('#p', '#'), 'nothing', '', '#p1']) {
      expect(corpus.passageById.has(id)).toBe(byId.has(id));
      expect(corpus.passageById.get(id)).toBe(byId.get(id));
    }
  });

  it('points each figure at its passage', () => {
    for (const stat of corpus.stats) {
      const passage = corpus.passageById.get(stat.passage)!;
      expect(passage.text).toContain(stat.quote);
    }
  });
});
