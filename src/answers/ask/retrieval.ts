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
import type { PassageHit } from '../../search/passage-index.ts';
import { terms } from '../../text/normalize.ts';
import { speaksOfAim } from '../../text/aims.ts';
import { memo } from '../../text/memo.ts';

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
// A figure question answered by a passage that states no quantity at all is a weak match.
const NO_NUMBER = 0.5;

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
  const pool = query.area?.articles();
  const forms = [...new Set(query.concepts.flatMap((c) => [...c.forms.keys()]))];
  if (!forms.length) return [];
  const hits = withMetricFigures(
    engine,
    query,
    forms,
    engine.passages.rank(forms, { limit: CANDIDATES, ...(pool ? { within: pool } : {}) }),
  );
  const total = query.concepts.reduce((sum, c) => sum + c.weight, 0);
  return hits
    .map(({ passage, matched }) => {
      const held = new Set(matched);
      const coverage = query.concepts.reduce((sum, c) => sum + c.weight * credit(c, held), 0) / (total || 1);
      let period = periodFit(engine, query, passage);
      // "How much venture capital": a number must be said of what is measured, not anywhere in the passage.
      const number =
        !query.asksNumber ||
        (givesNumber(passage, engine) &&
          numberNear(
            engine,
            passage,
            query.concepts.filter((c) => c.measured),
          ));
      const position = engine.positions.of(passage.id);
      // A passage of an article about the place, that does not name it itself ("the province"), is a little less sure.
      // One that names other places is about them.
      const place = !tagged || holds(tagged, position) ? 1 : passage.regions.length ? 0 : 0.9;
      // What "how many …" counts, what "how much … cost" measures and the unit asked must be there;
      // so must a name the corpus never uses ("the mayor of Atlantis"): without it the question is another one.
      const counted = query.concepts.some((c) => (c.measured || c.unknownName) && !credit(c, held)) ? 0.5 : 1;
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
        figureEvidence(engine, query, passage) *
        (query.asked ? PERIOD_FACTOR[period] : 1) *
        (number ? 1 : NO_NUMBER);
      return { passage, position, score, coverage, period, matched };
    })
    .sort((a, b) => b.score - a.score || b.coverage - a.coverage || a.position - b.position);
}

/**
 * The passages holding a figure of the metric asked, for the place asked, join the
 * candidates: a metric's many names ("economic output", "regional product") can crowd
 * the one passage that states its figure out of the words' ranking.
 */
function withMetricFigures(engine: Engine, query: Query, forms: string[], hits: PassageHit[]): PassageHit[] {
  if (!query.wantsFigure || !query.metrics.size) return hits;
  const positions = figurePassages(engine, query);
  if (!positions.length) return hits;
  const seen = new Set(hits.map((h) => h.passage.id));
  const more = engine.passages.rank(forms, { limit: CANDIDATES, within: positions });
  return [...hits, ...more.filter((h) => !seen.has(h.passage.id))];
}

/** Positions of the passages that hold a figure of a metric asked, for the place asked, ascending. */
function figurePassages(engine: Engine, query: Query): Uint32Array {
  const { area, metrics } = query;
  const among = area && area.stats().length <= NAMED_SCAN ? area.stats() : undefined;
  const positions = engine.figures.passagesWhere({ metrics, area }, among ? Infinity : CANDIDATES * 10);
  if (!among) return positions;
  // Figures whose label names the metric though ingestion gave them another: looked for only
  // where the place has few figures (a province's, not the whole country's at 250k passages),
  // and only a figure using every word of a name can name it: the figure-words index finds
  // those without reading every label.
  const named = query.metricNames.flatMap((name) =>
    engine
      .figureWords()
      .covering(name, 1, undefined, among)
      .filter(({ stat }) => namesMetricAsked(engine, query, stat))
      .map(({ stat }) => engine.positions.of(stat.passage)),
  );
  return named.length ? Uint32Array.from(new Set([...positions, ...named])).sort() : positions;
}

/** The most figures of a place read for labels that name the metric asked. */
const NAMED_SCAN = 500;

// How well a passage's own figures say what a figure question asks, as a factor of its score.
const FIGURE_EVIDENCE = {
  /** A figure of the metric asked, for the place asked, of the kind asked (a level, or a change). */
  exact: 1,
  /** Of the kind asked, but of the metric only by a label that names it: ingestion did not match it. */
  byName: 0.97,
  /** The metric and place asked, but a level where a change is asked, or the reverse. */
  otherKind: 0.9,
  /** No figure of the metric asked: ingestion may have missed it, so the words still count. */
  none: 0.85,
};

/**
 * Intent as a feature of the ranking: a question naming a metric prefers the passage
 * whose figures are of that metric, for that place, and of the kind asked ("how fast"
 * a change, "what was" a level). A question naming no metric is not weighed by it.
 */
function figureEvidence(engine: Engine, query: Query, passage: Passage): number {
  if (!query.wantsFigure || !query.metrics.size) return 1;
  const own = engine.statsIn(passage).filter((s) => namesMetricAsked(engine, query, s) && ofPlaceAsked(query, s));
  if (!own.length) return FIGURE_EVIDENCE.none;
  const ofKind = own.filter((s) => (query.wantsChange ? isChange(s) && isGap(s) === query.wantsGap : givesLevel(s)));
  if (!ofKind.length) return FIGURE_EVIDENCE.otherKind;
  return ofKind.some((s) => query.metrics.has(s.metric)) ? FIGURE_EVIDENCE.exact : FIGURE_EVIDENCE.byName;
}

/** A figure in percentage points: how far one rate is from another, not how fast something grew. */
function isGap(stat: Statistic): boolean {
  return /percentage points?/.test(stat.unit);
}

/** A figure that states an amount, not only how it changed. */
function givesLevel(stat: Statistic): boolean {
  return !/%|percent|percentage|times|fold/.test(stat.unit);
}

/**
 * How the passage fits the period asked. For a figure question, the passage's own figures
 * of what was asked say it best: a figure carries its period, while the text around it
 * may name other years ("named a key sector in 2023"). A level does not answer "how fast".
 */
function periodFit(engine: Engine, query: Query, passage: Passage): PeriodFit {
  const figures = query.wantsFigure ? engine.statsIn(passage).filter((s) => ofMetricAsked(engine, query, s)) : [];
  // Figures all of other places, or all counting something else than the "how many" asked, are near misses.
  if (figures.length && !figures.some((s) => ofPlaceAsked(query, s) && countsAsked(query, s))) {
    // The very metric named, stated for another place ("China's NEV production" for Chongqing's), is a near miss.
    const named = figures.some((s) => namesMetricAsked(engine, query, s));
    return !named && unstated(engine, passage, query.wantsChange) ? 'unknown' : 'other';
  }
  if (query.wantsChange && figures.length && !figures.some(isChange)) return 'other';
  if (!query.asked) return 'unknown';
  const year = engine.yearOf(passage.id);
  const byText = () => wholeOrPart(query, fit(resolveAsked(query.asked!, year), passageSpans(passage, engine)));
  if (!figures.length) return byText();
  const fits = figures.filter((s) => !query.wantsChange || isChange(s)).map((s) => statFit(engine, query, s, year));
  const best = FIT_ORDER.find((f) => fits.includes(f)) ?? 'other';
  // A number the figures do not hold may be the one asked (ingestion misses some): then the text's periods say.
  return best === 'other' && unstated(engine, passage, query.wantsChange) ? byText() : best;
}

/**
 * Whether the passage states a number none of its figures holds (dates and conversions in
 * brackets aside); for a change, a percentage.
 */
function unstated(engine: Engine, passage: Passage, change: boolean): boolean {
  const { any, percent } = unstatedNumbers(passage, engine);
  return change ? percent : any;
}

// Per passage, whether it states a number, and a percentage, that none of its figures holds: asked of again by the next question.
const unstatedNumbers = memo((passage: Passage, engine: Engine): { any: boolean; percent: boolean } => {
  const held = engine.statsIn(passage).flatMap((s) => [s.written, s.change?.written ?? ''].map(digitsOf));
  const text = undated(passage.text).replace(/\([^)]*(\$|US|dollars?)[^)]*\)/g, '');
  const unheld = [...text.matchAll(/\d+(?:[.,]\d+)*(?=\s*(%|percent)?)/g)].filter(
    (m) => !held.some((h) => h.includes(digitsOf(m[0]))),
  );
  return { any: unheld.length > 0, percent: unheld.some((m) => m[1] !== undefined) };
});

const digitsOf = (written: string) => written.replace(/,/g, '');

const FIT_ORDER: PeriodFit[] = ['same', 'within', 'unknown', 'other'];

/** "The whole of 2024" is not answered by its first quarter. */
function wholeOrPart(query: Query, period: PeriodFit): PeriodFit {
  return period === 'within' && query.wholePeriod ? 'other' : period;
}

/**
 * A figure's period: the one said right after its value ("hitting 9.2 trillion yuan in
 * 2023", "from 20 billion yuan in 2020 to 111.7 billion yuan in 2022"), else the one
 * ingestion gave it, else any its quote names.
 */
function statFit(engine: Engine, query: Query, stat: Statistic, year: number): PeriodFit {
  if (!query.asked) return 'unknown';
  return wholeOrPart(query, fit(resolveAsked(query.asked, year), statSpans(stat, engine, year)));
}

/** The periods a figure speaks of, in its article's year: they depend on the figure alone. */
const statSpans = memo((stat: Statistic, _engine: Engine, year: number): Span[] => {
  const near = spansInText(afterValue(stat.quote, stat.written), year);
  if (near.length) return near;
  const own = spanOfPeriod(stat.period);
  // The quote may say the period more exactly than ingestion kept it: "2024/2025" is "the 2024-2025 winter season".
  if (own) return [own, ...spansInText(stat.quote, year).filter((s) => s.from >= own.from && s.to <= own.to)];
  return spansInText(stat.quote, year);
});

/** What a quote says after a figure's value, up to the next number that is not a year or the sentence's end. */
function afterValue(quote: string, written: string): string {
  const at = quote.indexOf(written);
  if (at < 0) return '';
  // A conversion in brackets ("($1.27 trillion)") restates the value.
  const rest = quote.slice(at + written.length).replace(/\([^)]*\)/g, '');
  const end = /[.;](?:\s|$)|(?<![\d.,])(?!(?:19|20)\d{2}\b)\d/.exec(rest)?.index ?? rest.length;
  return rest.slice(0, end);
}

function ofPlaceAsked(query: Query, stat: Statistic): boolean {
  return !query.area || query.area.ids.has(stat.region);
}

/** "How many rockets": a figure in parts and components (its unit) does not count them. */
function countsAsked(query: Query, stat: Statistic): boolean {
  const counted = query.concepts.find((c) => c.measured && c.counted);
  if (!counted) return true;
  const own = new Set(terms(stat.unit));
  return [...counted.forms.keys()].some((f) => own.has(f));
}

function isChange(stat: Statistic): boolean {
  return (
    !!stat.change ||
    /%|percent|percentage|times|fold/.test(stat.unit) ||
    /\b(up|grew|growth|rose|increase|decrease|down)\b/.test(stat.quote.toLowerCase())
  );
}

/** Whether a passage states a quantity: dates ("on May 20", "in 2023") are not figures. Asked of again by the next question. */
const givesNumber = memo((passage: Passage, _engine: Engine): boolean => {
  // "The past five years", "the first four months" say when, not how much.
  const said = undated(passage.text).replace(
    /\b(?:past|first|last|next|previous|recent|coming)\s+\S+\s+(?:years?|months?|quarters?|weeks?|days?|decades?)\b/gi,
    '',
  );
  return /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|half|third|fold|dozen|hundred|thousand|million|billion)\b/i.test(
    said,
  );
});

/** Words between a number and what it measures ("over 140,000 metric tons of lithium carbonate"). */
const NEAR = 12;

/**
 * Whether the passage states a number within a few words of each measured concept (any
 * of its forms); true when nothing is measured. Dates are not numbers here.
 */
function numberNear(engine: Engine, passage: Passage, measured: readonly Concept[]): boolean {
  if (!measured.length) return true;
  const { words, numbers } = wordsAndNumbers(passage, engine);
  return measured.every((c) =>
    words.some((w, i) => w.some((t) => c.forms.has(t)) && numbers.some((n) => Math.abs(n - i) <= NEAR)),
  );
}

// Per passage, its words' index terms and where its numbers are: asked of again by the next question.
const wordsAndNumbers = memo((passage: Passage, _engine: Engine): { words: string[][]; numbers: number[] } => {
  const raw = undated(passage.text).split(/\s+/);
  return { words: raw.map((w) => terms(w)), numbers: raw.flatMap((w, i) => (NUMBER_WORD.test(w) ? [i] : [])) };
});

// Per figure, the index terms of its label and metric name.
const namingTerms = memo(
  (s: Statistic, engine: Engine): Set<string> => new Set(terms(`${s.label} ${engine.metric(s.metric).name}`)),
  16_384,
);

const NUMBER_WORD =
  /\d|^(one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?|trillions?|half|third|quarter|fold)\b/i;

/** The text without its dates: "on May 20", "21 March", "in 2023". */
function undated(text: string): string {
  return text.replace(DAY_OF_MONTH, '').replace(/\b(19|20)\d{2}\b/g, '');
}

const MONTH_NAME = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
// Made once: undated() reads every candidate passage of every question.
const DAY_OF_MONTH = new RegExp(String.raw`\b${MONTH_NAME}\.? \d{1,2}(st|nd|rd|th)?\b|\b\d{1,2} ${MONTH_NAME}\b`, 'gi');

function aimsOnly(engine: Engine, passage: Passage): boolean {
  const stats = engine.statsIn(passage);
  return stats.length > 0 && stats.every((s) => speaksOfAim(s.quote));
}

function otherFiguresOnly(engine: Engine, query: Query, passage: Passage): boolean {
  const stats = engine.statsIn(passage);
  if (!query.metrics.size || !stats.length) return false;
  return !stats.some((s) => ofMetricAsked(engine, query, s));
}

/**
 * Whether a figure measures a metric the question names. Ingestion names metrics freely:
 * a figure whose label or metric shares a telling word of the metric asked is of it.
 * With no metric named, any figure may be.
 */
function ofMetricAsked(engine: Engine, query: Query, s: Statistic): boolean {
  if (!query.metrics.size) return true;
  return namesMetricAsked(engine, query, s) || [...namingTerms(s, engine)].some((t) => query.metricTerms.has(t));
}

/** The words of figures' labels, metrics (names and synonyms), units and, unless left out, quotes. */
export function figureWords(engine: Engine, stats: readonly Statistic[], withQuotes = true): Set<string> {
  const out = new Set<string>();
  for (const stat of stats) {
    const { named, quoted } = figureTerms(stat, engine);
    for (const t of named) out.add(t);
    if (withQuotes) for (const t of quoted) out.add(t);
  }
  return out;
}

// Per figure, the index terms of what it is (label, metric, unit) and of its quote.
const figureTerms = memo((stat: Statistic, engine: Engine): { named: Set<string>; quoted: Set<string> } => {
  const metric = engine.metric(stat.metric);
  return {
    named: new Set(terms(`${stat.label} ${metric.name} ${metric.synonyms.join(' ')} ${stat.unit}`)),
    quoted: new Set(terms(stat.quote)),
  };
});

/** The share of the query's concepts, weighted, that a set of index terms holds. */
function coverageBy(query: Query, held: ReadonlySet<string>): number {
  const total = query.concepts.reduce((sum, c) => sum + c.weight, 0) || 1;
  return query.concepts.reduce((sum, c) => sum + c.weight * credit(c, held), 0) / total;
}

/**
 * Whether a figure is of a metric asked, strictly: its own metric, or a label that holds
 * every word of one of the metric's names. Ingestion names some metrics after their
 * sentence ("Over the period the GDP"); a word in common ("new energy") is not enough.
 */
function namesMetricAsked(engine: Engine, query: Query, s: Statistic): boolean {
  if (query.metrics.has(s.metric)) return true;
  const own = namingTerms(s, engine);
  return query.metricNames.some((name) => name.every((t) => own.has(t)));
}

function credit(concept: Concept, held: ReadonlySet<string>): number {
  let best = 0;
  concept.forms.forEach((value, form) => {
    if (value > best && held.has(form)) best = value;
  });
  return best;
}

// Per passage, the periods its figures and text speak of: they depend on the passage alone.
const passageSpans = memo((passage: Passage, engine: Engine): Span[] => [
  ...engine.statsIn(passage).flatMap((s) => spanOfPeriod(s.period) ?? []),
  ...spansInText(passage.text, engine.yearOf(passage.id)),
]);

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
  if (best && best.score >= threshold)
    return answerFrom(
      engine,
      query,
      best,
      ranked.filter((r) => r.score >= threshold),
    );
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

function answerFrom(engine: Engine, query: Query, best: Scored, answering: readonly Scored[]): Answer {
  const items: AnswerItem[] = [];
  const figures = query.wantsFigure ? figuresFor(engine, query, best) : [];
  for (const stat of [...figures, ...corroborating(engine, figures, best, answering)])
    items.push({ kind: 'figure', ...figureItem(engine, stat) });
  // The passage itself when no figure says it all: its sentence holds what was matched.
  if (!figures.length || coverageBy(query, figureWords(engine, figures)) < best.coverage) {
    items.push({
      kind: 'passage',
      citation: cite(engine, best.passage, excerptAround(best.passage.text, best.matched, ASK_EXCERPT)),
    });
  }
  return { found: true, title: verbatim(''), lead: [], items, suggestions: [] };
}

/** Other articles reporting a figure shown, at most this many. */
const CORROBORATING = 2;

/**
 * The same figures as reported by other articles among the passages that also answer: the
 * place, period and unit alike, the value within rounding ("nearly 2.18 trillion yuan" and
 * "2.1791 trillion yuan"). A reader sees that sources agree, and each is cited.
 */
function corroborating(
  engine: Engine,
  figures: readonly Statistic[],
  best: Scored,
  answering: readonly Scored[],
): Statistic[] {
  const article = engine.articleOf(best.passage).id;
  const out: Statistic[] = [];
  for (const other of answering) {
    if (out.length >= CORROBORATING) break;
    if (engine.articleOf(other.passage).id === article) continue;
    const same = engine.statsIn(other.passage).find((s) => figures.some((f) => agree(f, s)));
    if (same) out.push(same);
  }
  return out;
}

function agree(a: Statistic, b: Statistic): boolean {
  return (
    a.region === b.region &&
    !!a.period &&
    a.period === b.period &&
    terms(a.unit)[0] === terms(b.unit)[0] &&
    Math.abs(a.value - b.value) <= ROUNDING * Math.abs(a.value)
  );
}

/** How far two reports of one figure may differ: a value rounded to three significant digits. */
const ROUNDING = 0.005;

/** The figures of the chosen passage that best fit the question's concepts, period and wish for a change. */
function figuresFor(engine: Engine, query: Query, best: Scored): Statistic[] {
  const year = engine.yearOf(best.passage.id);
  const scored = engine.statsIn(best.passage).map((stat) => {
    // What the figure is (its label, metric and unit) tells figures of one sentence apart; its quote less so.
    const named = coverageBy(query, figureWords(engine, [stat], false));
    const quoted = coverageBy(query, figureTerms(stat, engine).quoted);
    let score = (2 * named + quoted) / 3;
    // The metric asked, by its id (ingestion matched it) or, less surely, by a label that names it.
    if (query.metrics.has(stat.metric)) score += 0.3;
    else if (query.metrics.size && namesMetricAsked(engine, query, stat)) score += 0.2;
    const change = isChange(stat);
    // "How fast" is answered by a change, whatever else a level shares with the question.
    if (query.wantsChange) score += change && isGap(stat) === query.wantsGap ? 0.4 : change ? 0.2 : 0;
    else score += change && !stat.change ? 0 : 0.1;
    if (query.area?.ids.has(stat.region)) score += 0.1;
    const period = statFit(engine, query, stat, year);
    score += period === 'same' ? 0.2 : period === 'within' ? 0.1 : 0;
    return { stat, score, period };
  });
  // A figure of another period, another place or another thing counted is never shown as the answer.
  const fitting = scored.filter(
    (s) => s.period !== 'other' && ofPlaceAsked(query, s.stat) && countsAsked(query, s.stat),
  );
  const top = Math.max(...fitting.map((s) => s.score));
  const picked = fitting.filter((s) => s.score >= top - 0.05 && s.score > 0.3).map((s) => s.stat);
  // "How many parts, how many days": a figure whose unit is, in the question's own word, a
  // concept no picked figure measures is asked for too.
  const units = (stats: readonly Statistic[]) => new Set(stats.flatMap((s) => terms(s.unit)));
  for (const { stat, score } of [...fitting].sort((a, b) => b.score - a.score)) {
    if (picked.length >= SHOWN_FIGURES || picked.includes(stat) || score <= 0.3) continue;
    const before = units(picked);
    const own = units([stat]);
    if (query.concepts.some((c) => c.measured && credit(c, own) === 1 && credit(c, before) === 0)) picked.push(stat);
  }
  return picked.slice(0, SHOWN_FIGURES);
}
