import { readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/errors.ts';
import { loadCorpus, MAX_FILE_BYTES } from '../../src/corpus/load.ts';
import { CORPUS_DIR, SEED_ARTICLE, copyCorpus, editJson } from '../support/corpus.ts';

const ARTICLE = `articles/${SEED_ARTICLE}.json`;

/** Breaks a copy of the real corpus and returns the problems the loader reports. */
async function problemsAfter(breakIt: (dir: string) => Promise<void>) {
  const dir = await copyCorpus();
  try {
    await breakIt(dir);
    await loadCorpus(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusError);
    return (error as CorpusError).problems.map((p) => ({ ...p, file: path.basename(p.file) }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  throw new Error('the broken corpus was accepted');
}

const article = (edit: (a: any) => void) => (dir: string) => editJson(path.join(dir, ARTICLE), edit);
const gazetteer = (edit: (g: any) => void) => (dir: string) => editJson(path.join(dir, 'gazetteer.json'), edit);
const file = `${SEED_ARTICLE}.json`;

describe('loadCorpus', () => {
  it('accepts the real corpus: the seed article, its passages and figures', async () => {
    const corpus = await loadCorpus(CORPUS_DIR);
    expect(corpus.articles.map((a) => a.id)).toEqual([SEED_ARTICLE]);
    const seed = corpus.articles[0]!;
    expect(seed).toMatchObject({ outlet: 'CCTV', published: '2024-05', language: 'en', translatedFrom: 'zh' });
    expect(seed.title).toBe('Write a good article on the development of new quality productivity!');
    expect(seed.passages).toHaveLength(15);
    expect(corpus.stats.length).toBeGreaterThanOrEqual(8);
  });

  it('serves none of the preamble or the website footer', async () => {
    const corpus = await loadCorpus(CORPUS_DIR);
    const text = corpus.passages.map((p) => p.text).join('\n');
    for (const boilerplate of ['News serves as a comprehensive source', 'Graphic design', 'Lishui economy', 'Head Office']) {
      expect(text).not.toContain(boilerplate);
    }
  });

  it.each([
    ['a file that is not JSON', (dir: string) => writeFile(path.join(dir, ARTICLE), '{ "id": '), { file, path: '$', message: expect.stringContaining('not valid JSON') }],
    ['a missing field', article((a) => delete a.outlet), { file, path: '$.outlet', message: expect.any(String) }],
    ['a field of the wrong type', article((a) => (a.stats[0].value = '3.1 trillion')), { file, path: '$.stats[0].value', message: expect.any(String) }],
    ['an unknown field (a typo)', article((a) => (a.passages[0].speeker = 'xi-jinping')), { file, path: '$.passages[0]', message: expect.stringContaining('speeker') }],
    ['a malformed date', article((a) => (a.published = 'May 2024')), { file, path: '$.published', message: 'must be YYYY-MM or YYYY-MM-DD' }],
    ['a passage longer than any paragraph', article((a) => (a.passages[0].text = 'x'.repeat(100_001))), { file, path: '$.passages[0].text', message: expect.stringContaining('longer than 100,000 characters') }],
    ['a day the calendar does not have', article((a) => (a.published = '2024-02-30')), { file, path: '$.published', message: 'is not a day of the calendar' }],
    ['a duplicate passage id', article((a) => (a.passages[1].id = a.passages[0].id)), { file, path: '$.passages[1].id', message: expect.stringMatching(/must be|duplicate/) }],
    ['paragraphs out of order', article((a) => ([a.passages[0], a.passages[1]] = [a.passages[1], a.passages[0]])), { file, path: '$.passages[0].paragraph', message: expect.stringContaining('must be 1') }],
    ['a passage not verbatim in its source', article((a) => (a.passages[1].text = a.passages[1].text.replace('3.1 trillion', '3.2 trillion'))), { file, path: '$.passages[1].text', message: expect.stringContaining('not verbatim in the source') }],
    ['an unknown region on a passage', article((a) => a.passages[0].regions.push('atlantis')), { file, path: '$.passages[0].regions[5]', message: 'unknown region "atlantis"' }],
    ['an unknown speaker', article((a) => (a.passages[2].speaker = 'nobunaga')), { file, path: '$.passages[2].speaker', message: 'unknown person "nobunaga"' }],
    ['an unknown metric', article((a) => (a.stats[0].metric = 'gnp')), { file, path: '$.stats[0].metric', message: 'unknown metric "gnp"' }],
    ['a statistic citing a passage that does not exist', article((a) => (a.stats[0].passage = `${SEED_ARTICLE}#p99`)), { file, path: '$.stats[0].passage', message: expect.stringContaining('no passage') }],
    ['a quote not verbatim in its passage', article((a) => (a.stats[0].quote = 'Jiangsu’s GDP exceeded 3.1 trillion yuan last year')), { file, path: '$.stats[0].quote', message: expect.stringContaining('not verbatim in passage') }],
    ['a value that is not what the text says', article((a) => (a.stats[0].value = 3.1e9)), { file, path: '$.stats[0].value', message: expect.stringContaining('does not match the written form "3.1 trillion"') }],
    ['a written form missing from the quote', article((a) => (a.stats[0].written = '3.2 trillion')), { file, path: '$.stats[0].written', message: expect.stringContaining('does not stand in the quote') }],
    ['a change that is not what the text says', article((a) => (a.stats[0].change.value = 7.2)), { file, path: '$.stats[0].change.value', message: expect.stringContaining('6.2%') }],
    ['an article id that differs from its file name', article((a) => (a.id = 'another-article')), { file, path: '$.id', message: expect.stringContaining('file name') }],
    ['a missing source file', (dir: string) => rm(path.join(dir, 'sources', `${SEED_ARTICLE}.txt`)), { file, path: '$.source', message: expect.stringContaining('cannot be read') }],
    ['a duplicate region id', gazetteer((g) => g.regions.push({ ...g.regions[1], aliases: [], name: 'Other', zh: undefined })), { file: 'gazetteer.json', path: expect.stringMatching(/^\$\.regions\[\d+\]\.id$/), message: expect.stringContaining('duplicate id') }],
    ['an unknown parent region', gazetteer((g) => (g.regions.find((r: any) => r.id === 'suzhou').parent = 'jiangsu-province')), { file: 'gazetteer.json', path: expect.stringMatching(/\.parent$/), message: 'unknown region "jiangsu-province"' }],
    ['parents that form a cycle', gazetteer((g) => (g.regions.find((r: any) => r.id === 'china').parent = 'zhangjiagang')), { file: 'gazetteer.json', path: expect.stringMatching(/\.parent$/), message: expect.stringContaining('cycle') }],
    ['one name for two regions', gazetteer((g) => g.regions.find((r: any) => r.id === 'wuxi').aliases.push('Jiangsu Province')), { file: 'gazetteer.json', path: expect.stringMatching(/^\$\.regions\[\d+\]$/), message: expect.stringContaining('also used by region') }],
    ['a missing gazetteer', (dir: string) => rm(path.join(dir, 'gazetteer.json')), { file: 'gazetteer.json', path: '$', message: 'file not found' }],
  ])('refuses %s, naming the file, the JSON path and the reason', async (_name, breakIt, expected) => {
    const problems = await problemsAfter(breakIt as (dir: string) => Promise<void>);
    expect(problems).toContainEqual(expected);
  });

  it('refuses a corpus with no article', async () => {
    const problems = await problemsAfter(async (dir) => {
      for (const f of await readdir(path.join(dir, 'articles'))) await rm(path.join(dir, 'articles', f));
    });
    expect(problems).toEqual([{ file: 'articles', path: '$', message: 'holds no article (*.json)' }]);
  });

  it('reports every problem at once, with one line each in the message', async () => {
    const dir = await copyCorpus();
    await article((a) => {
      a.stats[0].metric = 'gnp';
      a.passages[0].regions.push('atlantis');
    })(dir);
    const error = await loadCorpus(dir).catch((e: unknown) => e as CorpusError);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).message).toMatch(/2 problems[\s\S]*\$\.passages\[0\]\.regions\[5\]: unknown region "atlantis"[\s\S]*\$\.stats\[0\]\.metric: unknown metric "gnp"/);
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the checks of every article even when the gazetteer does not parse', async () => {
    const problems = await problemsAfter(async (dir) => {
      await gazetteer((g) => (g.regions[0].id = 5))(dir);
      await article((a) => (a.stats[0].quote = 'not in the passage'))(dir);
    });
    expect(problems).toEqual([
      { file: 'gazetteer.json', path: '$.regions[0].id', message: expect.any(String) },
      { file, path: '$.stats[0].quote', message: expect.stringContaining('not verbatim') },
      { file, path: '$.stats[0].written', message: expect.any(String) },
      { file, path: '$.stats[0].change.written', message: expect.any(String) },
    ]);
  });

  it('reads files that begin with a UTF-8 byte-order mark', async () => {
    const dir = await copyCorpus();
    try {
      for (const f of ['gazetteer.json', ARTICLE]) {
        const at = path.join(dir, f);
        await writeFile(at, `\uFEFF${await readFile(at, 'utf8')}`);
      }
      expect((await loadCorpus(dir)).articles).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file over the size limit by name, before reading it', async () => {
    const problems = await problemsAfter(async (dir) => {
      // Sparse: the size is what is checked, so the test writes no 65 MB.
      await truncate(path.join(dir, ARTICLE), MAX_FILE_BYTES + 200_000);
    });
    expect(problems).toEqual([{ file, path: '$', message: 'is 64.2 MB, more than the 64 MB a corpus file may be' }]);
  });
});
