import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { LOCK_FILE } from '../../src/app/lock.ts';
import { runCli } from '../support/cli.ts';
import { CORPUS_DIR, copyCorpus } from '../support/corpus.ts';
import { longArticle, sentenceOfFigures } from '../support/generated-article.ts';

const gazetteer = (await loadCorpus(CORPUS_DIR)).gazetteer;

/** CPU time (user and system) of one ingest, in ms: wall time on a shared machine says more about the neighbours. */
function cpuMs(raw: string): number {
  const before = process.cpuUsage();
  ingest(raw, 'txt', {}, gazetteer);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('corpus:add costs time in proportion to its input', { timeout: 120_000 }, () => {
  it('takes about twice as long for an article twice as long', () => {
    const small = longArticle(150_000);
    const large = longArticle(300_000);
    // Warm the code paths and the regular expressions at the size measured: the JIT and the
    // young generation's growth otherwise land on whichever run comes first.
    cpuMs(small);
    const best = (raw: string) => Math.min(cpuMs(raw), cpuMs(raw), cpuMs(raw));
    const ratio = best(large) / best(small);
    // Linear work doubles (2); work growing with the square of the input would quadruple (4).
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(3);
  });

  it('reads an 80 KB sentence of figures quickly, each figure quoted with its own words only', () => {
    const raw = sentenceOfFigures(80_000);
    const before = process.cpuUsage();
    const { article } = ingest(raw, 'txt', {}, gazetteer);
    const used = process.cpuUsage(before);
    // Before it was linear this took two minutes and 1.1 GB, then crashed with RangeError.
    expect((used.user + used.system) / 1000).toBeLessThan(10_000);
    expect(article.stats.length).toBeGreaterThan(1000);
    expect(Math.max(...article.stats.map((s) => s.quote.length))).toBeLessThan(1000);
  });
});

describe('corpus:add limits and locking', { timeout: 120_000 }, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await copyCorpus();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const add = (args: string[], env: Record<string, string> = {}) =>
    runCli('src/app/add.ts', args, { CORPUS_DIR: dir, ...env });

  it('refuses a file over the documented size limit before reading it', async () => {
    const big = path.join(tmpdir(), `footnote-big-${process.pid}.txt`);
    await writeFile(big, Buffer.alloc(9 * 1024 * 1024, 'a '));
    try {
      expect(await add([big])).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/is 9\.0 MB; corpus:add takes articles up to 8 MB\. .*Nothing was changed\./),
      });
    } finally {
      await rm(big, { force: true });
    }
  });

  it('says how far a long article has got on stderr', async () => {
    const long = path.join(tmpdir(), `footnote-long-${process.pid}.txt`);
    await writeFile(long, longArticle(600_000));
    try {
      const run = await add([long, '--dry-run', '--json']);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/corpus:add: \d+ of \d+ paragraphs read\n[\s\S]*corpus:add: checking the corpus/);
    } finally {
      await rm(long, { force: true });
    }
  }, 120_000);

  it('reads a relative path from where the user typed it (npm’s INIT_CWD), not the project root', async () => {
    const run = await add(['guangdong-2023-economy.txt', '--dry-run', '--json'], {
      INIT_CWD: path.resolve(import.meta.dirname, '../fixtures/ingest'),
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).outlet).toBe('Pearl River Business News');
  });

  it('refuses to run while another import holds the corpus, and takes over a lock whose process is gone', async () => {
    await writeFile(path.join(dir, LOCK_FILE), `${process.pid}\n`);
    const file = path.resolve(import.meta.dirname, '../fixtures/ingest/guangdong-2023-economy.txt');
    expect(await add([file])).toMatchObject({
      code: 1,
      stderr: `Another import is running on this corpus (process ${process.pid}); run this one again when it has finished. Nothing was changed.\n`,
    });
    // A pid far above any the kernel hands out: the process that held it is gone.
    await writeFile(path.join(dir, LOCK_FILE), '2147483646\n');
    expect((await add([file])).code).toBe(0);
    await expect(readFile(path.join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('two imports at once: each either adds its article or says another import is running, and no gazetteer addition is lost', async () => {
    const fixtures = path.resolve(import.meta.dirname, '../fixtures/ingest');
    const files = ['guangdong-2023-economy.txt', 'anhui-2025-04-new-energy-vehicles.txt'].map((f) =>
      path.join(fixtures, f),
    );
    const runs = await Promise.all(files.map((f) => add([f])));
    for (const run of runs) {
      if (run.code !== 0) expect(run.stderr).toMatch(/^Another import is running on this corpus/);
    }
    expect(runs.some((r) => r.code === 0)).toBe(true);
    // Every addition a successful run announced is in the gazetteer both left behind.
    const corpus = await loadCorpus(dir);
    const people = new Set(corpus.gazetteer.people.map((p) => p.id));
    const metrics = new Set(corpus.gazetteer.metrics.map((m) => m.id));
    for (const [i, run] of runs.entries()) {
      if (run.code !== 0) continue;
      const dry = await runCli('src/app/add.ts', [files[i]!, '--dry-run', '--json', '--force'], {
        CORPUS_DIR: CORPUS_DIR,
      });
      const added = JSON.parse(dry.stdout).gazetteerAdditions as {
        people: { id: string }[];
        metrics: { id: string }[];
      };
      for (const p of added.people) expect(people).toContain(p.id);
      for (const m of added.metrics) expect(metrics).toContain(m.id);
    }
  }, 120_000);
});
