import type { BuildReport } from '../src/app/open.ts';
import type { Latency } from './measure.ts';
import type { SyntheticCorpus } from './synthetic/corpus.ts';
import type { ColdResult, PeerResult, PeerSkipped, ServeResult } from './worker.ts';

export interface SizeResult {
  size: number;
  /** planted: passages of the shared development set's articles among the synthetic ones. */
  corpus: SyntheticCorpus & { generateMs: number; planted: number };
  cold: ColdResult;
  build: BuildReport;
  serve: ServeResult;
  /** Per engine, ours among them (bench/peers/engines.ts). */
  peers: Record<string, PeerResult | PeerSkipped>;
}

export interface BenchResult {
  machine: { cpu: string; cpus: number; pinnedTo: string; node: string; neighbour: string };
  queries: number;
  budgetMs: number;
  sizes: SizeResult[];
}

/** A latency target: a command's p99, with its CPU time beside it. */
const p99 = (what: string, command: string, limit: number) => ({
  what: `${what} p99`,
  limit,
  unit: 'ms',
  value: (r: SizeResult) => r.serve.latency[command]?.p99,
  cpu: (r: SizeResult) => r.serve.latency[command]?.cpu?.p99,
});

/** The targets of issue 6, checked at the largest size measured. */
const TARGETS: {
  what: string;
  limit: number;
  unit: string;
  value: (r: SizeResult) => number | undefined;
  /** The CPU time beside a latency: whether a missed target is the query's work or the machine's. */
  cpu?: (r: SizeResult) => number | undefined;
}[] = [
  p99('/ask', '/ask', 5),
  p99('/search', '/search', 5),
  p99('autocomplete', 'autocomplete (all)', 2),
  {
    what: 'cold start with prebuilt index',
    limit: 3,
    unit: 's',
    value: (r) => (r.serve.report.loadMs + r.serve.report.indexMs) / 1000,
  },
  { what: 'RSS after load', limit: 500, unit: 'MB', value: (r) => r.serve.memory.rssMB },
];

export function formatTables(result: BenchResult): string {
  const out: string[] = [];
  out.push(
    `Footnote benchmark: ${result.machine.cpu}, ${result.machine.cpus} CPUs, pinned to ${result.machine.pinnedTo}, Node ${result.machine.node}; neighbour: ${result.machine.neighbour}; ${result.queries} queries per command after a warm-up.`,
  );
  out.push('', 'Start-up and memory (one fresh process each; s = seconds, MB = MiB)');
  out.push(
    table(
      [
        'passages',
        'articles',
        'figures',
        'cold: load+validate',
        'index build',
        'total',
        'corpus:build',
        'prebuilt: load+validate',
        'index load',
        'total',
        'process ready',
        'warm-up',
        'first Chinese question',
        'RSS',
        'heap',
        'peak RSS',
      ],
      result.sizes.map((r) => [
        count(r.corpus.passages),
        count(r.corpus.articles),
        count(r.corpus.stats),
        seconds(r.cold.report.loadMs),
        seconds(r.cold.report.indexMs),
        seconds(r.cold.report.loadMs + r.cold.report.indexMs),
        seconds(r.build.loadMs + r.build.indexMs),
        seconds(r.serve.report.loadMs),
        seconds(r.serve.report.indexMs),
        seconds(r.serve.report.loadMs + r.serve.report.indexMs),
        seconds(r.serve.readyMs),
        seconds(r.serve.warmMs),
        seconds(r.serve.glossMs),
        mb(r.serve.memory.rssMB),
        mb(r.serve.memory.heapMB),
        mb(r.serve.memory.peakRssMB),
      ]),
    ),
  );
  const names = [...new Set(result.sizes.flatMap((r) => Object.keys(r.serve.latency)))];
  out.push(
    '',
    'Latency per query, ms: p50 / p95 / p99 (answer + Discord rendering, as the router does; n when the time budget cut the run short)',
  );
  out.push(
    table(
      ['command', ...result.sizes.map((r) => count(r.size))],
      names.map((name) => [name, ...result.sizes.map((r) => percentiles(r.serve.latency[name], result.queries))]),
    ),
  );
  out.push(
    '',
    'Garbage collection while timing: scavenges / full collections / ms paused, per 1000 queries; kB allocated per query (allocation is what the tails follow); CPU time per query, ms, p50 / p99 (a wall-time tail the CPU time lacks is the scheduler’s)',
  );
  out.push(
    table(
      ['command', ...result.sizes.map((r) => count(r.size))],
      names.map((name) => [name, ...result.sizes.map((r) => gcCost(r.serve.latency[name]))]),
    ),
  );
  if (result.sizes.some((r) => Object.keys(r.peers).length)) out.push('', peerTable(result));
  const largest = result.sizes.at(-1);
  if (largest) {
    out.push('', `Targets at ${count(largest.size)} passages`);
    for (const target of TARGETS) {
      const value = target.value(largest);
      const verdict = value === undefined ? 'not measured' : value <= target.limit ? 'met' : 'NOT met';
      const cpu = target.cpu?.(largest);
      out.push(
        `  ${target.what} ≤ ${target.limit} ${target.unit}: ${value === undefined ? '—' : `${value.toFixed(target.unit === 'MB' ? 0 : 2)} ${target.unit}`} (${verdict})${cpu === undefined ? '' : `; CPU time p99 ${cpu.toFixed(2)} ms`}`,
      );
    }
  }
  return out.join('\n');
}

/** Each engine beside ours: one process each, same corpus, same /search queries, same limit (5). */
function peerTable(result: BenchResult): string {
  const rows: string[][] = [];
  for (const r of result.sizes) {
    const ours = r.peers.ours && !('skipped' in r.peers.ours) ? r.peers.ours : undefined;
    for (const [name, peer] of Object.entries(r.peers)) {
      if ('skipped' in peer) {
        rows.push([count(r.size), name, '—', '—', `not run: ${peer.skipped}`, '—', '—', '—', '—']);
        continue;
      }
      const q = peer.quality;
      const ratio = (a: number, b: number | undefined) =>
        b ? `${(a / b).toFixed(a / b >= 10 ? 0 : a / b >= 1 ? 1 : 2)}×` : '—';
      rows.push([
        count(r.size),
        name,
        seconds(peer.buildMs),
        `${peer.memoryMB.toFixed(1)} MB`,
        percentiles(peer.search, result.queries),
        `${pct(q.hit1)}${q.n < (ours?.quality.n ?? q.n) ? ` (n=${q.n})` : ''}`,
        pct(q.hit3),
        name === 'ours' ? '1×' : ratio(peer.search.p50, ours?.search.p50),
        name === 'ours' ? '1×' : ratio(peer.memoryMB, ours?.memoryMB),
      ]);
    }
  }
  const planted = result.sizes[0]?.corpus.planted ?? 0;
  return [
    `Peers: each engine in its own process on the same corpus (${planted} passages of ../shared/eval planted among the synthetic ones), the /search queries, 5 results; memory is heap + external added by the index after GCs; hit@1 and hit@3 on the shared set's stat and passage questions (the right paragraph is known). n: the budget cut the run short`,
    table(
      [
        'passages',
        'engine',
        'build',
        'memory',
        'search ms p50 / p95 / p99',
        'hit@1',
        'hit@3',
        'p50 ÷ ours',
        'memory ÷ ours',
      ],
      rows,
    ),
  ].join('\n');
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function gcCost(l: Latency | undefined): string {
  if (!l?.gc) return '—';
  const cpu = l.cpu ? ` / ${l.cpu.p50.toFixed(2)} / ${l.cpu.p99.toFixed(2)}` : '';
  return `${l.gc.minorPer1k.toFixed(0)} / ${l.gc.majorPer1k.toFixed(1)} / ${l.gc.pauseMsPer1k.toFixed(1)} / ${l.gc.allocatedKB.toFixed(0)} kB${cpu}`;
}

function percentiles(l: Latency | undefined, wanted: number): string {
  if (!l || l.count === 0) return '—';
  const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
  return `${f(l.p50)} / ${f(l.p95)} / ${f(l.p99)}${l.count < wanted ? ` (n=${l.count})` : ''}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (value: number) => `${Math.round(value)} MB`;
const count = (n: number) => (n >= 1000 ? `${n % 1000 === 0 ? n / 1000 : (n / 1000).toFixed(1)}k` : String(n));

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
