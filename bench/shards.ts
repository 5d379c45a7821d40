/**
 * `npm run bench:shards -- [--shards 1,4,16] [--passages 250k]`: the memory of
 * `npm run start:sharded` against the local Discord, recommending each number of shards
 * in turn, once with the shards grouped as by default (16 to a process) and once with a
 * process per shard (SHARD_PROCESSES = shards, what discord.js's ShardingManager alone does).
 * RSS is summed over the manager and every process it started, once every shard is ready
 * and the processes have settled. A benchmark, not a test.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { botEnv, collectLogs, type LogLine } from '../tests/support/bot.ts';
import { FakeDiscord } from '../tests/support/fake-discord.ts';
import { processTree, rssMB } from './proc.ts';
import { writeSyntheticCorpus } from './synthetic/corpus.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { shards: { type: 'string', default: '1,4,16' }, passages: { type: 'string' } },
});
const counts = values.shards.split(',').map(Number);

async function measure(corpus: string, shards: number, processes: number | undefined) {
  const fake = await FakeDiscord.start({ shards });
  const logs: LogLine[] = [];
  const extra: Record<string, string> = { SHARD_SPAWN_DELAY_MS: '0', CORPUS_DIR: corpus };
  if (processes) extra['SHARD_PROCESSES'] = String(processes);
  const manager = spawn(process.execPath, ['bin/footnote.mjs', 'sharded'], {
    cwd: root,
    env: botEnv(fake, extra),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  collectLogs(manager.stderr, logs);
  const closed = new Promise((resolve) => manager.once('close', resolve));
  try {
    const started = performance.now();
    while (!logs.some((l) => l.msg === 'every shard ready')) {
      if (manager.exitCode !== null) throw new Error(`the manager exited: ${JSON.stringify(logs.slice(-3))}`);
      if (performance.now() - started > 600_000) throw new Error('the shards were not ready within 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const readyS = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const pids = await processTree(manager.pid!);
    const commands = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')));
    // The manager and one process per group of shards, each the launcher's `start`.
    const processes = commands.filter((c) => c.split('\0').includes('start')).length;
    return { readyS, processes, rssMB: await rssMB(pids) };
  } finally {
    manager.kill('SIGTERM');
    await closed;
    await fake.stop();
  }
}

// Compiled first: a manager that compiles at start would count esbuild's service among its processes.
execFileSync(process.execPath, ['bin/footnote.mjs', '--build'], { cwd: root, stdio: 'inherit' });
let corpus = path.join(root, 'corpus');
let scratch: string | undefined;
if (values.passages) {
  const size = Math.round(Number(values.passages.replace(/k$/i, '')) * (/k$/i.test(values.passages) ? 1000 : 1));
  scratch = await mkdtemp(path.join(tmpdir(), 'footnote-shards-'));
  await writeSyntheticCorpus(scratch, size, { gazetteer: path.join(root, 'corpus/gazetteer.json') });
  corpus = scratch;
}
try {
  console.log(`start:sharded against the local Discord, corpus ${values.passages ?? 'seed'}; RSS of every process`);
  console.log('shards | grouped (default): processes, RSS | a process per shard: processes, RSS | grouped ÷ 1 shard');
  let one: number | undefined;
  for (const shards of counts) {
    const grouped = await measure(corpus, shards, undefined);
    const apart = shards > 1 ? await measure(corpus, shards, shards) : grouped;
    one ??= grouped.rssMB;
    console.log(
      `${String(shards).padStart(6)} | ${grouped.processes} process(es), ${grouped.rssMB.toFixed(0)} MB | ` +
        `${apart.processes} process(es), ${apart.rssMB.toFixed(0)} MB | ${(grouped.rssMB / one).toFixed(2)}×`,
    );
  }
} finally {
  if (scratch) await rm(scratch, { recursive: true, force: true });
}
