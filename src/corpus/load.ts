import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { z } from 'zod';
import { Compactor } from './compact.ts';
import { CorpusError, jsonPath, type CorpusProblem } from './errors.ts';
import { PassagesById } from './passages-by-id.ts';
import type { FileStamps } from './stamps.ts';
import { parseWrittenNumber } from '../text/numbers.ts';
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
import { normalize } from '../text/normalize.ts';

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
  /** SHA-256 over every file loaded (names and bytes): a prebuilt index is valid only for this corpus. */
  readonly fingerprint: string;
}

/**
 * The largest file the loader reads. corpus:add's largest article (8 MB) makes an article file of
 * about 45 MB; a larger file is not an article, and reading it would hold the whole of it in memory.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const tooLarge = (bytes: number) =>
  `is ${(bytes / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB a corpus file may be`;

const GAZETTEER = 'gazetteer.json';
const ARTICLES = 'articles';
/** Work between yields to the event loop: a reload of a large corpus never stalls the bot for longer. */
const SLICE_MS = 10;

/**
 * Loads and validates every file of the corpus. Either the whole corpus is valid
 * and returned, or a CorpusError lists every problem found; never a partial corpus.
 *
 * Files are read synchronously (from the page cache that is 15× faster than one
 * awaited read per file at 20,000 files) in slices of SLICE_MS, yielding between them.
 *
 * `vouched`: the fingerprint of a corpus that is known to have passed every check under
 * this very code (the prebuilt index records it: see prebuilt.ts). The files are then read,
 * parsed and fingerprinted but the cross-file checks are not run again; if the files turn
 * out to differ from the vouched ones, the corpus is loaded again and checked in full.
 */
export interface LoadOptions {
  vouched?: string | undefined;
  /** Filled with the stamp of every file read, for the prebuilt file (see stamps.ts). */
  stamps?: FileStamps | undefined;
}

export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  const problems: CorpusProblem[] = [];
  const display = (file: string) => path.relative(process.cwd(), path.join(dir, file)) || file;
  const files = new FileReader(dir, options.stamps);

  const gazetteer = parseJson(files.read(GAZETTEER), GAZETTEER, GazetteerSchema, display, problems);
  let articleFiles: string[] = [];
  try {
    articleFiles = readdirSync(path.join(dir, ARTICLES)).filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    problems.push({ file: display(ARTICLES), path: '$', message: `cannot read the folder: ${(error as Error).message}` });
  }
  if (articleFiles.length === 0 && problems.length === 0) {
    problems.push({ file: display(ARTICLES), path: '$', message: 'holds no article (*.json)' });
  }
  // One pass per article: parse it, read its source, check the two, keep the article in its
  // lasting form and drop the source (the sources together are as large as the corpus).
  const lookups = gazetteer && gazetteerLookups(gazetteer);
  const compactor = new Compactor();
  const articles: Article[] = [];
  const unreadable: CorpusProblem[] = [];
  const checked: CorpusProblem[] = [];
  const seen = { passages: new Set<string>(), stats: new Set<string>(), articles: new Set<string>() };
  for (const name of articleFiles) {
    const file = path.join(ARTICLES, name);
    const article = parseJson(files.read(file), file, ArticleSchema, display, problems);
    if (article && lookups && options.vouched) {
      // Hashed, not decoded or checked: the checks ran when these very bytes were indexed.
      files.hash(article.source);
      articles.push(compactor.article(article));
    } else if (article) {
      // Checked even when another file (the gazetteer, say) is broken: a curator sees every problem in one run.
      const source = files.read(article.source);
      if ('error' in source) {
        const why = source.error.code === 'EFBIG' ? ` (it ${source.error.message})` : '';
        unreadable.push({ file: display(file), path: '$.source', message: `the source file "${article.source}" cannot be read${why}` });
      }
      const report = (p: PropertyKey[], message: string) => checked.push({ file: display(file), path: jsonPath(p), message });
      if (seen.articles.has(article.id)) report(['id'], `duplicate article id "${article.id}"`);
      seen.articles.add(article.id);
      if (path.basename(file) !== `${article.id}.json`) report(['id'], `must match the file name (expected "${path.basename(file, '.json')}")`);
      checkArticle(lookups, article, 'text' in source ? source.text : undefined, seen.passages, seen.stats, report);
      articles.push(compactor.article(article));
    }
    await files.pause();
  }
  if (options.vouched) {
    // Not what was vouched for (a file changed, or no longer parses): check it all.
    if (!gazetteer || problems.length > 0 || files.fingerprint() !== options.vouched) {
      options.stamps?.clear();
      return loadCorpus(dir, { stamps: options.stamps });
    }
    compactor.finish();
    return assemble(dir, gazetteer, articles, options.vouched);
  }

  // Reported in the order a curator reads them: unreadable sources, files that do not parse, the gazetteer, then each article.
  if (lookups) checkGazetteer(lookups, (p, message) => problems.push({ file: display(GAZETTEER), path: jsonPath(p), message }));
  problems.unshift(...unreadable);
  problems.push(...checked);
  if (!gazetteer || problems.length > 0) throw new CorpusError(problems);
  compactor.finish();
  return assemble(dir, gazetteer, articles, files.fingerprint());
}

/** Reads the corpus's files, hashing each as read, and paces the work so the event loop keeps turning. */
class FileReader {
  private readonly sha: Hash = createHash('sha256');
  private digest: string | undefined;
  private sliceStart = performance.now();
  /**
   * One buffer for every file, grown as needed: 50,000 buffers of a few kilobytes each
   * fragment the allocator outside the JS heap, and the process would keep that memory.
   */
  private buffer = Buffer.allocUnsafeSlow(1 << 20);

  constructor(
    private readonly dir: string,
    private readonly stamps: FileStamps | undefined,
  ) {}

  read(file: string, decode = true): { text: string } | { error: NodeJS.ErrnoException } {
    let fd: number | undefined;
    try {
      fd = openSync(path.join(this.dir, file), 'r');
      const stat = fstatSync(fd);
      const { size } = stat;
      if (size > MAX_FILE_BYTES) throw Object.assign(new Error(tooLarge(size)), { code: 'EFBIG' });
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(Math.max(size, this.buffer.length * 2));
      let filled = 0;
      while (filled < size) {
        const read = readSync(fd, this.buffer, filled, size - filled, filled);
        if (read === 0) break;
        filled += read;
      }
      const bytes = this.buffer.subarray(0, filled);
      this.stamps?.record(file, stat);
      this.sha.update(`${file}\0${filled}\0`).update(bytes);
      // An editor's byte-order mark is not text: JSON.parse would refuse it.
      return { text: decode ? bytes.toString('utf8').replace(/^\uFEFF/, '') : '' };
    } catch (error) {
      this.sha.update(`${file}\0unreadable\0`);
      return { error: error as NodeJS.ErrnoException };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** Adds a file to the fingerprint without decoding it. */
  hash(file: string): void {
    this.read(file, false);
  }

  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await yieldToEventLoop();
    this.sliceStart = performance.now();
  }

  fingerprint(): string {
    return (this.digest ??= this.sha.digest('hex'));
  }
}

function parseJson<S extends z.ZodType>(
  read: { text: string } | { error: NodeJS.ErrnoException },
  file: string,
  schema: S,
  display: (file: string) => string,
  problems: CorpusProblem[],
): z.infer<S> | undefined {
  let raw: unknown;
  try {
    if ('error' in read) throw read.error;
    raw = JSON.parse(read.text);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EFBIG' ? (error as Error).message : `not valid JSON: ${(error as Error).message}`;
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

/** What the checks look names up in: the gazetteer by id. */
type Lookups = Pick<Corpus, 'gazetteer' | 'regionById' | 'metricById' | 'personById'>;

function gazetteerLookups(gazetteer: Gazetteer): Lookups {
  return {
    gazetteer,
    regionById: new Map(gazetteer.regions.map((r) => [r.id, r])),
    metricById: new Map(gazetteer.metrics.map((m) => [m.id, m])),
    personById: new Map(gazetteer.people.map((p) => [p.id, p])),
  };
}

/** The corpus's lookups over its checked gazetteer and articles. */
export function assemble(dir: string, gazetteer: Gazetteer, articles: Article[], fingerprint: string): Corpus {
  const passages = articles.flatMap((a) => a.passages);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  return {
    ...gazetteerLookups(gazetteer),
    dir,
    fingerprint,
    articles,
    articleById,
    passages,
    passageById: new PassagesById(articleById, passages),
    stats: articles.flatMap((a) => a.stats),
  };
}

type Report = (path: PropertyKey[], message: string) => void;

function checkGazetteer(corpus: Lookups, report: Report): void {
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

/** `corpus` undefined: the gazetteer did not parse, so names are not looked up (that would report every one). */
function checkArticle(
  corpus: Lookups | undefined,
  article: Article,
  source: string | undefined,
  seenPassages: Set<string>,
  seenStats: Set<string>,
  report: Report,
): void {
  // Passages usually follow each other in the source: look after the last one first, so an
  // article of many passages is checked in one pass over its source rather than one per passage.
  let from = 0;
  article.passages.forEach((passage, i) => {
    const at = (...rest: PropertyKey[]) => ['passages', i, ...rest];
    if (passage.id !== `${article.id}#p${passage.paragraph}`) report(at('id'), `must be "${article.id}#p${passage.paragraph}"`);
    if (seenPassages.has(passage.id)) report(at('id'), `duplicate passage id "${passage.id}"`);
    seenPassages.add(passage.id);
    if (passage.paragraph !== i + 1) report(at('paragraph'), `must be ${i + 1}: paragraphs are numbered 1, 2, 3… in order`);
    if (source !== undefined) {
      const found = source.indexOf(passage.text, from);
      if (found >= 0) from = found + passage.text.length;
      else if (!source.includes(passage.text)) report(at('text'), `is not verbatim in the source "${article.source}"`);
    }
    if (corpus) {
      passage.regions.forEach((id, j) => corpus.regionById.has(id) || report(at('regions', j), `unknown region "${id}"`));
      passage.people.forEach((id, j) => corpus.personById.has(id) || report(at('people', j), `unknown person "${id}"`));
      if (passage.speaker !== undefined && !corpus.personById.has(passage.speaker)) report(at('speaker'), `unknown person "${passage.speaker}"`);
    }
  });

  const passageById = new Map(article.passages.map((p) => [p.id, p]));
  article.stats.forEach((stat, i) => {
    const at = (...rest: PropertyKey[]) => ['stats', i, ...rest];
    if (!stat.id.startsWith(`${article.id}#`)) report(at('id'), `must start with "${article.id}#"`);
    if (seenStats.has(stat.id) || seenPassages.has(stat.id)) report(at('id'), `duplicate id "${stat.id}"`);
    seenStats.add(stat.id);
    if (corpus && !corpus.metricById.has(stat.metric)) report(at('metric'), `unknown metric "${stat.metric}"`);
    if (corpus && !corpus.regionById.has(stat.region)) report(at('region'), `unknown region "${stat.region}"`);
    const passage = passageById.get(stat.passage);
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
