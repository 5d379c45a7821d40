import type { Statistic } from '../corpus/schema.ts';
import { difference, groupPositions, holds, listsOf, union } from '../search/sorted.ts';

/**
 * The corpus's figures by region and by metric, as positions in corpus.stats. Every
 * answer that chooses figures (/stat, /region, /summary, /ask, Find sources) chooses them
 * here, so a change to how they are chosen reaches all of them.
 */
export class FigureIndex {
  private readonly byMetric: Map<string, Uint32Array>;
  private readonly byRegion: Map<string, Uint32Array>;
  private passagePositions: Uint32Array | undefined;

  constructor(
    private readonly stats: readonly Statistic[],
    /** A figure's passage position, from its passage id. */
    private readonly positionOf: (passageId: string) => number,
  ) {
    this.byMetric = groupPositions(stats, (s) => [s.metric]);
    this.byRegion = groupPositions(stats, (s) => [s.region]);
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
   * The figures for any of the regions and any of the metrics (either may be left out),
   * in corpus order, the first `limit` of them. It walks whichever index lists fewer
   * figures and filters by the other.
   */
  where(
    { regions, metrics }: { regions?: ReadonlySet<string>; metrics?: ReadonlySet<string> },
    limit = Infinity,
  ): Statistic[] {
    const byRegion = regions && listsOf(this.byRegion, regions);
    const byMetric = metrics && listsOf(this.byMetric, metrics);
    const size = (lists: Uint32Array[] | undefined) =>
      lists ? lists.reduce((n, list) => n + list.length, 0) : Infinity;
    const [lists, other] =
      size(byRegion) <= size(byMetric)
        ? [byRegion, metrics && ((s: Statistic) => metrics.has(s.metric))]
        : [byMetric, regions && ((s: Statistic) => regions.has(s.region))];
    const positions = lists ? union(lists, this.stats.length) : undefined;
    const found: Statistic[] = [];
    for (let i = 0; i < (positions?.length ?? this.stats.length) && found.length < limit; i++) {
      const stat = this.stats[positions ? positions[i]! : i]!;
      if (!other || other(stat)) found.push(stat);
    }
    return found;
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
