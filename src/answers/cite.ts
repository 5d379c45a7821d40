import type { Passage, Statistic } from '../corpus/schema.ts';
import type { Engine } from '../engine/engine.ts';
import type { Citation, Figure } from './answer.ts';

/** A passage, or the excerpt of it an answer shows, with what a reader needs to find and check it. */
export function cite(engine: Engine, passage: Passage, excerpt?: string): Citation {
  const article = engine.articleOf(passage);
  // Read once: a passage's text is decoded from the corpus's text store on every read.
  const text = passage.text;
  const shown = excerpt ?? text;
  return {
    article: article.id,
    articleTitle: article.title,
    outlet: article.outlet,
    published: article.published,
    ...(article.url ? { url: article.url } : {}),
    paragraph: passage.paragraph,
    passage: passage.id,
    excerpt: shown,
    partial: shown !== text,
  };
}

/** A statistic as an answer shows it, with the quote it was read from. */
export function figureItem(engine: Engine, stat: Statistic): { figure: Figure; citation: Citation } {
  const region = engine.region(stat.region);
  const metric = engine.metric(stat.metric);
  const figure: Figure = {
    statistic: stat.id,
    metric: stat.metric,
    metricName: metric.name,
    ...(metric.zh ? { metricZh: metric.zh } : {}),
    label: stat.label,
    value: stat.value,
    written: stat.written,
    unit: stat.unit,
    region: region.id,
    regionName: region.name,
    ...(region.zh ? { regionZh: region.zh } : {}),
    ...(stat.qualifier ? { qualifier: stat.qualifier } : {}),
    ...(stat.period ? { period: stat.period } : {}),
    ...(stat.change ? { change: stat.change } : {}),
  };
  return { figure, citation: cite(engine, engine.corpus.passageById.get(stat.passage)!, stat.quote) };
}
