import type { Passage, Person, Region, Statistic } from '../../corpus/schema.ts';
import { notFound, suggest, type Answer, type AnswerItem, type Suggestion } from '../answer.ts';
import { msg, named, namedPerson, verbatim, type Message } from '../../messages/message.ts';
import type { Engine } from '../../engine/engine.ts';
import { excerptAround } from '../excerpt.ts';
import { periodWithin } from '../../text/period.ts';
import { parseQuestion, type AskedPeriod, type Question } from './question.ts';
import { describeRegion } from '../region.ts';
import { summaryAnswer } from '../summary.ts';
import { normalize, terms } from '../../text/normalize.ts';
import { asksForAim, speaksOfAim } from '../../text/aims.ts';
import { askedSpan, fit, resolveAsked, spanOfPeriod, spansInText, type AskedSpan } from '../../text/span.ts';
import { cite, figureItem } from '../cite.ts';
import { holds, listsOf, union } from '../../search/sorted.ts';
import { comparable, ranking } from '../compare.ts';
import { regionSuggestions } from '../choices.ts';
import { ANSWER_SCORE, figureWords, retrievalAnswer } from './retrieval.ts';
import { withoutChatter, withShortFormsExpanded } from '../../text/chatter.ts';

/**
 * Shares of a question's content words a passage must contain to be offered as its
 * answer; below them the reply is a refusal that names what is close. Tuned on the
 * development part of tests/fixtures/questions.json (README, "How /ask decides").
 */
export interface Thresholds {
  /** Over the whole corpus. */
  passage: number;
  /** Within the passages about a place the question names: the place already narrows them. */
  place: number;
  /** Of a figure's label, unit, metric names and quote, when the question names no metric. */
  figure: number;
  /** Retrieval's score (weighted share of the question's concepts) an answer must reach. */
  answer: number;
  /** Of the question's words beyond the metric it names, a figure of that metric must hold. */
  beyond: number;
}

export const THRESHOLDS: Thresholds = { passage: 0.8, place: 0.5, figure: 0.6, answer: ANSWER_SCORE, beyond: 0.5 };

/** An answer to a question may quote more than a search hit: the answer is often the sentence after the match. */
const ASK_EXCERPT = 500;

// Words that mark a passage as giving a reason: they help rank answers to "why".
const REASON_CUES = terms('reason because due based thanks so that in order to');
// Verbs of attribution: a passage with one can answer "who said", even when the source is unnamed.
// (SPEECH: the verbs of attribution, shared with the engine's attributed passages.)

/** Figures of a named metric read closely for a question, at most. */
const FIGURE_CANDIDATES = 200;

/** Passages an answer quotes at most. */
const SHOWN = 3;

export function understand(engine: Engine, text: string): Question {
  return parseQuestion(engine, text);
}

/** A free-form question answered from the corpus, or refused with what is close. */
export function askAnswer(engine: Engine, text: string, thresholds: Thresholds = THRESHOLDS): Answer {
  if (!text.trim()) return notFound(msg('askEmptyTitle'), [msg('askEmpty')]);
  // Read without mentions, greetings and emoji, short forms written out ("yoy", "h1", "unis").
  const read = withShortFormsExpanded(withoutChatter(text));
  const q = understand(engine, read);
  const answer = answerFor(engine, q, thresholds, read);
  const understood = describeUnderstanding(q);
  return {
    ...answer,
    title: msg('askTitle', { question: text.trim() }),
    lead: [...(understood ? [understood] : []), ...answer.lead],
  };
}

function answerFor(engine: Engine, q: Question, thresholds: Thresholds, read: string): Answer {
  // People are found by name and role first; what those paths cannot answer, retrieval may.
  if (q.intent === 'who-said' || q.intent === 'who-is') {
    const answer = personAnswer(engine, q, thresholds);
    return answer.found ? answer : retrievalAnswer(engine, read, q, thresholds.answer);
  }
  // A place alone, or nothing at all: what the articles say about it.
  if ((q.intent === 'overview' || q.intent === 'what-is') && !q.content.length && !q.metrics.length) {
    return q.regions.length ? placeAnswer(engine, q, q.regions[0]!) : articleOverview(engine);
  }
  // A figure is found by retrieval over passages and their figures alike; reasons and
  // descriptions by the passages about the place and the reason words first.
  const figureFirst = q.intent === 'figure';
  const retrieved = figureFirst ? retrievalAnswer(engine, read, q, thresholds.answer) : undefined;
  if (retrieved?.found) return retrieved;
  const exact = personAnswer(engine, q, thresholds);
  // Once retrieval has refused a figure, only a metric named in so many words can still answer:
  // figures that merely share some of the question's words are what is close, not the answer.
  // A Chinese question reaches the English words by glosses, too loosely to overrule the exact reading.
  const trusted = !retrieved || q.metrics.length > 0 || q.chinese;
  if (exact.found && trusted) return exact;
  // Retrieval answers, or an untrusted exact answer leaves retrieval's refusal and its near passage.
  // Both refuse: the exact reading's refusal names what is close by metric and place; retrieval adds the nearest passage.
  const other = retrieved ?? retrievalAnswer(engine, read, q, thresholds.answer);
  return other.found || exact.found
    ? other
    : {
        ...exact,
        // One near miss is enough: the same metric for another place or period says more than "a passage of …".
        lead: exact.lead.some((m) => m.key === 'closeFigures') ? exact.lead : [...exact.lead, ...other.lead.slice(1)],
        suggestions: distinct([...exact.suggestions, ...other.suggestions]).slice(0, 4),
      };
}

/** Suggestions without repeats: both readings may offer "the closest passage", each its own. */
function distinct(suggestions: readonly Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  return suggestions.filter((s) => {
    const key = s.command === 'source' ? 'source' : JSON.stringify([s.command, s.options]);
    return !seen.has(key) && seen.add(key);
  });
}

function personAnswer(engine: Engine, q: Question, thresholds: Thresholds): Answer {
  switch (q.intent) {
    case 'figure':
      return figureAnswer(engine, q, thresholds);
    case 'who-said':
      return whoSaid(engine, q, thresholds);
    case 'who-is':
      return whoIs(engine, q);
    case 'what-is':
    case 'overview':
      if (!q.regions.length) return q.content.length ? passagesAnswer(engine, q, thresholds) : articleOverview(engine);
      if (!q.content.length) return placeAnswer(engine, q, q.regions[0]!);
      // "What is the population of Suzhou?" names a place but asks for something about it:
      // a passage about the place that says it, else a figure, else an honest no.
      return passagesAnswer(engine, q, thresholds, () => figureAnswer(engine, q, thresholds));
    case 'why-how':
      return passagesAnswer(engine, q, thresholds);
  }
}

function describeUnderstanding(q: Question): Message | undefined {
  if (!q.chinese && !q.metrics.length && !q.regions.length && !q.people.length && !q.period) return undefined;
  return msg('understood', {
    chinese: q.chinese,
    metrics: q.metrics.map(named),
    change: q.wantsChange,
    regions: q.regions.map(named),
    people: q.people.map(named),
    period: q.period,
  });
}

// ---------------------------------------------------------------- figures

function figureAnswer(engine: Engine, q: Question, thresholds: Thresholds): Answer {
  const metrics = q.metrics.length ? new Set(q.metrics.map((m) => m.id)) : undefined;
  const area = q.regions.length ? engine.area(...q.regions) : undefined;
  let found: { stat: Statistic; share: number }[];
  if (metrics || (area && !q.content.length)) {
    // A metric named without a place can have thousands of figures in a large corpus; each is
    // read word by word below, so only the first few hundred are (the answer shows five).
    found = engine.figures.where({ metrics, area }, FIGURE_CANDIDATES).map((stat) => ({ stat, share: 1 }));
  } else if (!q.content.length) {
    // No metric, no place, no word of its own: the question names no figure to look for.
    found = [];
  } else {
    // No metric named: the figure must be about most of the remaining words of the question.
    // The figures covering most of them, as many as a named metric's: a common word ("gdp",
    // "projects") is in the quotes of thousands of figures at 250k passages.
    found = engine
      .figureWords()
      .covering(q.content, thresholds.figure, q.measured, area?.stats())
      .sort((a, b) => b.share - a.share)
      .slice(0, FIGURE_CANDIDATES);
  }
  // The unit asked, and the question's words beyond the metric, narrow a metric's figures:
  // "the value added of Beijing's digital economy in yuan" is not Beijing's GDP in yuan.
  if (q.unit) found = found.filter(({ stat }) => terms(stat.unit).includes(q.unit!));
  // "How many rockets": a figure in parts and components does not count them (a misspelt word says nothing).
  if (q.counts && q.measured && engine.passages.has(q.measured))
    found = found.filter(({ stat }) => terms(stat.unit).includes(q.measured!));
  // Only words the articles use can tell their figures apart.
  const beyond = q.content.filter((w) => engine.passages.has(w));
  if (metrics && beyond.length)
    found = found.filter(({ stat }) => shareOfWords(engine, stat, beyond) >= thresholds.beyond);
  // A target is not an outcome: unless one is asked for, it is a near miss.
  const aims: Statistic[] = [];
  if (!asksForAim(q.text))
    found = found.filter(({ stat }) => {
      const aim = speaksOfAim(stat.quote);
      if (aim) aims.push(stat);
      return !aim;
    });
  // Periods compared as spans of months: "the first half of 2024" is not answered by the year 2024 or its Q1.
  const asked = askedSpan(normalize(q.text));
  if (asked) found = found.filter(({ stat }) => inAskedSpan(engine, stat, asked, q.wholePeriod));
  else if (q.period) found = found.filter(({ stat }) => inAskedPeriod(engine, stat, q.period!, q.wholePeriod));
  // A city's GDP is not its province's: a named metric's figure for a place under the one asked is a near miss.
  const named = new Set(q.regions.map((r) => r.id));
  const underneath =
    metrics && named.size ? found.filter(({ stat }) => !named.has(stat.region)).map(({ stat }) => stat) : [];
  if (underneath.length) found = found.filter(({ stat }) => named.has(stat.region));
  const bestShare = found.reduce((best, f) => Math.max(best, f.share), 0);
  const stats = found.filter((f) => f.share === bestShare).map((f) => f.stat);
  if (stats.length === 0 && q.metrics.length) {
    // A metric's synonym can be a common word ("projects"): before refusing, look for a
    // figure about the question's words with the metric's words among them.
    const loose = figureAnswer(engine, { ...q, metrics: [], content: [...q.content, ...q.metricWords] }, thresholds);
    if (loose.found) return loose;
  }
  if (stats.length && q.regions.length > 1 && COMPARING.test(q.text.toLowerCase())) return comparison(engine, q, stats);
  if (stats.length === 0)
    return figureRefusal(
      engine,
      q,
      underneath.length ? underneath : aims.length ? aims : metrics ? engine.figures.where({ metrics }, 3) : [],
    );
  return {
    found: true,
    title: verbatim(''),
    lead: [],
    items: stats.slice(0, 5).map((s) => ({ kind: 'figure', ...figureItem(engine, s) })),
    suggestions: [],
  };
}

/** The share of the words a figure's label, quote, unit and metric names hold. */
function shareOfWords(engine: Engine, stat: Statistic, words: readonly string[]): number {
  const own = figureWords(engine, [stat]);
  return words.filter((w) => own.has(w)).length / words.length;
}

// "Which grew faster, X or Y", "compare X and Y", "X vs Y".
const COMPARING =
  /\b(faster|slower|quicker|bigger|larger|higher|lower|more|less|smaller|compare[ds]?|comparison|vs\.?|versus)\b|哪个|比较|更快|更高|更多/;

/** Each place's figure side by side, and which is higher when they measure the same thing alike (src/answers/compare.ts). */
function comparison(engine: Engine, q: Question, stats: readonly Statistic[]): Answer {
  const picked = comparable(
    q.regions.map((r) => {
      const { ids } = engine.area(r);
      return stats.filter((s) => ids.has(s.region));
    }),
  ).map((row) => row.slice(0, 1));
  const measure = (s: Statistic) =>
    q.wantsChange && s.change
      ? { value: s.change.value, unit: s.change.unit, written: s.change.written }
      : { value: s.value, unit: s.unit, written: `${s.written}${s.unit.startsWith('%') ? '' : ' '}${s.unit}` };
  const lead: Message[] = [];
  const { ranks } = ranking(picked, (s) => s.period ?? '', measure);
  const ranked = picked.flatMap((row, at) => (row[0] && ranks[at] ? [{ at, rank: ranks[at], stat: row[0] }] : []));
  if (ranked.length > 1) {
    const [hi, lo] = [ranked.find((r) => r.rank === 1)!, ranked.reduce((a, b) => (b.rank > a.rank ? b : a))];
    const said = (r: typeof hi) => ({ region: named(q.regions[r.at]!), ...measure(r.stat) });
    const [a, b] = [said(hi), said(hi === lo ? ranked.find((r) => r !== hi)! : lo)];
    lead.push(
      hi.rank === lo.rank
        ? msg('compareSame', { value: a.written })
        : msg('compareHigher', { higher: a.region, value: a.written, lower: b.region, other: b.written }),
    );
  }
  const missing = q.regions.filter((_, at) => !picked[at]!.length).map(named);
  if (missing.length) lead.push(msg('compareMissing', { regions: missing }));
  return {
    found: true,
    title: verbatim(''),
    lead,
    items: picked.flat().map((s) => ({ kind: 'figure', ...figureItem(engine, s) })),
    suggestions: [],
  };
}

function figureRefusal(engine: Engine, q: Question, sameMetric: readonly Statistic[]): Answer {
  const lead = [
    q.metrics.length || q.regions.length || q.period
      ? msg('noFigureAsked', { metrics: q.metrics.map(named), regions: q.regions.map(named), period: q.period })
      : msg('noFigureAnswers'),
  ];
  // The metric asked, for another place or period, is close but not what was asked; other figures of the place are only what there is.
  const near = sameMetric.length ? sameMetric : nearFigures(engine, q);
  if (near.length) {
    const figures = near.slice(0, 3).map((s) => figureRef(engine, s));
    lead.push(sameMetric.length ? msg('closeFigures', { figures }) : msg('theyGive', { figures }));
  }
  return notFound(
    verbatim(''),
    lead,
    near
      .slice(0, 3)
      .map((s) => suggest(msg('figureLabel', figureRef(engine, s)), 'stat', { metric: s.metric, region: s.region })),
  );
}

/** What the corpus measures in the places asked about, when the metric asked for is not there. */
function nearFigures(engine: Engine, q: Question): Statistic[] {
  if (!q.regions.length) return [];
  return engine.figures.where({ area: engine.area(...q.regions) }, 3);
}

function figureRef(engine: Engine, s: Statistic) {
  return { metric: named(engine.metric(s.metric)), region: named(engine.region(s.region)), period: s.period };
}

function inAskedSpan(engine: Engine, s: Statistic, asked: AskedSpan, whole: boolean): boolean {
  const year = engine.yearOf(s.passage);
  const own = spanOfPeriod(s.period);
  const period = fit(resolveAsked(asked, year), own ? [own] : spansInText(s.quote, year));
  return period === 'same' || (period === 'within' && !whole);
}

function inAskedPeriod(engine: Engine, s: Statistic, period: AskedPeriod, whole: boolean): boolean {
  if (!s.period) return false;
  // "The whole of 2024" is not answered by its first quarter.
  if (period.kind === 'absolute') return whole ? s.period === period.period : periodWithin(s.period, period.period);
  const quarter = /-Q([1-4])$/.exec(s.period)?.[1];
  if (period.kind === 'quarter') return Number(quarter) === period.quarter;
  const published = engine.yearOf(s.passage);
  const year = String(published - period.yearsAgo);
  return s.period.startsWith(year) && (!period.quarter || Number(quarter) === period.quarter);
}

// ---------------------------------------------------------------- people

function whoSaid(engine: Engine, q: Question, thresholds: Thresholds): Answer {
  const subject = /\bwhat (?:did|does|has) (.+?) (?:say|said|tell|call|describe|stress|point out|think)\b/.exec(
    q.text.toLowerCase(),
  )?.[1];
  const role = q.people.length
    ? undefined
    : subject
      ? personByRole(engine, { ...q, content: terms(subject) })
      : undefined;
  const people = q.people.length ? q.people : role ? [role] : [];
  if (
    subject &&
    !people.length &&
    !/^(the )?(article|report|it|cctv|reporters?|they|he|she|author)$/.test(subject.trim())
  ) {
    return passageRefusal(engine, q, msg('quotesNoOne', { subject }));
  }
  const quoted = engine.attributed();
  const pool = people.length
    ? union(
        listsOf(
          quoted.byPerson,
          people.map((person) => person.id),
        ),
        engine.corpus.passages.length,
      )
    : quoted.all;
  const ranked = rankPassages(
    engine,
    q,
    pool,
    people.flatMap((p) => terms(p.name)),
    SHOWN,
    people.length ? 0 : thresholds.passage,
  );
  const best = ranked[0];
  if (!best || (!people.length && best.share < thresholds.passage)) return passageRefusal(engine, q);
  const shown = people.length ? ranked.filter((r) => r.score >= best.score * 0.5) : [best];
  return {
    found: true,
    title: verbatim(''),
    lead: [],
    items: shown.slice(0, 3).map(({ passage, matched }) => {
      const id = passage.speaker ?? passage.people[0];
      if (!id)
        return {
          kind: 'passage',
          heading: msg('speakerUnnamed'),
          citation: cite(engine, passage, excerptAround(passage.text, matched)),
        };
      const person = engine.person(id);
      // Reported speech sits in the sentence that names the speaker.
      const near = passage.speaker ? matched : [...terms(`${person.name} ${person.aliases.join(' ')}`), ...matched];
      return {
        kind: 'passage',
        heading: msg('said', {
          person: namedPerson(person),
          reported: !passage.speaker || passage.speech === 'reported',
        }),
        citation: cite(engine, passage, excerptAround(passage.text, near)),
      };
    }),
    suggestions: [],
  };
}

function whoIs(engine: Engine, q: Question): Answer {
  const person = q.people[0] ?? personByRole(engine, q);
  if (!person) return passageRefusal(engine, q, msg('noOneMatches'));
  const passage =
    engine.corpus.passages.find((p) => p.speaker === person.id) ??
    engine.corpus.passages.find((p) => p.people.includes(person.id));
  const items: AnswerItem[] = passage
    ? [
        {
          kind: 'passage',
          heading: msg('whereNamed'),
          citation: cite(
            engine,
            passage,
            excerptAround(passage.text, terms(person.aliases.join(' ') + ' ' + person.name), 300),
          ),
        },
      ]
    : [];
  return {
    found: true,
    title: verbatim(''),
    lead: [msg('whoIs', { person: namedPerson(person) }), ...(person.note ? [verbatim(person.note)] : [])],
    items,
    suggestions: [suggest(msg('passagesAbout', { person: named(person) }), 'search', { query: person.name })],
  };
}

/**
 * "the party secretary of Jiangsu", "Shanghai's mayor": a person by the words of their
 * role and their place. Every role word of the question must fit, and a deputy is not
 * the office itself: Shanghai's deputy party secretary is not its party secretary.
 */
function personByRole(engine: Engine, q: Question): Person | undefined {
  const people = engine.corpus.gazetteer.people;
  const placeWords = new Set(engine.corpus.gazetteer.regions.flatMap((r) => terms(r.name)));
  const roleVocabulary = new Set(people.flatMap((p) => terms(p.role)));
  // An office nobody holds ("the governor", "the CEO") means nobody, whatever else fits.
  const asked = q.content.filter((w) => (roleVocabulary.has(w) || OFFICES.has(w)) && !placeWords.has(w));
  if (!asked.length) return undefined;
  const deputyAsked = q.content.some((w) => w === 'deputi' || w === 'vice');
  const places = new Set(q.regions.map((r) => r.id));
  const fits = people.filter((p) => {
    if (places.size && !(p.region && places.has(p.region))) return false;
    const titles = titlesOf(p.role, deputyAsked);
    return asked.every((w) => titles.has(w));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

const OFFICES = new Set(
  terms(
    'governor mayor secretary ceo chief executive chairman chairwoman chair president premier minister director head founder manager spokesperson official',
  ),
);

/** The stemmed words of a role, leaving out offices held only as deputy unless a deputy is asked for. */
function titlesOf(role: string, deputyAsked: boolean): Set<string> {
  const words = terms(role);
  return new Set(words.filter((w, i) => deputyAsked || !(words[i - 1] === 'deputi' || words[i - 1] === 'vice')));
}

// ---------------------------------------------------------------- places and passages

function placeAnswer(engine: Engine, q: Question, region: Region): Answer {
  const area = engine.area(region);
  if (!area.places.some((r) => engine.covers(r.id))) {
    return notFound(
      verbatim(''),
      [describeRegion(engine, region), msg('saysNothing', { region: named(region) })],
      regionSuggestions(engine, '').slice(0, 3),
    );
  }
  const names = [region.name, ...region.aliases].flatMap((n) => terms(n));
  const stats = engine.figures.where({ area }, 3);
  // Passages whose figures are shown below would only repeat them.
  const ranked = rankPassages(engine, q, engine.figures.passagesWithout(area.passages(), area.stats()), names);
  return {
    found: true,
    title: verbatim(''),
    lead: [describeRegion(engine, region)],
    items: [
      ...ranked.map(({ passage }) => ({
        kind: 'passage' as const,
        citation: cite(engine, passage, excerptAround(passage.text, names)),
      })),
      ...stats.map((s) => ({ kind: 'figure' as const, ...figureItem(engine, s) })),
    ],
    suggestions: [suggest(msg('everythingOn', { region: named(region) }), 'region', { name: region.id })],
  };
}

function passagesAnswer(engine: Engine, q: Question, thresholds: Thresholds, fallback?: () => Answer): Answer {
  const names = [
    ...q.regions.flatMap((r) => terms(r.name)),
    ...q.people.flatMap((p) => terms(p.name)),
    ...(/\bwhy\b|为什么|为何/.test(q.text.toLowerCase()) ? REASON_CUES : []),
  ];
  const area = q.regions.length ? engine.area(...q.regions) : undefined;
  const tagged = area?.passages();
  // The place narrows its own passages: they need a smaller share of the question's words.
  // The rest of its articles say "the province" for it and need the share any passage needs.
  const floorOf = (r: Ranked) =>
    tagged && holds(tagged, engine.positions.of(r.passage.id)) ? thresholds.place : thresholds.passage;
  // Coverage counts the question's own words; the names only help the ranking. A question
  // with no words beyond the place (asked in Chinese, say) is answered by the place's passages.
  const pool = area?.articles();
  // More than are shown: an untagged passage ranked first may fall under its own floor.
  const ranked = rankPassages(engine, q, pool, names, SHOWN * 4, tagged ? thresholds.place : thresholds.passage).filter(
    (r) => r.share >= floorOf(r),
  );
  const best = ranked[0];
  if (!best) return fallback?.() ?? passageRefusal(engine, q);
  const shown = ranked.filter((r) => r.score >= best.score * 0.5).slice(0, 3);
  return {
    found: true,
    title: verbatim(''),
    lead: [],
    items: shown.map(({ passage, matched }) => ({
      kind: 'passage',
      citation: cite(engine, passage, excerptAround(passage.text, matched, ASK_EXCERPT)),
    })),
    suggestions: [],
  };
}

/** "Give me a summary": the newest article's opening, its figures and its quoted speakers. */
function articleOverview(engine: Engine): Answer {
  const article = [...engine.corpus.articles].sort((a, b) => b.published.localeCompare(a.published))[0]!;
  const digest = summaryAnswer(engine, article.id);
  const opening = article.passages[0]!;
  return {
    ...digest,
    lead: [msg('overview', { title: article.title, outlet: article.outlet }), ...digest.lead.slice(0, 1)],
    items: [
      {
        kind: 'passage',
        heading: msg('howItOpens'),
        citation: cite(engine, opening, excerptAround(opening.text, [], 400)),
      },
      ...digest.items,
    ],
  };
}

interface Ranked {
  passage: Passage;
  score: number;
  share: number;
  matched: string[];
}

/**
 * The best passages of the pool (all when none is given) that hold at least `minShare`
 * of the question's content words, with the share each holds: the greatest share first,
 * then the best score. Names (of the places or people asked about) help the score but
 * are not counted.
 */
function rankPassages(
  engine: Engine,
  q: Question,
  pool: Uint32Array | undefined,
  names: readonly string[] = [],
  limit = SHOWN,
  minShare = 0,
): Ranked[] {
  // A metric named in a "why" or "how" question is a topic word like any other.
  const asking = [...q.content, ...q.metricWords];
  const wanted = asking.length || names.length ? asking : terms(q.text);
  const { terms: searched, corrections } = engine.passages.resolve([...wanted, ...names].join(' '));
  const corrected = new Map(corrections.map((c) => [c.from, c.to]));
  const asked = new Set(wanted.map((w) => corrected.get(w) ?? w));
  // Passages under the share asked for are never shown, so the ranking need not find them.
  const atLeast = Math.ceil(minShare * asked.size - 1e-9);
  return engine.passages
    .rank(searched, { limit, counted: asked, atLeast, ...(pool ? { within: pool } : {}) })
    .map((h) => ({
      passage: h.passage,
      score: h.score,
      matched: h.matched,
      share: asked.size ? h.matched.filter((t) => asked.has(t)).length / asked.size : 1,
    }));
}

function passageRefusal(engine: Engine, q: Question, reason: Message = msg('notAnswered')): Answer {
  const suggestions: Suggestion[] = [
    ...q.regions.slice(0, 2).map((r) => suggest(msg('whatTheySay', { region: named(r) }), 'region', { name: r.id })),
    ...q.metrics.slice(0, 2).map((m) => suggest(msg('name', { of: named(m) }), 'stat', { metric: m.id })),
  ];
  const [near] = rankPassages(engine, q, undefined, [], 1);
  if (near) suggestions.push(suggest(msg('closestPassage'), 'source', { id: near.passage.id }));
  return notFound(verbatim(''), [reason], suggestions);
}
