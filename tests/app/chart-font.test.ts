import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChartFont, chartCharacters, chartFontCurrent, chartFontFiles } from '../../src/app/chart-font.ts';
import { LOCALES } from '../../src/messages/message.ts';
import { words } from '../../src/messages/words.ts';
import { rasterise } from '../../src/render/chart/png.ts';
import { chartSvg } from '../../src/render/chart/svg.ts';
import { copyCorpus, seedEngine } from '../support/corpus.ts';

const PERIODS = ['2024', '2024-Q1', '2024-H2', '2024-05', '2024-05-21', '2024-Q1-Q3', '2024-01/2024-08', '2021/2023'];

describe('the chart font', () => {
  it('covers every character a chart of the corpus can print, in every locale', async () => {
    const { corpus } = await seedEngine();
    const covered = await chartCharacters(corpus);
    const printed: string[] = [];
    for (const locale of LOCALES) {
      for (const region of corpus.gazetteer.regions)
        for (const period of [undefined, ...PERIODS])
          printed.push(words(locale, { key: 'chartLabel', args: { region, period } }));
      for (const metric of corpus.gazetteer.metrics)
        for (const stat of corpus.stats)
          printed.push(words(locale, { key: 'chartTitle', args: { metric, unit: stat.unit } }));
      for (const stat of corpus.stats)
        printed.push(words(locale, { key: 'chartValue', args: { qualifier: stat.qualifier, written: stat.written } }));
      printed.push(words(locale, { key: 'chartSource', args: { sources: corpus.articles } }));
      printed.push(words(locale, { key: 'chartShown', args: { shown: 12, total: 3456 } }));
    }
    const missing = new Set([...printed.join('')].filter((ch) => !covered.has(ch)));
    expect([...missing]).toEqual([]);
  });

  it('is built beside the corpus, and draws the text a chart holds', async () => {
    const dir = await copyCorpus();
    await rm(path.join(dir, 'footnote.chart-font'), { recursive: true, force: true });
    const corpus = { ...(await seedEngine()).corpus, dir };
    expect(await chartFontCurrent(corpus)).toBe(false);
    const report = await buildChartFont(corpus);
    expect(report.files).toBeGreaterThan(1);
    expect(await chartFontCurrent(corpus)).toBe(true);
    const files = await chartFontFiles(dir);
    expect(files.length).toBe(report.files);
    const svg = chartSvg({
      kind: 'bars',
      title: '地区生产总值（yuan）',
      points: [
        { label: '江苏', value: 2, written: '超过 3.1 trillion' },
        { label: '上海', value: 1, written: '1' },
      ],
      source: '来源：CCTV，2024年5月',
      alt: '',
    });
    // resvg draws no glyph it has no font for, silently: with the font, the picture holds more.
    const withFont = await rasterise(
      svg,
      files.map((f) => f.path),
    );
    const without = await rasterise(svg, []);
    expect(withFont.length).toBeGreaterThan(without.length + 2000);
  }, 30_000);
});
