import { worded } from '../support/english.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { regionAnswer } from '../../src/answers/region.ts';
import { searchAnswer } from '../../src/answers/search.ts';
import { sourceAnswer } from '../../src/answers/source.ts';
import { statAnswer } from '../../src/answers/stat.ts';
import { summaryAnswer } from '../../src/answers/summary.ts';
import { articlesAnswer } from '../../src/answers/articles.ts';
import { SEED_ARTICLE, seedEngine } from '../support/corpus.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

const figures = (a: Answer) => a.items.flatMap((i) => (i.kind === 'figure' ? [i.figure] : []));
const cited = (a: Answer) => a.items.flatMap((i) => (i.kind === 'note' ? [] : [i.citation.passage]));

/** Every number an answer shows must stand in one of its cited excerpts. */
function expectNumbersCited(answer: Answer) {
  for (const item of answer.items) {
    if (item.kind !== 'figure') continue;
    expect(item.citation.excerpt).toContain(item.figure.written);
    if (item.figure.change) expect(item.citation.excerpt).toContain(item.figure.change.written);
    expect(engine.corpus.passageById.get(item.citation.passage)!.text).toContain(item.citation.excerpt);
  }
}

describe('/stat', () => {
  it('gdp: more than 3.1 trillion yuan, Jiangsu, 2024-Q1, +6.2% year on year, with its excerpt', () => {
    const answer = statAnswer(engine, { metric: 'gdp' });
    expect(answer.found).toBe(true);
    expect(figures(answer)).toEqual([
      expect.objectContaining({
        metric: 'gdp',
        value: 3.1e12,
        unit: 'yuan',
        qualifier: 'exceeded',
        period: '2024-Q1',
        region: 'jiangsu',
        change: expect.objectContaining({ value: 6.2, basis: 'year on year' }),
      }),
    ]);
    const item = answer.items[0]!;
    expect(item.kind === 'figure' && item.citation).toMatchObject({
      article: SEED_ARTICLE,
      outlet: 'CCTV',
      published: '2024-05',
      paragraph: 2,
      excerpt: expect.stringContaining('3.1 trillion yuan'),
    });
    expectNumbersCited(answer);
  });

  it.each(['GDP', 'gross domestic product', 'economic output', '地区生产总值', 'gpd '])(
    'finds the GDP figure by %j',
    (metric) => {
      expect(figures(statAnswer(engine, { metric }))).toHaveLength(metric === 'gpd ' ? 0 : 1);
    },
  );

  it('narrows by region, sub-regions included', () => {
    const inJiangsu = figures(statAnswer(engine, { metric: 'rocket parts', region: 'jiangsu' }));
    expect(inJiangsu.map((f) => f.region)).toEqual(['zhangjiagang']);
  });

  it('narrows by period in the ways people write it', () => {
    for (const period of ['2024-Q1', 'Q1 2024', 'first quarter of 2024', '2024']) {
      expect(figures(statAnswer(engine, { metric: 'gdp', period }))).toHaveLength(1);
    }
  });

  it('says plainly that there is no Shanghai GDP, and offers the one it has', () => {
    const answer = statAnswer(engine, { metric: 'gdp', region: 'Shanghai' });
    expect(answer.found).toBe(false);
    expect(answer.items).toEqual([]);
    expect(worded(answer).lead.join(' ')).toContain('no GDP figure for Shanghai');
    expect(worded(answer).suggestions[0]!.command).toBe('/stat gdp region:jiangsu period:2024-Q1');
  });

  it('refuses an unknown metric and suggests measured ones', () => {
    const answer = statAnswer(engine, { metric: 'unemployment rate' });
    expect(answer.found).toBe(false);
    expect(answer.suggestions.length).toBeGreaterThan(0);
    expect(worded(answer).suggestions.every((s) => s.command.startsWith('/stat '))).toBe(true);
  });

  it('refuses a period it cannot read', () => {
    expect(statAnswer(engine, { metric: 'gdp', period: 'soon' }).found).toBe(false);
  });

  it('covers every figure of the seed with its value as written', () => {
    const all = engine.corpus.stats.map((s) => `${s.qualifier ?? ''} ${s.written} ${s.unit}`.trim());
    expect(all).toEqual(
      expect.arrayContaining([
        'exceeded 3.1 trillion yuan',
        '9.5 % year on year',
        'more than 50 % of industrial output above designated size',
        'more than 40,000 parts and components',
        'about 40 days',
        'more than 10 scientific research institutes',
        'nearly 200 national and municipal R&D institutions',
        'more than 70 projects',
      ]),
    );
  });
});

describe('/region', () => {
  it('jiangsu: its figures, the passages that mention it and its sub-regions, and who spoke', () => {
    const answer = regionAnswer(engine, 'jiangsu');
    expect(answer.found).toBe(true);
    expect(worded(answer).title).toBe('Jiangsu (江苏)');
    expect(worded(answer).lead.join('\n')).toMatch(/Includes: .*Suzhou.*Zhangjiagang/);
    expect(worded(answer).lead.join('\n')).toContain('Xin Changxing');
    expect(figures(answer).map((f) => f.metric)).toEqual(
      expect.arrayContaining(['gdp', 'industrial-value-added', 'rocket-parts']),
    );
    expect(cited(answer)).toEqual(expect.arrayContaining([`${SEED_ARTICLE}#p3`, `${SEED_ARTICLE}#p7`]));
    expectNumbersCited(answer);
  });

  it.each(['Jiangsu', 'jiangs', 'jiangsuu', 'Jiangsus', '江苏', '江苏省', 'Jiangsu Province', 'JIANGSU'])(
    'finds Jiangsu from %j',
    (name) => {
      expect(worded(regionAnswer(engine, name)).title).toBe('Jiangsu (江苏)');
    },
  );

  it('finds a city and zone by their Chinese names', () => {
    expect(worded(regionAnswer(engine, '张家港')).title).toBe('Zhangjiagang (张家港)');
    expect(worded(regionAnswer(engine, '大零号湾')).title).toBe('Da Zero Bay (大零号湾)');
  });

  it('refuses an unknown region with the nearest names', () => {
    const answer = regionAnswer(engine, 'Shanghia');
    expect(worded(answer).title).toBe('Shanghai (上海)');
    const unknown = regionAnswer(engine, 'Atlantis');
    expect(unknown.found).toBe(false);
    expect(unknown.items).toEqual([]);
    expect(unknown.suggestions.length).toBeGreaterThan(0);
  });

  it('knows a province the corpus does not cover, and says so', () => {
    const answer = regionAnswer(engine, 'Hebei');
    expect(answer.found).toBe(false);
    expect(worded(answer).lead.join(' ')).toContain('does not cover Hebei');
  });
});

describe('/search', () => {
  it('puts the rocket passage first for "rocket parts"', () => {
    const answer = searchAnswer(engine, 'rocket parts');
    expect(cited(answer)[0]).toBe(`${SEED_ARTICLE}#p5`);
  });

  it('corrects a misspelling against the corpus vocabulary', () => {
    const answer = searchAnswer(engine, 'rockett');
    expect(answer.found).toBe(true);
    expect(cited(answer)[0]).toBe(`${SEED_ARTICLE}#p5`);
    expect(worded(answer).lead.join(' ')).toContain('rockett');
  });

  it('finds the quotes of Xin Changxing, whom the translation calls Nobunaga Xing', () => {
    expect(cited(searchAnswer(engine, 'Xin Changxing'))).toEqual(
      expect.arrayContaining([`${SEED_ARTICLE}#p3`, `${SEED_ARTICLE}#p9`]),
    );
  });

  it('says so when nothing matches, rather than offering a weak match', () => {
    const answer = searchAnswer(engine, 'football world cup');
    expect(answer.found).toBe(false);
    expect(answer.items).toEqual([]);
  });

  it('cites verbatim excerpts', () => {
    for (const item of searchAnswer(engine, 'future industries Shanghai').items) {
      if (item.kind === 'passage')
        expect(engine.corpus.passageById.get(item.citation.passage)!.text).toContain(item.citation.excerpt);
    }
  });
});

describe('/source', () => {
  it('shows a passage whole with its neighbours', () => {
    const answer = sourceAnswer(engine, `${SEED_ARTICLE}#p5`);
    expect(answer.items[0]).toMatchObject({ kind: 'passage', citation: { paragraph: 5, partial: false } });
    expect(cited(answer)).toEqual([`${SEED_ARTICLE}#p5`, `${SEED_ARTICLE}#p4`, `${SEED_ARTICLE}#p6`]);
  });

  it('names the speaker, resolved from the machine translation', () => {
    expect(worded(sourceAnswer(engine, 'p3')).lead.join(' ')).toContain('Xin Changxing (信长星)');
  });

  it('refuses an unknown id', () => {
    expect(sourceAnswer(engine, 'nothing#p1').found).toBe(false);
  });
});

describe('/summary and /articles', () => {
  it('digests the article: its figures and its quoted speakers', () => {
    const answer = summaryAnswer(engine, SEED_ARTICLE);
    expect(answer.found).toBe(true);
    expect(figures(answer)).toHaveLength(engine.corpus.stats.length);
    const { headings } = worded(answer);
    expect(headings.join(' ')).toContain('Gong Zheng');
    expectNumbersCited(answer);
  });

  it('digests a region', () => {
    const answer = summaryAnswer(engine, 'Shanghai');
    expect(figures(answer).map((f) => f.region)).toEqual(expect.arrayContaining(['shanghai', 'da-zero-bay']));
  });

  it('lists the articles', () => {
    expect(articlesAnswer(engine).items).toHaveLength(1);
  });
});

describe('autocomplete of names', () => {
  const typed = (text: string) => engine.regions.complete(text, 25).map((m) => m.target.id);

  it('offers the names that begin with what is typed, then those with a later word that does', () => {
    expect(typed('shang')[0]).toBe('shanghai');
    expect(
      typed('shang').every(
        (id) =>
          engine.region(id).name.toLowerCase().startsWith('shang') ||
          [engine.region(id).name, ...engine.region(id).aliases].some((n) => /\bshang/i.test(n)),
      ),
    ).toBe(true);
    expect(typed('江苏')[0]).toBe('jiangsu');
  });

  it('puts a name typed out in full first, and offers each place once', () => {
    expect(typed('suzhou')[0]).toBe('suzhou');
    const ids = typed('s');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('falls back to fuzzy matching for a typo', () => {
    expect(typed('jaingsu')).toContain('jiangsu');
    expect(typed('zzzzzzzz')).toEqual([]);
  });
});
