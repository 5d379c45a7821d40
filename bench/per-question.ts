/**
 * `npm run bench:questions -- [--command ask] [--size 250k] [--queries 500] [--passes 3] [--top 10]`
 *
 * What each query costs the engine itself, apart from the machine's noise. The serve phase of
 * `npm run bench` times every query once, so its p99 is the fifth-worst of 500 and moves by
 * half between identical runs on a shared machine (a scavenge, the scheduler, a neighbour's
 * burst). Here the same queries (the same seed) are timed in `--passes` fresh engines, one
 * after the other in one process: the code stays compiled, each engine's caches start cold as
 * in the bench, and each query keeps the least CPU time it took. Prints the percentiles of
 * those and the slowest queries. Run it pinned (`taskset -c 1 npm run …`) to compare with the bench.
 */
import { parseArgs } from 'node:util';
import { commands } from '../commands/index.ts';
import { openCorpus } from '../src/app/open.ts';
import { invoke } from '../src/command/invoke.ts';
import { warm } from '../src/app/warm.ts';
import { glossChinese } from '../src/text/chinese.ts';
import { toDiscordReply } from '../src/render/discord.ts';
import type { OptionValue } from '../src/command/command.ts';
import { QueryMaker } from './queries.ts';
import { prepareCorpus } from './soak.ts';

const WARMUP = 500;

const { values } = parseArgs({
  options: {
    command: { type: 'string', default: 'ask' },
    size: { type: 'string', default: '250k' },
    queries: { type: 'string', default: '500' },
    passes: { type: 'string', default: '3' },
    top: { type: 'string', default: '10' },
  },
});
const size = Math.round(Number(values.size.replace(/k$/i, '')) * (/k$/i.test(values.size) ? 1000 : 1));
const command = commands.find((c) => c.data.name === values.command);
if (!command) throw new Error(`no command /${values.command}`);
const queries = Number(values.queries);
const dir = await prepareCorpus(size);

const least: number[] = [];
let asked: Map<string, OptionValue>[] = [];
for (let pass = 0; pass < Number(values.passes); pass++) {
  const { engine } = await openCorpus(dir);
  warm(engine);
  await glossChinese('江苏');
  // The serve phase's seed, so these are the bench's own queries.
  const maker = new QueryMaker(engine.corpus, size);
  const cases = Array.from({ length: WARMUP + queries }, () => maker.options(command));
  const context = { engine, caller: { canManageMessages: true }, commands };
  const run = async (raw: Map<string, OptionValue>) => {
    const { answer, hide } = await invoke(command.data.name, raw, context);
    toDiscordReply(answer, { ephemeral: hide, locale: 'en' });
  };
  for (const raw of cases.slice(0, WARMUP)) await run(raw);
  asked = cases.slice(WARMUP);
  for (const [at, raw] of asked.entries()) {
    const before = process.cpuUsage();
    await run(raw);
    const used = process.cpuUsage(before);
    least[at] = Math.min(least[at] ?? Infinity, (used.user + used.system) / 1000);
  }
}

const sorted = [...least].sort((a, b) => a - b);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2);
const mean = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length;
console.log(
  `/${command.data.name} at ${size} passages, ${queries} queries, least CPU of ${values.passes} fresh engines, ms: ` +
    `p50 ${at(0.5)} / p90 ${at(0.9)} / p95 ${at(0.95)} / p99 ${at(0.99)} / max ${sorted.at(-1)!.toFixed(2)}, mean ${mean.toFixed(2)}`,
);
const slowest = least.map((ms, i) => ({ ms, i })).sort((a, b) => b.ms - a.ms);
for (const { ms, i } of slowest.slice(0, Number(values.top)))
  console.log(`${ms.toFixed(2).padStart(7)}  ${JSON.stringify(Object.fromEntries(asked[i]!))}`);
