import type { Metric, Person, Region } from '../corpus/schema.ts';
import type { Engine } from './engine.ts';
import { normalize, stem, terms } from './text.ts';

export type Intent = 'figure' | 'who-said' | 'who-is' | 'what-is' | 'overview' | 'why-how';

/** A period as asked: absolute ("2024-Q1"), a quarter of any year, or relative to each article's date. */
export type AskedPeriod =
  | { kind: 'absolute'; period: string }
  | { kind: 'quarter'; quarter: number }
  | { kind: 'relative'; yearsAgo: number; quarter?: number };

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
  chinese: boolean;
}

const MAX_QUESTION = 500;

// Words that shape a question without saying what it is about.
const filler = new Set(
  ('article articles say says said report reported mention mentioned according cctv tell know give show explain describe ' +
    'figure figures number numbers total amount value level data statistic statistics stat stats fast big large size high ' +
    'reach reached grow grew growth increase increased rise rose up expand change percent percentage rate year years quarter ' +
    'month months first second third fourth last three this next please exactly approximately roughly around about ' +
    'q1 q2 q3 q4 h1 h2 many much did does do is was were are has have had be any there ' +
    'january february march april may june july august september october november december ' +
    'who whom whose what which where when why how overview summary summarise summarize anything everything something ' +
    'thing things role position person people man woman one official quoted quote quotes ' +
    'take took taken long quick quickly pls please plz thanks thank me us whole full entire annual get got ' +
    // Verbs of speech: "who talked about X" is about X.
    'talk talked speak spoke explain explained state stated note noted stress stressed emphasize emphasized argue argued claim claimed comment commented ' +
    'far now currently today present presently recently so yet still go going goes happen happening happened news latest update updates')
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

export function parseQuestion(engine: Engine, raw: string, vocabulary: EntityVocabulary): Question {
  const text = raw.slice(0, MAX_QUESTION);
  const norm = paraphrases.reduce((t, [from, to]) => t.replace(from, to), normalize(text));
  const chinese = /\p{Script=Han}/u.test(norm);
  const found = vocabulary.find(norm, engine);
  const period = parseAskedPeriod(norm);
  const wantsChange = /\b(grow|grew|growth|growing|increase[ds]?|rise|rose|risen|up by|expand|fast|faster|change)\b|增长|增速|同比/.test(norm);
  const entityWords = new Set(found.words);
  const meaningful = (word: string) => {
    const t = stem(word);
    return !filler.has(t) && !entityWords.has(t) && !/^\d/.test(t) && !/\p{Script=Han}/u.test(t) && terms(word).length > 0;
  };
  const contentWords = [...new Set(wordsOf(norm).filter(meaningful))];
  const content = [...new Set(contentWords.map(stem))];
  const counted = /\bhow many ([\p{L}-]+)/u.exec(norm)?.[1];
  const measured = counted && meaningful(counted) ? stem(counted) : /\bhow much\b/.test(norm) ? content.at(-1) : undefined;
  return {
    text,
    intent: classify(norm, chinese, found),
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
    chinese,
  };
}

function classify(q: string, chinese: boolean, found: Found): Intent {
  if (chinese) {
    for (const [pattern, intent] of chineseIntents) if (pattern.test(q)) return intent;
  }
  if (/\bwho (said|says|stated|described|called|pointed out|spoke|talked|told|quoted|argued|claimed|mentioned|explained|explains|noted|stressed|emphasi[sz]ed|added|warned|urged)\b|\bwhose words\b|\bwho is quoted\b|\baccording to whom\b|\bwhat did .+ (say|call|describe|stress|point out)\b/.test(q)) {
    return 'who-said';
  }
  if (/\bwho('s| is| was| are)\b|\bwhat (role|position|job|title)\b|^who\b|\bwho (leads|heads|runs|governs|is in charge)\b/.test(q)) return 'who-is';
  if (/\bhow (many|much|fast|big|large|long|quickly)\b|\bwhat (share|percentage|proportion|portion)\b|\bgdp\b|\bgrowth\b|\bgrew\b|\bfigures?\b|\bnumbers?\b|\bpercent|%/.test(q)) {
    return 'figure';
  }
  if (found.metrics.length > 0 && /\bwhat (was|were|is|are)\b/.test(q)) return 'figure';
  if (/\bwhy\b|\bhow (does|did|do|is|are|was|were|can|will|has|have)\b|\bin what way|\bwhat (makes|made|drives|drove)\b|\breason/.test(q)) return 'why-how';
  if (/\btell me about\b|\boverview\b|\bsummar|\bwhat does (the article|it|cctv) say about\b|\bwhat('s| is) (happening|going on) in\b|\bwhat about\b/.test(q)) return 'overview';
  if (/\bwhat (is|are|was|were)\b|\bwhat's\b|\bwhere is\b|\bdefine\b|\bmeaning of\b/.test(q)) return 'what-is';
  if (found.metrics.length > 0) return 'figure';
  if (found.people.length > 0) return 'who-is';
  if (found.regions.length > 0) return 'overview';
  return 'why-how';
}

function parseAskedPeriod(q: string): AskedPeriod | undefined {
  const year = /\b(19|20)\d{2}\b/.exec(q)?.[0] ?? /((?:19|20)\d{2})年/.exec(q)?.[1];
  const quarter =
    /\bq([1-4])\b/.exec(q)?.[1] ??
    { first: '1', second: '2', third: '3', fourth: '4' }[/\b(first|second|third|fourth) quarter\b/.exec(q)?.[1] ?? ''] ??
    (/\b(first three months|january( to|-|–| through )march|jan(uary)?-mar(ch)?)\b/.test(q) ? '1' : undefined) ??
    (() => {
      const zh = /第?([一二三四1-4])季度/.exec(q)?.[1];
      return zh ? String(chineseQuarters[zh]) : undefined;
    })();
  if (year) return { kind: 'absolute', period: quarter ? `${year}-Q${quarter}` : year };
  const relative = /\bthis year\b|今年/.test(q) ? 0 : /\blast year\b|去年/.test(q) ? 1 : undefined;
  if (relative !== undefined) return { kind: 'relative', yearsAgo: relative, ...(quarter ? { quarter: Number(quarter) } : {}) };
  if (quarter) return { kind: 'quarter', quarter: Number(quarter) };
  return undefined;
}

interface Found {
  regions: Region[];
  metrics: Metric[];
  people: Person[];
  /** The stemmed words the entities were found in, so they do not count as content too. */
  words: string[];
  metricWords: string[];
}

type Entity = { kind: 'region'; target: Region } | { kind: 'metric'; target: Metric } | { kind: 'person'; target: Person };

const MAX_NGRAM = 5;

/**
 * Every name and alias of the gazetteer, for spotting entities inside a sentence:
 * word n-grams for English, substrings for Chinese (which has no spaces).
 */
export class EntityVocabulary {
  private readonly byWords = new Map<string, Entity>();
  private readonly han: [string, Entity][] = [];

  constructor(engine: Engine) {
    const add = (name: string | undefined, entity: Entity) => {
      if (!name) return;
      const key = normalize(name);
      if (/\p{Script=Han}/u.test(key)) this.han.push([key, entity]);
      else {
        const words = wordsOf(key).join(' ');
        if (words && !this.byWords.has(words)) this.byWords.set(words, entity);
      }
    };
    const { regions, metrics, people } = engine.corpus.gazetteer;
    for (const r of regions) for (const n of [r.name, r.zh, ...r.aliases]) add(n, { kind: 'region', target: r });
    for (const p of people) for (const n of [p.name, p.zh, ...p.aliases]) add(n, { kind: 'person', target: p });
    // Metrics last: a place name ("Zhangjiang") wins over a metric synonym of the same words.
    for (const m of metrics) for (const n of [m.name, m.zh, m.id.replaceAll('-', ' '), ...m.synonyms]) add(n, { kind: 'metric', target: m });
    // Longest Chinese names first, so 江苏省 is found before 江苏.
    this.han.sort((a, b) => b[0].length - a[0].length);
  }

  /**
   * A typo of a one-word name: one edit away (a letter wrong, missing, extra, or two
   * swapped: "gpd", "shangai", "jiangsuu"), two for long words. Fuse.js is looser than
   * this, and with hundreds of city names a loose match finds a city in any word.
   */
  private misspelt(word: string): Entity | undefined {
    const allowed = word.length >= 8 ? 2 : 1;
    let best: { entity: Entity; distance: number } | undefined;
    for (const [name, entity] of this.byWords) {
      if (name.includes(' ') || Math.abs(name.length - word.length) > allowed || name[0] !== word[0]) continue;
      const distance = editDistance(word, name, allowed);
      if (distance <= allowed && (!best || distance < best.distance)) best = { entity, distance };
    }
    return best?.entity;
  }

  find(q: string, engine: Engine): Found {
    const found: Found = { regions: [], metrics: [], people: [], words: [], metricWords: [] };
    const add = (entity: Entity) => {
      const list = found[entity.kind === 'region' ? 'regions' : entity.kind === 'metric' ? 'metrics' : 'people'] as { id: string }[];
      if (!list.some((e) => e.id === entity.target.id)) list.push(entity.target);
    };
    let rest = q;
    for (const [name, entity] of this.han) {
      if (rest.includes(name)) {
        add(entity);
        rest = rest.replaceAll(name, ' ');
      }
    }
    const words = wordsOf(rest);
    const used = new Array<boolean>(words.length).fill(false);
    for (let size = Math.min(MAX_NGRAM, words.length); size >= 1; size--) {
      for (let i = 0; i + size <= words.length; i++) {
        if (used.slice(i, i + size).some(Boolean)) continue;
        const entity = this.byWords.get(words.slice(i, i + size).join(' '));
        if (!entity) continue;
        add(entity);
        for (let j = i; j < i + size; j++) used[j] = true;
        const stems = words.slice(i, i + size).map(stem);
        found.words.push(...stems);
        if (entity.kind === 'metric') found.metricWords.push(...stems);
      }
    }
    // Misspelt names ("jiangsuu", "shangai", "gpd"): only words the corpus itself does not use.
    words.forEach((word, i) => {
      if (used[i] || word.length < 3 || filler.has(stem(word)) || terms(word).length === 0 || engine.passages.has(stem(word))) return;
      const entity = this.misspelt(word);
      if (entity) {
        add(entity);
        found.words.push(stem(word));
      }
    });
    return found;
  }
}

/** Damerau–Levenshtein distance (adjacent swaps count one), or more than `limit` once it is certain to exceed it. */
export function editDistance(a: string, b: string, limit: number): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      smallest = Math.min(smallest, d);
    }
    if (smallest > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Lowercase words without possessives: "jiangsu's gdp" → ["jiangsu", "gdp"]. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/'s\b/g, '')
    // "一季度gdp是多少": Latin words inside Chinese are words of their own.
    .replace(/(\p{Script=Han}+)/gu, ' $1 ')
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean);
}
