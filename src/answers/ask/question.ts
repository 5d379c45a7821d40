import type { Metric, Person, Region } from '../../corpus/schema.ts';
import type { Engine } from '../../engine/engine.ts';
import { wordsOf, type Found } from '../../search/entities.ts';
import { normalize, stem, terms } from '../../text/normalize.ts';
import { partOfSpeech } from '../../text/synonyms.ts';

export type Intent = 'figure' | 'who-said' | 'who-is' | 'what-is' | 'overview' | 'why-how';

import type { AskedPeriod } from '../../messages/period.ts';
import { askedSpan, type AskedSpan } from '../../text/span.ts';
import { spanOfMonths } from '../../text/period.ts';
export type { AskedPeriod };

/** What a question asks, as far as the corpus's vocabulary can tell. */
export interface Question {
  text: string;
  intent: Intent;
  regions: Region[];
  metrics: Metric[];
  people: Person[];
  period?: AskedPeriod;
  /** "How fast did it grow?" asks for the change, not the level. */
  wantsChange: boolean;
  /** "The whole of 2024": a part of the period does not answer it. */
  wholePeriod: boolean;
  /** Stemmed words that carry meaning beyond the entities, question words and fillers. */
  content: string[];
  /** The same words as typed, for showing back. */
  contentWords: string[];
  /** The stemmed words in which the metrics were found. */
  metricWords: string[];
  /** What "how many …" counts, or what "how much … cost" measures: a figure must be about it. */
  measured?: string;
  /** Every head asked for by "how many …" or "how much …": "how many parts, how many days" asks two. */
  measures: string[];
  /** `measured` is what "how many …" counts. */
  counts: boolean;
  /** A unit the question asks the figure in ("in yuan", "in tonnes"), as the corpus's units say it. */
  unit?: string;
  chinese: boolean;
}

const MAX_QUESTION = 500;

// Words that shape a question without saying what it is about.
const filler = new Set(
  (
    'article articles say says said report reported mention mentioned according cctv tell know give show explain describe ' +
    'figure figures number numbers total amount value level data statistic statistics stat stats fast big large size high ' +
    'reach reached grow grew growth increase increased rise rose up expand change percent percentage rate year years quarter ' +
    'month months half first second third fourth last three this next please exactly approximately roughly around about ' +
    'q1 q2 q3 q4 h1 h2 many much did does do is was were are has have had be any there ' +
    'january february march april may june july august september october november december ' +
    'who whom whose what which where when why how overview summary summarise summarize anything everything something ' +
    'thing things role position person people man woman one official quoted quote quotes ' +
    'take took taken long quick quickly pls please plz thanks thank me us whole full entire annual get got ' +
    // Verbs of speech: "who talked about X" is about X.
    'talk talked speak spoke explain explained state stated note noted stress stressed emphasize emphasized argue argued claim claimed comment commented ' +
    'far now currently today present presently recently so yet still go going goes happen happening happened news latest update updates'
  )
    .split(' ')
    .map(stem),
);

const chineseIntents: [RegExp, Intent][] = [
  [/谁说|说了什么|讲了什么|表示了什么/, 'who-said'],
  [/是谁|什么人|谁是/, 'who-is'],
  [/多少|几个|几家|几天|多大|多快|增长|增速|占比|比例/, 'figure'],
  [/概况|概述|总结|怎么样|情况/, 'overview'],
  [/为什么|为何|怎么|如何|怎样/, 'why-how'],
  [/是什么|什么是|介绍/, 'what-is'],
];

const chineseQuarters: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

// Phrasal verbs, said as the articles' single words so they can meet.
const paraphrases: [RegExp, string][] = [
  [/\bput(ting)? together\b/g, 'assembled'],
  [/\bset(ting)? up\b/g, 'established'],
  [/\bbrought together\b/g, 'gathered'],
];

export function parseQuestion(engine: Engine, raw: string): Question {
  const text = raw.slice(0, MAX_QUESTION);
  const norm = paraphrases.reduce((t, [from, to]) => t.replace(from, to), normalize(text));
  const chinese = /\p{Script=Han}/u.test(norm);
  // A word the corpus uses, or a filler, is what it says: never a misspelt name.
  const found = withoutModifiedMetrics(
    withoutFillerMetrics(
      engine.entities().find(norm, (word) => filler.has(stem(word)) || engine.passages.has(stem(word))),
    ),
    norm,
  );
  const period = asAsked(askedSpan(norm)) ?? parseAskedPeriod(norm);
  const wantsChange =
    /\b(grow|grew|growth|growing|increase[ds]?|rise|rose|risen|up by|expand|fast|faster|change)\b|增长|增速|同比/.test(
      norm,
    );
  const entityWords = new Set(found.words);
  const meaningful = (word: string) => {
    const t = stem(word);
    return (
      !filler.has(t) && !entityWords.has(t) && !/^\d/.test(t) && !/\p{Script=Han}/u.test(t) && terms(word).length > 0
    );
  };
  const contentWords = [...new Set(wordsOf(norm).filter(meaningful))];
  const content = [...new Set(contentWords.map(stem))];
  const counted = /\bhow many\b/.test(norm) ? headOf(norm, 'many', meaningful) : undefined;
  const much = /\bhow much\b/.test(norm) ? headOf(norm, 'much', meaningful) : undefined;
  // "How much does a Tianbing rocket cost": with no noun after it, what the question ends on is measured.
  const last = stem(wordsOf(norm).at(-1) ?? '');
  const ending = /\bhow much\b/.test(norm) && content.at(-1) === last ? last : undefined;
  const measured = counted ? stem(counted) : much ? stem(much) : ending;
  const unit = askedUnit(engine, norm);
  const intent = classify(norm, chinese, found);
  return {
    text,
    // "What was the value added … in yuan" asks for a figure, however it is worded.
    intent: unit && (intent === 'what-is' || intent === 'overview') ? 'figure' : intent,
    regions: found.regions,
    metrics: found.metrics,
    people: found.people,
    ...(period ? { period } : {}),
    wantsChange,
    wholePeriod: /\b(whole|full|entire|all of|annual|full-year)\b|全年/.test(norm),
    content,
    contentWords,
    metricWords: found.metricWords,
    ...(measured ? { measured } : {}),
    measures: allHeads(norm, meaningful),
    counts: !!counted && measured === stem(counted),
    ...(unit ? { unit } : {}),
    chinese,
  };
}

/**
 * The head of the noun phrase after "how many" or "how much": its last meaningful word
 * before a verb or preposition ("how many China-Europe freight trains passed" gives trains).
 * "How much did X invest" names none.
 */
function headOf(norm: string, after: 'many' | 'much', meaningful: (word: string) => boolean): string | undefined {
  const rest = new RegExp(String.raw`\bhow ${after}\s+(.*)`, 'u').exec(norm)?.[1] ?? '';
  let head: string | undefined;
  for (const word of rest.split(/\s+/)) {
    // A verb in the past ("visited", "raised") ends the phrase too.
    if (PHRASE_ENDS.has(word) || !/^[\p{L}-]+$/u.test(word) || (head && /ed$/.test(word))) break;
    head = word;
  }
  return head && meaningful(head) ? head : undefined;
}

/** The stemmed head of every "how many …" and "how much …" of the question. */
function allHeads(norm: string, meaningful: (word: string) => boolean): string[] {
  const parts = norm.split(/(?=\bhow (?:many|much)\b)/u);
  return parts.flatMap((part) => {
    const after = /^how (many|much)\b/u.exec(part)?.[1] as 'many' | 'much' | undefined;
    const head = after && headOf(part, after, meaningful);
    return head ? [stem(head)] : [];
  });
}

// Words that end the noun phrase after "how many" or "how much".
const PHRASE_ENDS = new Set(
  'did does do is are was were has have had will would can could in of on at for from to by during this that since through passed went and or with'.split(
    ' ',
  ),
);

/** "in yuan", "in tonnes", "in kwh": a unit the corpus's figures are given in, asked after "in". */
function askedUnit(engine: Engine, norm: string): string | undefined {
  const units = unitsOf(engine);
  for (const m of norm.matchAll(/\bin (?:terms of )?([\p{L}$]+)/gu)) {
    const t = stem(m[1]!);
    if (units.has(t)) return t;
  }
  return undefined;
}

/** A word a unit starts with in this many of the corpus's figures is a unit. */
const UNIT_USES = 3;
const unitCache = new WeakMap<Engine, Set<string>>();

function unitsOf(engine: Engine): Set<string> {
  let units = unitCache.get(engine);
  if (units) return units;
  const uses = new Map<string, number>();
  for (const s of engine.corpus.stats) {
    const first = terms(s.unit)[0];
    if (first) uses.set(first, (uses.get(first) ?? 0) + 1);
  }
  units = new Set([...uses].filter(([, n]) => n >= UNIT_USES).map(([t]) => t));
  unitCache.set(engine, units);
  return units;
}

/** A metric named only by words that shape questions ("first", "growth") is not asked for by them: "the first half" names no metric. */
function withoutFillerMetrics(found: Found): Found {
  return keepingMetrics(
    found,
    found.metrics.filter((m) => terms(m.name).some((t) => !filler.has(t))),
  );
}

/**
 * Metrics named only by one word that an adjective or noun qualifies: "Beijing's digital economy" is
 * not Beijing's economy, nor "new energy investment" all investment. A place or a word
 * of quantity before it ("Beijing's economy", "the total investment") leaves the metric as named.
 */
function withoutModifiedMetrics(found: Found, norm: string): Found {
  const words = wordsOf(norm);
  const named = new Set(found.words);
  const qualified = (m: Found['metrics'][number]) => {
    const names = [m.name, ...m.synonyms].map((n) => n.toLowerCase());
    if (names.some((n) => n.includes(' ') && norm.includes(n))) return false;
    const single = new Set(names.filter((n) => !n.includes(' ')));
    // A word of the metric's own longer names ("rocket" of "rocket assembly time") does not make it another.
    const own = new Set(names.flatMap((n) => terms(n)));
    const at = words.flatMap((w, i) => (single.has(w) ? [i] : []));
    return (
      at.length > 0 &&
      at.every((i) => {
        const before = words[i - 1];
        return (
          before !== undefined &&
          /^[a-z-]+$/.test(before) &&
          !filler.has(stem(before)) &&
          !named.has(stem(before)) &&
          !own.has(stem(before)) &&
          !UNQUALIFYING.has(before) &&
          ['adj', 'noun'].includes(partOfSpeech(before) ?? '')
        );
      })
    );
  };
  return keepingMetrics(
    found,
    found.metrics.filter((m) => !qualified(m)),
  );
}

/** The entities found, with only the metrics kept and the words that named them. */
function keepingMetrics(found: Found, kept: Found['metrics']): Found {
  if (kept.length === found.metrics.length) return found;
  const naming = new Set(kept.flatMap((m) => [m.name, ...m.synonyms].flatMap((n) => terms(n))));
  return { ...found, metrics: kept, metricWords: found.metricWords.filter((w) => naming.has(w)) };
}

// Words before a metric's name that do not make it another thing.
const UNQUALIFYING = new Set(
  'the a an its their our his her this that whole overall total entire national local regional provincial city province country municipal annual gross exact actual real official latest current nominal precise estimated preliminary final reported average'.split(
    ' ',
  ),
);

function classify(q: string, chinese: boolean, found: Found): Intent {
  if (chinese) {
    for (const [pattern, intent] of chineseIntents) if (pattern.test(q)) return intent;
  }
  if (
    /\bwho (said|says|stated|described|called|pointed out|spoke|talked|told|quoted|argued|claimed|mentioned|explained|explains|noted|stressed|emphasi[sz]ed|added|warned|urged)\b|\bwhose words\b|\bwho is quoted\b|\baccording to whom\b|\bwhat did .+ (say|call|describe|stress|point out)\b/.test(
      q,
    )
  ) {
    return 'who-said';
  }
  if (
    /\bwho('s| is| was| are)\b|\bwhat (role|position|job|title)\b|^who\b|\bwho (leads|heads|runs|governs|is in charge)\b/.test(
      q,
    )
  )
    return 'who-is';
  if (
    /\bhow (many|much|fast|big|large|long|quickly)\b|\bwhat (share|percentage|proportion|portion)\b|\bgdp\b|\bgrowth\b|\bgrew\b|\bfigures?\b|\bnumbers?\b|\bpercent|%/.test(
      q,
    )
  ) {
    return 'figure';
  }
  if (found.metrics.length > 0 && /\bwhat (was|were|is|are)\b/.test(q)) return 'figure';
  if (
    /\bwhy\b|\bhow (does|did|do|is|are|was|were|can|will|has|have)\b|\bin what way|\bwhat (makes|made|drives|drove)\b|\breason/.test(
      q,
    )
  )
    return 'why-how';
  if (
    /\btell me about\b|\boverview\b|\bsummar|\bwhat does (the article|it|cctv) say about\b|\bwhat('s| is) (happening|going on) in\b|\bwhat about\b/.test(
      q,
    )
  )
    return 'overview';
  if (/\bwhat (is|are|was|were)\b|\bwhat's\b|\bwhere is\b|\bdefine\b|\bmeaning of\b/.test(q)) return 'what-is';
  if (found.metrics.length > 0) return 'figure';
  if (found.people.length > 0) return 'who-is';
  if (found.regions.length > 0) return 'overview';
  return 'why-how';
}

/**
 * The span the answer is held to, in the corpus's notation, when the question gives its
 * year: "the first half of 2023" is 2023-H1, "Jan-Apr 2024" 2024-01/2024-04, as answered.
 */
function asAsked(asked: AskedSpan | undefined): AskedPeriod | undefined {
  if (!asked || asked.yearless) return undefined;
  const { from, to } = asked.span;
  const [y1, y2] = [Math.floor(from / 12), Math.floor(to / 12)];
  if (y1 === y2) return { kind: 'absolute', period: spanOfMonths(y1, (from % 12) + 1, (to % 12) + 1) };
  return from % 12 === 0 && to % 12 === 11 ? { kind: 'absolute', period: `${y1}/${y2}` } : undefined;
}

function parseAskedPeriod(q: string): AskedPeriod | undefined {
  const year = /\b(19|20)\d{2}\b/.exec(q)?.[0] ?? /((?:19|20)\d{2})年/.exec(q)?.[1];
  const quarter =
    /\bq([1-4])\b/.exec(q)?.[1] ??
    { first: '1', second: '2', third: '3', fourth: '4' }[
      /\b(first|second|third|fourth) quarter\b/.exec(q)?.[1] ?? ''
    ] ??
    (/\b(first three months|january( to|-|–| through )march|jan(uary)?-mar(ch)?)\b/.test(q) ? '1' : undefined) ??
    (() => {
      const zh = /第?([一二三四1-4])季度/.exec(q)?.[1];
      return zh ? String(chineseQuarters[zh]) : undefined;
    })();
  if (year) return { kind: 'absolute', period: quarter ? `${year}-Q${quarter}` : year };
  const relative = /\bthis year\b|今年/.test(q) ? 0 : /\blast year\b|去年/.test(q) ? 1 : undefined;
  if (relative !== undefined)
    return { kind: 'relative', yearsAgo: relative, ...(quarter ? { quarter: Number(quarter) } : {}) };
  if (quarter) return { kind: 'quarter', quarter: Number(quarter) };
  return undefined;
}
