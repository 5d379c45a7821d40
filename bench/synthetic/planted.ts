import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../../src/corpus/schema.ts';

/** The shared development set, beside this worktree's checkout. */
export const SHARED_EVAL = path.resolve(import.meta.dirname, '../../../shared/eval');

/** A question whose right passage is known: the planted article's paragraph. */
export interface PlantedQuestion {
  q: string;
  passage: string;
}

interface SharedQuestion {
  article: string;
  q: string;
  kind: 'stat' | 'passage' | 'none';
  paragraph: number | null;
}

const articleId = (file: string) =>
  `eval-${file
    .replace(/\.txt$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

/**
 * Writes the set's clean articles into a corpus folder, their body paragraphs as passages
 * in order (the set's 0-based paragraph k is passage k + 1), so any engine over the corpus
 * can be asked the set's questions and scored on whether it ranks the right paragraph.
 * No figures or tags: every engine compared ranks text alone. Nothing when the set is absent.
 */
export async function plantSharedArticles(
  dir: string,
  evalDir = SHARED_EVAL,
): Promise<{ articles: number; passages: number; bytes: number }> {
  const out = { articles: 0, passages: 0, bytes: 0 };
  const folder = path.join(evalDir, 'articles');
  if (!existsSync(folder)) return out;
  for (const file of (await readdir(folder)).filter((f) => f.endsWith('.txt') && !f.endsWith('.raw.txt')).sort()) {
    const [header = '', ...rest] = (await readFile(path.join(folder, file), 'utf8')).split('\n');
    const [title, outlet, date] = header
      .replace(/^#\s*/, '')
      .split(' | ')
      .map((s) => s.trim());
    const paragraphs = rest
      .join('\n')
      .split(/\n\s*\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    const id = articleId(file);
    const article: Article = {
      id,
      title: title || id,
      outlet: outlet || 'unknown',
      published: /^\d{4}-\d{2}(-\d{2})?/.exec(date ?? '')?.[0] ?? '2024-01',
      language: 'en',
      source: `sources/${id}.txt`,
      passages: paragraphs.map((text, i) => ({
        id: `${id}#p${i + 1}`,
        paragraph: i + 1,
        text,
        regions: [],
        people: [],
        topics: [],
      })),
      stats: [],
    };
    const json = JSON.stringify(article, null, 2);
    const source = paragraphs.join('\n\n');
    await writeFile(path.join(dir, 'articles', `${id}.json`), json);
    await writeFile(path.join(dir, article.source), source);
    out.articles++;
    out.passages += paragraphs.length;
    out.bytes += json.length + source.length;
  }
  return out;
}

/** The set's questions that have a right passage (stat and passage kinds), with its planted id. */
export async function plantedQuestions(evalDir = SHARED_EVAL): Promise<PlantedQuestion[]> {
  const file = path.join(evalDir, 'questions.json');
  if (!existsSync(file)) return [];
  const questions = JSON.parse(await readFile(file, 'utf8')) as SharedQuestion[];
  return questions
    .filter((q) => q.kind !== 'none' && q.paragraph != null)
    .map((q) => ({
      q: q.q,
      passage: `${articleId(q.article.endsWith('.txt') ? q.article : `${q.article}.txt`)}#p${q.paragraph! + 1}`,
    }));
}
