import type { BuildReport } from '../src/app/open.ts';
import type { Latency } from './measure.ts';
import type { SyntheticCorpus } from './synthetic/corpus.ts';
import type { ColdResult, FuseResult, FuseSkipped, ServeResult } from './worker.ts';

export interface SizeResult {
  size: number;
  corpus: SyntheticCorpus & { generateMs: number };
  cold: ColdResult;
  build: BuildReport;
  serve: ServeResult;
  fuse: FuseResult | FuseSkipped;
}

export interface BenchResult {
  machine: { cpu: string; cpus: number; pinnedTo: string; node: string };
  queries: number;
  budgetMs: number;
  sizes: SizeResult[];
}

/** The targets of issue 6, checked at the largest size measured. */
const TARGETS: { what: string; limit: number; unit: string; value: (r: SizeResult) => number | undefined }[] = [
  { what: '/ask p99', limit: 5, unit: 'ms', value: (r) => r.serve.latency['/ask']?.p99 },
  { what: '/search p99', limit: 5, unit: 'ms', value: (r) => r.serve.latency['/search']?.p99 },
  { what: 'autocomplete p99', limit: 2, unit: 'ms', value: (r) => r.serve.latency['autocomplete (all)']?.p99 },
  { what: 'cold start with prebuilt index', limit: 3, unit: 's', value: (r) => (r.serve.report.loadMs + r.serve.report.indexMs) / 1000 },
  { what: 'RSS after load', limit: 500, unit: 'MB', value: (r) => r.serve.memory.rssMB },
];

export function formatTables(result: BenchResult): string {
  const out: string[] = [];
  out.push(`Footnote benchmark: ${result.machine.cpu}, ${result.machine.cpus} CPUs, pinned to ${result.machine.pinnedTo}, Node ${result.machine.node}; ${result.queries} queries per command after a warm-up.`);
  out.push('', 'Start-up and memory (one fresh process each; s = seconds, MB = MiB)');
  out.push(
    table(
      ['passages', 'articles', 'figures', 'cold: load+validate', 'index build', 'total', 'corpus:build', 'prebuilt: load+validate', 'index load', 'total', 'process ready', 'warm-up', 'RSS', 'heap', 'peak RSS'],
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
        mb(r.serve.memory.rssMB),
        mb(r.serve.memory.heapMB),
        mb(r.serve.memory.peakRssMB),
      ]),
    ),
  );
  const names = [...new Set(result.sizes.flatMap((r) => Object.keys(r.serve.latency)))];
  out.push('', 'Latency per query, ms: p50 / p95 / p99 (answer + Discord rendering, as the router does; n when the time budget cut the run short)');
  out.push(table(['command', ...result.sizes.map((r) => count(r.size))], names.map((name) => [name, ...result.sizes.map((r) => percentiles(r.serve.latency[name], result.queries))])));
  out.push('', 'Against plain Fuse.js over the whole text of every passage (same /search queries, 5 results)');
  out.push(
    table(
      ['passages', 'Fuse.js build', 'Fuse.js search', 'our index', '/search', 'Fuse.js ÷ index p50', 'p99'],
      result.sizes.map((r) => {
        const ours = [percentiles(r.serve.retrieval, result.queries), percentiles(r.serve.latency['/search'], result.queries)];
        if ('skipped' in r.fuse) return [count(r.size), '—', `not run: ${r.fuse.skipped}`, ...ours, '—', '—'];
        return [
          count(r.size),
          seconds(r.fuse.buildMs),
          percentiles(r.fuse.search, result.queries),
          ...ours,
          `${Math.round(r.fuse.search.p50 / r.serve.retrieval.p50)}×`,
          `${Math.round(r.fuse.search.p99 / r.serve.retrieval.p99)}×`,
        ];
      }),
    ),
  );
  const largest = result.sizes.at(-1);
  if (largest) {
    out.push('', `Targets at ${count(largest.size)} passages`);
    for (const target of TARGETS) {
      const value = target.value(largest);
      const verdict = value === undefined ? 'not measured' : value <= target.limit ? 'met' : 'NOT met';
      out.push(`  ${target.what} ≤ ${target.limit} ${target.unit}: ${value === undefined ? '—' : `${value.toFixed(target.unit === 'MB' ? 0 : 2)} ${target.unit}`} (${verdict})`);
    }
  }
  return out.join('\n');
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
