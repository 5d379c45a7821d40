import type { Gazetteer, Metric, Person, Region } from '../corpus/schema.ts';
import { normalize, stem, terms } from '../text/normalize.ts';
export interface Found {
  regions: Region[];
  metrics: Metric[];
  people: Person[];
  /** The stemmed words the entities were found in, so they do not count as content too. */
  words: string[];
  metricWords: string[];
}

type Entity =
  { kind: 'region'; target: Region } | { kind: 'metric'; target: Metric } | { kind: 'person'; target: Person };

const MAX_NGRAM = 5;

/**
 * Every name and alias of the gazetteer, for spotting entities inside a sentence:
 * word n-grams for English, substrings for Chinese (which has no spaces).
 */
export class EntityVocabulary {
  private readonly byWords = new Map<string, Entity>();
  private readonly han: [string, Entity][] = [];
  /** The one-word names by their first letter, in gazetteer order: what a typo is compared with. */
  private readonly oneWord = new Map<string, { name: string; entity: Entity }[]>();

  constructor(gazetteer: Gazetteer) {
    const add = (name: string | undefined, entity: Entity) => {
      if (!name) return;
      const key = normalize(name);
      if (/\p{Script=Han}/u.test(key)) this.han.push([key, entity]);
      else {
        const words = wordsOf(key).join(' ');
        if (words && !this.byWords.has(words)) this.byWords.set(words, entity);
      }
    };
    const { regions, metrics, people } = gazetteer;
    for (const r of regions) for (const n of [r.name, r.zh, ...r.aliases]) add(n, { kind: 'region', target: r });
    for (const p of people) for (const n of [p.name, p.zh, ...p.aliases]) add(n, { kind: 'person', target: p });
    // Metrics last: a place name ("Zhangjiang") wins over a metric synonym of the same words.
    for (const m of metrics)
      for (const n of [m.name, m.zh, m.id.replaceAll('-', ' '), ...m.synonyms]) add(n, { kind: 'metric', target: m });
    // Longest Chinese names first, so 江苏省 is found before 江苏.
    this.han.sort((a, b) => b[0].length - a[0].length);
    for (const [name, entity] of this.byWords) {
      if (name.includes(' ')) continue;
      const list = this.oneWord.get(name[0]!);
      if (list) list.push({ name, entity });
      else this.oneWord.set(name[0]!, [{ name, entity }]);
    }
  }

  /**
   * A typo of a one-word name: one edit away (a letter wrong, missing, extra, or two
   * swapped: "gpd", "shangai", "jiangsuu"), two for long words. Fuse.js is looser than
   * this, and with hundreds of city names a loose match finds a city in any word.
   */
  private misspelt(word: string): Entity | undefined {
    const allowed = word.length >= 8 ? 2 : 1;
    let best: Entity | undefined;
    let bestDistance = allowed + 1;
    for (const { name, entity } of this.oneWord.get(word[0]!) ?? []) {
      if (Math.abs(name.length - word.length) > allowed) continue;
      const distance = editDistance(word, name, allowed);
      if (distance < bestDistance) {
        best = entity;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** The entities named in `q`; a word for which `ordinary` holds is never taken for a misspelt name. */
  find(q: string, ordinary: (word: string) => boolean): Found {
    const found: Found = { regions: [], metrics: [], people: [], words: [], metricWords: [] };
    const add = (entity: Entity) => {
      const list = found[entity.kind === 'region' ? 'regions' : entity.kind === 'metric' ? 'metrics' : 'people'] as {
        id: string;
      }[];
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
      if (used[i] || word.length < 3 || terms(word).length === 0 || ordinary(word)) return;
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
  // Three rows (two back, one back, this one), reused: a typo is compared with dozens of names per word.
  const width = b.length + 1;
  if (distanceRows.length < 3 * width) distanceRows = new Int32Array(6 * width);
  const rows = distanceRows;
  const row = (i: number) => (i % 3) * width;
  for (let j = 0; j <= b.length; j++) rows[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const here = row(i);
    const above = row(i - 1);
    const twoAbove = row(i - 2 + 3);
    rows[here] = i;
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[above + j]! + 1, rows[here + j - 1]! + 1, rows[above + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[twoAbove + j - 2]! + 1);
      rows[here + j] = d;
      smallest = Math.min(smallest, d);
    }
    if (smallest > limit) return limit + 1;
  }
  return rows[row(a.length) + b.length]!;
}

let distanceRows = new Int32Array(3 * 64);

/** Lowercase words without possessives: "jiangsu's gdp" → ["jiangsu", "gdp"]. */
export function wordsOf(text: string): string[] {
  return (
    text
      .replace(/'s\b/g, '')
      // "一季度gdp是多少": Latin words inside Chinese are words of their own.
      .replace(/(\p{Script=Han}+)/gu, ' $1 ')
      .split(/[^\p{L}\p{N}&]+/u)
      .filter(Boolean)
  );
}
