import { PerformanceObserver, constants, type PerformanceEntry } from 'node:perf_hooks';
import { GCProfiler, getHeapStatistics } from 'node:v8';

/** Percentiles of one run's samples, in milliseconds. */
export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Share of the queries the corpus answered (found: true), when it applies. */
  found?: number;
  /** Garbage collections while the samples were taken, per 1000 queries: tails follow allocation. */
  gc?: GcCost;
  /**
   * CPU time per query (every thread of the process, GC helpers included), ms: wall time
   * less the time the scheduler gave other processes, so a tail here is the query's own.
   */
  cpu?: { p50: number; p99: number };
}

export interface GcCost {
  /** Young-generation collections (scavenges) per 1000 queries. */
  minorPer1k: number;
  /** Full (mark-compact) collections per 1000 queries. */
  majorPer1k: number;
  /** Milliseconds paused in collections, per 1000 queries. */
  pauseMsPer1k: number;
  /** Kilobytes allocated on the JS heap per query: what fills the young generation, so what the scavenges follow. */
  allocatedKB: number;
}

export function summarize(samples: readonly number[], found?: number): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: p99 of 500 samples is the 495th, a value that was actually measured.
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return {
    count: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted.at(-1) ?? NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    ...(found === undefined ? {} : { found: found / Math.max(1, sorted.length) }),
  };
}

export interface Memory {
  /** Resident set size once settled after a full GC: what the process holds while it serves. */
  rssMB: number;
  heapMB: number;
  /** Typed arrays and buffers (the passage index), outside the JS heap. */
  externalMB: number;
  /** The most the process ever held, loading included. */
  peakRssMB: number;
}

/** RSS drops some time after a GC, when V8 hands freed pages back: measured after two GCs a second apart. */
export async function memory(): Promise<Memory> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  gc?.();
  const m = process.memoryUsage();
  return {
    rssMB: m.rss / 2 ** 20,
    heapMB: m.heapUsed / 2 ** 20,
    externalMB: m.external / 2 ** 20,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/**
 * Counts the collections V8 runs from now until the returned function is called with
 * the number of queries run meanwhile.
 */
export function watchGc(): (queries: number) => Promise<GcCost> {
  // Allocated = what the heap grew by, plus what each collection freed (GCProfiler sees the heap either side of each).
  const profiler = new GCProfiler();
  profiler.start();
  const usedAtStart = getHeapStatistics().used_heap_size;
  let minor = 0,
    major = 0,
    pauseMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) minor++;
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++;
      pauseMs += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return async (queries) => {
    // GC entries are delivered on a later turn of the event loop than setImmediate's: let the last ones arrive.
    const usedAtEnd = getHeapStatistics().used_heap_size;
    let freed = 0;
    for (const { beforeGC, afterGC } of profiler.stop()?.statistics ?? [])
      freed += beforeGC.heapStatistics.usedHeapSize - afterGC.heapStatistics.usedHeapSize;
    await new Promise((resolve) => setTimeout(resolve, 20));
    observer.disconnect();
    const per1k = (n: number) => (n * 1000) / Math.max(1, queries);
    return {
      minorPer1k: per1k(minor),
      majorPer1k: per1k(major),
      pauseMsPer1k: per1k(pauseMs),
      allocatedKB: (usedAtEnd - usedAtStart + freed) / 1024 / Math.max(1, queries),
    };
  };
}

/** Milliseconds `run` takes, awaited. */
export async function time(run: () => unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
