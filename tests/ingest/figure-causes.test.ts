import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Gazetteer, Region } from '../../src/corpus/schema.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { MetricMatcher } from '../../src/ingest/metrics.ts';
import { readPublished } from '../../src/ingest/periods.ts';
import { RegionTagger } from '../../src/ingest/regions.ts';
import { reviewTable } from '../../src/ingest/review.ts';
import { extractStatistics } from '../../src/ingest/statistics.ts';
import { multipleOf, percentOfFraction } from '../../src/text/numbers.ts';
import { CORPUS_DIR } from '../support/corpus.ts';

/** One test per mechanism added for a cause of misses on the shared development set. */
let gazetteer: Gazetteer;
let tagger: RegionTagger;
let regionById: Map<string, Region>;
beforeAll(async () => {
  gazetteer = (await loadCorpus(CORPUS_DIR)).gazetteer;
  tagger = new RegionTagger(gazetteer);
  regionById = new Map(gazetteer.regions.map((r) => [r.id, r]));
});

const stats = (text: string, published = '2024-07-20', setting: { reportingPeriod?: string } = {}) =>
  extractStatistics(text, tagger.mentions(text), {
    published: readPublished(published),
    regionById,
    earlierMentions: [],
    ...setting,
  });
const summary = (text: string, published?: string) =>
  stats(text, published).map((s) => [s.value, s.unit, s.change ? s.change.value : null]);

describe('what names a figure', () => {
  const propose = (subject: string) => new MetricMatcher([]).propose({ subject, namedBy: 'subject' })?.name;

  it('keeps a participle that opens the subject or modifies “value” (“Added value of …”, “its added value up”)', () => {
    expect(propose("Added value of the province's agriculture and fishery rose by ")).toBe(
      'Added value of the agriculture',
    );
    expect(propose('with its added value up ')).toBe('Added value');
  });

  it('never names a figure after an aside such as “moreover”', () => {
    expect(propose('Private enterprises in the Xinjiang region, moreover, accounted for ')).toBe('Private enterprises');
  });

  it('names a listed figure that opens its own clause (“…, and 1.1 percentage points”) by the sentence before it', () => {
    const listed = stats(
      "Growth in Jilin's three major industries was higher than the national rates by 0.9, 1.2, and 1.1 percentage points, respectively.",
    );
    expect(listed.map((s) => s.value)).toEqual([0.9, 1.2, 1.1]);
    for (const s of listed) expect(s.words.subject).toMatch(/three major industries/);
  });
});

describe('a metric is what was measured, never a place or a fragment', () => {
  const propose = (subject: string, extra: { rest?: string; unit?: string } = {}) =>
    new MetricMatcher([], (text) => tagger.mentions(text).filter((m) => !m.generic)).propose({
      subject,
      namedBy: 'subject',
      ...extra,
    })?.id;

  it('leaves places, numbers and trailing verbs out of a proposed name', () => {
    expect(propose('Heilongjiang Province in northeast China had an ice and snow economy with a market size of ')).toBe(
      'market-size',
    );
    expect(propose('A total of 6,269 China-Europe freight trains went through ')).toBe('china-europe-freight-trains');
    expect(propose('Coal output in the province held steady at ')).toBe('coal-output');
    expect(propose('Fuzhou recorded ')).toBeUndefined();
  });

  it('proposes nothing for a fragment (“growth”, “first”, “that equals”) and names a measure or a share by what follows “of”', () => {
    expect(propose("Tianjin's growth was ")).toBeUndefined();
    expect(propose('The world’s first ')).toBeUndefined();
    expect(propose('the region has added ', { rest: ' of new energy power generation capacity, and' })).toBe(
      'new-energy-power-generation-capacity',
    );
    expect(propose('That equals ', { unit: 'total installed power generating capacity' })).toBe(
      'share-of-total-installed-power-generating',
    );
  });

  it('never files a narrower figure under the broader metric (“exports of lithium-ion batteries”, “urban disposable income”)', () => {
    const matcher = new MetricMatcher(gazetteer.metrics);
    const match = (subject: string) => matcher.match({ subject, namedBy: 'subject' })?.id;
    expect(match("Jiangxi's exports of lithium-ion batteries reached ")).toBeUndefined();
    expect(match('The urban disposable income rose by ')).toBeUndefined();
    expect(match("Jiangxi's total exports reached ")).toBe('exports');
    expect(match('Provincial GDP grew by ')).toBe('gdp');
    expect(match('Per capita disposable income rose by ')).toBe('disposable-income');
  });

  it('takes the subject of the verb that leads to the figure, not of an earlier one', () => {
    expect(
      propose(
        'Inner Mongolia has abundant wind and solar resources, whose technically developable capacity has reached ',
      ),
    ).toBe('whose-technically-developable-capacity');
  });

  it('files a rate named only by a fragment under the metric its passage has just reported', () => {
    const text = "Beijing's GDP grew 5.4% in the first half. Tianjin's growth was 4.9%.\n";
    const result = ingest(text, 'txt', { title: 'GDP', outlet: 'Test Desk', published: '2024-07-20' }, gazetteer);
    expect(result.article.stats.map((s) => [s.region, s.metric, s.value])).toEqual([
      ['beijing', 'gdp', 5.4],
      ['tianjin', 'gdp', 4.9],
    ]);
  });
});

describe('the country beside a province is no figure’s region', () => {
  it('does not give a province’s figure to “China” in “a major base of China” or “this region of the country”', () => {
    const [capacity] = stats(
      'Besides being a major energy base of China, Inner Mongolia has abundant resources, whose capacity has reached more than 1,000 GW.',
    );
    expect(capacity!.region.id).toBe('inner-mongolia');
    const text =
      'Inner Mongolia added 31 GW of capacity. That equals 45 percent of total capacity in this major coal-producing region of the country.';
    const share = stats(text).find((s) => s.value === 45);
    expect(share!.region.id).toBe('inner-mongolia');
  });

  it('keeps China for a figure of China', () => {
    const [gdp] = stats("China's GDP grew 5.2 percent in 2023.", '2024-01-20');
    expect(gdp!.region.id).toBe('china');
  });
});

describe('changes paired with their level', () => {
  it('reads a change named after the figure (“a 5.6% year-on-year rise”, “0.6 percentage point more than in 2022”)', () => {
    expect(summary('Fiscal revenue reached 186.66 billion CNY, a 5.6% year-on-year rise.')).toEqual([
      [186.66e9, 'yuan', 5.6],
    ]);
    expect(
      summary(
        "High-tech manufacturing contributed 12.3 percent of Jilin's total industrial added value, 0.6 percentage point more than in 2022.",
      ),
    ).toEqual([[12.3, "% of Jilin's total industrial added value", 0.6]]);
  });

  it('reads “made up 16.8 percent” as a share, whose change follows', () => {
    expect(
      summary(
        "Strategic emerging industries made up 16.8 percent of the province's total industrial output value, up by 0.3 percentage points on the previous year.",
      ),
    ).toEqual([[16.8, "% of the province's total industrial output value", 0.3]]);
  });

  it('pairs a change with an adjective or a vivid verb before it, and one led to by “to a total of”', () => {
    expect(summary('Imports rose by a modest 1.9 percent to 48.51 billion yuan.')).toEqual([[48.51e9, 'yuan', 1.9]]);
    expect(summary('Exports soared by 37.2 percent year-on-year to 60.59 billion yuan.')).toEqual([
      [60.59e9, 'yuan', 37.2],
    ]);
    expect(
      summary('Foreign trade rose by a remarkable 18.9 percent year-on-year to a total of 109.1 billion yuan.'),
    ).toEqual([[109.1e9, 'yuan', 18.9]]);
    expect(summary('Coal output plunged 12 percent to 3 million tonnes.')).toEqual([[3e6, 'tonnes', -12]]);
  });

  it('looks past what an amount is of (“worth of automobiles”, “of trade”) to its change', () => {
    expect(
      summary('The province exported 23 billion yuan ($3.2 billion) worth of automobiles, up 22.3 percent.'),
    ).toEqual([[23e9, 'yuan', 22.3]]);
    expect(summary('Private enterprises accounted for 298.35 billion yuan of trade, up 28.2 percent.')).toEqual([
      [298.35e9, 'yuan', 28.2],
    ]);
  });
});

describe('comparison bases are not periods', () => {
  it('does not date a figure by “than in the previous year” or “on last year’s season”', () => {
    const [growth] = stats(
      'In the first quarter, added value in catering grew by 11.6%, which was 10.5 percentage points faster than in the previous year.',
      '2023-05-10',
    );
    expect(growth!.period).toBe('2023-Q1');
    const [, spending] = stats(
      "Over the 2024-2025 winter season, Heilongjiang welcomed 135 million tourists, up 18.5 percent on last year's winter season. Spending by tourists also rose by 30.7 percent.",
      '2025-03-01',
    );
    expect(spending).toMatchObject({ value: 30.7, period: '2024/2025' });
  });
});

describe('nothing is lost silently', () => {
  it('lists a figure with no words naming it in the review table, with the reason', () => {
    const text = 'Hefei opened 12 duty-free warehouses this year.\n\nUp 5.2 percent year on year.\n';
    const result = ingest(text, 'txt', { title: 'Hefei', outlet: 'Test Desk', published: '2024-06-01' }, gazetteer);
    expect(result.article.stats.map((s) => s.value)).toEqual([12]);
    expect(result.unfiled).toEqual([
      { figure: '5.2 % year on year', quote: 'Up 5.2 percent year on year', reason: 'no words name what it measures' },
    ]);
    expect(reviewTable(result)).toMatch(
      /Figures not filed \(1\)[\s\S]*5\.2 % year on year: no words name what it measures/,
    );
  });
});

describe('values written as multiples, fractions and “N-plus”', () => {
  it('reads “fivefold” and “a 6.5-fold increase” as times, over the span of years their sentence names', () => {
    const [fold] = stats(
      'Revenues had multiplied fivefold in just three years, rising from less than 20 billion yuan in 2020 to 111.7 billion yuan in 2022.',
      '2023-06-01',
    );
    expect(fold).toMatchObject({ value: 5, unit: 'times', period: '2020/2022' });
    expect(multipleOf('6.5-fold')).toBe(6.5);
  });

  it('reads “one-third of the national total” as a share in percent, but not “the first three quarters of this year”', () => {
    expect(percentOfFraction('one-third')).toBe(33.3);
    expect(summary("Yichun's output last year was about one-third of the national total.", '2023-06-01')).toEqual([
      [33.3, '% of the national total', null],
    ]);
    expect(summary('In the first three quarters of this year, exports rose 5 percent.', '2024-11-01')).toEqual([
      [5, '% year on year', null],
    ]);
  });

  it('reads “300-plus enterprises” as more than 300', () => {
    expect(stats('Home to 300-plus photon industry-related enterprises, it has built clusters.')[0]).toMatchObject({
      value: 300,
      qualifier: 'more than',
      unit: 'photon industry-related enterprises',
    });
  });
});

describe('a time right after a figure is its own', () => {
  it('dates “to 111.7 billion yuan in 2022” and “9.2 trillion yuan ($1.27 trillion) in 2023” by the year after them', () => {
    const rising = stats(
      'Revenues rose from less than 20 billion yuan in 2020 to 111.7 billion yuan in 2022.',
      '2023-06-01',
    );
    expect(rising.map((s) => [s.value, s.period])).toEqual([
      [20e9, '2020'],
      [111.7e9, '2022'],
    ]);
    const [gdp] = stats(
      'Over the past three years, GDP grew, hitting 9.2 trillion yuan ($1.27 trillion) in 2023.',
      '2024-01-20',
    );
    expect(gdp!.period).toBe('2023');
  });
});

describe('a total counts what its subject counts', () => {
  it('gives “reaching a total of 6,543” the plural noun of the sentence’s subject', () => {
    const total = stats(
      'Newly established foreign-funded enterprises in Hainan have increased at an annual rate of 65 percent since 2018, reaching a total of 6,543.',
    ).find((s) => s.value === 6543);
    expect(total).toMatchObject({ unit: 'enterprises', region: { id: 'hainan' } });
  });
});

describe('Chinese units left in a machine translation', () => {
  it('reads 万, 亿 and 万亿 as scales and 元 as yuan', () => {
    expect(summary('Jiangsu’s GDP reached 3.1万亿元 in the first quarter of 2024.')).toEqual([[3.1e12, 'yuan', null]]);
    expect(summary('Retail sales reached 5000万 yuan in March 2024.')).toEqual([[5e7, 'yuan', null]]);
  });
});
