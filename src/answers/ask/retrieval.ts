import type { Passage, Statistic } from '../../corpus/schema.ts';
import { notFound, suggest, type Answer, type AnswerItem } from '../answer.ts';
import { msg, verbatim, type Message } from '../../messages/message.ts';
import type { Engine } from '../../engine/engine.ts';
import { cite, figureItem } from '../cite.ts';
import { regionSuggestions } from '../choices.ts';
import { excerptAround } from '../excerpt.ts';
import type { Question } from './question.ts';
import { readQuery, type Concept, type Query } from './query.ts';
import { fit, resolveAsked, spanOfPeriod, spansInText, type PeriodFit, type Span } from '../../text/span.ts';
import { holds } from '../../search/sorted.ts';
import { terms } from '../../text/normalize.ts';
import { speaksOfAim } from '../../text/aims.ts';

/**
 * The share of a question's concepts (weighted by how telling each is) a passage must
 * hold to be offered as its answer. Chosen by a hand sweep (0.4–0.7) of `npm run eval:shared`
 * on the shared development set, checked against `npm run eval` (README, "How /ask decides").
 */
export const ANSWER_SCORE = 0.5;

/** Passages ranked for a question before they are read closely. */
const CANDIDATES = 30;
/** Figures an answer shows at most. */
const SHOWN_FIGURES = 3;
const ASK_EXCERPT = 500;

// Each period fit as a factor of a passage's score: a period not said is a weaker match than the one asked.
const PERIOD_FACTOR: Record<PeriodFit, number> = { same: 1, within: 0.97, unknown: 0.8, other: 0 };

export interface Scored {
  passage: Passage;
  position: number;
  score: number;
  coverage: number;
  period: PeriodFit;
  matched: string[];
}

/** The best passages for the question, by concept coverage, with the period fit of each. */
export function rankForQuestion(engine: Engine, query: Query): Scored[] {
  const tagged = query.area?.passages();
  if (tagged && !tagged.length) return [];
  const pool = tagged && articlesOf(engine, tagged);
  const forms = [...new Set(query.concepts.flatMap((c) => [...c.forms.keys()]))];
  if (!forms.length) return [];
  const hits = engine.passages.rank(forms, { limit: CANDIDATES, ...(pool ? { within: pool } : {}) });
  const total = query.concepts.reduce((sum, c) => sum + c.weight, 0);
  return hits
    .map(({ passage, matched }) => {
      const held = new Set(matched);
      const coverage = query.concepts.reduce((sum, c) => sum + c.weight * credit(c, held), 0) / (total || 1);
      let period = query.asked
        ? fit(resolveAsked(query.asked, yearOf(engine, passage)), passageSpans(engine, passage))
        : 'unknown';
      // "The whole of 2024" is not answered by its first quarter.
      if (period === 'within' && query.wholePeriod) period = 'other';
      const number = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|half|third|fold)\b/.test(passage.text);
      const position = engine.positions.of(passage.id);
      // A passage of an article about the place, that does not name it itself ("the province"), is a little less sure.
      // One that names other places is about them.
      const place = !tagged || holds(tagged, position) ? 1 : passage.regions.length ? 0 : 0.9;
      // What "how many …" counts, or what "how much … cost" measures, must be there.
      const measured = query.concepts.find((c) => c.measured);
      const counted = measured && !credit(measured, held) ? 0.5 : 1;
      // A passage whose every figure is a target does not say what happened: close, not the answer.
      // So does one whose figures all measure something else than the metric asked.
      if (
        query.wantsFigure &&
        period !== 'other' &&
        (otherFiguresOnly(engine, query, passage) || (!query.wantsAim && aimsOnly(engine, passage)))
      )
        period = 'other';
      const score =
        coverage *
        place *
        counted *
        (query.asked ? PERIOD_FACTOR[period] : 1) *
        (query.wantsFigure && !number ? 0.7 : 1);
      return { passage, position, score, coverage, period, matched };
    })
    .sort((a, b) => b.score - a.score || b.coverage - a.coverage || a.position - b.position);
}

/**
 * Every passage of the articles that have a passage about the place: articles say
 * "the province" far more often than its name, and each paragraph is tagged only
 * with the places it names.
 */
function articlesOf(engine: Engine, positions: Uint32Array): Uint32Array {
  const out: number[] = [];
  let last: string | undefined;
  for (const at of positions) {
    const article = engine.articleOf(engine.corpus.passages[at]!);
    if (article.id === last) continue;
    last = article.id;
    const first = engine.positions.of(article.passages[0]!.id);
    if (out.length && out[out.length - 1]! >= first) continue;
    for (let i = 0; i < article.passages.length; i++) out.push(first + i);
  }
  return Uint32Array.from(out);
}

function aimsOnly(engine: Engine, passage: Passage): boolean {
  const stats = engine.statsIn(passage);
  return stats.length > 0 && stats.every((s) => speaksOfAim(s.quote));
}

function otherFiguresOnly(engine: Engine, query: Query, passage: Passage): boolean {
  const stats = engine.statsIn(passage);
  if (!query.metrics.size || !stats.length) return false;
  // Ingestion names metrics freely: a figure whose label or metric shares a word of the metric asked is of it.
  return !stats.some(
    (s) =>
      query.metrics.has(s.metric) ||
      terms(`${s.label} ${engine.metric(s.metric).name}`).some((t) => query.metricTerms.has(t)),
  );
}

function credit(concept: Concept, held: ReadonlySet<string>): number {
  let best = 0;
  for (const [form, value] of concept.forms) if (held.has(form) && value > best) best = value;
  return best;
}

function yearOf(engine: Engine, passage: Passage): number {
  return Number(engine.articleOf(passage).published.slice(0, 4));
}

function passageSpans(engine: Engine, passage: Passage): Span[] {
  const year = yearOf(engine, passage);
  return [...engine.statsIn(passage).flatMap((s) => spanOfPeriod(s.period) ?? []), ...spansInText(passage.text, year)];
}

/** A free-form question answered from the passages and figures that best match it, or refused with what is close. */
export function retrievalAnswer(engine: Engine, text: string, q: Question, threshold = ANSWER_SCORE): Answer {
  const query = readQuery(engine, text, q);
  if (query.area && !query.area.passages().length) {
    return notFound(
      verbatim(''),
      [msg('saysNothingAboutAny', { regions: q.regions })],
      regionSuggestions(engine, '').slice(0, 3),
    );
  }
  const ranked = rankForQuestion(engine, query);
  const best = ranked.find((r) => r.period !== 'other');
  if (best && best.score >= threshold) return answerFrom(engine, query, best);
  const near = ranked.find((r) => r.period === 'other' && r.coverage >= threshold);
  const closest = near ?? ranked[0];
  const lead = near ? [msg('notAnswered'), describeNear(engine, near)] : [msg('notAnswered')];
  return notFound(
    verbatim(''),
    lead,
    closest ? [suggest(msg('closestPassage'), 'source', { id: closest.passage.id })] : [],
  );
}

function describeNear(engine: Engine, near: Scored): Message {
  const article = engine.articleOf(near.passage);
  const periods = [...new Set(engine.statsIn(near.passage).flatMap((s) => (s.period ? [s.period] : [])))];
  return msg('closeButNot', { title: article.title, periods });
}

function answerFrom(engine: Engine, query: Query, best: Scored): Answer {
  const items: AnswerItem[] = [];
  const figures = query.wantsFigure ? figuresFor(engine, query, best) : [];
  for (const stat of figures) items.push({ kind: 'figure', ...figureItem(engine, stat) });
  // The passage itself when no figure says it all: its sentence holds what was matched.
  const quoted = new Set(figures.flatMap((s) => terms(s.quote)));
  if (!figures.length || best.matched.some((t) => !quoted.has(t))) {
    items.push({
      kind: 'passage',
      citation: cite(engine, best.passage, excerptAround(best.passage.text, best.matched, ASK_EXCERPT)),
    });
  }
  return { found: true, title: verbatim(''), lead: [], items, suggestions: [] };
}

/** The figures of the chosen passage that best fit the question's concepts, period and wish for a change. */
function figuresFor(engine: Engine, query: Query, best: Scored): Statistic[] {
  const year = yearOf(engine, best.passage);
  const total = query.concepts.reduce((sum, c) => sum + c.weight, 0) || 1;
  const scored = engine.statsIn(best.passage).map((stat) => {
    const metric = engine.metric(stat.metric);
    const own = new Set(terms(`${stat.label} ${metric.name} ${metric.synonyms.join(' ')} ${stat.unit} ${stat.quote}`));
    let score = query.concepts.reduce((sum, c) => sum + c.weight * credit(c, own), 0) / total;
    const isChange =
      /%|percent|percentage|times|fold/.test(stat.unit) ||
      /\b(up|grew|growth|rose|increase|decrease|down)\b/.test(stat.quote.toLowerCase());
    if (query.wantsChange) score += isChange || stat.change ? 0.2 : 0;
    else score += isChange && !stat.change ? 0 : 0.1;
    if (query.area?.ids.has(stat.region)) score += 0.1;
    if (query.asked) {
      const period = fit(resolveAsked(query.asked, year), [
        ...(spanOfPeriod(stat.period) ? [spanOfPeriod(stat.period)!] : []),
        ...spansInText(stat.quote, year),
      ]);
      score += period === 'same' ? 0.2 : period === 'within' ? 0.1 : period === 'other' ? -0.5 : 0;
    }
    return { stat, score };
  });
  const top = Math.max(...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score >= top - 0.05 && s.score > 0.3)
    .slice(0, SHOWN_FIGURES)
    .map((s) => s.stat);
}
