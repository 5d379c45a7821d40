import type * as Fs from 'node:fs';
import { mkdtemp, open, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/synthetic/corpus.ts';
import { buildIndex, openCorpus } from '../../src/app/open.ts';
import { CorpusError } from '../../src/corpus/errors.ts';
import type { Corpus } from '../../src/corpus/load.ts';
import { PREBUILT_FILE } from '../../src/search/prebuilt.ts';
import { CORPUS_DIR, SEED_ARTICLE, copyCorpus, editJson } from '../support/corpus.ts';

/** Every file the loader opens (it reads corpus files with openSync), to prove a start read none. */
const opened = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const openSync = ((...args: Parameters<typeof fs.openSync>) => {
    opened.files.push(String(args[0]));
    return fs.openSync(...args);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, openSync }, openSync };
});

let seed: string;
let synthetic: string;

beforeAll(async () => {
  seed = await copyCorpus();
  synthetic = await mkdtemp(path.join(tmpdir(), 'footnote-prebuilt-corpus-'));
  await writeSyntheticCorpus(synthetic, 600, { gazetteer: path.join(CORPUS_DIR, 'gazetteer.json') });
});

afterAll(async () => {
  await rm(seed, { recursive: true, force: true });
  await rm(synthetic, { recursive: true, force: true });
});

// As if each start came a minute after the files were last written: within seconds of a load,
// a file's times prove nothing (stamps.ts), and these tests write their files moments before.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 60_000);
});
afterEach(() => vi.useRealTimers());

/** The corpus files under `dir` the loader opened since the last call. */
function corpusFilesRead(dir: string): string[] {
  const read = opened.files.filter((f) => f.startsWith(dir) && !f.endsWith(PREBUILT_FILE));
  opened.files.length = 0;
  return read;
}

/** What a corpus holds, as plain values, fields in order: a corpus from the prebuilt file must be this to the last key. */
function contents(corpus: Corpus): unknown {
  const plain = JSON.parse(JSON.stringify({ gazetteer: corpus.gazetteer, articles: corpus.articles })) as unknown;
  const keys = corpus.articles.map((a) => [
    Object.keys(a),
    a.passages.map((p) => Object.keys(p)),
    a.stats.map((s) => Object.keys(s)),
  ]);
  return { plain, keys, fingerprint: corpus.fingerprint, passages: corpus.passages.length, stats: corpus.stats.length };
}

/** The offset and length of one section of a prebuilt file, from its header. */
async function section(dir: string, name: string): Promise<[number, number]> {
  const head = (await readFile(path.join(dir, PREBUILT_FILE))).subarray(0, 4096).toString('utf8').split('\n')[1]!;
  const [offset, length] = (JSON.parse(head) as { sections: Record<string, [number, number]> }).sections[name]!;
  return [offset, length];
}

describe('the corpus in the prebuilt file', () => {
  it.each([
    ['the seed corpus', () => seed],
    ['a synthetic corpus of 600 passages', () => synthetic],
  ])('is taken from there when no corpus file has changed, reading none of them: %s', async (_, dir) => {
    const checked = await openCorpus(dir(), { prebuilt: 'ignore' });
    await buildIndex(dir());
    corpusFilesRead(dir());
    const { engine, report } = await openCorpus(dir());
    expect(report).toMatchObject({ corpus: 'prebuilt', index: 'prebuilt' });
    expect(report.wrote).toBeUndefined();
    expect(corpusFilesRead(dir())).toEqual([]);
    expect(contents(engine.corpus)).toEqual(contents(checked.engine.corpus));
    const id = engine.corpus.stats[0]!.passage;
    expect(engine.corpus.passageById.get(id)?.text).toBe(checked.engine.corpus.passageById.get(id)?.text);
    expect(engine.corpus.dir).toBe(dir());
  });

  it('is not used once a file has changed: the corpus is read and checked in full, and the file rewritten', async () => {
    await buildIndex(seed);
    const file = path.join(seed, `articles/${SEED_ARTICLE}.json`);
    await editJson(file, (a) => (a.title = `${a.title} (revised)`));
    corpusFilesRead(seed);
    const changed = await openCorpus(seed);
    expect(changed.report).toMatchObject({
      corpus: 'checked',
      index: 'built',
      miss: 'stale',
      wrote: expect.any(Number),
    });
    expect(corpusFilesRead(seed)).toContain(file);
    const next = await openCorpus(seed);
    expect(next.report).toMatchObject({ corpus: 'prebuilt', index: 'prebuilt' });
    expect(next.engine.corpus.articleById.get(SEED_ARTICLE)?.title).toMatch(/\(revised\)$/);
  });

  it('names the broken field when a file changed since is broken', async () => {
    const dir = await copyCorpus();
    try {
      await buildIndex(dir);
      await editJson(path.join(dir, `articles/${SEED_ARTICLE}.json`), (a) => (a.stats[0].value *= 3));
      const error = await openCorpus(dir).catch((e: unknown) => e as CorpusError);
      expect(error).toBeInstanceOf(CorpusError);
      expect((error as CorpusError).problems).toContainEqual(
        expect.objectContaining({
          path: '$.stats[0].value',
          message: expect.stringContaining('does not match the written form'),
        }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('notices an article added or removed', async () => {
    await buildIndex(synthetic);
    const articles = path.join(synthetic, 'articles');
    const [first] = (await readdir(articles)).sort();
    const text = await readFile(path.join(articles, first!), 'utf8');
    await rm(path.join(articles, first!));
    expect((await openCorpus(synthetic)).report).toMatchObject({ corpus: 'checked', index: 'built', miss: 'stale' });
    await writeFile(path.join(articles, first!), text);
    expect((await openCorpus(synthetic)).report).toMatchObject({ corpus: 'checked', index: 'built', miss: 'stale' });
    expect((await openCorpus(synthetic)).report).toMatchObject({ corpus: 'prebuilt', index: 'prebuilt' });
  });

  it('takes a file whose times changed but not its bytes as vouched for, and stamps it afresh', async () => {
    await buildIndex(synthetic);
    // Set back an hour, as `touch -d` or a copy keeping times would: its ctime still says it changed.
    const earlier = new Date(Date.now() - 3_600_000);
    await utimes(path.join(synthetic, 'gazetteer.json'), earlier, earlier);
    const touched = await openCorpus(synthetic);
    expect(touched.report).toMatchObject({ corpus: 'vouched', index: 'prebuilt', wrote: expect.any(Number) });
    expect((await openCorpus(synthetic)).report).toMatchObject({ corpus: 'prebuilt', index: 'prebuilt' });
  });

  it('does not trust the times of a file written moments before the build', async () => {
    vi.useRealTimers();
    const gazetteer = path.join(synthetic, 'gazetteer.json');
    await writeFile(gazetteer, await readFile(gazetteer));
    await buildIndex(synthetic);
    expect((await openCorpus(synthetic)).report).toMatchObject({ corpus: 'vouched', index: 'prebuilt' });
    // Read back a minute later: the file now proves nothing new, and is stamped from here on.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    expect((await openCorpus(synthetic)).report).toMatchObject({ corpus: 'vouched', index: 'prebuilt' });
    expect((await openCorpus(synthetic)).report).toMatchObject({ corpus: 'prebuilt', index: 'prebuilt' });
  });

  it.each([
    // The corpus read from its files instead, vouched for by their bytes.
    ['stamps', 'vouched'],
    ['corpus', 'vouched'],
    ['strings', 'vouched'],
    ['texts', 'vouched'],
    // The corpus taken from the file, whose own sections are whole; the index built afresh.
    ['docs', 'prebuilt'],
  ])('refuses a damaged %s section: what it held is had another way, and the file rewritten', async (name, from) => {
    const checked = contents((await openCorpus(synthetic, { prebuilt: 'ignore' })).engine.corpus);
    await buildIndex(synthetic);
    const [offset, length] = await section(synthetic, name);
    const file = await open(path.join(synthetic, PREBUILT_FILE), 'r+');
    await file.write(
      Buffer.alloc(Math.min(16, length), 0xff),
      0,
      Math.min(16, length),
      offset + Math.floor(length / 2),
    );
    await file.close();
    const damaged = await openCorpus(synthetic);
    expect(damaged.report).toMatchObject({
      corpus: from,
      index: 'built',
      miss: 'unreadable',
      wrote: expect.any(Number),
    });
    expect(contents(damaged.engine.corpus)).toEqual(checked);
    expect((await openCorpus(synthetic)).report).toMatchObject({ corpus: 'prebuilt', index: 'prebuilt' });
  });

  it('takes nothing from a file written by other code', async () => {
    await buildIndex(synthetic);
    const file = path.join(synthetic, PREBUILT_FILE);
    const bytes = await readFile(file);
    const code = /"code":"([0-9a-f]+)"/.exec(bytes.subarray(0, 4096).toString('latin1'))![1]!;
    bytes.write('0'.repeat(code.length), bytes.indexOf(code), 'latin1');
    await writeFile(file, bytes);
    expect((await openCorpus(synthetic)).report).toMatchObject({ corpus: 'checked', index: 'built', miss: 'stale' });
  });
});

describe('a corpus whose article is longer than a read of the file', () => {
  it('comes back whole from the prebuilt file', async () => {
    const dir = await copyCorpus();
    try {
      // 25,000 passages: the article's line in the file is past a megabyte, the buffer it is read through.
      const texts = Array.from({ length: 25_000 }, (_, i) => `Paragraph ${i + 1} of the long report.`);
      await writeFile(path.join(dir, 'sources/long-report.txt'), texts.join('\n\n'));
      const article = {
        id: 'long-report',
        title: 'A long report',
        outlet: 'Footnote tests',
        published: '2024-05-01',
        language: 'en',
        source: 'sources/long-report.txt',
        passages: texts.map((text, i) => ({ id: `long-report#p${i + 1}`, paragraph: i + 1, text, regions: [] })),
      };
      await writeFile(path.join(dir, 'articles/long-report.json'), JSON.stringify(article));
      const checked = contents((await openCorpus(dir, { prebuilt: 'ignore' })).engine.corpus);
      await buildIndex(dir);
      const { engine, report } = await openCorpus(dir);
      expect(report).toMatchObject({ corpus: 'prebuilt', index: 'prebuilt' });
      expect(contents(engine.corpus)).toEqual(checked);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
