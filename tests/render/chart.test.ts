import { describe, expect, it } from 'vitest';
import type { Citation, Figure } from '../../src/answers/answer.ts';
import { chartOf, MAX_POINTS, type Charted } from '../../src/render/chart/chart.ts';
import { chartSvg, escapeXml } from '../../src/render/chart/svg.ts';

const citation: Citation = {
  article: 'a',
  articleTitle: 'An article',
  outlet: 'Outlet',
  published: '2024-05',
  paragraph: 1,
  passage: 'a#p1',
  excerpt: 'x',
  partial: false,
};

function figure(over: Partial<Figure>): Charted {
  return {
    figure: {
      statistic: 's',
      metric: 'gdp',
      metricName: 'GDP',
      metricZh: '地区生产总值',
      label: 'l',
      value: 1,
      written: '1',
      unit: 'yuan',
      region: 'r',
      regionName: 'Region',
      ...over,
    },
    citation,
  };
}

describe('chartOf', () => {
  it('draws bars for places, labelled with the gazetteer names of the locale', () => {
    const items = [
      figure({
        region: 'beijing',
        regionName: 'Beijing',
        regionZh: '北京',
        value: 2,
        written: '2 trillion',
        period: '2024-H1',
      }),
      figure({
        region: 'tianjin',
        regionName: 'Tianjin',
        regionZh: '天津',
        value: 1,
        written: '1 trillion',
        period: '2024-H1',
      }),
    ];
    const en = chartOf(items, 'en')!;
    expect(en.kind).toBe('bars');
    expect(en.title).toBe('GDP (yuan)');
    expect(en.points.map((p) => p.label)).toEqual(['Beijing', 'Tianjin']);
    expect(en.source).toBe('Source: Outlet, May 2024');
    expect(en.alt).toBe('Bar chart of GDP in yuan: Beijing, 2 trillion; Tianjin, 1 trillion.');
    const zh = chartOf(items, 'zh-CN')!;
    expect(zh.title).toBe('地区生产总值（yuan）');
    expect(zh.points.map((p) => p.label)).toEqual(['北京', '天津']);
    expect(zh.source).toBe('来源：Outlet，2024年5月');
  });

  it('draws a line for one place through periods, oldest first', () => {
    const chart = chartOf(
      [
        figure({ period: '2024', value: 3 }),
        figure({ period: '2022', value: 1 }),
        figure({ period: '2023-H1', value: 2 }),
      ],
      'en',
    )!;
    expect(chart.kind).toBe('line');
    expect(chart.points.map((p) => p.label)).toEqual(['2022', 'H1 2023', '2024']);
    expect(chartSvg(chart)).toContain('<polyline');
  });

  it('draws nothing unless two figures share a metric and a unit', () => {
    expect(chartOf([figure({})], 'en')).toBeUndefined();
    expect(chartOf([figure({ unit: 'yuan' }), figure({ unit: '%' })], 'en')).toBeUndefined();
    expect(chartOf([figure({ metric: 'gdp' }), figure({ metric: 'exports' })], 'en')).toBeUndefined();
  });

  it('charts the largest group of comparable figures, and says when it shows only the first of them', () => {
    const many = Array.from({ length: MAX_POINTS + 3 }, (_, at) => figure({ region: `r${at}`, regionName: `R${at}` }));
    const chart = chartOf([figure({ unit: '%' }), ...many], 'en')!;
    expect(chart.points).toHaveLength(MAX_POINTS);
    expect(chart.subtitle).toBe(`the first ${MAX_POINTS} of ${MAX_POINTS + 3} figures`);
  });

  it('keeps its alt text within Discord’s 1,024 characters', () => {
    const long = Array.from({ length: 12 }, (_, at) =>
      figure({ region: `r${at}`, regionName: `A region with a very long name number ${at} `.repeat(3) }),
    );
    expect(chartOf(long, 'en')!.alt.length).toBeLessThanOrEqual(1024);
  });
});

describe('chartSvg', () => {
  it('escapes labels, values, title and source: a name cannot open a tag or end an attribute', () => {
    const hostile = `<script>&"b'`;
    const unit = 'yuan & "co" <i>';
    const chart = chartOf(
      [
        figure({ region: 'a', regionName: hostile, written: '<b>1</b>', unit }),
        figure({ region: 'b', regionName: 'B</text><text>', written: '2', unit }),
      ],
      'en',
    )!;
    const svg = chartSvg(chart);
    for (const raw of ['<script>', '<b>', '<i>', 'B</text><text>', '& "co"']) expect(svg).not.toContain(raw);
    expect(svg.match(/<text /g)!.length).toBe(svg.match(/<\/text>/g)!.length);
    expect(svg).toContain('>&lt;script&gt;&amp;&quot;b&#39;</text>');
    expect(svg).toContain('GDP (yuan &amp; &quot;co&quot; &lt;i&gt;)');
    expect(escapeXml('a\u0000b\uFFFE')).toBe('ab');
  });

  it('cuts a label too long for its column with an ellipsis', () => {
    const chart = chartOf(
      [figure({ region: 'a', regionName: 'Ningxia Hui Autonomous Region and far beyond it' }), figure({ region: 'b' })],
      'en',
    )!;
    expect(chartSvg(chart)).toMatch(/>Ningxia Hui Autonomous R[^<]*…</);
  });
});
