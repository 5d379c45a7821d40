import { firstItems, itemsOf, type Answer } from './answer.ts';
import type { Engine } from '../engine/engine.ts';
import { firstSentence } from './excerpt.ts';
import { cite } from './cite.ts';

/** Every article in the corpus, each cited by its opening passage. */
export function articlesAnswer(engine: Engine): Answer {
  const { articles } = engine.corpus;
  return {
    found: true,
    title: `Articles in the corpus (${articles.length})`,
    lead: [],
    ...firstItems(
      itemsOf(articles, (a) => ({
        kind: 'passage',
        heading: `${a.title} · id ${a.id} · ${a.passages.length} passages, ${a.stats.length} figures${a.translation ? ` · ${a.translation}-translated from ${a.translatedFrom ?? 'another language'}` : ''}`,
        citation: cite(engine, a.passages[0]!, firstSentence(a.passages[0]!.text)),
      })),
    ),
    suggestions: articles.slice(0, 3).map((a) => ({ label: `Summary of ${a.id}`, command: `/summary ${a.id}` })),
  };
}
