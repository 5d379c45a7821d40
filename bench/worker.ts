import { commands, messageCommands } from '../commands/index.ts';
import type { CommandContext } from '../src/command/command.ts';
import { loadCorpus, type Corpus } from '../src/corpus/load.ts';
import { buildIndex, openCorpus, type BuildReport, type OpenReport } from '../src/app/open.ts';
import { invoke } from '../src/command/invoke.ts';
import { warm } from '../src/app/warm.ts';
import { glossChinese } from '../src/text/chinese.ts';
import { toDiscordChoices, toDiscordReply } from '../src/render/discord.ts';
import { memory, summarize, time, watchGc, type Latency, type Memory } from './measure.ts';
import { QueryMaker } from './queries.ts';
import { peerNamed } from './peers/engines.ts';
import { plantedQuestions } from './synthetic/planted.ts';
import { chartBench, type ChartBench } from './charts.ts';

/**
 * One measurement in a fresh process (`npm run bench` starts one per phase and size),
 * so a cold start is cold and memory is this phase's alone. Prints one JSON line.
 */
export type Job =
  | { phase: 'cold'; dir: string }
  | { phase: 'build'; dir: string }
  | { phase: 'serve'; dir: string; queries: number; seed: number; budgetMs: number }
  | { phase: 'peer'; peer: string; dir: string; queries: number; budgetMs: number }
  | { phase: 'charts'; dir: string; renders: number };

export interface ColdResult {
  report: OpenReport;
  /** Process start to engine ready: Node, module loading, then the open. */
  readyMs: number;
  memory: Memory;
}

export interface ServeResult extends ColdResult {
  /** warm(): what the bot builds after loading and before it logs in (the /ask indexes, autocomplete's lists). */
  warmMs: number;
  /** The first Chinese question's extra: loading the word cutter and the dictionary (not done by warm(), for memory). */
  glossMs: number;
  latency: Record<string, Latency>;
  /** Raw passage retrieval (the index alone, no answer or rendering), on the /search queries, for the comparison with Fuse.js. */
  retrieval: Latency;
}

export interface PeerResult {
  buildMs: number;
  search: Latency;
  /** Heap and external memory the index adds to the loaded corpus, after GCs. */
  memoryMB: number;
  /** Over the development set's questions whose right passage is planted (n: how many the budget allowed). */
  quality: { n: number; hit1: number; hit3: number };
}

/** A size where a peer was not run, and why. */
export interface PeerSkipped {
  skipped: string;
}

/** The /search queries, the same in the serve and the Fuse.js phases. */
const SEARCH_SEED = 4242;
/**
 * Queries run before timing, per command: a bot that has been serving for a while has
 * compiled its hot paths. With 50, V8 was still compiling while being timed, on the same
 * pinned core: at 1k passages /search took 4.1 ms at p95 against 0.34 ms after 500.
 */
const WARMUP = 500;

async function run(job: Job): Promise<ColdResult | BuildReport | ServeResult | PeerResult | ChartBench> {
  switch (job.phase) {
    case 'cold': {
      const { report } = await openCorpus(job.dir, { prebuilt: 'ignore' });
      const readyMs = performance.now();
      return { report, readyMs, memory: await memory() };
    }
    case 'build':
      return buildIndex(job.dir);
    case 'serve':
      return serve(job);
    case 'peer':
      return peer(job);
    case 'charts':
      return chartBench(job.dir, job.renders);
  }
}

async function serve(job: Extract<Job, { phase: 'serve' }>): Promise<ServeResult> {
  // The bot's own modules (discord.js among them, some 40 MB), so the memory measured is the bot's, less a live gateway.
  await import('../src/discord/bot.ts');
  const { engine, report } = await openCorpus(job.dir);
  const readyMs = performance.now();
  if (report.index !== 'prebuilt') throw new Error(`the prebuilt index was not used (${report.miss})`);
  const warmMs = warm(engine);
  const mem = await memory();
  // A bot that has been serving has had a Chinese question: the first loads jieba and CC-CEDICT, once.
  // Left to the timed queries, it was one /ask of 1.4 s and 250 MB of garbage that the next ones paid for.
  const glossMs = await time(() => glossChinese('江苏'));
  const context: CommandContext = { engine, caller: { canManageMessages: true }, commands };
  const maker = new QueryMaker(engine.corpus, job.seed);
  const latency: Record<string, Latency> = {};

  for (const command of commands) {
    const name = command.data.name;
    const cases = Array.from({ length: job.queries + WARMUP }, () => maker.options(command));
    latency[`/${name}`] = await measure(cases, job.budgetMs, async (raw) => {
      const { answer, hide } = await invoke(name, raw, context);
      toDiscordReply(answer, { ephemeral: hide, locale: 'en' });
      return answer.found;
    });
  }
  for (const command of messageCommands) {
    const cases = Array.from({ length: job.queries + WARMUP }, () => ({ content: maker.claim() }));
    latency[command.data.name] = await measure(cases, job.budgetMs, async (message) => {
      const answer = await command.execute(message, context);
      toDiscordReply(answer, { ephemeral: false, locale: 'en' });
      return answer.found;
    });
  }
  const allChoices = { wall: [] as number[], cpu: [] as number[] };
  for (const command of commands) {
    if (!command.autocomplete) continue;
    for (const option of (command.data.options ?? []).filter((o) => 'autocomplete' in o && o.autocomplete)) {
      const cases = Array.from({ length: job.queries + WARMUP }, () => ({
        name: option.name,
        value: maker.partial(option.name),
      }));
      const result = await measure(
        cases,
        job.budgetMs,
        (focused) => {
          toDiscordChoices(command.autocomplete!(focused, context));
          return true;
        },
        allChoices,
      );
      latency[`autocomplete /${command.data.name} ${option.name}`] = result;
    }
  }
  const { p50, p99 } = summarize(allChoices.cpu);
  latency['autocomplete (all)'] = { ...summarize(allChoices.wall), cpu: { p50, p99 } };

  const searches = searchQueries(engine.corpus, WARMUP + job.queries);
  const retrieval = await measure(searches, job.budgetMs, (q) => engine.passages.search(q, 5).hits.length > 0);
  return { report, readyMs, warmMs, glossMs, memory: mem, latency, retrieval };
}

/** Results per query, the same for every engine: what /search shows. */
const LIMIT = 5;

/**
 * One engine over the corpus: build, memory, latency on the serve phase's /search queries,
 * then hit@1 and hit@3 on the planted questions. A slow engine (Fuse.js scans every
 * passage) gets few warm-up queries and is cut short by the budget, the quality run too.
 */
async function peer(job: Extract<Job, { phase: 'peer' }>): Promise<PeerResult> {
  const engine = peerNamed(job.peer);
  const corpus = await loadCorpus(job.dir);
  const before = await memory();
  let search: Awaited<ReturnType<typeof engine.build>> | undefined;
  const buildMs = await time(async () => (search = await engine.build(corpus)));
  const after = await memory();
  const memoryMB = after.heapMB + after.externalMB - (before.heapMB + before.externalMB);
  const first = performance.now();
  await search!('industrial value added', LIMIT);
  const warmup = performance.now() - first > 10 ? 1 : WARMUP;
  const queries = searchQueries(corpus, WARMUP + job.queries).slice(WARMUP - warmup);
  const latency = await measure(
    queries,
    job.budgetMs,
    async (q) => (await search!(q, LIMIT)).length > 0,
    undefined,
    warmup,
  );
  const ids = corpus.passages.map((p) => p.id);
  let n = 0,
    hit1 = 0,
    hit3 = 0;
  const started = performance.now();
  for (const { q, passage } of await plantedQuestions()) {
    const top = (await search!(q, LIMIT)).map((i) => ids[i]);
    n++;
    if (top[0] === passage) hit1++;
    if (top.slice(0, 3).includes(passage)) hit3++;
    if (performance.now() - started > job.budgetMs) break;
  }
  return {
    buildMs,
    search: latency,
    memoryMB,
    quality: { n, hit1: hit1 / Math.max(1, n), hit3: hit3 / Math.max(1, n) },
  };
}

function searchQueries(corpus: Corpus, count: number): string[] {
  const maker = new QueryMaker(corpus, SEARCH_SEED);
  return Array.from({ length: count }, () => maker.value('text'));
}

/**
 * Times each case once after a warm-up (the JIT settles, as in a bot that has been
 * serving). Stops early past the budget, so a slow path is reported, not waited out.
 */
async function measure<T>(
  cases: readonly T[],
  budgetMs: number,
  run: (item: T) => boolean | Promise<boolean>,
  collect?: { wall: number[]; cpu: number[] },
  warmup = WARMUP,
): Promise<Latency> {
  for (const item of cases.slice(0, warmup)) await run(item);
  const samples: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  const gc = watchGc();
  const started = performance.now();
  for (const item of cases.slice(warmup)) {
    const before = performance.now();
    const cpuBefore = process.cpuUsage();
    if (await run(item)) found++;
    const used = process.cpuUsage(cpuBefore);
    samples.push(performance.now() - before);
    cpu.push((used.user + used.system) / 1000);
    if (performance.now() - started > budgetMs) break;
  }
  collect?.wall.push(...samples);
  collect?.cpu.push(...cpu);
  const { p50, p99 } = summarize(cpu);
  return { ...summarize(samples, found), gc: await gc(samples.length), cpu: { p50, p99 } };
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
run(job).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
