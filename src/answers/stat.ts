import type { Metric, Statistic } from '../corpus/schema.ts';
import { figureItem } from './cite.ts';
import { firstItems, itemsOf, notFound, refusal, suggest, type Answer, type Suggestion } from './answer.ts';
import { msg, named } from '../messages/message.ts';
import type { Engine } from '../engine/engine.ts';
import { parsePeriod, periodWithin } from '../text/period.ts';
import { regionSuggestions } from './choices.ts';

export interface StatQuery {
  metric: string;
  region?: string | undefined;
  period?: string | undefined;
}

/** The figures for a metric, narrowed by region (with its sub-regions) and period. */
export function statAnswer(engine: Engine, query: StatQuery): Answer {
  const metric = metricNamed(engine, query.metric);
  if ('found' in metric) return metric;
  const all = engine.figures.where({ metrics: new Set([metric.id]) });
  let stats: readonly Statistic[] = all;
  const narrowed: { region?: ReturnType<typeof named>; period?: string } = {};

  if (query.region?.trim()) {
    const region = engine.regions.resolve(query.region);
    if (!region) {
      return notFound(
        msg('noRegionTitle'),
        [msg('noRegion', { name: query.region })],
        regionSuggestions(engine, query.region),
      );
    }
    const { ids } = engine.area(region.target);
    stats = stats.filter((s) => ids.has(s.region));
    narrowed.region = named(region.target);
  }
  if (query.period?.trim()) {
    const period = parsePeriod(query.period);
    if (!period) {
      // A period that cannot be read is bad input, refused to the asker alone like an unknown option.
      return refusal(
        msg('unknownPeriodTitle'),
        [msg('unknownPeriod', { period: query.period })],
        [suggest(msg('allFigures', { metric: named(metric) }), 'stat', { metric: metric.id })],
      );
    }
    stats = stats.filter((s) => periodWithin(s.period, period));
    narrowed.period = period;
  }

  const title = msg('statTitle', { metric: named(metric), ...narrowed });
  if (stats.length === 0) {
    const what = all.length
      ? msg('noFigureFor', { metric: named(metric), ...narrowed })
      : msg('noFigureYet', { metric: named(metric) });
    return notFound(title, [what], all.slice(0, 5).map(toSuggestion(engine)));
  }
  return {
    found: true,
    title,
    lead: [],
    ...firstItems(itemsOf(stats, (s) => ({ kind: 'figure', ...figureItem(engine, s) }))),
    suggestions: [],
  };
}

/** The metric a member typed, or the refusal that offers the metrics near it. */
export function metricNamed(engine: Engine, typed: string): Metric | Answer {
  const match = engine.metrics.resolve(typed);
  return match
    ? match.target
    : notFound(msg('noMetricTitle'), [msg('noMetric', { metric: typed })], metricSuggestions(engine, typed));
}

/** Metrics near the query, only those with figures: a suggestion must lead somewhere. */
export function metricSuggestions(engine: Engine, query: string): Suggestion[] {
  const near = engine.metrics
    .search(query, 10)
    .map((m) => m.target)
    .filter((m) => engine.figures.measures(m.id));
  const list = near.length ? near : engine.corpus.gazetteer.metrics.filter((m) => engine.figures.measures(m.id));
  return list.slice(0, 5).map((m) => suggest(msg('name', { of: named(m) }), 'stat', { metric: m.id }));
}

function toSuggestion(engine: Engine) {
  return (s: Statistic): Suggestion => {
    const figure = { metric: named(engine.metric(s.metric)), region: named(engine.region(s.region)), period: s.period };
    return suggest(msg('figureSuggestion', figure), 'stat', {
      metric: s.metric,
      region: s.region,
      ...(s.period ? { period: s.period } : {}),
    });
  };
}
