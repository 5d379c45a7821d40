import type { Region } from '../../corpus/schema.ts';
import type { Area, Engine } from '../../engine/engine.ts';
import type { Question } from './question.ts';
import { wordsOf } from '../../search/entities.ts';
import { normalize, stem, terms } from '../../text/normalize.ts';
import { glossChinese } from '../../text/chinese.ts';
import { askedSpan, type AskedSpan } from '../../text/span.ts';
import { isEnglishWord, partOfSpeech, synonymsOf } from '../../text/synonyms.ts';
import { familyOf } from '../../text/families.ts';
import { asksForAim } from '../../text/aims.ts';

/**
 * One thing a question asks about, with the index terms that say it: the word's own
 * stem, its derivations and WordNet synonyms the corpus uses (each with the credit a
 * match earns: a synonym is weaker evidence than the word itself).
 */
export interface Concept {
  word: string;
  forms: Map<string, number>;
  /** How telling the concept is: the inverse document frequency of its own word. */
  weight: number;
  /** What "how many …" counts or "how much … cost" measures: an answer must say it. */
  measured?: boolean;
  /** What "how many …" counts: a figure's unit must say it. */
  counted?: boolean;
  /** A name (typed with a capital) the corpus never uses: "the mayor of Atlantis". */
  unknownName?: boolean;
}

/** A question as retrieval reads it. */
export interface Query {
  concepts: Concept[];
  /** The places asked about, with every place under them. */
  area?: Area;
  regions: Region[];
  asked?: AskedSpan;
  wantsChange: boolean;
  /** "The whole of 2024": a part of the period does not answer it. */
  wholePeriod: boolean;
  /** The question asks for a number (how many, how much, what share, a metric). */
  wantsFigure: boolean;
  /** It says so in as many words ("how many", "what was Henan's GDP"): a passage without a number cannot answer it. */
  asksNumber: boolean;
  /** The metrics the question names, by id. */
  metrics: ReadonlySet<string>;
  /** The telling words of their names and synonyms. */
  metricTerms: ReadonlySet<string>;
  /** Each name of each metric asked, as its words: a figure whose label holds one name's every word is of that metric. */
  metricNames: readonly (readonly string[])[];
  /** The question asks for a target or plan, not an outcome. */
  wantsAim: boolean;
  /** It asks how far one rate is from another ("how much faster than the country"): a gap in percentage points. */
  wantsGap: boolean;
}

// Words that shape a question without saying what it is about: question words, verbs
// of asking and saying, and the words of periods and change (read separately).
const SHAPING = new Set(
  (
    'what which who whom whose how when where why is was were are be been being do does did done has have had can could will would should ' +
    'many much big large high fast quickly far exactly approximately roughly around about total overall amount number figure figures value level ' +
    'article articles report reported say says said tell know give show mention mentioned according page data statistic statistics stat stats ' +
    'year years yr month months quarter quarters half first second third fourth last this next past since season winter ' +
    'january february march april may june july august september october november december ' +
    'grow grew grown growth growing increase increased rise rose risen expand expanded change up rate percent percentage ' +
    'get got go going happen happened happening now today currently so yet still there any some thing things ' +
    'year-on-year on same period previous compared annual whole full entire combined'
  )
    .split(' ')
    .map(stem),
);

const CHANGE =
  /\b(grow|grew|growth|growing|increase[ds]?|rise|rose|risen|up by|expand(ed)?|fast(er|est)?|change|gain(ed)?|jump(ed)?|surge[ds]?|climb(ed)?|beat)\b|增长|增速|同比|增幅/;
const FIGURE_CUE =
  /\bhow (many|much|big|large|fast|high)\b|\bwhat (share|percentage|proportion|portion|fraction|slice)\b|\bhow big a (slice|share)\b|\bgrowth\b|\brate\b|\btarget\b|多少|几|增速|增长|比例|占比|率/;

/** Reads a question (already free of chatter and short forms) into concepts, places, period and wants. */
export function readQuery(engine: Engine, text: string, q: Question): Query {
  const norm = normalize(text);
  const placeWords = new Set(q.regions.flatMap((r) => [r.name, ...r.aliases].flatMap((n) => terms(n))));
  const personWords = new Set(q.people.flatMap((p) => [p.name, ...p.aliases].flatMap((n) => terms(n))));
  // A metric's name met in the question brings the gazetteer's other names for it: "gdp" meets "gross regional product".
  const metricForms = new Set(
    q.metrics.flatMap((m) =>
      [m.name, ...m.synonyms].filter((n) => !/\p{Script=Han}/u.test(n)).flatMap((n) => terms(n)),
    ),
  );
  const metricWords = new Set(q.metricWords);
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  // Words typed with a capital inside the question are names.
  const capitalised = new Set(
    text
      .split(/\s+/)
      .slice(1)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => normalize(w).replace(/'s$|[^\p{L}\p{N}-]/gu, '')),
  );
  const add = (word: string, forms: string[]) => {
    const own = stem(word);
    if (seen.has(own) || SHAPING.has(own) || placeWords.has(own) || /^\d/.test(own)) return;
    seen.add(own);
    const concept = conceptOf(engine, word, forms, capitalised.has(word));
    if (own === q.measured || own === q.unit || q.measures.includes(own)) concept.measured = true;
    if (own === q.measured && q.counts) concept.counted = true;
    if (!concept.forms.size && capitalised.has(word)) concept.unknownName = true;
    if (metricWords.has(own))
      for (const f of metricForms)
        if (!SHAPING.has(f) && engine.passages.has(f) && !concept.forms.has(f)) concept.forms.set(f, 0.8);
    concepts.push(concept);
  };
  if (q.chinese) {
    // A gloss per Chinese word: one concept, any of whose words may meet the passage.
    for (const gloss of glossChinese(norm)) {
      const words = terms(gloss).filter((t) => !SHAPING.has(t) && !placeWords.has(t));
      if (words.length) add(words.join(' '), words);
    }
  } else {
    for (const word of wordsOf(norm)) if (!personWords.has(stem(word)) && terms(word).length) add(word, []);
  }
  const area = q.regions.length ? engine.area(...narrowest(engine, q.regions)) : undefined;
  const asked = askedSpan(norm);
  return {
    concepts,
    ...(area ? { area } : {}),
    regions: q.regions,
    ...(asked ? { asked } : {}),
    wantsChange: CHANGE.test(norm),
    wholePeriod: q.wholePeriod,
    wantsFigure: q.intent === 'figure' || FIGURE_CUE.test(norm) || q.metrics.length > 0,
    asksNumber: FIGURE_CUE.test(norm) || (q.metrics.length > 0 && /\bwhat(?:'s| was| were| is| are)\b/.test(norm)),
    wantsAim: asksForAim(norm),
    wantsGap: /\bthan\b|\bbeat\b|\boutpac|\boutstrip|\bgap\b|\bahead of\b|percentage points?/.test(norm),
    metrics: new Set(q.metrics.map((m) => m.id)),
    metricTerms: tellingTerms(engine, metricForms),
    metricNames: q.metrics.flatMap((m) =>
      [m.name, ...m.synonyms]
        .filter((n) => !/\p{Script=Han}/u.test(n))
        .map((n) => terms(n).filter((t) => !SHAPING.has(t)))
        .filter((words) => words.length > 0),
    ),
  };
}

/**
 * The places asked about, less those that hold another of them: in "Jilin's growth beat the
 * national average" the country is what Jilin is measured against, not where to look.
 */
function narrowest(engine: Engine, regions: readonly Region[]): Region[] {
  const kept = regions.filter((r) => {
    const under = engine.area(r).ids;
    return !regions.some((other) => other !== r && under.has(other.id));
  });
  return kept.length ? kept : [...regions];
}

/**
 * The words of the metrics' names that tell them apart: "output" is in a dozen metrics'
 * names ("economic output", "coal output"), so it does not make a figure the GDP asked.
 */
function tellingTerms(engine: Engine, forms: ReadonlySet<string>): Set<string> {
  const spread = metricsUsing(engine);
  const own = [...forms].filter((t) => !SHAPING.has(t));
  const telling = own.filter((t) => (spread.get(t) ?? 0) <= SHARED_BY);
  // A metric named only by common words ("enterprises") is told by them all the same.
  return new Set(telling.length ? telling : own);
}

/** A word in more metrics' names than this is common to them. */
const SHARED_BY = 2;

const usingCache = new WeakMap<Engine, Map<string, number>>();

/** For each word of the gazetteer's metric names, how many metrics use it. */
function metricsUsing(engine: Engine): Map<string, number> {
  let counts = usingCache.get(engine);
  if (counts) return counts;
  counts = new Map();
  for (const m of engine.corpus.gazetteer.metrics)
    for (const t of new Set([m.name, ...m.synonyms].flatMap((n) => terms(n)))) counts.set(t, (counts.get(t) ?? 0) + 1);
  usingCache.set(engine, counts);
  return counts;
}

function conceptOf(engine: Engine, word: string, glossForms: string[], name = false): Concept {
  const index = engine.passages;
  const forms = new Map<string, number>();
  const offer = (form: string, credit: number) => {
    if (index.has(form) && (forms.get(form) ?? 0) < credit) forms.set(form, credit);
  };
  if (glossForms.length) {
    for (const f of glossForms) offer(f, 1);
  } else {
    const own = stem(word);
    offer(own, 1);
    for (const variant of derivations(word)) offer(variant, 0.9);
    // Single words only: a phrase's words one by one mean something else ("green goods").
    for (const synonym of synonymsOf(word)) if (!synonym.includes(' ')) for (const t of terms(synonym)) offer(t, 0.7);
    for (const t of familyOf(word)) offer(t, 0.8);
    // A misspelt word ("reserch") is read as the corpus word the speller takes it for; an
    // English word the corpus lacks ("centres") is not a misspelling of one it has ("central"),
    // nor is a name typed with a capital ("Meifu").
    if (!forms.size && !name && !isEnglishWord(word))
      for (const { to } of index.resolve(word).corrections) offer(to, 0.9);
  }
  const n = Math.max(1, engine.corpus.passages.length);
  const df = Math.max(...[...forms.keys()].map((f) => index.documentFrequency(f)), 0);
  // A word the corpus never uses is as telling as the rarest: a passage without it does not
  // answer ("the exchange rate", "the weather"). Unless it is a verb, adjective or adverb a
  // paraphrase may have chosen over the article's word ("what is Yichun doing besides"):
  // then it weighs as a common word.
  const rarest = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const paraphrased = !forms.size && !name && (partOfSpeech(word) ?? 'noun') !== 'noun';
  const weight = paraphrased ? rarest * UNUSED_PARAPHRASE : rarest;
  return { word, forms, weight };
}

/** The weight of a verb, adjective or adverb the corpus never uses, as a share of the rarest word's. */
const UNUSED_PARAPHRASE = 0.3;

/** Other forms of a word the articles may use: "production" · "produce", "exporters" · "export". */
function derivations(word: string): string[] {
  const out = new Set<string>();
  const w = word.toLowerCase();
  for (const [suffix, replacement] of SUFFIXES)
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) out.add(stem(w.slice(0, -suffix.length) + replacement));
  out.add(stem(w + 's'));
  return [...out];
}

const SUFFIXES: [string, string][] = [
  ['tion', ''],
  ['tion', 'e'],
  ['ction', 'ce'],
  ['ment', ''],
  ['ers', ''],
  ['er', ''],
  ['ors', ''],
  ['or', ''],
  ['al', ''],
  ['ally', ''],
  ['ly', ''],
  ['ity', ''],
  ['ies', 'y'],
  ['ing', ''],
  ['ing', 'e'],
  ['ed', ''],
  ['ed', 'e'],
  ['ive', 'ion'],
  ['ic', 'y'],
  ['ists', 'ism'],
  ['ian', 'y'],
];
