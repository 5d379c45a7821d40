import type { Statistic } from '../corpus/schema.ts';
import { difference, groupPositions, holds, listsOf, union } from '../search/sorted.ts';

/** A place asked about: its regions, and the positions of their figures, gathered once (the engine's Area). */
export interface FigurePlace {
  readonly ids: ReadonlySet<string>;
  stats(): Uint32Array;
}

/** Which figures: those in a place, of any of some metrics, or both. */
export interface FigureFilter {
  area?: FigurePlace | undefined;
  metrics?: ReadonlySet<string> | undefined;
}

/**
 * The corpus's figures by region and by metric, as positions in corpus.stats. Every
 * answer that chooses figures (/stat, /region, /summary, /ask, Find sources) chooses them
 * here, so a change to how they are chosen reaches all of them.
 */
export class FigureIndex {
  private readonly byMetric: Map<string, Uint32Array>;
  private readonly byRegion: Map<string, Uint32Array>;
  private readonly metricOf: KeyNumbers;
  private readonly regionOf: KeyNumbers;
  private passagePositions: Uint32Array | undefined;

  constructor(
    private readonly stats: readonly Statistic[],
    /** A figure's passage position, from its passage id. */
    private readonly positionOf: (passageId: string) => number,
  ) {
    this.byMetric = groupPositions(stats, (s) => [s.metric]);
    this.byRegion = groupPositions(stats, (s) => [s.region]);
    this.metricOf = new KeyNumbers(this.byMetric, stats.length);
    this.regionOf = new KeyNumbers(this.byRegion, stats.length);
  }

  /** Whether the corpus has at least one figure for the metric. */
  measures(metricId: string): boolean {
    return this.byMetric.has(metricId);
  }

  /** The positions of the figures for any of the regions, ascending. */
  positionsIn(regionIds: ReadonlySet<string>): Uint32Array {
    return union(listsOf(this.byRegion, regionIds), this.stats.length);
  }

  /**
   * The figures in the place and of any of the metrics (either may be left out), in corpus
   * order, the first `limit` of them.
   */
  where(filter: FigureFilter, limit = Infinity): Statistic[] {
    return Array.from(this.positionsWhere(filter, limit), (at) => this.stats[at]!);
  }

  /** The positions of the passages quoting those figures, ascending, each once. */
  passagesWhere(filter: FigureFilter, limit = Infinity): Uint32Array {
    const figures = this.passages();
    return Uint32Array.from(new Set(Array.from(this.positionsWhere(filter, limit), (at) => figures[at]!))).sort();
  }

  /**
   * Their positions in corpus.stats. It walks whichever lists fewer figures, the place's
   * (gathered once per place) or the metrics', and filters by the other.
   */
  private positionsWhere({ area, metrics }: FigureFilter, limit: number): Uint32Array {
    const byMetric = metrics && listsOf(this.byMetric, metrics);
    const ofMetrics = byMetric ? byMetric.reduce((n, list) => n + list.length, 0) : Infinity;
    const inPlace = area?.stats();
    const [positions, by, keys] =
      inPlace && inPlace.length <= ofMetrics
        ? [inPlace, this.metricOf, metrics]
        : [byMetric && union(byMetric, this.stats.length), this.regionOf, area?.ids];
    const marked = keys && by.marks(keys);
    const walked = positions?.length ?? this.stats.length;
    const found = new Uint32Array(Math.min(walked, limit));
    let kept = 0;
    for (let i = 0; i < walked && kept < found.length; i++) {
      const at = positions ? positions[i]! : i;
      if (!marked || marked[by.of[at]!]) found[kept++] = at;
    }
    return found.subarray(0, kept);
  }

  /**
   * Of a place's passages and figures (positions), the passages that quote none of those
   * figures, ascending: what a place's answer can show beside its figures.
   */
  passagesWithout(passages: Uint32Array, stats: Uint32Array): Uint32Array {
    const figures = this.passages();
    return difference(passages, stats.map((at) => figures[at]!).sort());
  }

  /** Of a place's figures (positions), those quoted from one of its passages, in corpus order: a digest cites what it summarises. */
  quotedIn(passages: Uint32Array, stats: Uint32Array): Statistic[] {
    const figures = this.passages();
    const out: Statistic[] = [];
    for (const at of stats) if (holds(passages, figures[at]!)) out.push(this.stats[at]!);
    return out;
  }

  /** Per figure, its passage's position: worked out on first use (the engine's prepare does it). */
  passages(): Uint32Array {
    return (this.passagePositions ??= Uint32Array.from(this.stats, (s) => this.positionOf(s.passage)));
  }
}

/**
 * Per figure, the number of its metric or region (its key's place in the index): a filter
 * tests a typed array rather than reading each figure, which at 250k passages is thousands
 * of objects scattered over the heap.
 */
class KeyNumbers {
  private readonly numbers = new Map<string, number>();
  readonly of: Uint32Array;

  constructor(lists: ReadonlyMap<string, Uint32Array>, size: number) {
    this.of = new Uint32Array(size);
    for (const [key, list] of lists) {
      const number = this.numbers.size;
      this.numbers.set(key, number);
      for (let i = 0; i < list.length; i++) this.of[list[i]!] = number;
    }
  }

  /** A mark per key number, set for the keys given. */
  marks(keys: ReadonlySet<string>): Uint8Array {
    const marked = new Uint8Array(this.numbers.size);
    for (const key of keys) {
      const number = this.numbers.get(key);
      if (number !== undefined) marked[number] = 1;
    }
    return marked;
  }
}
