import type { Answer, Citation, Figure } from '../../answers/answer.ts';
import type { Locale } from '../../messages/message.ts';
import { words } from '../../messages/words.ts';
import { monthRange } from '../../text/period.ts';
import { cut } from '../limits.ts';

/** A figure with the citation it came from: what a chart is drawn from. */
export interface Charted {
  figure: Figure;
  citation: Citation;
}

export interface ChartPoint {
  label: string;
  value: number;
  /** The number as the article writes it, with its qualifier. */
  written: string;
}

/** A chart as data, worded for its locale: svg.ts draws it, with no wording of its own. */
export interface Chart {
  /** Bars compare places (or places and periods); a line follows one place through periods. */
  kind: 'bars' | 'line';
  title: string;
  /** Set when there were more figures than a chart can show. */
  subtitle?: string;
  points: ChartPoint[];
  source: string;
  /** The attachment's description (Discord's alt text: at most 1,024 characters). */
  alt: string;
}

/** The figures of an answer, each with its citation. */
export function figuresOf(answer: Answer): Charted[] {
  return answer.items.flatMap((item) => (item.kind === 'figure' ? [item] : []));
}

/** Past this many bars the labels no longer read; the subtitle says how many were left out. */
export const MAX_POINTS = 12;
const ALT_MAX = 1024;

/**
 * The chart for a list of figures, when two or more share a metric and a unit (figures
 * in different units cannot share an axis): the largest such group, in the answer's
 * order. Undefined when no two figures are comparable.
 */
export function chartOf(items: readonly Charted[], locale: Locale): Chart | undefined {
  const group = largestGroup(items);
  if (group.length < 2) return undefined;
  const { figure: first } = group[0]!;
  const kind = isTimeSeries(group) ? 'line' : 'bars';
  const ordered = kind === 'line' ? [...group].sort((a, b) => periodStart(a.figure) - periodStart(b.figure)) : group;
  const shown = ordered.slice(0, MAX_POINTS);
  const samePeriod = new Set(shown.map((c) => c.figure.period)).size === 1;
  const sameRegion = new Set(shown.map((c) => c.figure.region)).size === 1;
  const points = shown.map(({ figure }) => ({
    label: words(locale, {
      key: 'chartLabel',
      args: {
        ...(kind === 'bars' || !sameRegion ? { region: { name: figure.regionName, zh: figure.regionZh } } : {}),
        ...((kind === 'line' || !samePeriod) && figure.period ? { period: figure.period } : {}),
      },
    }),
    value: figure.value,
    written: words(locale, { key: 'chartValue', args: { qualifier: figure.qualifier, written: figure.written } }),
  }));
  const metric = { name: first.metricName, zh: first.metricZh };
  const sources = distinct(shown.map(({ citation }) => ({ outlet: citation.outlet, published: citation.published })));
  const alt = words(locale, {
    key: 'chartAlt',
    args: { kind, metric, unit: first.unit, points: points.map((p) => ({ label: p.label, value: p.written })) },
  });
  return {
    kind,
    title: words(locale, { key: 'chartTitle', args: { metric, unit: first.unit } }),
    ...(group.length > shown.length
      ? { subtitle: words(locale, { key: 'chartShown', args: { shown: shown.length, total: group.length } }) }
      : {}),
    points,
    source: words(locale, { key: 'chartSource', args: { sources } }),
    alt: cut(alt, ALT_MAX),
  };
}

function largestGroup(items: readonly Charted[]): Charted[] {
  const groups = new Map<string, Charted[]>();
  for (const item of items) {
    if (!Number.isFinite(item.figure.value)) continue;
    const key = `${item.figure.metric}\u0000${item.figure.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  // The first group of the largest size: the answer's own order breaks ties.
  return [...groups.values()].reduce<Charted[]>((best, g) => (g.length > best.length ? g : best), []);
}

/** One place, every figure with a distinct period the notation can place in time. */
function isTimeSeries(group: readonly Charted[]): boolean {
  const periods = group.map((c) => c.figure.period);
  return (
    new Set(group.map((c) => c.figure.region)).size === 1 &&
    periods.every((p) => p !== undefined && monthRange(p) !== undefined) &&
    new Set(periods).size === periods.length
  );
}

function periodStart(figure: Figure): number {
  return monthRange(figure.period!)![0];
}

function distinct<T>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const key = JSON.stringify(x);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
