import { parseWrittenNumber } from '../text/numbers.ts';
import type { Statistic } from '../corpus/schema.ts';
import { firstItems, itemsOf, notFound, type Answer, type AnswerItem } from './answer.ts';
import { msg, type Message } from '../messages/message.ts';
import { understand } from './ask/ask.ts';
import type { Area, Engine } from '../engine/engine.ts';
import { excerptAround } from './excerpt.ts';
import { terms } from '../text/normalize.ts';
import { cite, figureItem } from './cite.ts';
import { regionSuggestions } from './choices.ts';

const MAX_CLAIM = 2000;
/** A passage bears on a claim when it holds at least this share of the claim's words. */
const BEARING = 0.5;

/**
 * The corpus's evidence on a claim made in chat: the figures for what it names (and
 * whether its numbers agree with them) and the passages that bear on it, each cited.
 */
export function findSources(engine: Engine, message: string): Answer {
  const claim = message.slice(0, MAX_CLAIM).trim();
  const title = msg('sourcesFor', { claim: claim.length > 120 ? `${claim.slice(0, 119)}…` : claim });
  if (!claim) return notFound(msg('nothingToCheckTitle'), [msg('nothingToCheck')]);
  const q = understand(engine, claim);
  const claimed = numbersIn(claim);
  const lead: Message[] = [];

  const figures = relevantFigures(
    engine,
    q.metrics.map((m) => m.id),
    q.regions.length ? engine.area(...q.regions) : undefined,
  );
  if (figures.length && claimed.length) {
    const agrees = figures.some((s) =>
      claimed.some((n) => close(n, s.value) || (s.change && close(n, s.change.value))),
    );
    lead.push(msg(agrees ? 'numberMatches' : 'numbersDiffer'));
  }

  const quoted = new Set(figures.map((s) => s.passage));
  const result = engine.passages.search(claim, 5);
  const words = Math.max(1, new Set(terms(claim)).size);
  const passages: AnswerItem[] = result.hits
    .filter((h) => !quoted.has(h.passage.id) && h.matched.length / words >= BEARING)
    .slice(0, 3)
    .map((h) => ({ kind: 'passage', citation: cite(engine, h.passage, excerptAround(h.passage.text, h.matched)) }));

  if (!figures.length && !passages.length) {
    return notFound(title, [msg('nothingBears')], regionSuggestions(engine, '').slice(0, 3));
  }
  // A metric named without a place has thousands of figures at a large corpus: items for the first few, a count of the rest.
  const { items, more } = firstItems(
    itemsOf(figures, (s) => ({ kind: 'figure', ...figureItem(engine, s) })),
    itemsOf(passages, (p) => p),
  );
  return { found: true, title, lead, items, more, suggestions: [] };
}

function relevantFigures(engine: Engine, metrics: string[], area: Area | undefined): Statistic[] {
  if (!metrics.length) return [];
  return engine.figures.where({ metrics: new Set(metrics), area });
}

/** Every number in a text, read as the corpus writes values: "3.1 trillion" → 3.1e12, "8%" → 8. */
function numbersIn(text: string): number[] {
  const found = text.match(/\d[\d,]*(\.\d+)?\s*(thousand|million|billion|trillion)?/gi) ?? [];
  return found.flatMap((w) => {
    const n = parseWrittenNumber(w);
    return n === undefined || /^(19|20)\d{2}$/.test(w.trim()) ? [] : [n];
  });
}

/** Equal as people round: 3.1 trillion is 3.1 trillion, 6.2% is 6.2. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(b) * 0.005, 1e-9);
}
