import Fuse from 'fuse.js';
import { commands, messageCommands } from '../commands/index.ts';
import type { CommandContext } from '../src/command/command.ts';
import { loadCorpus, type Corpus } from '../src/corpus/load.ts';
import { buildIndex, openCorpus, type BuildReport, type OpenReport } from '../src/app/open.ts';
import { invoke } from '../src/command/invoke.ts';
import { warm } from '../src/app/warm.ts';
import { toDiscordChoices, toDiscordReply } from '../src/render/discord.ts';
import { memory, summarize, time, type Latency, type Memory } from './measure.ts';
import { QueryMaker } from './queries.ts';

/**
 * One measurement in a fresh process (`npm run bench` starts one per phase and size),
 * so a cold start is cold and memory is this phase's alone. Prints one JSON line.
 */
export type Job =
  | { phase: 'cold'; dir: string }
  | { phase: 'build'; dir: string }
  | { phase: 'serve'; dir: string; queries: number; seed: number; budgetMs: number }
  | { phase: 'fuse'; dir: string; queries: number; budgetMs: number };

export interface ColdResult {
  report: OpenReport;
  /** Process start to engine ready: Node, module loading, then the open. */
  readyMs: number;
  memory: Memory;
}

export interface ServeResult extends ColdResult {
  /** warm(): what the bot builds after loading and before it logs in (the /ask indexes, autocomplete's lists). */
  warmMs: number;
  latency: Record<string, Latency>;
  /** Raw passage retrieval (the index alone, no answer or rendering), on the /search queries, for the comparison with Fuse.js. */
  retrieval: Latency;
}

export interface FuseResult {
  buildMs: number;
  search: Latency;
  memory: Memory;
}

/** A size where plain Fuse.js was not run, and why. */
export interface FuseSkipped {
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

async function run(job: Job): Promise<ColdResult | BuildReport | ServeResult | FuseResult> {
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
    case 'fuse':
      return fuse(job);
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
  const allChoices: number[] = [];
  for (const command of commands) {
    if (!command.autocomplete) continue;
    for (const option of (command.data.options ?? []).filter((o) => 'autocomplete' in o && o.autocomplete)) {
      const cases = Array.from({ length: job.queries + WARMUP }, () => ({ name: option.name, value: maker.partial(option.name) }));
      const result = await measure(cases, job.budgetMs, (focused) => {
        toDiscordChoices(command.autocomplete!(focused, context));
        return true;
      }, allChoices);
      latency[`autocomplete /${command.data.name} ${option.name}`] = result;
    }
  }
  latency['autocomplete (all)'] = summarize(allChoices);

  const searches = searchQueries(engine.corpus, WARMUP + job.queries);
  const retrieval = await measure(searches, job.budgetMs, (q) => engine.passages.search(q, 5).hits.length > 0);
  return { report, readyMs, warmMs, memory: mem, latency, retrieval };
}

/** The alternative the design sketch started from: one Fuse.js index over the whole text of every passage. */
async function fuse(job: Extract<Job, { phase: 'fuse' }>): Promise<FuseResult> {
  const corpus = await loadCorpus(job.dir);
  let index: Fuse<(typeof corpus.passages)[number]> | undefined;
  const buildMs = await time(() => (index = new Fuse(corpus.passages, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.4 })));
  // The serve phase's timed queries, after a single warm-up one: at 10k passages one takes most of a second.
  const searches = searchQueries(corpus, WARMUP + job.queries).slice(WARMUP - 1);
  const search = await measure(searches, job.budgetMs, (q) => index!.search(q, { limit: 5 }).length > 0, undefined, 1);
  return { buildMs, search, memory: await memory() };
}

function searchQueries(corpus: Corpus, count: number): string[] {
  const maker = new QueryMaker(corpus, SEARCH_SEED);
  return Array.from({ length: count }, () => maker.value('text'));
}

/**
 * Times each case once after a warm-up (the JIT settles, as in a bot that has been
 * serving). Stops early past the budget, so a slow path is reported, not waited out.
 */
async function measure<T>(cases: readonly T[], budgetMs: number, run: (item: T) => boolean | Promise<boolean>, collect?: number[], warmup = WARMUP): Promise<Latency> {
  for (const item of cases.slice(0, warmup)) await run(item);
  const samples: number[] = [];
  let found = 0;
  const started = performance.now();
  for (const item of cases.slice(warmup)) {
    const before = performance.now();
    if (await run(item)) found++;
    samples.push(performance.now() - before);
    if (performance.now() - started > budgetMs) break;
  }
  collect?.push(...samples);
  return summarize(samples, found);
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
run(job).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
