import { chartOf, type Charted } from '../render/chart/chart.ts';
import { chartImage, type ChartImage, type FontFile } from '../render/chart/png.ts';
import type { Locale } from '../messages/message.ts';
import type { Corpus } from '../corpus/load.ts';
import type { Logger } from './log.ts';
import { buildChartFont, chartFontCurrent, chartFontFiles } from './chart-font.ts';

/** Draws the chart an answer's figures call for; the transports attach it. */
export interface Charts {
  image(items: readonly Charted[], locale: Locale): Promise<ChartImage | undefined>;
}

/**
 * Charts in the font built beside the corpus. Without one (never built, or removed) a
 * chart is skipped with a log line and the answer goes out as text alone, which is
 * always complete: a chart only repeats its figures.
 */
export function chartsFor(corpusDir: string, log: Logger): Charts & { refresh(): void } {
  let files: Promise<FontFile[]> | undefined;
  let warned = false;
  return {
    refresh: () => (files = undefined),
    async image(items, locale) {
      // Most answers have no chart: they return without a turn of the event loop, as fast as before.
      if (!chartOf(items, locale)) return undefined;
      const fonts = await (files ??= chartFontFiles(corpusDir));
      if (fonts.length === 0) {
        if (!warned)
          log.warn({ dir: corpusDir }, 'no chart font built (npm run corpus:build): answers go without charts');
        warned = true;
        files = undefined;
        return undefined;
      }
      try {
        return await chartImage(items, locale, fonts);
      } catch (error) {
        log.error({ err: error }, 'chart failed: the answer goes without it');
        return undefined;
      }
    },
  };
}

/**
 * Builds the chart font when the corpus can print a character the built one lacks (or
 * there is none), as the bot does at start for a stale index; answers go without
 * charts until it is done (about 2 s).
 */
export async function ensureChartFont(corpus: Corpus, log: Logger, charts?: { refresh(): void }): Promise<void> {
  try {
    if (await chartFontCurrent(corpus)) return;
    const report = await buildChartFont(corpus);
    charts?.refresh();
    log.info({ ...report, ms: Math.round(report.ms) }, 'chart font built');
  } catch (error) {
    log.warn({ err: error }, 'could not build the chart font: answers go without charts');
  }
}
