import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { parseWrittenNumber } from '../../src/text/numbers.ts';
import { evaluate } from '../../src/ingest/evaluate.ts';
import { formatOf } from '../../src/ingest/format.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { precision, recall, scoreArticle, unitKey, type Expected } from '../../src/ingest/score.ts';
import { CORPUS_DIR } from '../support/corpus.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/ingest');
/** The bar for an extractor whose output people review rather than retype. */
const GATE = 0.9;

describe('the extractor on the hand-labelled articles (npm run eval:ingest)', () => {
  it(`keeps precision and recall of statistics, regions and speakers at or above ${GATE}`, async () => {
    const corpus = await loadCorpus(CORPUS_DIR);
    const report = await evaluate(FIXTURES, corpus.gazetteer);
    expect(report.articles.length).toBeGreaterThanOrEqual(5);
    const mistakes = report.articles.flatMap((a) => a.score.mistakes.map((m) => `${a.name}: ${m}`)).join('\n');
    for (const kind of ['statistics', 'regions', 'speakers'] as const) {
      const counts = report.total[kind];
      expect(counts.tp, kind).toBeGreaterThan(0);
      expect(precision(counts), `${kind} precision\n${mistakes}`).toBeGreaterThanOrEqual(GATE);
      expect(recall(counts), `${kind} recall\n${mistakes}`).toBeGreaterThanOrEqual(GATE);
    }
  });
});

describe('every labelled article, ingested', () => {
  it('keeps the loader’s promises: passages verbatim in the stored text, quotes verbatim in their passage and holding the value as written', async () => {
    const corpus = await loadCorpus(CORPUS_DIR);
    for (const file of (await readdir(FIXTURES)).filter((f) => f.endsWith('.expected.json'))) {
      const expected = JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8')) as Expected;
      const input = path.resolve(FIXTURES, expected.input);
      const result = ingest(await readFile(input, 'utf8'), formatOf(input), expected.args, corpus.gazetteer);
      for (const p of result.article.passages) expect(result.sourceText, file).toContain(p.text);
      for (const s of result.article.stats) {
        expect(result.article.passages.find((p) => p.id === s.passage)!.text, `${file} ${s.id}`).toContain(s.quote);
        expect(s.quote, `${file} ${s.id}`).toContain(s.written);
        if (s.change) expect(s.quote, `${file} ${s.id}`).toContain(s.change.written);
        expect(parseWrittenNumber(s.written), `${file} ${s.id}`).toBeCloseTo(s.value);
      }
    }
  });
});

describe('scoring', () => {
  const expected: Expected = {
    input: 'x.txt',
    args: {},
    article: { title: 't', outlet: 'o', published: '2024-05' },
    passages: [{ text: 'Jiangsu grew.', regions: ['jiangsu'], speaker: 'xin-changxing' }],
    stats: [{ value: 3.1e12, written: '3.1 trillion', unit: 'yuan', region: 'jiangsu', period: '2024-Q1' }],
  };
  const article = (stat: Record<string, unknown>, regions = ['jiangsu']) => ({
    id: 'a',
    title: 't',
    outlet: 'o',
    published: '2024-05',
    language: 'en',
    source: 'sources/a.txt',
    passages: [
      { id: 'a#p1', paragraph: 1, text: 'Jiangsu grew.', regions, people: [], speaker: 'xin-changxing', topics: [] },
    ],
    stats: [
      {
        id: 'a#s',
        metric: 'gdp',
        label: 'l',
        written: '3.1 trillion',
        passage: 'a#p1',
        quote: 'q',
        value: 3.1e12,
        unit: 'yuan',
        region: 'jiangsu',
        period: '2024-Q1',
        ...stat,
      },
    ],
  });

  it('counts a statistic right only when value, unit, period and region are all right', () => {
    expect(scoreArticle(article({}), expected).statistics).toEqual({ tp: 1, fp: 0, fn: 0 });
    for (const wrong of [{ value: 3.2e12 }, { unit: 'U.S. dollars' }, { period: '2024' }, { region: 'suzhou' }]) {
      expect(scoreArticle(article(wrong), expected).statistics, JSON.stringify(wrong)).toEqual({ tp: 0, fp: 1, fn: 1 });
    }
  });

  it('scores regions as (passage, region) pairs', () => {
    const score = scoreArticle(article({}, ['jiangsu', 'suzhou']), expected);
    expect(score.regions).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(precision(score.regions)).toBe(0.5);
    expect(recall(score.regions)).toBe(1);
  });

  it('compares units by what they measure', () => {
    expect(unitKey('% of industrial output above designated size')).toBe(
      unitKey('% of the industrial output value above designated size'),
    );
    expect(unitKey('national and municipal R&D institutions')).toBe(unitKey('institutions'));
    expect(unitKey('“double first-class” universities')).toBe('university');
    expect(unitKey('percentage points')).not.toBe(unitKey('%'));
    expect(unitKey('U.S. dollars')).not.toBe(unitKey('yuan'));
  });
});
