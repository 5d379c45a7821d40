import type { Article } from '../corpus/schema.ts';
import { normalize } from '../text/normalize.ts';

/** A hand-labelled article: what a careful reader would extract from its input file. */
export interface Expected {
  input: string;
  args: { title?: string; outlet?: string; published?: string; url?: string };
  article: { title: string; outlet: string; published: string; url?: string };
  passages: { text: string; regions: string[]; speaker?: string; people?: string[] }[];
  stats: {
    value: number;
    written: string;
    unit: string;
    region: string;
    period?: string;
    qualifier?: string;
    change?: number;
    metric?: string;
  }[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ArticleScore {
  passages: Counts;
  statistics: Counts;
  regions: Counts;
  speakers: Counts;
  /** One line per mistake, for a person to read. */
  mistakes: string[];
}

export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

/**
 * Scores an extracted article against its labels. A statistic counts as right when
 * its value, unit, period and region are all right; regions and speakers are
 * scored as (passage, id) pairs, passages by their text.
 */
export function scoreArticle(actual: Article, expected: Expected): ArticleScore {
  const mistakes: string[] = [];
  const passages = compareSets(
    actual.passages.map((p) => key(p.text)),
    expected.passages.map((p) => key(p.text)),
    (k, kind) => mistakes.push(`passage ${kind}: ${k.slice(0, 80)}`),
  );
  const regions = compareSets(
    actual.passages.flatMap((p) => p.regions.map((r) => `${key(p.text)}|${r}`)),
    expected.passages.flatMap((p) => p.regions.map((r) => `${key(p.text)}|${r}`)),
    (k, kind) => mistakes.push(`region ${kind}: ${k.split('|')[1]} in “${k.slice(0, 50)}…”`),
  );
  const speakers = compareSets(
    actual.passages.flatMap((p) => (p.speaker ? [`${key(p.text)}|${p.speaker}`] : [])),
    expected.passages.flatMap((p) => (p.speaker ? [`${key(p.text)}|${p.speaker}`] : [])),
    (k, kind) => mistakes.push(`speaker ${kind}: ${k.split('|')[1]} in “${k.slice(0, 50)}…”`),
  );

  const unmatched = [...actual.stats];
  const statistics: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const want of expected.stats) {
    const at = unmatched.findIndex(
      (s) =>
        sameNumber(s.value, want.value) &&
        unitKey(s.unit) === unitKey(want.unit) &&
        s.period === want.period &&
        s.region === want.region,
    );
    if (at >= 0) {
      statistics.tp++;
      unmatched.splice(at, 1);
      continue;
    }
    statistics.fn++;
    const near = unmatched.find((s) => sameNumber(s.value, want.value));
    mistakes.push(
      `statistic missed: ${want.written} ${want.unit} · ${want.region} · ${want.period ?? 'no period'}` +
        (near
          ? ` (got ${near.written} ${near.unit} · ${near.region} · ${near.period ?? 'no period'})`
          : ' (not extracted)'),
    );
  }
  for (const s of unmatched) {
    statistics.fp++;
    if (!expected.stats.some((e) => sameNumber(e.value, s.value)))
      mistakes.push(
        `statistic extra: ${s.written} ${s.unit} · ${s.region} · ${s.period ?? 'no period'} — “${s.quote.slice(0, 60)}…”`,
      );
  }
  return { passages, statistics, regions, speakers, mistakes };
}

/**
 * Units compare by what they measure, not by their wording: "% of industrial output
 * above designated size" and "% of the industrial output value …" are both a share,
 * "national and municipal R&D institutions" and "institutions" count the same thing.
 */
export function unitKey(unit: string): string {
  const u = unit.toLowerCase();
  if (/percentage points?/.test(u)) return 'percentage points';
  if (u.startsWith('%') || /\bper ?cent\b/.test(u)) return '%';
  if (/\b(?:yuan|rmb|renminbi)\b/.test(u)) return 'yuan';
  if (/dollars?|\busd\b|\$/.test(u)) return 'us dollars';
  const phrase = u
    .split(/\s+(?:of|for|in|at|above|below|from|with)\s+/)[0]!
    .replace(/[“”"]/g, '')
    .trim();
  return singular(phrase.split(/\s+/).at(-1)!);
}

function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  return word.replace(/s$/, '');
}

function compareSets(
  actual: string[],
  expected: string[],
  report: (key: string, kind: 'missed' | 'extra') => void,
): Counts {
  const want = new Set(expected);
  const got = new Set(actual);
  const counts = { tp: 0, fp: 0, fn: 0 };
  for (const k of got) {
    if (want.has(k)) counts.tp++;
    else {
      counts.fp++;
      report(k, 'extra');
    }
  }
  for (const k of want) {
    if (!got.has(k)) {
      counts.fn++;
      report(k, 'missed');
    }
  }
  return counts;
}

function key(text: string): string {
  return normalize(text);
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
