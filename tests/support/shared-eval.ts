import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, Gazetteer } from '../../src/corpus/schema.ts';
import { IngestError, ingest } from '../../src/ingest/ingest.ts';

/**
 * The shared development set (../shared/eval, beside the checkout in CI), scored in
 * process by the rules of ../shared/eval/score-ingest.mjs (README §4 there): a figure is
 * right when value (scale applied), unit class, period and region all match gold.
 * Running `ingest` directly instead of 33 `corpus:add` processes keeps the gate fast.
 */
export const SHARED_EVAL = path.resolve(import.meta.dirname, '../../../shared/eval');

export interface SharedScore {
  stats: { tp: number; fp: number; fn: number };
  regions: { tp: number; fp: number; fn: number };
  speakers: { tp: number; fn: number };
  failed: string[];
  /** One line per miss or extra, for the assertion message. */
  mistakes: string[];
}

interface GoldStat {
  value: number;
  unit: string;
  period?: string | null;
  period_accept?: (string | null)[];
  region?: string;
  region_accept?: string[];
  value_alt?: { value: number; unit: string };
  optional?: boolean;
  quote: string;
}
interface Gold {
  stats: GoldStat[];
  regions: string[];
  districts?: string[];
  zones?: string[];
  speakers?: { name: string | null; aliases?: string[]; optional?: boolean }[];
}

const norm = (s: unknown) =>
  String(s ?? '')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\b(province|city|municipality|prefecture|sheng|shi)\b/g, '')
    .replace(/[^a-z\u4e00-\u9fff]/g, '');
const SCALE: [RegExp, number][] = [
  [/trillion/, 1e12],
  [/billion/, 1e9],
  [/million/, 1e6],
  [/ten thousand|10,000|10 thousand/, 1e4],
  [/thousand/, 1e3],
];
function unitClass(unit: string): string {
  const u = unit.toLowerCase();
  if (/percentage point|pp\b/.test(u)) return 'pp';
  if (/%|percent/.test(u)) return 'pct';
  if (/yuan|rmb|cny/.test(u)) return 'yuan';
  if (/dollar|usd|\$/.test(u)) return 'usd';
  if (/day/.test(u)) return 'day';
  if (/year/.test(u)) return 'year';
  return 'count';
}
function absolute(value: number, unit: string): number {
  const found = SCALE.find(([re]) => re.test(unit.toLowerCase()));
  return found ? value * found[1] : value;
}
const normPeriod = (p: unknown) =>
  String(p ?? '')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');

export function scoreSharedEval(gazetteer: Gazetteer, dir = SHARED_EVAL): SharedScore {
  const score: SharedScore = {
    stats: { tp: 0, fp: 0, fn: 0 },
    regions: { tp: 0, fp: 0, fn: 0 },
    speakers: { tp: 0, fn: 0 },
    failed: [],
    mistakes: [],
  };
  const files = readdirSync(path.join(dir, 'articles'))
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort();
  for (const file of files) {
    const slug = file.replace(/\.raw\.txt$|\.txt$|\.html$/, '');
    const gold = JSON.parse(readFileSync(path.join(dir, 'gold', `${slug}.json`), 'utf8')) as Gold;
    const header = readFileSync(path.join(dir, 'articles', `${slug}.txt`), 'utf8').split('\n')[0]!;
    const [title, outlet, date, url] = header
      .replace(/^#\s*/, '')
      .split(' | ')
      .map((s) => s.trim());
    const text = readFileSync(path.join(dir, 'articles', file), 'utf8');
    const html = file.endsWith('.html');
    const body = html ? text : text.split('\n').slice(1).join('\n').replace(/^\s+/, '');
    const published = /^\d{4}-\d{2}(-\d{2})?/.exec(date ?? '')?.[0];
    const required = gold.stats.filter((s) => !s.optional);
    const namedSpeakers = (gold.speakers ?? []).filter((s) => !s.optional && s.name);
    let article: Article;
    let names: Map<string, string[]>;
    try {
      const result = ingest(body, html ? 'html' : 'txt', { title, outlet, published, url }, gazetteer);
      article = result.article;
      names = nameIndex(gazetteer, result.newPeople);
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      score.failed.push(`${file}: ${error.message}`);
      score.stats.fn += required.length;
      score.regions.fn += gold.regions.length;
      score.speakers.fn += namedSpeakers.length;
      continue;
    }
    const asNames = (id: string) => [id, ...(names.get(id) ?? [])].map(norm).filter(Boolean);
    const sameRegion = (id: string, want: string, accept: string[] = []) =>
      [want, ...accept].map(norm).some((g) => asNames(id).includes(g));

    const predicted = article.stats.map((s) => ({ s, abs: absolute(s.value, s.unit), cls: unitClass(s.unit) }));
    const used = new Set<number>();
    for (const g of gold.stats) {
      const alts: [number, string][] = [[absolute(g.value, g.unit), unitClass(g.unit)]];
      if (g.value_alt) alts.push([absolute(g.value_alt.value, g.value_alt.unit), unitClass(g.value_alt.unit)]);
      const i = predicted.findIndex(
        (p, k) =>
          !used.has(k) &&
          alts.some(([v, c]) => c === p.cls && Math.abs(v - p.abs) <= Math.abs(v) * 1e-6) &&
          (!g.region || sameRegion(p.s.region, g.region, g.region_accept)) &&
          (!g.period || [g.period, ...(g.period_accept ?? [])].map(normPeriod).includes(normPeriod(p.s.period))),
      );
      if (i >= 0) {
        used.add(i);
        if (!g.optional) score.stats.tp++;
      } else if (!g.optional) {
        score.stats.fn++;
        score.mistakes.push(
          `missed ${file}: ${g.value} ${g.unit} ${g.period ?? ''} ${g.region ?? ''} — ${g.quote.slice(0, 60)}`,
        );
      }
    }
    predicted.forEach((p, k) => {
      if (used.has(k)) return;
      score.stats.fp++;
      score.mistakes.push(
        `extra ${file}: ${p.s.written} ${p.s.unit} ${p.s.period ?? ''} ${p.s.region} — ${p.s.quote.slice(0, 60)}`,
      );
    });

    const neutral = [...(gold.districts ?? []), ...(gold.zones ?? [])].map(norm);
    const matched = new Set<string>();
    for (const r of new Set(article.passages.flatMap((p) => p.regions))) {
      const g = gold.regions.find((g) => sameRegion(r, g));
      if (g) matched.add(g);
      else if (!asNames(r).some((n) => neutral.includes(n))) {
        score.regions.fp++;
        score.mistakes.push(`region extra ${file}: ${r}`);
      }
    }
    score.regions.tp += matched.size;
    score.regions.fn += gold.regions.length - matched.size;
    gold.regions.filter((g) => !matched.has(g)).forEach((g) => score.mistakes.push(`region missed ${file}: ${g}`));

    const speakers = new Set(article.passages.flatMap((p) => (p.speaker ? [p.speaker] : [])));
    for (const s of namedSpeakers) {
      const want = [s.name, ...(s.aliases ?? [])].map(norm);
      if ([...speakers].some((id) => asNames(id).some((n) => want.includes(n)))) score.speakers.tp++;
      else {
        score.speakers.fn++;
        score.mistakes.push(`speaker missed ${file}: ${s.name}`);
      }
    }
  }
  return score;
}

function nameIndex(
  gazetteer: Gazetteer,
  newPeople: readonly { id: string; name: string; aliases: string[] }[],
): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const e of [...gazetteer.regions, ...gazetteer.people, ...gazetteer.metrics, ...newPeople]) {
    names.set(e.id, [e.name, ...('aliases' in e ? e.aliases : [])]);
  }
  return names;
}

export function f1(c: { tp: number; fp: number; fn: number }): number {
  const p = c.tp / Math.max(c.tp + c.fp, 1);
  const r = c.tp / Math.max(c.tp + c.fn, 1);
  return p + r ? (2 * p * r) / (p + r) : 0;
}

export const sharedEvalPresent = () => existsSync(path.join(SHARED_EVAL, 'gold'));
