import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildChartFont, chartFontFiles } from '../src/app/chart-font.ts';
import type { Citation } from '../src/answers/answer.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Locale } from '../src/messages/message.ts';
import type { Charted } from '../src/render/chart/chart.ts';
import { chartImage } from '../src/render/chart/png.ts';
import { summarize, type Latency } from './measure.ts';

export interface ChartBench {
  renders: number;
  fontMs: number;
  fontKB: number;
  /** chartOf + SVG + PNG, per chart, as the router pays it: wall clock. */
  latency: Latency;
  /** The CPU time of each (every thread, resvg's included): on a shared machine, the wall clock also holds the neighbours. */
  cpu: Latency;
  pngKB: number;
  /** Resident set size before the first render and after every quarter, no GC forced: what the bot would hold. */
  rssMB: number[];
}

/**
 * Charts of the seed corpus's places and periods, bars and lines in both locales in
 * turn, rendered one after another with a turn of the event loop between them (as a
 * bot serving requests would). resvg-js 2.6.2 grew by hundreds of MB here; a flat RSS
 * is the point of pinning 2.7.0-alpha.2.
 */
export async function chartBench(corpusDir: string, renders: number): Promise<ChartBench> {
  const corpus = await loadCorpus(corpusDir);
  const fontDir = await mkdtemp(path.join(tmpdir(), 'footnote-chart-font-'));
  try {
    const font = await buildChartFont({ ...corpus, dir: fontDir });
    const files = await chartFontFiles(fontDir);
    const places = corpus.gazetteer.regions.filter((r) => r.zh).slice(0, 8);
    const citation: Citation = {
      article: 'a',
      articleTitle: 'An article',
      outlet: 'CCTV',
      published: '2024-05',
      paragraph: 1,
      passage: 'a#p1',
      excerpt: '',
      partial: false,
    };
    const gdp = corpus.gazetteer.metrics.find((m) => m.id === 'gdp') ?? corpus.gazetteer.metrics[0]!;
    const figure = (at: number, region: (typeof places)[number], period: string): Charted => ({
      figure: {
        statistic: `s${at}`,
        metric: gdp.id,
        metricName: gdp.name,
        ...(gdp.zh ? { metricZh: gdp.zh } : {}),
        label: '',
        value: (at + 1) * 3.7e11,
        written: `${((at + 1) * 0.37).toFixed(2)} trillion`,
        unit: 'yuan',
        region: region.id,
        regionName: region.name,
        ...(region.zh ? { regionZh: region.zh } : {}),
        period,
      },
      citation,
    });
    const bars = places.map((r, at) => figure(at, r, '2024-H1'));
    const line = ['2019', '2020', '2021', '2022', '2023', '2024'].map((p, at) => figure(at, places[0]!, p));
    const cases: [Charted[], Locale][] = [
      [bars, 'en'],
      [bars, 'zh-CN'],
      [line, 'en'],
      [line, 'zh-CN'],
    ];
    const rssMB = [process.memoryUsage().rss / 2 ** 20];
    const times: number[] = [];
    const cpu: number[] = [];
    let bytes = 0;
    for (let at = 0; at < renders; at++) {
      const [items, locale] = cases[at % cases.length]!;
      const started = performance.now();
      const used = process.cpuUsage();
      const image = await chartImage(items, locale, files);
      times.push(performance.now() - started);
      const { user, system } = process.cpuUsage(used);
      cpu.push((user + system) / 1000);
      bytes += image!.png.length;
      await new Promise((resolve) => setImmediate(resolve));
      if ((at + 1) % Math.max(1, Math.floor(renders / 4)) === 0) rssMB.push(process.memoryUsage().rss / 2 ** 20);
    }
    return {
      renders,
      fontMs: font.ms,
      fontKB: font.bytes / 1e3,
      latency: summarize(times),
      cpu: summarize(cpu),
      pngKB: bytes / renders / 1e3,
      rssMB,
    };
  } finally {
    await rm(fontDir, { recursive: true, force: true });
  }
}
