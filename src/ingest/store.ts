import { cp, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus, type Corpus } from '../corpus/load.ts';
import type { Gazetteer } from '../corpus/schema.ts';
import { normalize } from '../text/normalize.ts';
import type { IngestResult } from './ingest.ts';

/**
 * Why the article may not be added, if it may not: it is already in the corpus
 * (the same id, URL or text). An article with the same id is replaced only when
 * forced; one with the same URL or text under another id never is.
 */
export function refusal(corpus: Corpus, result: IngestResult, force: boolean): string | undefined {
  const { article } = result;
  const same = corpus.articleById.get(article.id);
  if (same && !force) {
    return `“${article.id}” is already in the corpus (articles/${article.id}.json). Pass --force to replace it, or --id to add this as another article.`;
  }
  const texts = new Set(article.passages.map((p) => normalize(p.text)));
  for (const other of corpus.articles) {
    if (other.id === article.id) continue;
    if (article.url && other.url === article.url)
      return `This URL is already in the corpus as “${other.id}”: ${other.url}`;
    const shared = other.passages.filter((p) => texts.has(normalize(p.text))).length;
    if (shared >= Math.max(1, Math.ceil(0.8 * Math.min(texts.size, other.passages.length)))) {
      return `This text is already in the corpus as “${other.id}” (${shared} of its ${other.passages.length} paragraphs are the same). To re-ingest it, pass --id ${other.id} --force.`;
    }
  }
  return undefined;
}

/** The files an ingested article adds or changes, relative to the corpus folder. */
export function filesFor(result: IngestResult, gazetteer: Gazetteer): Map<string, string> {
  const { article } = result;
  const files = new Map<string, string>();
  files.set(article.source, result.sourceText);
  if (result.original) files.set(`sources/${article.id}.${result.original.extension}`, result.original.content);
  if (result.newPeople.length || result.newMetrics.length) {
    const grown: Gazetteer = {
      ...gazetteer,
      people: [...gazetteer.people, ...result.newPeople],
      metrics: [...gazetteer.metrics, ...result.newMetrics],
    };
    files.set('gazetteer.json', `${JSON.stringify(grown, null, 2)}\n`);
  }
  // The article goes last: a watcher that sees it finds its source and gazetteer entries already there.
  files.set(`articles/${article.id}.json`, `${JSON.stringify(article, null, 2)}\n`);
  return files;
}

/**
 * Validates the whole corpus as it would be with these files, on a copy, so a
 * refused article changes nothing. Throws the loader's CorpusError.
 */
export async function validateWith(corpusDir: string, files: Map<string, string>): Promise<Corpus> {
  const staging = await mkdtemp(path.join(tmpdir(), 'footnote-add-'));
  try {
    await cp(corpusDir, staging, { recursive: true });
    for (const [file, content] of files) await writeFile(path.join(staging, file), content);
    return await loadCorpus(staging);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Writes each file whole (a temporary name, then a rename) so a reader never sees half of one. */
export async function writeFiles(corpusDir: string, files: Map<string, string>): Promise<void> {
  for (const [file, content] of files) {
    const target = path.join(corpusDir, file);
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    await writeFile(temporary, content);
    await rename(temporary, target);
  }
}
