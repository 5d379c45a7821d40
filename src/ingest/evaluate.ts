import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Gazetteer } from '../corpus/schema.ts';
import { formatOf } from './format.ts';
import { IngestError, ingest } from './ingest.ts';
import type { Article } from '../corpus/schema.ts';
import { scoreArticle, type ArticleScore, type Counts, type Expected } from './score.ts';

export interface EvaluationReport {
  articles: { name: string; score: ArticleScore }[];
  total: Record<'passages' | 'statistics' | 'regions' | 'speakers', Counts>;
}

/** Ingests every labelled article in `dir` (`<name>.expected.json` beside its input) and scores it. */
export async function evaluate(dir: string, gazetteer: Gazetteer): Promise<EvaluationReport> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.expected.json')).sort();
  const articles: EvaluationReport['articles'] = [];
  const total = { passages: zero(), statistics: zero(), regions: zero(), speakers: zero() };
  for (const file of names) {
    const expected = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Expected;
    const input = path.resolve(dir, expected.input);
    let score: ArticleScore;
    try {
      const { article } = ingest(await readFile(input, 'utf8'), formatOf(input), expected.args, gazetteer);
      score = scoreArticle(article, expected);
    } catch (error) {
      // An article the ingest refuses scores as everything missed, with the reason.
      if (!(error instanceof IngestError)) throw error;
      score = scoreArticle(EMPTY, expected);
      score.mistakes.unshift(`not ingested: ${error.message}`);
    }
    articles.push({ name: file.replace(/\.expected\.json$/, ''), score });
    for (const k of Object.keys(total) as (keyof typeof total)[]) {
      total[k].tp += score[k].tp;
      total[k].fp += score[k].fp;
      total[k].fn += score[k].fn;
    }
  }
  return { articles, total };
}

const EMPTY: Article = {
  id: 'none',
  title: 'none',
  outlet: 'none',
  published: '2000-01',
  language: 'en',
  source: 'sources/none.txt',
  passages: [],
  stats: [],
};

function zero(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}
