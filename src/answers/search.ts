import { notFound, suggest, type Answer, type Suggestion } from './answer.ts';
import { msg, named } from '../messages/message.ts';
import type { Engine } from '../engine/engine.ts';
import { understand } from './ask/ask.ts';
import { excerptAround } from './excerpt.ts';
import { terms } from '../text/normalize.ts';
import { cite } from './cite.ts';
import { regionSuggestions } from './choices.ts';

const RESULTS = 5;
const RELATIVE_FLOOR = 0.4;

/** The passages that best match free text, each cited with its most relevant sentences. */
export function searchAnswer(engine: Engine, query: string): Answer {
  const asked = [...new Set(terms(query.slice(0, 2000)))];
  const entities = entitySuggestions(engine, query);
  const result = engine.passages.search(query, RESULTS, RELATIVE_FLOOR);
  const title = msg('searchTitle', { query });
  // A hit on a minority of the query's words is a near miss, not an answer.
  const best = result.hits[0];
  if (!best || best.matched.length < Math.ceil(asked.length / 2)) {
    const near = result.hits.length ? [msg('closestMention', { terms: result.terms })] : [msg('nothingMatches')];
    return notFound(title, near, entities.length ? entities : regionSuggestions(engine, '').slice(0, 3));
  }
  const lead = result.corrections.length
    ? [msg('searchedFor', { corrections: result.corrections.map(({ from, to }) => ({ from, to })) })]
    : [];
  // Passages far below the best one are noise that happens to share a word.
  const strong = result.hits.filter(
    (h) => h.matched.length >= Math.ceil(asked.length / 2) && h.score >= best.score * RELATIVE_FLOOR,
  );
  return {
    found: true,
    title,
    lead,
    items: strong.map((h) => ({
      kind: 'passage',
      citation: cite(engine, h.passage, excerptAround(h.passage.text, h.matched)),
    })),
    suggestions: entities,
  };
}

/**
 * When the query names regions or metrics, the commands that answer them directly. The
 * names are found as /ask finds them in a question, by their words: fuzzy-matching the
 * whole query against every name in the gazetteer cost more than the search itself.
 */
function entitySuggestions(engine: Engine, query: string): Suggestion[] {
  const q = understand(engine, query);
  return [
    ...q.regions.slice(0, 2).map((r) => suggest(msg('name', { of: named(r) }), 'region', { name: r.id })),
    ...q.metrics
      .filter((m) => engine.figures.measures(m.id))
      .slice(0, 2)
      .map((m) => suggest(msg('name', { of: named(m) }), 'stat', { metric: m.id })),
  ];
}
