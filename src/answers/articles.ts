import { firstItems, itemsOf, suggest, type Answer } from './answer.ts';
import { msg } from '../messages/message.ts';
import type { Engine } from '../engine/engine.ts';
import { firstSentence } from './excerpt.ts';
import { cite } from './cite.ts';

/** Every article in the corpus, each cited by its opening passage. */
export function articlesAnswer(engine: Engine): Answer {
  const { articles } = engine.corpus;
  return {
    found: true,
    title: msg('articlesTitle', { count: articles.length }),
    lead: [],
    ...firstItems(
      itemsOf(articles, (a) => ({
        kind: 'passage',
        heading: msg('articleHeading', {
          title: a.title,
          id: a.id,
          passages: a.passages.length,
          figures: a.stats.length,
          translation: a.translation,
          from: a.translatedFrom,
        }),
        citation: cite(engine, a.passages[0]!, firstSentence(a.passages[0]!.text)),
      })),
    ),
    suggestions: articles.slice(0, 3).map((a) => suggest(msg('summaryOf', { id: a.id }), 'summary', { target: a.id })),
  };
}
