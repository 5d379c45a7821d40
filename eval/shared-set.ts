/**
 * The shared development set (../shared/eval) scored in one process, by the rules of
 * ../shared/eval/score-ask.mjs: its 24 articles ingested beside the seed exactly as
 * `corpus:add` would, then every question asked as `/ask question:…` and read back
 * as `query --json` prints it. The CLI scorer spawns a process per question; this
 * gives the same verdicts in seconds, so a test can hold the bar.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runLine } from '../src/console/session.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { openEngine } from '../src/app/open.ts';
import type { Engine } from '../src/engine/engine.ts';
import { formatOf } from '../src/ingest/format.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { filesFor, writeFiles } from '../src/ingest/store.ts';
import { toJson } from '../src/render/json.ts';
import { askAnswer, type Thresholds } from '../src/answers/ask/ask.ts';

export const SHARED_EVAL = path.resolve(import.meta.dirname, '../../shared/eval');
const SEED = path.resolve(import.meta.dirname, '../corpus');

export interface SharedQuestion {
  article: string;
  q: string;
  kind: 'stat' | 'passage' | 'none';
  answer_contains?: string[];
  answer_any?: string[];
  paragraph: number | null;
}

export interface SharedOutcome {
  question: SharedQuestion;
  found: boolean;
  text: string;
  right: boolean;
  cited: boolean;
  refused: boolean;
}

export interface SharedScores {
  answers: number;
  cited: number;
  refusals: number;
  answerable: number;
  none: number;
}

export function sharedSetPresent(): boolean {
  return existsSync(path.join(SHARED_EVAL, 'questions.json'));
}

export function sharedQuestions(): SharedQuestion[] {
  return JSON.parse(readFileSync(path.join(SHARED_EVAL, 'questions.json'), 'utf8')) as SharedQuestion[];
}

/** The seed with the set's clean articles added, in a scratch folder; the engine over it. */
export async function sharedEngine(only?: string): Promise<{ engine: Engine; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'footnote-shared-'));
  await cp(SEED, dir, { recursive: true });
  const articles = path.join(SHARED_EVAL, 'articles');
  const files = (await readdir(articles))
    .filter((f) => f.endsWith('.txt') && !f.endsWith('.raw.txt') && (!only || f.startsWith(only)))
    .sort();
  for (const f of files) {
    const lines = (await readFile(path.join(articles, f), 'utf8')).split('\n');
    const [title, outlet, date, url] = lines[0]!
      .replace(/^#\s*/, '')
      .split(' | ')
      .map((s) => s.trim());
    const published = /^\d{4}-\d{2}(-\d{2})?/.exec(date ?? '')?.[0];
    const body = lines.slice(1).join('\n').replace(/^\s+/, '');
    const corpus = await loadCorpus(dir);
    const result = ingest(body, formatOf('.eval-' + f, body), { title, outlet, url, published }, corpus.gazetteer);
    await writeFiles(dir, filesFor(result, corpus.gazetteer));
  }
  const engine = await openEngine(dir, { prebuilt: 'ignore' });
  return { engine, dispose: () => rm(dir, { recursive: true, force: true }) };
}

const squash = (s: unknown) =>
  String(s ?? '')
    .toLowerCase()
    .replace(/(\d),(\d{3})/g, '$1$2')
    .replace(/\s+/g, ' ');

function paragraphOf(q: SharedQuestion): string | undefined {
  if (q.paragraph == null) return undefined;
  const file = q.article.endsWith('.txt') ? q.article : `${q.article}.txt`;
  const body = readFileSync(path.join(SHARED_EVAL, 'articles', file), 'utf8')
    .split('\n')
    .slice(1)
    .join('\n');
  return body
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)[q.paragraph];
}

/** One question asked and judged as score-ask.mjs judges it. */
export async function askShared(engine: Engine, q: SharedQuestion, thresholds?: Thresholds): Promise<SharedOutcome> {
  // Other thresholds than the ones in use (a sweep) are given to /ask's engine directly.
  const a = toJson(
    thresholds ? askAnswer(engine, q.q, thresholds) : (await runLine(engine, `/ask question:${q.q}`))!.answer,
    'en',
  );
  const text = squash(a.text + ' ' + JSON.stringify(a.figures ?? []));
  const found = a.found !== false;
  const must =
    (q.answer_contains ?? []).every((s) => text.includes(squash(s))) &&
    (!q.answer_any || q.answer_any.some((s) => text.includes(squash(s))));
  const para = squash(paragraphOf(q) ?? '');
  const inPara = (excerpt: string) =>
    squash(excerpt)
      .split(/…|\.\.\./)
      .map((x) => x.trim())
      .filter((x) => x.length >= 20)
      .some((x) => para.includes(x));
  const cited = !para || a.citations.some((c) => inPara(c.excerpt));
  return {
    question: q,
    found,
    text: a.text,
    right: q.kind !== 'none' && found && must,
    cited: q.kind !== 'none' && found && cited,
    refused: !found,
  };
}

export function scoreShared(outcomes: readonly SharedOutcome[]): SharedScores {
  const answerable = outcomes.filter((o) => o.question.kind !== 'none');
  const none = outcomes.filter((o) => o.question.kind === 'none');
  const share = (list: readonly SharedOutcome[], ok: (o: SharedOutcome) => boolean) =>
    list.filter(ok).length / Math.max(1, list.length);
  return {
    answers: share(answerable, (o) => o.right),
    cited: share(answerable, (o) => o.cited),
    refusals: share(none, (o) => o.refused),
    answerable: answerable.length,
    none: none.length,
  };
}
