import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { copyCorpus } from '../support/corpus.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/ingest');
const HTML = path.join(FIXTURES, 'jiangsu-2025-q1-suzhou-industry.html');
const ID = 'ydd-2025-04-jiangsus-economy-grows-suzhou';
const SEED = path.resolve(import.meta.dirname, '../../corpus/sources/cctv-2024-05-productive-forces.txt');

let dir: string;
beforeEach(async () => {
  dir = await copyCorpus();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const add = (args: string[], input?: string) => runCli('src/app/add.ts', args, { CORPUS_DIR: dir }, input);
const check = () => runCli('src/app/check.ts', [], { CORPUS_DIR: dir });
async function snapshot(): Promise<string> {
  const files = [];
  for (const sub of ['', 'articles', 'sources']) {
    // Files only: the folder also holds what is built from it (the chart font is a folder).
    for (const f of (await readdir(path.join(dir, sub), { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    ))
      if (f.isFile() && f.name.includes('.'))
        files.push(`${sub}/${f.name}:${(await readFile(path.join(dir, sub, f.name))).length}`);
  }
  return files.join('\n');
}

describe('npm run corpus:add', { timeout: 120_000 }, () => {
  it('--dry-run --json prints exactly one JSON object, the article as it would be stored, and writes nothing', async () => {
    const before = await snapshot();
    const { code, stdout, stderr } = await add([HTML, '--dry-run', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const article = JSON.parse(stdout);
    expect(article).toMatchObject({
      id: ID,
      outlet: 'Yangtze Delta Daily',
      published: '2025-04-25',
      url: 'https://www.yangtzedeltadaily.example/economy/2025-04/25/jiangsu-q1.html',
    });
    expect(article.passages[0]).toMatchObject({
      text: expect.stringContaining('3.26 trillion yuan'),
      regions: ['jiangsu'],
    });
    expect(article.passages.find((p: { speaker?: string }) => p.speaker === 'zhou-wei')).toBeDefined();
    expect(article.stats[0]).toMatchObject({
      metric: 'gdp',
      value: 3.26e12,
      unit: 'yuan',
      period: '2025-Q1',
      region: 'jiangsu',
      quote: expect.stringContaining('3.26 trillion yuan'),
    });
    expect(article.gazetteerAdditions.people.map((p: { id: string }) => p.id)).toEqual(['zhou-wei']);
    expect(await snapshot()).toBe(before);
  });

  it('stores the raw file and its text, writes the article and grows the gazetteer; the corpus then passes corpus:check', async () => {
    const { code, stdout } = await add([HTML]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Statistics \(13\)/);
    expect(stdout).toContain(`Added ${ID}`);
    expect(await readFile(path.join(dir, 'sources', `${ID}.html`), 'utf8')).toBe(await readFile(HTML, 'utf8'));
    const text = await readFile(path.join(dir, 'sources', `${ID}.txt`), 'utf8');
    const article = JSON.parse(await readFile(path.join(dir, 'articles', `${ID}.json`), 'utf8'));
    for (const p of article.passages) expect(text).toContain(p.text);
    const gazetteer = JSON.parse(await readFile(path.join(dir, 'gazetteer.json'), 'utf8'));
    expect(gazetteer.people.map((p: { id: string }) => p.id)).toContain('zhou-wei');
    const checked = await check();
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/OK — 2 article\(s\)/);
  });

  it('stores a plain-text article verbatim, read from standard input', async () => {
    const raw = await readFile(path.join(FIXTURES, 'guangdong-2023-economy.txt'), 'utf8');
    const { code } = await add(['-', '--id', 'guangdong-2023-economy'], raw);
    expect(code).toBe(0);
    expect(await readFile(path.join(dir, 'sources', 'guangdong-2023-economy.txt'), 'utf8')).toBe(raw);
  });

  it('refuses a duplicate (the same text, or the same URL) and a curated article without --force, changing nothing', async () => {
    const before = await snapshot();
    const seed = await add([SEED, '--outlet', 'CCTV', '--published', '2024-05']);
    expect(seed.code).toBe(1);
    expect(seed.stderr).toMatch(/already in the corpus as “cctv-2024-05-productive-forces”.*Nothing was changed/s);
    const curated = await add([
      SEED,
      '--outlet',
      'CCTV',
      '--published',
      '2024-05',
      '--id',
      'cctv-2024-05-productive-forces',
    ]);
    expect(curated.code).toBe(1);
    expect(curated.stderr).toContain('Pass --force to replace it');
    expect(await snapshot()).toBe(before);

    expect((await add([HTML])).code).toBe(0);
    const sameUrl = await add([
      path.join(FIXTURES, 'guangdong-2023-economy.txt'),
      '--url',
      'https://www.yangtzedeltadaily.example/economy/2025-04/25/jiangsu-q1.html',
    ]);
    expect(sameUrl.code).toBe(1);
    expect(sameUrl.stderr).toContain(`This URL is already in the corpus as “${ID}”`);
  });

  it('replaces an article it is told to with --force', async () => {
    expect((await add([HTML])).code).toBe(0);
    const again = await add([HTML, '--force', '--title', 'Jiangsu grows 5.9% (corrected title)', '--id', ID]);
    expect(again.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(dir, 'articles', `${ID}.json`), 'utf8')).title).toBe(
      'Jiangsu grows 5.9% (corrected title)',
    );
    expect((await check()).code).toBe(0);
  });

  it('gives a clear error for a file it cannot read or use, and changes nothing', async () => {
    const before = await snapshot();
    const missing = await add([path.join(dir, 'nope.txt')]);
    expect(missing).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Cannot read .*nope\.txt: no such file\. Nothing was changed\./),
    });
    const pdf = path.join(tmpdir(), 'footnote-article.pdf');
    await writeFile(pdf, '%PDF-1.4');
    expect((await add([pdf])).stderr).toMatch(/only \.txt, \.md and \.html files/);
    const binary = path.join(tmpdir(), 'footnote-photo.txt');
    await writeFile(
      binary,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xd8, 0xff, 0xe0]),
    );
    expect(await add([binary])).toMatchObject({ code: 1, stderr: expect.stringContaining('The file is not text') });
    const bare = path.join(tmpdir(), 'footnote-bare.txt');
    await writeFile(bare, 'Jiangsu grew quickly this spring, officials said on Monday in Nanjing.\n');
    const noMeta = await add([bare]);
    expect(noMeta).toMatchObject({ code: 1, stderr: expect.stringContaining('pass --title') });
    const usage = await add([]);
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run corpus:add') });
    expect(await snapshot()).toBe(before);
  });

  it('refuses a publication date the calendar does not have or that is in the future; an empty --published keeps the page’s date', async () => {
    const before = await snapshot();
    expect(await add([HTML, '--dry-run', '--published', '2024-02-30'])).toMatchObject({
      code: 1,
      stderr: 'The publication date 2024-02-30 is not a day of the calendar. Nothing was changed.\n',
    });
    expect(await add([HTML, '--dry-run', '--published', '2999-01'])).toMatchObject({
      code: 1,
      stderr: 'The publication date 2999-01 is in the future. Nothing was changed.\n',
    });
    const empty = await add([HTML, '--dry-run', '--json', '--published', '']);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout).published).toBe('2025-04-25');
    expect(await snapshot()).toBe(before);
  });
});
