import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../corpus/load.ts';
import type { FontFile } from '../render/chart/png.ts';

/**
 * The font charts are drawn in: Noto Sans SC, cut down to the characters a chart can
 * print, written beside the prebuilt index. resvg cannot read the WOFF2 that
 * @fontsource-variable/noto-sans-sc ships and rereads its fonts on every render, so a
 * full CJK font would cost 250–450 ms a chart; the subset costs about 10 ms.
 */
export const CHART_FONT_DIR = 'footnote.chart-font';
/** What the build holds: every character, and which file has which. Written last, it marks a complete build. */
const MANIFEST = 'fonts.json';

interface Manifest {
  characters: string;
  files: Record<string, string>;
}
const WEIGHT = 400;

export function chartFontDir(corpusDir: string): string {
  return path.join(corpusDir, CHART_FONT_DIR);
}

/**
 * Every character a chart of this corpus can print: the gazetteer's names and aliases
 * (labels, titles), the figures' units and written numbers and the outlets (values,
 * source line), the Chinese catalogue (labels, periods, source line), and printable
 * ASCII, Latin-1 and the punctuation the catalogues use.
 */
export async function chartCharacters(corpus: Corpus): Promise<Set<string>> {
  const texts: string[] = [];
  const { regions, metrics } = corpus.gazetteer;
  for (const region of regions) texts.push(region.name, region.zh ?? '', ...region.aliases);
  for (const metric of metrics) texts.push(metric.name, metric.zh ?? '', ...metric.synonyms);
  for (const stat of corpus.stats) texts.push(stat.unit, stat.written, stat.qualifier ?? '');
  for (const article of corpus.articles) texts.push(article.outlet);
  // The Chinese catalogue and its period words, as written: whatever a chart says in zh-CN comes from them.
  for (const file of ['zh-CN.ts', 'period.ts'])
    texts.push(await readFile(fileURLToPath(new URL(`../messages/${file}`, import.meta.url)), 'utf8'));
  let basic = '';
  for (let c = 0x20; c <= 0x7e; c++) basic += String.fromCharCode(c);
  for (let c = 0xa0; c <= 0xff; c++) basic += String.fromCharCode(c);
  texts.push(basic, '…·–—‘’“”•%‰（）：；，。、！？《》「」【】～');
  const chars = new Set<string>();
  for (const text of texts) for (const ch of text) if (/[^\p{C}\s]|\u0020/u.test(ch)) chars.add(ch);
  return chars;
}

async function readManifest(corpusDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(chartFontDir(corpusDir), MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** The characters the built font covers, or undefined when there is no complete build. */
export async function builtCharacters(corpusDir: string): Promise<Set<string> | undefined> {
  const manifest = await readManifest(corpusDir);
  return manifest && new Set(manifest.characters);
}

/** The font files of the build and the characters each holds, for the rasteriser; empty when there is none. */
export async function chartFontFiles(corpusDir: string): Promise<FontFile[]> {
  const manifest = await readManifest(corpusDir);
  if (!manifest) return [];
  const dir = chartFontDir(corpusDir);
  return Object.entries(manifest.files).map(([name, chars]) => ({
    path: path.join(dir, name),
    covers: new Set(chars),
  }));
}

/** True when the build covers every character the corpus can put on a chart. */
export async function chartFontCurrent(corpus: Corpus): Promise<boolean> {
  const built = await builtCharacters(corpus.dir);
  if (!built) return false;
  for (const ch of await chartCharacters(corpus)) if (!built.has(ch)) return false;
  return true;
}

export interface ChartFontReport {
  dir: string;
  files: number;
  bytes: number;
  characters: number;
  ms: number;
}

/**
 * Builds the subset: fontsource splits Noto Sans SC into ~100 files by unicode range;
 * each file holding a needed character is cut to those characters and pinned to one
 * weight (TrueType, which resvg reads). Written to a fresh folder and swapped in, so a
 * running bot never sees half a build.
 */
export async function buildChartFont(corpus: Corpus): Promise<ChartFontReport> {
  const started = performance.now();
  // Loaded here, not at start: HarfBuzz's wasm costs 100 ms or more, and most starts build nothing.
  const { default: subsetFont } = await import('subset-font');
  const chars = await chartCharacters(corpus);
  const packageDir = path.dirname(
    createRequire(import.meta.url).resolve('@fontsource-variable/noto-sans-sc/package.json'),
  );
  const ranges = JSON.parse(await readFile(path.join(packageDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const target = chartFontDir(corpus.dir);
  const temporary = `${target}.${process.pid}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  let bytes = 0;
  const files: Record<string, string> = {};
  for (const [name, range] of Object.entries(ranges)) {
    const covers = parseRanges(range);
    const text = [...chars].filter((ch) => covers(ch.codePointAt(0)!)).join('');
    if (!text) continue;
    const subset = name.replace(/^\[(\d+)\]$/, '$1');
    const woff2 = await readFile(path.join(packageDir, 'files', `noto-sans-sc-${subset}-wght-normal.woff2`));
    const ttf = await subsetFont(woff2, text, { targetFormat: 'sfnt', variationAxes: { wght: WEIGHT } });
    await writeFile(path.join(temporary, `${subset}.ttf`), ttf);
    bytes += ttf.length;
    files[`${subset}.ttf`] = text;
    // HarfBuzz runs on this thread, some 60 ms a file: the bot builds while it logs in and answers, so it yields between files.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const manifest: Manifest = { characters: [...chars].join(''), files };
  await writeFile(path.join(temporary, MANIFEST), JSON.stringify(manifest));
  try {
    await rm(target, { recursive: true, force: true });
    await rename(temporary, target);
  } finally {
    // Another process building the same font at once may have won the swap: its build serves.
    await rm(temporary, { recursive: true, force: true });
  }
  return {
    dir: target,
    files: Object.keys(files).length,
    bytes,
    characters: chars.size,
    ms: performance.now() - started,
  };
}

/** "U+4e00-4e05,U+4e07" → whether a code point is in it. */
function parseRanges(text: string): (codePoint: number) => boolean {
  const spans = text.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?];
    return [parseInt(from, 16), parseInt(to!, 16)] as const;
  });
  return (c) => spans.some(([from, to]) => c >= from && c <= to);
}
