import type { Article, Passage, Statistic } from '../corpus/schema.ts';
import { firstItems, itemsOf, notFound, suggest, type Answer } from './answer.ts';
import { msg, named, namedPerson, type Message } from '../messages/message.ts';
import type { Engine } from '../engine/engine.ts';
import { excerptAround } from './excerpt.ts';
import { describeRegion } from './region.ts';
import { cite, figureItem } from './cite.ts';
import { regionSuggestions, choices } from './choices.ts';

/** A digest for posting in a channel: key figures, key quotes and regions of an article or a region. */
export function summaryAnswer(engine: Engine, target: string): Answer {
  const article = engine.corpus.articleById.get(target.trim());
  if (article) return articleDigest(engine, article);
  const region = engine.regions.resolve(target);
  if (region) {
    const area = engine.area(region.target);
    const positions = area.passages();
    if (positions.length === 0) {
      return notFound(
        msg('summaryOfRegion', { region: named(region.target) }),
        [msg('notCovered', { region: named(region.target) })],
        regionSuggestions(engine, ''),
      );
    }
    // A province holds thousands of passages: only those that quote someone are taken out.
    const quotes: Passage[] = [];
    for (const at of positions) if (engine.corpus.passages[at]!.speaker) quotes.push(engine.corpus.passages[at]!);
    const figures = engine.figures.quotedIn(positions, area.stats());
    return digest(
      engine,
      msg('summaryOfRegion', { region: named(region.target) }),
      [describeRegion(engine, region.target)],
      quotes,
      figures,
    );
  }
  return notFound(
    msg('nothingToSummariseTitle'),
    [msg('nothingToSummarise', { target })],
    summaryTargets(engine, target)
      .slice(0, 5)
      .map((c) => suggest(c.label, 'summary', { target: c.value })),
  );
}

/**
 * An article's digest: outlet, date, regions, then its figures and quotes. `short`: at
 * most that many figures, in the order the article gives them (its main ones lead), and
 * no quotes, as posted when a reload adds the article.
 */
export function articleDigest(engine: Engine, article: Article, short?: { figures: number }): Answer {
  const regions = [...new Set(article.passages.flatMap((p) => p.regions))].map((id) => named(engine.region(id)));
  const lead = [
    msg('outletAndDate', {
      outlet: article.outlet,
      published: article.published,
      translation: article.translation,
      from: article.translatedFrom,
    }),
    msg('regionsOf', { regions }),
  ];
  const title = msg('summaryOfArticle', { title: article.title });
  if (short) {
    const answer = digest(engine, title, lead, [], article.stats.slice(0, short.figures));
    return { ...answer, more: Math.max(0, article.stats.length - short.figures) };
  }
  return digest(
    engine,
    title,
    lead,
    article.passages.filter((p) => p.speaker),
    article.stats,
  );
}

/** `quotes`: passages with a speaker. */
function digest(
  engine: Engine,
  title: Message,
  lead: Message[],
  quotes: readonly Passage[],
  figures: readonly Statistic[],
): Answer {
  const { items, more } = firstItems(
    itemsOf(figures, (s) => ({ kind: 'figure', ...figureItem(engine, s) })),
    itemsOf(quotes, (p) => {
      const speaker = engine.person(p.speaker!);
      return {
        kind: 'passage',
        heading: msg('personWithRole', { person: namedPerson(speaker) }),
        citation: cite(engine, p, excerptAround(p.text, [], 300)),
      };
    }),
  );
  return { found: true, title, lead, items, more, suggestions: [] };
}

/** What /summary can digest that matches a query: articles by id or title, then covered regions. */
export function summaryTargets(engine: Engine, query: string): { label: Message; value: string }[] {
  const articles = engine
    .articlesLabelled(query.trim().toLowerCase(), 25)
    .map((a) => ({ label: msg('articleChoice', { title: a.title }), value: a.id }));
  const regions = choices(engine.regions, engine.coveredRegions(), query).map((c) => ({
    label: msg('regionChoice', { name: c.name }),
    value: c.value,
  }));
  return [...articles, ...regions].slice(0, 25);
}
