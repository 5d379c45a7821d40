import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryMaker } from '../../bench/queries.ts';
import { writeSyntheticCorpus } from '../../bench/synthetic/corpus.ts';
import { commands } from '../../commands/index.ts';
import type { CommandContext } from '../../src/command/command.ts';
import { buildIndex, openCorpus } from '../../src/app/open.ts';
import { PREBUILT_FILE } from '../../src/search/prebuilt.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { invoke } from '../../src/command/invoke.ts';
import { CorpusError } from '../../src/corpus/errors.ts';
import { CORPUS_DIR, SEED_ARTICLE, copyCorpus, editJson } from '../support/corpus.ts';

let synthetic: string;
let seed: string;

beforeAll(async () => {
  synthetic = await mkdtemp(path.join(tmpdir(), 'footnote-prebuilt-'));
  await writeSyntheticCorpus(synthetic, 1500, { gazetteer: path.join(CORPUS_DIR, 'gazetteer.json') });
  seed = await copyCorpus();
  await rm(path.join(seed, PREBUILT_FILE), { force: true });
});

// As if each start came a minute after the files were last written: within seconds of a load,
// a file's times prove nothing (stamps.ts), and the corpus would be read rather than taken from the file.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 60_000);
});
afterEach(() => vi.useRealTimers());

afterAll(async () => {
  await rm(synthetic, { recursive: true, force: true });
  await rm(seed, { recursive: true, force: true });
});

/** Every command and every autocompleted option, on queries of every kind, with the answers they give. */
async function answers(engine: Engine, seedNumber: number): Promise<unknown[]> {
  const context: CommandContext = { engine, caller: { canManageMessages: true }, commands };
  const maker = new QueryMaker(engine.corpus, seedNumber);
  const out: unknown[] = [];
  for (const command of commands) {
    for (let i = 0; i < 60; i++) {
      const raw = maker.options(command);
      out.push([command.data.name, [...raw], (await invoke(command.data.name, raw, context)).answer]);
    }
    for (const option of (command.data.options ?? []).filter((o) => 'autocomplete' in o && o.autocomplete)) {
      for (let i = 0; i < 40; i++) {
        const focused = { name: option.name, value: maker.partial(option.name) };
        out.push([command.data.name, focused, command.autocomplete!(focused, context)]);
      }
    }
  }
  return out;
}

describe('the prebuilt index', () => {
  it.each([
    ['the seed corpus', () => seed],
    ['a synthetic corpus of 1,500 passages', () => synthetic],
  ])('gives the same answers as an index built from the passages, on %s', async (_, dir) => {
    const built = await openCorpus(dir(), { prebuilt: 'ignore' });
    expect(built.report.index).toBe('built');
    await buildIndex(dir());
    const prebuilt = await openCorpus(dir());
    expect(prebuilt.report.index).toBe('prebuilt');
    expect(await answers(prebuilt.engine, 7)).toEqual(await answers(built.engine, 7));
  });

  it('vouches for the corpus it was built from: the checks are not run again on the same files', async () => {
    await buildIndex(synthetic);
    const { report } = await openCorpus(synthetic);
    expect(report).toMatchObject({ index: 'prebuilt', corpus: 'prebuilt' });
    expect((await openCorpus(synthetic, { prebuilt: 'ignore' })).report.corpus).toBe('checked');
  });

  it('vouches for nothing else: a corpus broken since the index was built is refused', async () => {
    const dir = await copyCorpus();
    try {
      await buildIndex(dir);
      // A quote no longer in its passage: only the cross-file checks can see it.
      await editJson(
        path.join(dir, `articles/${SEED_ARTICLE}.json`),
        (a) => (a.stats[0].quote = 'a quote the passage does not hold'),
      );
      await expect(openCorpus(dir)).rejects.toThrow(CorpusError);
      await expect(openCorpus(dir)).rejects.toThrow('is not verbatim in passage');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is rebuilt and rewritten when the corpus changes, then used again', async () => {
    await buildIndex(synthetic);
    const gazetteer = path.join(synthetic, 'gazetteer.json');
    await writeFile(gazetteer, `${await readFile(gazetteer, 'utf8')}\n`);
    const changed = await openCorpus(synthetic);
    expect(changed.report).toMatchObject({ index: 'built', miss: 'stale', wrote: expect.any(Number) });
    expect((await openCorpus(synthetic)).report.index).toBe('prebuilt');
  });

  it('is built and written when missing', async () => {
    await rm(path.join(seed, PREBUILT_FILE), { force: true });
    expect((await openCorpus(seed)).report).toMatchObject({
      index: 'built',
      miss: 'missing',
      wrote: expect.any(Number),
    });
    expect((await openCorpus(seed)).report.index).toBe('prebuilt');
  });

  it('is not trusted when damaged: the engine is built from the passages instead', async () => {
    await buildIndex(synthetic);
    const file = await open(path.join(synthetic, PREBUILT_FILE), 'r+');
    const { size } = await file.stat();
    // Past the header: some counts now read 255.
    await file.write(Buffer.alloc(64, 0xff), 0, 64, Math.floor(size / 2));
    await file.close();
    const damaged = await openCorpus(synthetic);
    expect(damaged.report).toMatchObject({ index: 'built', miss: 'unreadable' });
    expect(await answers(damaged.engine, 3)).toEqual(
      await answers((await openCorpus(synthetic, { prebuilt: 'ignore' })).engine, 3),
    );
  });

  it('serves regardless when the index cannot be written', async () => {
    const dir = await copyCorpus();
    try {
      // A folder where the file should be: nothing can be read from or renamed onto it.
      await rm(path.join(dir, PREBUILT_FILE), { force: true });
      await mkdir(path.join(dir, PREBUILT_FILE, 'in-the-way'), { recursive: true });
      const { engine, report } = await openCorpus(dir);
      expect(report).toMatchObject({ index: 'built', miss: 'unreadable', writeError: expect.any(String) });
      expect(engine.corpus.passages.length).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
