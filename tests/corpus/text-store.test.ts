import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { spillTexts, TextStore } from '../../src/corpus/text-store.ts';
import { CORPUS_DIR } from '../support/corpus.ts';

const dir = await mkdtemp(path.join(tmpdir(), 'footnote-texts-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('passage texts moved out of the process', () => {
  it('reads every text as before once spilled, and leaves no file behind', async () => {
    const corpus = await loadCorpus(CORPUS_DIR);
    const before = corpus.passages.map((p) => ({ ...p }));
    expect(spillTexts(corpus.passages, dir)).toBeGreaterThan(0);
    expect(corpus.passages.map((p) => ({ ...p }))).toEqual(before);
    expect(await readdir(dir)).toEqual([]);
    // Spilled once: a second time moves nothing.
    expect(spillTexts(corpus.passages, dir)).toBe(0);
  });

  it('keeps texts across chunks, of every script and length, at their places', () => {
    const store = TextStore.empty();
    // Past one 8 MB chunk, so texts sit in several, one of them at a chunk's very start.
    const texts = Array.from({ length: 3000 }, (_, i) => `“${i}” 江苏 ${'é'.repeat(i % 7)} ${'x'.repeat(4000)}`);
    const places = texts.map((t) => store.add(t));
    store.finish();
    store.spill(dir);
    texts.forEach((t, i) => expect(store.read(places[i]!.at, places[i]!.bytes)).toBe(t));
    expect(() => store.add('more')).toThrow();
  });

  it('keeps the texts in memory where the folder takes no file', () => {
    const store = TextStore.empty();
    const place = store.add('Jiangsu’s GDP grew 6.2%');
    store.finish();
    expect(() => store.spill(path.join(dir, 'missing'))).toThrow();
    expect(store.read(place.at, place.bytes)).toBe('Jiangsu’s GDP grew 6.2%');
  });
});
