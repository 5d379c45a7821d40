import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { CorpusError, jsonPath, type CorpusProblem } from './errors.ts';
import { parseWrittenNumber } from './numbers.ts';
import {
  ArticleSchema,
  GazetteerSchema,
  type Article,
  type Gazetteer,
  type Metric,
  type Passage,
  type Person,
  type Region,
  type Statistic,
} from './schema.ts';
import { normalize } from '../engine/text.ts';

/** The whole corpus in memory, validated, read-only. */
export interface Corpus {
  readonly dir: string;
  readonly gazetteer: Gazetteer;
  readonly articles: readonly Article[];
  readonly articleById: ReadonlyMap<string, Article>;
  readonly passages: readonly Passage[];
  readonly passageById: ReadonlyMap<string, Passage>;
  readonly stats: readonly Statistic[];
  readonly regionById: ReadonlyMap<string, Region>;
  readonly metricById: ReadonlyMap<string, Metric>;
  readonly personById: ReadonlyMap<string, Person>;
}

const GAZETTEER = 'gazetteer.json';
const ARTICLES = 'articles';

/**
 * Loads and validates every file of the corpus. Either the whole corpus is valid
 * and returned, or a CorpusError lists every problem found; never a partial corpus.
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  const problems: CorpusProblem[] = [];
  const display = (file: string) => path.relative(process.cwd(), path.join(dir, file)) || file;

  const gazetteer = await readJson(dir, GAZETTEER, GazetteerSchema, display, problems);
  let articleFiles: string[] = [];
  try {
    articleFiles = (await readdir(path.join(dir, ARTICLES))).filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    problems.push({ file: display(ARTICLES), path: '$', message: `cannot read the folder: ${(error as Error).message}` });
  }
  if (articleFiles.length === 0 && problems.length === 0) {
    problems.push({ file: display(ARTICLES), path: '$', message: 'holds no article (*.json)' });
  }
  const articles: { file: string; article: Article }[] = [];
  for (const name of articleFiles) {
    const file = path.join(ARTICLES, name);
    const article = await readJson(dir, file, ArticleSchema, display, problems);
    if (article) articles.push({ file, article });
  }
  if (!gazetteer || problems.length > 0) throw new CorpusError(problems);

  const sources = new Map<string, string>();
  for (const { file, article } of articles) {
    try {
      sources.set(article.id, await readFile(path.join(dir, article.source), 'utf8'));
    } catch {
      problems.push({ file: display(file), path: '$.source', message: `the source file "${article.source}" cannot be read` });
    }
  }

  const corpus = assemble(dir, gazetteer, articles.map((a) => a.article));
  checkGazetteer(corpus, (p, message) => problems.push({ file: display(GAZETTEER), path: jsonPath(p), message }));
  const seenPassages = new Set<string>();
  const seenStats = new Set<string>();
  const seenArticles = new Set<string>();
  for (const { file, article } of articles) {
    const report = (p: PropertyKey[], message: string) => problems.push({ file: display(file), path: jsonPath(p), message });
    if (seenArticles.has(article.id)) report(['id'], `duplicate article id "${article.id}"`);
    seenArticles.add(article.id);
    if (path.basename(file) !== `${article.id}.json`) report(['id'], `must match the file name (expected "${path.basename(file, '.json')}")`);
    checkArticle(corpus, article, sources.get(article.id), seenPassages, seenStats, report);
  }
  if (problems.length > 0) throw new CorpusError(problems);
  return corpus;
}

async function readJson<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  display: (file: string) => string,
  problems: CorpusProblem[],
): Promise<z.infer<S> | undefined> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `not valid JSON: ${(error as Error).message}`;
    problems.push({ file: display(file), path: '$', message: reason });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    problems.push({ file: display(file), path: jsonPath(issue.path), message: issue.message });
  }
  return undefined;
}

function assemble(dir: string, gazetteer: Gazetteer, articles: Article[]): Corpus {
  const passages = articles.flatMap((a) => a.passages);
  return {
    dir,
    gazetteer,
    articles,
    articleById: new Map(articles.map((a) => [a.id, a])),
    passages,
    passageById: new Map(passages.map((p) => [p.id, p])),
    stats: articles.flatMap((a) => a.stats),
    regionById: new Map(gazetteer.regions.map((r) => [r.id, r])),
    metricById: new Map(gazetteer.metrics.map((m) => [m.id, m])),
    personById: new Map(gazetteer.people.map((p) => [p.id, p])),
  };
}

type Report = (path: PropertyKey[], message: string) => void;

function checkGazetteer(corpus: Corpus, report: Report): void {
  const { regions, metrics, people } = corpus.gazetteer;
  const kinds = [['regions', regions], ['metrics', metrics], ['people', people]] as const;
  for (const [kind, entries] of kinds) {
    const ids = new Set<string>();
    entries.forEach((entry, i) => {
      if (ids.has(entry.id)) report([kind, i, 'id'], `duplicate id "${entry.id}"`);
      ids.add(entry.id);
    });
  }
  // Two places answering to the same name would make every lookup of it a coin toss.
  const regionNames = new Map<string, string>();
  regions.forEach((region, i) => {
    for (const name of [region.name, region.zh, ...region.aliases]) {
      if (!name) continue;
      const key = normalize(name);
      const owner = regionNames.get(key);
      if (owner && owner !== region.id) report(['regions', i], `the name "${name}" is also used by region "${owner}"`);
      regionNames.set(key, region.id);
    }
    if (region.parent !== undefined && !corpus.regionById.has(region.parent)) {
      report(['regions', i, 'parent'], `unknown region "${region.parent}"`);
    }
    const seen = new Set<string>([region.id]);
    for (let up = region.parent; up !== undefined; up = corpus.regionById.get(up)?.parent) {
      if (seen.has(up)) {
        report(['regions', i, 'parent'], `the parents of "${region.id}" form a cycle`);
        break;
      }
      seen.add(up);
    }
  });
  people.forEach((person, i) => {
    if (person.region !== undefined && !corpus.regionById.has(person.region)) {
      report(['people', i, 'region'], `unknown region "${person.region}"`);
    }
  });
}

function checkArticle(
  corpus: Corpus,
  article: Article,
  source: string | undefined,
  seenPassages: Set<string>,
  seenStats: Set<string>,
  report: Report,
): void {
  article.passages.forEach((passage, i) => {
    const at = (...rest: PropertyKey[]) => ['passages', i, ...rest];
    if (passage.id !== `${article.id}#p${passage.paragraph}`) report(at('id'), `must be "${article.id}#p${passage.paragraph}"`);
    if (seenPassages.has(passage.id)) report(at('id'), `duplicate passage id "${passage.id}"`);
    seenPassages.add(passage.id);
    if (passage.paragraph !== i + 1) report(at('paragraph'), `must be ${i + 1}: paragraphs are numbered 1, 2, 3… in order`);
    if (source !== undefined && !source.includes(passage.text)) {
      report(at('text'), `is not verbatim in the source "${article.source}"`);
    }
    passage.regions.forEach((id, j) => corpus.regionById.has(id) || report(at('regions', j), `unknown region "${id}"`));
    passage.people.forEach((id, j) => corpus.personById.has(id) || report(at('people', j), `unknown person "${id}"`));
    if (passage.speaker !== undefined && !corpus.personById.has(passage.speaker)) report(at('speaker'), `unknown person "${passage.speaker}"`);
  });

  article.stats.forEach((stat, i) => {
    const at = (...rest: PropertyKey[]) => ['stats', i, ...rest];
    if (!stat.id.startsWith(`${article.id}#`)) report(at('id'), `must start with "${article.id}#"`);
    if (seenStats.has(stat.id) || seenPassages.has(stat.id)) report(at('id'), `duplicate id "${stat.id}"`);
    seenStats.add(stat.id);
    if (!corpus.metricById.has(stat.metric)) report(at('metric'), `unknown metric "${stat.metric}"`);
    if (!corpus.regionById.has(stat.region)) report(at('region'), `unknown region "${stat.region}"`);
    const passage = article.passages.find((p) => p.id === stat.passage);
    if (!passage) {
      report(at('passage'), `no passage "${stat.passage}" in this article`);
      return;
    }
    if (!passage.text.includes(stat.quote)) report(at('quote'), `is not verbatim in passage "${stat.passage}"`);
    if (!stat.quote.includes(stat.written)) report(at('written'), `"${stat.written}" does not stand in the quote`);
    const parsed = parseWrittenNumber(stat.written);
    if (parsed === undefined || !sameNumber(parsed, stat.value)) {
      report(at('value'), `${stat.value} does not match the written form "${stat.written}" (reads as ${parsed ?? 'no number'})`);
    }
    if (stat.change) {
      if (!stat.quote.includes(stat.change.written)) report(at('change', 'written'), `"${stat.change.written}" does not stand in the quote`);
      const change = parseWrittenNumber(stat.change.written);
      if (change === undefined || !sameNumber(Math.abs(change), Math.abs(stat.change.value))) {
        report(at('change', 'value'), `${stat.change.value} does not match the written form "${stat.change.written}"`);
      }
    }
  });
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
