import type { Metric, Region, Statistic } from '../corpus/schema.ts';
import type { Engine } from '../engine/engine.ts';
import { monthRange, parsePeriod, periodWithin } from '../text/period.ts';
import { msg, named, type Message, type Named } from '../messages/message.ts';
import { figureItem } from './cite.ts';
import { regionSuggestions } from './choices.ts';
import { metricNamed } from './stat.ts';
import { notFound, suggest, type Answer, type AnswerItem, type Comparison, type Suggestion } from './answer.ts';

/** Places or periods a comparison takes at most: a table that still reads at a glance. */
export const MAX_COMPARED = 5;

/** Figures a row shows at most: more than one only when the articles disagree about one place and period. */
const PER_ROW = 3;

export interface CompareQuery {
  metric: string;
  /** "jiangsu,shanghai": two to five places, or one with several periods. */
  regions?: string | undefined;
  /** "2023,2024": two to five periods, or one that every place's figure must fall within. */
  periods?: string | undefined;
}

/** One metric for two to five places or periods, side by side; a place or period with no figure is named as missing. */
export function compareAnswer(engine: Engine, query: CompareQuery): Answer {
  const metric = metricNamed(engine, query.metric);
  if ('found' in metric) return metric;
  const typedPlaces = listOf(query.regions);
  const typedPeriods = listOf(query.periods);
  const title = (places: Region[] = [], periods: string[] = []) =>
    msg('compareTitle', { metric: named(metric), places: places.map(named), periods });
  const refuse = (why: Message, places?: Region[], periods?: string[]) =>
    notFound(title(places, periods), [why], [exampleComparison(engine, metric)]);
  // Counted before anything is looked up: a pasted list of a thousand names costs nothing.
  const count = Math.max(typedPlaces.length, typedPeriods.length);
  if (count > MAX_COMPARED) return refuse(msg('compareTooMany', { count, most: MAX_COMPARED }));
  const places: Region[] = [];
  for (const name of typedPlaces) {
    const region = engine.regions.resolve(name)?.target;
    if (!region) return notFound(msg('noRegionTitle'), [msg('noRegion', { name })], regionSuggestions(engine, name));
    if (!places.includes(region)) places.push(region);
  }
  const periods: string[] = [];
  for (const typed of typedPeriods) {
    const period = parsePeriod(typed);
    if (!period) return notFound(msg('unknownPeriodTitle'), [msg('unknownPeriod', { period: typed })]);
    if (!periods.includes(period)) periods.push(period);
  }
  if (places.length > 1 && periods.length > 1) return refuse(msg('compareOneAxis'), places, periods);
  if (places.length < 2 && periods.length < 2) return refuse(msg('compareNeedsTwo'), places, periods);
  return places.length > 1
    ? byPlace(engine, metric, places, periods[0], title(places, periods))
    : byPeriod(engine, metric, places[0], periods, title(places, periods));
}

/** Each place's own figure (a city's GDP is not its province's), within the period when one is given. */
function byPlace(engine: Engine, metric: Metric, places: Region[], period: string | undefined, title: Message): Answer {
  const area = engine.area(...places);
  const stats = engine.figures
    .where({ metrics: new Set([metric.id]), area })
    .filter((s) => !period || periodWithin(s.period, period));
  const candidates = places.map((place) => stats.filter((s) => s.region === place.id));
  const picked = comparable(candidates);
  const lead: Message[] = [];
  const missing = places.filter((_, at) => !picked[at]!.length);
  if (missing.length) lead.push(msg('compareMissing', { regions: missing.map(named) }));
  const suggestions: Suggestion[] = [];
  for (const place of missing) {
    // Figures for places within it are close, not its own: named, never put in its row.
    const inside = new Set(engine.area(place).ids);
    const near = stats.find((s) => s.region !== place.id && inside.has(s.region));
    if (!near) continue;
    const region = engine.region(near.region);
    lead.push(msg('closeWithin', { region: named(place), within: named(region) }));
    suggestions.push(
      suggest(msg('figuresFor', { region: named(region) }), 'stat', { metric: metric.id, region: region.id }),
    );
  }
  return tabled(engine, {
    by: 'place',
    title,
    lead,
    rows: places.map((p) => ({ region: named(p) })),
    picked,
    candidates,
    suggestions,
    more: (at) => ({ metric: metric.id, region: places[at]!.id, ...(period ? { period } : {}) }),
  });
}

/**
 * One place's figure for each period. With no place named, the place the articles give the
 * most of these periods for, said so in the lead.
 */
function byPeriod(
  engine: Engine,
  metric: Metric,
  place: Region | undefined,
  periods: string[],
  title: Message,
): Answer {
  const all = engine.figures.where({
    metrics: new Set([metric.id]),
    ...(place ? { area: engine.area(place) } : {}),
  });
  const region = place ?? mostCovering(engine, all, periods);
  const stats = region ? all.filter((s) => s.region === region.id) : [];
  // A figure for exactly the period asked comes before one for a part of it (Q1 of the year asked).
  const candidates = periods.map((p) => stats.filter((s) => periodWithin(s.period, p)));
  const picked = comparable(candidates, (s, at) => s.period === periods[at]);
  const lead: Message[] = [];
  if (region && !place) lead.push(msg('comparedIn', { region: named(region) }));
  const missing = periods.filter((_, at) => !picked[at]!.length);
  if (missing.length) lead.push(msg('compareMissingPeriods', { periods: missing }));
  return tabled(engine, {
    by: 'period',
    title: region ? msg('compareTitle', { metric: named(metric), places: [named(region)], periods }) : title,
    lead,
    rows: periods.map((period) => ({ period })),
    picked,
    candidates,
    suggestions: [],
    more: (at) => ({ metric: metric.id, ...(region ? { region: region.id } : {}), period: periods[at]! }),
  });
}

interface Table {
  by: Comparison['by'];
  title: Message;
  lead: Message[];
  /** What each row is: a place, or a period. */
  rows: { region?: Named; period?: string }[];
  picked: Statistic[][];
  candidates: Statistic[][];
  suggestions: Suggestion[];
  /** The /stat options that list every figure of a row. */
  more: (at: number) => Record<string, string>;
}

function tabled(engine: Engine, table: Table): Answer {
  const { picked, candidates } = table;
  if (picked.every((row) => !row.length)) {
    const metric = table.more(0).metric!;
    const all = suggest(msg('allFigures', { metric: named(engine.metric(metric)) }), 'stat', { metric });
    return notFound(table.title, table.lead, [...table.suggestions, all].slice(0, 4));
  }
  const items: AnswerItem[] = [];
  const rows = picked.map((row, at) => ({
    label: labelOf(table.rows[at]!),
    figures: row.map((s) => items.push({ kind: 'figure', ...figureItem(engine, s) }) - 1),
  }));
  const { ranks, unranked } = ranking(picked, table.by === 'place' ? (s) => s.period ?? '' : periodLength);
  const lead = [...table.lead, ...(unranked ? [msg('notRanked', { why: unranked })] : [])];
  // A row whose figures are not all shown: /stat lists the rest.
  const more = picked.flatMap((row, at) =>
    row.length && candidates[at]!.length > row.length
      ? [suggest(msg('allFiguresOf', table.rows[at]!), 'stat', table.more(at))]
      : [],
  );
  return {
    found: true,
    title: table.title,
    lead,
    items,
    suggestions: [...table.suggestions, ...more].slice(0, 4),
    comparison: {
      by: table.by,
      rows: rows.map((row, at) => (ranks[at] ? { ...row, rank: ranks[at] } : row)),
      ...(unranked ? { unranked } : {}),
    },
  };
}

function labelOf(row: { region?: Named; period?: string }): Message {
  return row.region ? msg('name', { of: row.region }) : msg('periodName', { period: row.period ?? '' });
}

/**
 * Of each row's candidate figures, the one to compare: in the unit most rows have, then
 * (`exact`) the one that is exactly what the row asks, then in the period most rows have,
 * then the latest; with it, any others of that unit and period that give a different
 * number, so that a disagreement between articles is shown rather than settled by order.
 * Shared by /compare and /ask's "compare X and Y".
 */
export function comparable(
  rows: readonly (readonly Statistic[])[],
  exact: (s: Statistic, row: number) => boolean = () => false,
): Statistic[][] {
  const unit = mostShared(rows, (s) => s.unit);
  const period = mostShared(
    rows.map((r) => r.filter((s) => s.unit === unit)),
    (s) => s.period ?? '',
  );
  return rows.map((candidates, at) => {
    const score = (s: Statistic) => [
      s.unit === unit ? 1 : 0,
      exact(s, at) ? 1 : 0,
      (s.period ?? '') === period ? 1 : 0,
      monthRange(s.period ?? '')?.[1] ?? -1,
    ];
    const ordered = [...candidates].sort((a, b) => compareScores(score(b), score(a)));
    const best = ordered[0];
    if (!best) return [];
    const shown = [best];
    for (const s of ordered) {
      const alike = s.unit === best.unit && s.period === best.period && s.qualifier === best.qualifier;
      if (alike && !shown.some((t) => t.value === s.value)) shown.push(s);
    }
    return shown.slice(0, PER_ROW);
  });
}

/**
 * Ranks (1 the highest, ties sharing one) when every row's figure measures the same thing:
 * one unit, alike periods (`periodOf` the same), one figure a row. Otherwise why not.
 */
export function ranking(
  rows: readonly (readonly Statistic[])[],
  periodOf: (s: Statistic) => string,
  measure: (s: Statistic) => { value: number; unit: string } = (s) => s,
): { ranks: (number | undefined)[]; unranked?: NonNullable<Comparison['unranked']> } {
  const shown = rows.filter((r) => r.length);
  if (shown.length < 2) return { ranks: [] };
  if (shown.some((r) => r.length > 1)) return { ranks: [], unranked: 'conflict' };
  const firsts = shown.map((r) => r[0]!);
  if (new Set(firsts.map((s) => measure(s).unit)).size > 1) return { ranks: [], unranked: 'units' };
  if (new Set(firsts.map(periodOf)).size > 1) return { ranks: [], unranked: 'periods' };
  const values = firsts.map((s) => measure(s).value);
  return {
    ranks: rows.map((r) => (r.length ? 1 + values.filter((v) => v > measure(r[0]!).value).length : undefined)),
  };
}

/** How many months a period spans: rows of periods rank only when they are alike (quarters with quarters). */
function periodLength(s: Statistic): string {
  const range = monthRange(s.period ?? '');
  return range ? String(range[1] - range[0]) : '';
}

/** The key most rows have at least one figure with; among as many, the latest period, else the first seen. */
function mostShared(rows: readonly (readonly Statistic[])[], key: (s: Statistic) => string): string | undefined {
  const count = new Map<string, number>();
  for (const row of rows) for (const k of new Set(row.map(key))) count.set(k, (count.get(k) ?? 0) + 1);
  let best: string | undefined;
  for (const [k, n] of count) {
    const m = best === undefined ? -1 : count.get(best)!;
    const later = (monthRange(k)?.[1] ?? -1) > (monthRange(best ?? '')?.[1] ?? -1);
    if (n > m || (n === m && later)) best = k;
  }
  return best;
}

/** The place whose figures fall within the most of the periods, the first in corpus order among as many. */
function mostCovering(engine: Engine, stats: readonly Statistic[], periods: readonly string[]): Region | undefined {
  const covered = new Map<string, number>();
  for (const id of new Set(stats.map((s) => s.region))) {
    const own = stats.filter((s) => s.region === id);
    covered.set(id, periods.filter((p) => own.some((s) => periodWithin(s.period, p))).length);
  }
  let best: string | undefined;
  for (const [id, n] of covered) if (n > 0 && (best === undefined || n > covered.get(best)!)) best = id;
  return best ? engine.region(best) : undefined;
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** "jiangsu, shanghai", "江苏、上海", "2023;2024": a list typed in one option. */
function listOf(typed: string | undefined): string[] {
  return (typed ?? '')
    .split(/[,，、;；]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** A comparison that leads somewhere: the metric for the most covered places. */
function exampleComparison(engine: Engine, metric: Metric): Suggestion {
  const places = engine
    .coveredRegions()
    .slice(0, 2)
    .map((r) => r.id);
  return suggest(msg('compareExample', { metric: named(metric) }), 'compare', {
    metric: metric.id,
    regions: places.join(','),
  });
}
