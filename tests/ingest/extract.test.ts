import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { parseWrittenNumber } from '../../src/text/numbers.ts';
import type { Gazetteer, Region } from '../../src/corpus/schema.ts';
import { findFigures } from '../../src/ingest/figures.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { carrySpeakers, findSpeakers } from '../../src/ingest/people.ts';
import { periodPhrases, readPublished } from '../../src/ingest/periods.ts';
import { RegionTagger, passageRegions } from '../../src/ingest/regions.ts';
import { sentences } from '../../src/ingest/sentences.ts';
import { extractStatistics } from '../../src/ingest/statistics.ts';
import { CORPUS_DIR } from '../support/corpus.ts';

let gazetteer: Gazetteer;
let tagger: RegionTagger;
let regionById: Map<string, Region>;
beforeAll(async () => {
  gazetteer = (await loadCorpus(CORPUS_DIR)).gazetteer;
  tagger = new RegionTagger(gazetteer);
  regionById = new Map(gazetteer.regions.map((r) => [r.id, r]));
});

const figures = (text: string) =>
  sentences(text)
    .flatMap((s) => findFigures(s))
    .map((f) => `${f.qualifier ? `${f.qualifier} ` : ''}${f.written}${f.unit ? ` ${f.unit}` : ''}`);
const stats = (text: string, published = '2024-05-20') =>
  extractStatistics(text, tagger.mentions(text), {
    published: readPublished(published),
    regionById,
    earlierMentions: [],
  });
const regions = (text: string, context = '') => tagger.mentions(text, context).map((m) => m.region.id);

describe('figures', () => {
  it('reads amounts with scale and currency, percentages, counts and durations, with their qualifier', () => {
    expect(
      figures(
        'GDP exceeded 3.1 trillion yuan, exports reached 436.4 billion U.S. dollars and a $2 billion fund opened.',
      ),
    ).toEqual(['exceeded 3.1 trillion yuan', '436.4 billion U.S. dollars', '2 billion U.S. dollars']);
    expect(
      figures(
        'It has nearly 200 institutions, more than 40,000 parts and components, two “double first-class” universities and about 40 days.',
      ),
    ).toEqual([
      'nearly 200 institutions',
      'more than 40,000 parts and components',
      'two “double first-class” universities',
      'about 40 days',
    ]);
    expect(figures('Output rose up to 12 percent, or over 7%.')).toEqual(['up to 12', 'over 7']);
  });

  it('gives bare numbers listed before a rate its unit, but never to a year', () => {
    expect(
      figures('Growth was higher than the national rates by 0.9, 1.2, and 1.1 percentage points, respectively.'),
    ).toEqual(['0.9 percentage points', '1.2 percentage points', '1.1 percentage points']);
    expect(
      sentences('Growth was higher by 0.9 and 1.2 percent.')
        .flatMap((s) => findFigures(s))
        .map((f) => f.withUnit),
    ).toEqual(['0.9 percent', '1.2 percent']);
    expect(figures('In 2023, 5.2 percent more cars were sold.')).toEqual(['5.2']);
  });

  it('takes no year, date, plan name, ordinal, rank, list number, code or range for a figure', () => {
    expect(
      figures('In 2023, under the 14th Five-Year Plan (2021-2025), the 20th CPC National Congress met on May 14.'),
    ).toEqual([]);
    expect(figures('It ranked No. 1 among the top 100 counties for the 35th consecutive year.')).toEqual([]);
    expect(figures('1. biomedicine and nanotechnology;')).toEqual([]);
    expect(
      figures(
        'The C919 jet, 5G networks and the Chang’e-6 probe, for stages from 0 to 1 and from 10 to 100, ranging widely.',
      ),
    ).toEqual([]);
    expect(figures('Over the past 10 years, the province’s two largest cities grew.')).toEqual([]);
  });

  it('leaves out a currency conversion in brackets: it is the same figure again', () => {
    expect(figures('GDP reached 13.57 trillion yuan (about 1.91 trillion U.S. dollars) in 2023.')).toEqual([
      '13.57 trillion yuan',
    ]);
  });

  it('reads a word numeral with a scale as the written form says', () => {
    expect(parseWrittenNumber('one trillion')).toBe(1e12);
    expect(parseWrittenNumber('two')).toBe(2);
  });
});

describe('statistics', () => {
  it('pairs a figure with the change that follows it, and a change that stands alone is a growth rate', () => {
    const [gdp, industry] = stats(
      'In the first quarter of this year, Jiangsu’s GDP exceeded 3.1 trillion yuan, a year-on-year increase of 6.2%, and the added value of industrial enterprises above designated size increased by 9.5% year-on-year.',
    );
    expect(gdp).toMatchObject({
      value: 3.1e12,
      unit: 'yuan',
      qualifier: 'exceeded',
      period: '2024-Q1',
      region: { id: 'jiangsu' },
      change: { value: 6.2, unit: '%', basis: 'year on year', written: '6.2%' },
    });
    expect(industry).toMatchObject({
      value: 9.5,
      written: '9.5',
      unit: '% year on year',
      period: '2024-Q1',
      region: { id: 'jiangsu' },
    });
    expect(industry!.change).toBeUndefined();
  });

  it('pairs a change that comes first ("grew 5.7 percent to 2.98 trillion yuan"), with its sign', () => {
    const [s] = stats('Sichuan’s exports fell 3.2 percent to 2.98 trillion yuan last year.');
    expect(s).toMatchObject({
      value: 2.98e12,
      period: '2023',
      region: { id: 'sichuan' },
      change: { value: -3.2, written: '3.2 percent' },
    });
  });

  it('splits a “respectively” list and pairs it with its subjects or its places', () => {
    const products = stats(
      'In 2023, Guangdong’s output of new energy vehicles, industrial robots and integrated circuits rose 94.4 percent, 45.6 percent and 20.7 percent, respectively.',
    );
    expect(products.map((s) => [s.value, s.words.subject])).toEqual([
      [94.4, 'output of new energy vehicles'],
      [45.6, 'output of industrial robots'],
      [20.7, 'output of integrated circuits'],
    ]);
    expect(products.every((s) => s.region.id === 'guangdong' && s.period === '2023')).toBe(true);
    const cities = stats(
      'In 2023, Shenzhen and Guangzhou reported GDP of 3.46 trillion yuan and 3.04 trillion yuan, respectively.',
    );
    expect(cities.map((s) => [s.value, s.region.id])).toEqual([
      [3.46e12, 'shenzhen'],
      [3.04e12, 'guangzhou'],
    ]);
  });

  it('resolves periods against the publication date: this year, last year, January–March, spans and seasons', () => {
    const at = readPublished('2024-05-20');
    const period = (text: string) => periodPhrases(text, at).map((p) => p.period);
    expect(period('in the first quarter of this year')).toEqual(['2024-Q1']);
    expect(period('last year')).toEqual(['2023']);
    expect(period('in January–March')).toEqual(['2024-Q1']);
    expect(period('in the first half')).toEqual(['2023-H1']);
    expect(period('at present')).toEqual([undefined]);
    expect(period('up 6 percent over the same period last year')).toEqual([]);
    expect(period('in the first three quarters of 2024')).toEqual(['2024-Q1-Q3']);
    expect(period('in the first three quarters')).toEqual(['2023-Q1-Q3']);
    expect(period('from January to April')).toEqual(['2024-01/2024-04']);
    expect(period('in the first 10 months')).toEqual(['2023-01/2023-10']);
    expect(period('in the first two months of the year')).toEqual(['2024-01/2024-02']);
    expect(period("April's growth rate")).toEqual(['2024-04']);
    expect(period('by the end of June')).toEqual(['2023-06']);
    expect(period('over the past three years')).toEqual(['2021/2023']);
    expect(period('from 2020 to 2023')).toEqual(['2020/2023']);
    expect(period('during the 2024-2025 winter season')).toEqual(['2024/2025']);
    expect(period('grew at an average annual rate of 6 percent')).toEqual([]);
  });

  it('leaves an undated stock without a period, gives a past one the period its passage named, and marks what it inferred', () => {
    const found = stats('In 2023, Hefei built 10 factories. It has 300 research institutes. It opened 20 parks.');
    expect(found.map((s) => s.period)).toEqual(['2023', undefined, '2023']);
    expect(found.map((s) => s.inferred)).toEqual([[], ['region'], ['period', 'region']]);
  });

  it('reads a past figure as of the period named before it, and a goal as a target of its year', () => {
    const report = stats(
      'In 2023, the province recorded the following. Exports rose 5 percent. The province aims to grow 6 percent in 2024.',
      '2024-01-25',
    );
    expect(report.map((s) => [s.value, s.period, s.target ?? false])).toEqual([
      [5, '2023', false],
      [6, '2024', true],
    ]);
  });

  it('does not carry a moment or a month that modifies one noun to later sentences, nor date a figure by its comparison base', () => {
    const hubei = stats("Output grew 7.7% from January to April. April's growth rate was 7.5%. Investment grew 4.8%.");
    expect(hubei.map((s) => s.period)).toEqual(['2024-01/2024-04', '2024-04', '2024-01/2024-04']);
    const jilin = stats(
      'In 2023, output rose. By the end of 2023, capacity had surpassed 10 GW. Generation went up 9.2 percent. Industry contributed 12.3 percent of output, 0.6 percentage point more than in 2022.',
      '2024-01-22',
    );
    expect(jilin.map((s) => s.period)).toEqual(['2023-12', '2023', '2023']);
    expect(jilin.at(-1)!.change).toMatchObject({ value: 0.6, unit: 'percentage points' });
    expect(
      periodPhrases('2023 saw exports rise; 2023 was a good year.', readPublished('2024-01')).map((p) => p.period),
    ).toEqual(['2023', '2023']);
  });

  it('takes the reporting period from the headline when the lede only sets the scene', () => {
    const text =
      'Officials released figures on Sunday showing Guangxi reached a milestone.\n\nExports soared by 37.2 percent year-on-year to 60.59 billion yuan.';
    const { article } = ingest(
      text,
      'txt',
      { title: 'Trade hits a record in Jan-Feb 2024', outlet: 'BNN', published: '2024-03-17' },
      gazetteer,
    );
    expect(article.stats.map((s) => s.period)).toContain('2024-01/2024-02');
    expect(article.stats.every((s) => s.period === '2024-01/2024-02')).toBe(true);
  });

  it('gives each figure of a list the place named right after it', () => {
    const found = stats(
      'GDP stood at 2.1791 trillion yuan in Beijing, 0.8191 trillion yuan in Tianjin and 2.1510 trillion yuan in Hebei.',
    );
    expect(found.map((s) => s.region.id)).toEqual(['beijing', 'tianjin', 'hebei']);
  });

  it('gives a figure to each place of a distributive subject, reads a rate per N people as one figure and a count whose subject names it', () => {
    const each = stats(
      'Shanghai and East China’s Anhui Province each exceeded the 5 trillion-yuan threshold last year.',
      '2025-01-26',
    );
    expect(each.map((s) => [s.region.id, s.value])).toEqual([
      ['shanghai', 5e12],
      ['anhui', 5e12],
    ]);
    expect(figures('Beijing has 55 5G base stations per 10,000 people.')).toEqual([
      '55 5G base stations per 10,000 people',
    ]);
    expect(figures('Specialized enterprises have hit 1,032.')).toEqual(['1,032 Specialized enterprises']);
  });

  it('reads past results in a report published early in a year that sets goals for it as last year’s', () => {
    const found = stats(
      'For 2023, Tianjin has set itself a target of about four percent GDP growth. Output rose by six percent.',
      '2023-01-12',
    );
    expect(found.map((s) => [s.value, s.period, s.target ?? false])).toEqual([
      [4, '2023', true],
      [6, '2022', false],
    ]);
  });

  it('takes the region from the clause’s subject, “the province” from the last province named, and a later sentence from the one before', () => {
    expect(stats('Suzhou, a city in Jiangsu, produced 1,000 robots.')[0]!.region.id).toBe('suzhou');
    expect(
      stats(
        'Located in Zhangjiagang, Suzhou, the base is in Jiangsu. Here, a rocket with more than 40,000 parts was assembled.',
      )[0]!.region.id,
    ).toBe('zhangjiagang');
  });
});

describe('regions', () => {
  it('finds names, Chinese names and aliases, the longest first', () => {
    expect(regions('Jiangsu Province, 江苏省, Suzhou Industrial Park and GUANGZHOU')).toEqual([
      'jiangsu',
      'jiangsu',
      'suzhou-industrial-park',
      'guangzhou',
    ]);
  });

  it('does not take a place inside an organisation’s name, or “South China”, for the place', () => {
    expect(
      regions(
        'Shanghai Jiaotong University, East China Normal University, the China Medical City, Bank of China and South China',
      ),
    ).toEqual([]);
    expect(regions('the Guangdong Provincial Bureau of Statistics')).toEqual(['guangdong']);
  });

  it('tells 苏州 Suzhou from 宿州 Suzhou by the province around it', () => {
    expect(regions('Suzhou is developing auto parts.', 'Anhui builds cars. Hefei and Wuhu lead Anhui.')).toEqual([
      'suzhou-anhui',
    ]);
    expect(regions('Suzhou is developing auto parts.', 'Jiangsu leads.')).toEqual(['suzhou']);
    expect(regions('Suzhou, Anhui and 宿州')).toEqual(['suzhou-anhui', 'suzhou-anhui']);
  });

  it('keeps the loader’s rule: no two regions answer to the same name', () => {
    const names = new Map<string, string>();
    for (const r of gazetteer.regions) {
      for (const n of [r.name, r.zh, ...r.aliases].filter(Boolean) as string[]) {
        const key = n.toLowerCase();
        expect(names.get(key) ?? r.id, `${n}`).toBe(r.id);
        names.set(key, r.id);
      }
    }
    const provinces = gazetteer.regions.filter(
      (r) => r.parent === 'china' && ['province', 'municipality', 'autonomous-region', 'sar'].includes(r.kind),
    );
    expect(provinces).toHaveLength(34);
  });
});

describe('people', () => {
  const isPlace = (name: string) => tagger.mentions(name).length > 0;
  const known = (name: string) => gazetteer.people.some((p) => [p.name, ...p.aliases].includes(name));
  const speakers = (text: string) =>
    findSpeakers(text, isPlace, known).map((p) => `${p.name}|${p.role ?? ''}|${p.direct ? 'direct' : 'reported'}`);

  it('reads “Name, Role: …” and “Role, Name: …”', () => {
    expect(
      speakers('Wang Ping, deputy director of the Guangdong Provincial Bureau of Statistics: The growth continues.'),
    ).toEqual(['Wang Ping|deputy director of the Guangdong Provincial Bureau of Statistics|direct']);
    expect(
      speakers('Director of the Anhui Provincial Department of Economy, Liu Hui: We will launch projects.'),
    ).toEqual(['Liu Hui|Director of the Anhui Provincial Department of Economy|direct']);
  });

  it('reads quotations attributed before or after, and records reported speech as such', () => {
    expect(speakers('“We are moving from scale to quality,” said Zhou Wei, director of the bureau.')).toEqual([
      'Zhou Wei|director of the bureau|direct',
    ]);
    expect(speakers('"The chain is growing fastest," Zhengzhou\'s deputy mayor Ma Wei told reporters.')).toEqual([
      "Ma Wei|Zhengzhou's deputy mayor|direct",
    ]);
    expect(speakers('General Secretary Xi Jinping pointed out that innovation matters.')).toEqual([
      'Xi Jinping||reported',
    ]);
  });

  it('takes no unnamed source for a person', () => {
    for (const text of [
      'A person in charge said that the base is local.',
      'Experts pointed out that inland provinces can rise.',
      '"We expect growth," said an official with the commission.',
      'Analysts said the target is within reach.',
    ]) {
      expect(speakers(text), text).toEqual([]);
    }
  });
});

describe('ingest', () => {
  it('proposes a gazetteer person for a new speaker and a metric where none fits', () => {
    const text =
      'Pilot story about Hefei\n\nSource: Test Desk | 2024-06-01\n\nLi Qiang, director of the Hefei Municipal Bureau of Commerce: Hefei opened 12 duty-free warehouses this year.\n';
    const { article, newPeople, newMetrics } = ingest(text, 'txt', {}, gazetteer);
    expect(article).toMatchObject({ title: 'Pilot story about Hefei', outlet: 'Test Desk', published: '2024-06-01' });
    expect(newPeople).toEqual([
      expect.objectContaining({
        id: 'li-qiang',
        role: 'director of the Hefei Municipal Bureau of Commerce',
        region: 'hefei',
      }),
    ]);
    expect(article.stats).toEqual([
      expect.objectContaining({
        value: 12,
        unit: 'duty-free warehouses',
        period: '2024',
        region: 'hefei',
        metric: 'duty-free-warehouses',
      }),
    ]);
    expect(newMetrics.map((m) => m.id)).toEqual(['duty-free-warehouses']);
  });
});

describe('regions of a passage', () => {
  const tagged = (text: string, statRegions: string[] = []) => passageRegions(text, tagger.mentions(text), statRegions);

  it('leaves out datelines, venues, comparisons with the country and places inside other names', () => {
    expect(
      tagged('HARBIN, March 13 (Xinhua) -- Heilongjiang had an ice and snow economy worth 266 billion yuan.'),
    ).toEqual(['heilongjiang']);
    expect(tagged('BEIJING, Nov. 25, 2024 /PRNewswire/ -- Shaanxi grew 5 percent.')).toEqual(['shaanxi']);
    expect(tagged('Officials said on Monday in Beijing that Ningxia grew fast.')).toEqual(['ningxia']);
    expect(
      tagged("Jilin's growth surpassed the national average, and Hainan is China's southern island province."),
    ).toEqual(['jilin', 'hainan']);
    expect(
      tagged(
        'Trains ran to Europe on China-Europe routes across the Taiwan Strait, said the Communist Party of China.',
      ),
    ).toEqual([]);
  });

  it('keeps the country when the passage gives a figure for it or is about nothing nearer', () => {
    expect(tagged("China's NEV output rose in Chongqing too.", ['china'])).toEqual(['china', 'chongqing']);
    expect(tagged('China has pledged to peak carbon emissions.')).toEqual(['china']);
  });
});

describe('speakers across paragraphs', () => {
  const isPlace = (name: string) => tagger.mentions(name).length > 0;
  const across = (paragraphs: string[]) =>
    carrySpeakers(
      paragraphs,
      paragraphs.map((p) => findSpeakers(p, isPlace, () => false)),
    ).map((found) => found.map((m) => `${m.name}${m.direct ? ' (quoted)' : ''}`));

  it('reads every attribution form and follows a surname, a role, “he said” and a continued quotation', () => {
    expect(
      across([
        'Zhou Naixiang, governor of Shandong province, explained the theme.',
        'According to Zhou, GDP grew 6 percent.',
        '“The data fully reflected the results of the province,” said Yan Huijun, deputy head of the bureau.',
        '“We will keep the momentum going in every sector this year.”',
        'According to the governor, the province is open.',
        'He said the province has new measures.',
        '"We expect growth of around 5 percent this year," said an official who asked not to be named.',
        'The goal was announced on January 11 by Zhang Gong, mayor of Tianjin.',
      ]),
    ).toEqual([
      ['Zhou Naixiang'],
      ['Zhou Naixiang'],
      ['Yan Huijun (quoted)'],
      ['Yan Huijun (quoted)'],
      ['Zhou Naixiang'],
      ['Zhou Naixiang'],
      [],
      ['Zhang Gong'],
    ]);
  });
});
