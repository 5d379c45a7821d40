import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { formatTables, type BenchResult, type SizeResult } from './report.ts';
import { writeSyntheticCorpus } from './synthetic/corpus.ts';
import { plantSharedArticles } from './synthetic/planted.ts';
import { PEERS } from './peers/engines.ts';
import type { Job } from './worker.ts';
import { seedAskLatency } from './seed-ask.ts';
import type { ChartBench } from './charts.ts';

/**
 * `npm run bench [-- --sizes 1k,10k,100k,250k] [--queries 500] [--budget 10] [--peers ours,MiniSearch | --no-peers] [--neighbour] [--json [file]]`
 * `npm run bench [-- --sizes 1k,10k,100k,250k] [--queries 500] [--budget 10] [--peers ours,MiniSearch | --no-peers] [--renders 1000] [--json [file]]`
 *
 * For each size: writes a synthetic corpus to a temporary folder, then measures in
 * fresh processes pinned to one CPU: a cold start without a prebuilt index,
 * `corpus:build`, a start from the prebuilt index with memory and the latency of every
 * command and autocomplete, and each peer engine (bench/peers/engines.ts) beside ours on the same
 * /search queries and the shared set's questions planted in the corpus; then chart
 * rendering time and memory over --renders charts. Prints tables (or
 * JSON), deletes the corpus. Not a test: the figures are for reading, not asserting.
 *
 * `--neighbour` keeps a CPU-bound process busy on another core the whole time, as on a
 * shared host: the caches, memory bandwidth and scheduler are then shared, the core is not.
 */
const root = path.resolve(import.meta.dirname, '..');

interface Args {
  sizes: number[];
  queries: number;
  budgetMs: number;
  json: string | true | undefined;
  peers: string[];
  neighbour: boolean;
  renders: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    sizes: [1_000, 10_000, 100_000, 250_000],
    queries: 500,
    budgetMs: 10_000,
    json: undefined,
    peers: PEERS.map((p) => p.name),
    neighbour: false,
    renders: 1_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const next = () => argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === '--sizes') args.sizes = next().split(',').map(parseSize);
    else if (flag === '--queries') args.queries = positive(next(), flag);
    else if (flag === '--budget') args.budgetMs = positive(next(), flag) * 1000;
    else if (flag === '--json') args.json = argv[i + 1] && !argv[i + 1]!.startsWith('--') ? argv[++i]! : true;
    else if (flag === '--peers')
      args.peers = next()
        .split(',')
        .map(
          (name) =>
            PEERS.find((p) => p.name.toLowerCase() === name.trim().toLowerCase())?.name ??
            fail(`no peer "${name}" (${PEERS.map((p) => p.name).join(', ')})`),
        );
    else if (flag === '--no-peers') args.peers = [];
    else if (flag === '--neighbour' || flag === '--neighbor') args.neighbour = true;
    else if (flag === '--renders') args.renders = positive(next(), flag);
    else fail(`unknown option ${flag}`);
  }
  return args;
}

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) fail(`not a size: "${text}" (try 1k, 10k, 250000)`);
  return Math.round(Number(match![1]) * { '': 1, k: 1e3, m: 1e6 }[match![2]!.toLowerCase() as '' | 'k' | 'm']);
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!(n > 0)) fail(`${flag} takes a positive number`);
  return n;
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

/** Pinned to the last CPU when taskset exists: the targets are for one core, and a neighbour's noise stays off it. */
const cpu = availableParallelism() - 1;
const pinned = spawnSync('taskset', ['--version']).status === 0;

function runJob<T>(job: Job): Promise<T> {
  const node = [
    process.execPath,
    '--expose-gc',
    '--import',
    'tsx',
    path.join(root, 'bench/worker.ts'),
    JSON.stringify(job),
  ];
  const [command, ...args] = pinned ? ['taskset', '-c', String(cpu), ...node] : node;
  return new Promise((resolve, reject) => {
    const child = spawn(command!, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as T);
      else reject(new Error(`the ${job.phase} phase failed (exit ${code})`));
    });
  });
}

/** A process that spins on the first CPU (any CPU without taskset) until the benchmark ends. */
function startNeighbour(): () => void {
  const spin = [process.execPath, '-e', 'for (;;) {}'];
  const [command, ...args] = pinned && cpu > 0 ? ['taskset', '-c', '0', ...spin] : spin;
  const child = spawn(command!, args, { stdio: 'ignore' });
  return () => child.kill('SIGKILL');
}

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** Past this per query or per build (projected from the size before), a peer is not run at a size: not worth the wait. */
const PEER_QUERY_LIMIT_MS = 10_000;
const PEER_BUILD_LIMIT_MS = 120_000;

async function peers(
  dir: string,
  size: number,
  args: Args,
  previous: SizeResult | undefined,
): Promise<SizeResult['peers']> {
  const out: SizeResult['peers'] = {};
  for (const name of args.peers) {
    const before = previous?.peers[name];
    const grow = previous ? size / previous.size : 1;
    if (before && 'skipped' in before) out[name] = { skipped: before.skipped };
    else if (before && before.search.p50 * grow > PEER_QUERY_LIMIT_MS)
      out[name] = {
        skipped: `about ${Math.round((before.search.p50 * grow) / 1000)} s a query, projected from ${previous!.size} passages`,
      };
    else if (before && before.buildMs * grow > PEER_BUILD_LIMIT_MS)
      out[name] = {
        skipped: `a build of about ${Math.round((before.buildMs * grow) / 1000)} s, projected from ${previous!.size} passages`,
      };
    else {
      progress(`${size} passages: ${name}`);
      out[name] = await runJob({ phase: 'peer', peer: name, dir, queries: args.queries, budgetMs: args.budgetMs });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const result: BenchResult = {
    machine: {
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      cpus: availableParallelism(),
      pinnedTo: pinned ? `CPU ${cpu}` : 'no CPU (taskset missing)',
      node: process.version,
      neighbour: args.neighbour ? (pinned && cpu > 0 ? 'a CPU-bound process on CPU 0' : 'a CPU-bound process') : 'none',
    },
    queries: args.queries,
    budgetMs: args.budgetMs,
    sizes: [],
  };
  const stopNeighbour = args.neighbour ? startNeighbour() : () => {};
  process.once('exit', stopNeighbour);
  for (const size of args.sizes) {
    const dir = await mkdtemp(path.join(tmpdir(), `footnote-bench-${size}-`));
    try {
      progress(`${size} passages: writing the corpus to ${dir}`);
      const started = performance.now();
      const synthetic = await writeSyntheticCorpus(dir, size, { gazetteer: path.join(root, 'corpus/gazetteer.json') });
      const planted = await plantSharedArticles(dir);
      const corpus = {
        ...synthetic,
        articles: synthetic.articles + planted.articles,
        passages: synthetic.passages + planted.passages,
        bytes: synthetic.bytes + planted.bytes,
        planted: planted.passages,
      };
      const generateMs = performance.now() - started;
      progress(`${size} passages: cold start without a prebuilt index`);
      const cold = await runJob<SizeResult['cold']>({ phase: 'cold', dir });
      progress(`${size} passages: corpus:build`);
      const build = await runJob<SizeResult['build']>({ phase: 'build', dir });
      progress(`${size} passages: start from the prebuilt index, then ${args.queries} queries per command`);
      const serve = await runJob<SizeResult['serve']>({
        phase: 'serve',
        dir,
        queries: args.queries,
        seed: size,
        budgetMs: args.budgetMs,
      });
      result.sizes.push({
        size,
        corpus: { ...corpus, generateMs },
        cold,
        build,
        serve,
        peers: await peers(dir, size, args, result.sizes.at(-1)),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  stopNeighbour();
  progress('the seed corpus: /ask over the question sets');
  const seedAsk = await seedAskLatency(path.join(root, 'corpus'));
  progress(`charts: ${args.renders} renders in a fresh process`);
  const charts = await runJob<ChartBench>({ phase: 'charts', dir: path.join(root, 'corpus'), renders: args.renders });
  const json = `${JSON.stringify({ ...result, seedAsk, charts }, null, 2)}\n`;
  if (args.json === true) process.stdout.write(json);
  else {
    if (args.json) await writeFile(args.json, json);
    const ms = (n: number) => n.toFixed(2);
    process.stdout.write(
      `${formatTables(result)}\n\n/ask on the seed corpus (${seedAsk.n} answers, both question sets): p50 ${ms(seedAsk.p50)} / p95 ${ms(seedAsk.p95)} / p99 ${ms(seedAsk.p99)} ms (target p99 ≤ 5 ms)\n` +
        `${chartLine(charts)}\n`,
    );
  }
}

function chartLine(c: ChartBench): string {
  const l = c.latency;
  const rss = c.rssMB.map((mb) => mb.toFixed(0)).join(' → ');
  return (
    `Charts (${c.renders} PNGs, bars and lines, en and zh-CN; font subset ${c.fontKB.toFixed(0)} kB in ${(c.fontMs / 1000).toFixed(1)} s): ` +
    `p50 ${l.p50.toFixed(1)} / p95 ${l.p95.toFixed(1)} / p99 ${l.p99.toFixed(1)} ms (target p99 ≤ 50 ms; CPU time ` +
    `p50 ${c.cpu.p50.toFixed(1)} / p99 ${c.cpu.p99.toFixed(1)} ms), ${c.pngKB.toFixed(0)} kB a PNG; ` +
    `RSS ${rss} MB (before, then after each quarter)`
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
