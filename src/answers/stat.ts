import type { Statistic } from '../corpus/schema.ts';
import { figureItem } from './cite.ts';
import { firstItems, itemsOf, notFound, type Answer, type Suggestion } from './answer.ts';
import type { Engine } from '../engine/engine.ts';
import { describePeriod, parsePeriod, periodWithin } from '../text/period.ts';
import { regionSuggestions } from './choices.ts';

export interface StatQuery {
  metric: string;
  region?: string | undefined;
  period?: string | undefined;
}

/** The figures for a metric, narrowed by region (with its sub-regions) and period. */
export function statAnswer(engine: Engine, query: StatQuery): Answer {
  const metricMatch = engine.metrics.resolve(query.metric);
  if (!metricMatch) {
    return notFound('No such metric', [`The corpus has no metric called “${query.metric}”.`], metricSuggestions(engine, query.metric));
  }
  const metric = metricMatch.target;
  const all = engine.figures.where({ metrics: new Set([metric.id]) });
  let stats: readonly Statistic[] = all;
  const narrowed: string[] = [];

  if (query.region?.trim()) {
    const region = engine.regions.resolve(query.region);
    if (!region) {
      return notFound('No such region', [`No region in the corpus is called “${query.region}”.`], regionSuggestions(engine, query.region));
    }
    const { ids } = engine.area(region.target);
    stats = stats.filter((s) => ids.has(s.region));
    narrowed.push(region.target.name);
  }
  if (query.period?.trim()) {
    const period = parsePeriod(query.period);
    if (!period) {
      return notFound('Unknown period', [`“${query.period}” is not a period I can read. Try 2024, Q1 2024 or 2024-05.`], [
        { label: `All ${metric.name} figures`, command: `/stat ${metric.id}` },
      ]);
    }
    stats = stats.filter((s) => periodWithin(s.period, period));
    narrowed.push(describePeriod(period));
  }

  const title = [metric.name, ...narrowed].join(' · ');
  if (stats.length === 0) {
    const what = all.length ? `The corpus has no ${metric.name} figure for ${narrowed.join(', ')}.` : `The corpus has no ${metric.name} figure yet.`;
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

/** Metrics near the query, only those with figures: a suggestion must lead somewhere. */
export function metricSuggestions(engine: Engine, query: string): Suggestion[] {
  const near = engine.metrics.search(query, 10).map((m) => m.target).filter((m) => engine.figures.measures(m.id));
  const list = near.length ? near : engine.corpus.gazetteer.metrics.filter((m) => engine.figures.measures(m.id));
  return list.slice(0, 5).map((m) => ({ label: m.name, command: `/stat ${m.id}` }));
}

function toSuggestion(engine: Engine) {
  return (s: Statistic): Suggestion => {
    const where = engine.region(s.region).name;
    return {
      label: `${engine.metric(s.metric).name}, ${where}${s.period ? `, ${describePeriod(s.period)}` : ''}`,
      command: `/stat ${s.metric} region:${s.region}${s.period ? ` period:${s.period}` : ''}`,
    };
  };
}
