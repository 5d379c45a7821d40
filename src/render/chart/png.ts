import { renderAsync } from '@resvg/resvg-js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Locale } from '../../messages/message.ts';
import { chartOf, type Chart, type Charted } from './chart.ts';
import { chartSvg, FONT_FAMILY, WIDTH } from './svg.ts';

/** A chart ready to attach: the PNG, its file name, and its alt text. */
export interface ChartImage {
  png: Buffer;
  name: string;
  description: string;
}

/** One file of the chart font and the characters it holds. */
export interface FontFile {
  path: string;
  covers: ReadonlySet<string>;
}

/**
 * The SVG as a PNG. resvg reads the font files afresh on every render, so they are the
 * small subset built at corpus:build (a full CJK font costs 250–450 ms a render), and
 * no system font is looked up: every machine draws the same picture.
 * renderAsync rasterises on libuv's thread pool, off the event loop.
 */
export async function rasterise(svg: string, fontFiles: readonly string[]): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: [...fontFiles], defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'width', value: WIDTH },
  });
  const png = image.asPng();
  collectRendered();
  return png;
}

/** Renders between two young-generation collections. */
const RENDERS_PER_COLLECTION = 16;
let renders = 0;
let scavenge: (() => void) | null | undefined;

/**
 * Each render keeps its pixels (about 1.3 MB) in native memory that V8 is never told
 * about, behind a wrapper of a few bytes, so the heap sees no pressure to collect it:
 * 1,000 charts grew the process by 1.1 GB. A young-generation collection every 16
 * renders frees the dead wrappers and their pixels (RSS stayed at 115 MB over 1,000
 * renders) and costs under a millisecond. V8's collector is reached through its flag,
 * set here; where that is refused, charts still render, only less thriftily.
 */
function collectRendered(): void {
  if (++renders % RENDERS_PER_COLLECTION !== 0) return;
  if (scavenge === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
      scavenge = () => gc({ type: 'minor' });
    } catch {
      scavenge = null;
    }
  }
  scavenge?.();
}

/** The chart of these figures as a PNG, or undefined when no two of them share a metric and a unit. */
export async function chartImage(
  items: readonly Charted[],
  locale: Locale,
  fonts: readonly FontFile[],
): Promise<ChartImage | undefined> {
  const chart = chartOf(items, locale);
  if (!chart) return undefined;
  return { png: await rasterise(chartSvg(chart), fontsFor(chart, fonts)), name: 'chart.png', description: chart.alt };
}

/**
 * Only the files holding a character the chart prints: resvg opens every file it is
 * given on every render, and an English chart needs one or two of the thirty-odd.
 */
function fontsFor(chart: Chart, fonts: readonly FontFile[]): string[] {
  const texts = [chart.title, chart.subtitle ?? '', chart.source, ...chart.points.flatMap((p) => [p.label, p.written])];
  const needed = new Set([...texts.join(''), '…']);
  return fonts.filter((f) => [...needed].some((ch) => f.covers.has(ch))).map((f) => f.path);
}
