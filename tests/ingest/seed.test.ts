import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/corpus/load.ts';
import { unitKey } from '../../src/ingest/score.ts';
import { ingest, type IngestResult } from '../../src/ingest/ingest.ts';
import { CORPUS_DIR, SEED_ARTICLE } from '../support/corpus.ts';

const SEED_FILE = path.resolve(import.meta.dirname, '../../../shared/seeds/000_c63ca90fb7a566fa.txt');
const CORPUS_COPY = path.join(CORPUS_DIR, 'sources', `${SEED_ARTICLE}.txt`);

let corpus: Corpus;
let result: IngestResult;
beforeAll(async () => {
  corpus = await loadCorpus(CORPUS_DIR);
  // The seed as it was handed to us; the corpus keeps the same bytes as its source.
  const raw = await readFile(SEED_FILE, 'utf8').catch(() => readFile(CORPUS_COPY, 'utf8'));
  result = ingest(raw, 'txt', { outlet: 'CCTV', published: '2024-05' }, corpus.gazetteer);
});

describe('ingesting the seed article', () => {
  it('finds the curated title and the same fifteen passages, without the preamble or the footer', () => {
    const curated = corpus.articleById.get(SEED_ARTICLE)!;
    expect(result.article.title).toBe(curated.title);
    expect(result.article.passages.map((p) => p.text)).toEqual(curated.passages.map((p) => p.text));
    expect(result.dropped.map((d) => d.reason)).toEqual([
      'page header before the title',
      'website footer',
      'website footer',
      'website footer',
    ]);
  });

  it('reproduces every curated figure: metric, value as written, unit, qualifier, period, region and change', () => {
    const curated = corpus.articleById.get(SEED_ARTICLE)!.stats;
    const shape = (s: (typeof curated)[number]) => ({
      metric: s.metric,
      value: s.value,
      written: s.written,
      unit: unitKey(s.unit),
      qualifier: s.qualifier,
      period: s.period,
      region: s.region,
      change: s.change && { value: s.change.value, basis: s.change.basis, written: s.change.written },
      paragraph: s.passage.split('#p')[1],
    });
    // The curator listed them in another order within ¶13; order is not a property of a figure.
    const sorted = (list: ReturnType<typeof shape>[]) =>
      list.sort((a, b) => Number(a.paragraph) - Number(b.paragraph) || a.value - b.value);
    expect(sorted(result.article.stats.map(shape))).toEqual(sorted(curated.map(shape)));
  });

  it('words the units as the curator did where the text allows it', () => {
    expect(result.article.stats.map((s) => s.unit)).toEqual(
      expect.arrayContaining([
        'yuan',
        '% year on year',
        'parts and components',
        'days',
        'scientific research institutes',
        'national and municipal R&D institutions',
        'future industry pilot zones',
      ]),
    );
  });

  it('resolves the machine-translated “Nobunaga Xing” to Xin Changxing and leaves the unnamed “person in charge” out', () => {
    const speakers = result.article.passages.filter((p) => p.speaker).map((p) => [p.paragraph, p.speaker, p.speech]);
    expect(speakers).toEqual([
      [1, 'xi-jinping', 'reported'],
      [3, 'xin-changxing', 'quoted'],
      [9, 'xin-changxing', 'quoted'],
      [12, 'gong-zheng', 'quoted'],
    ]);
    expect(result.article.passages[5]!.people).toEqual([]);
    expect(result.newPeople).toEqual([]);
  });

  it('quotes every figure verbatim from its passage, with its value as written', () => {
    for (const s of result.article.stats) {
      const passage = result.article.passages.find((p) => p.id === s.passage)!;
      expect(passage.text).toContain(s.quote);
      expect(s.quote).toContain(s.written);
    }
  });
});
