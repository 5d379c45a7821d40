import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.ts';
import { compareAnswer } from '../../src/answers/compare.ts';
import { csvField, toCsv } from '../../src/render/export.ts';
import { toText } from '../../src/render/text.ts';
import { seedEngine } from '../support/corpus.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe('/compare', () => {
  it('never puts a place’s figure in the row of the region that holds it: it is named as close', () => {
    const answer = compareAnswer(engine, { metric: 'rocket parts', regions: 'jiangsu,shanghai' });
    expect(answer.found).toBe(false);
    expect(answer.items).toEqual([]);
    const text = toText(answer, 'en');
    expect(text).toContain('The articles give no such figure for Jiangsu, Shanghai.');
    expect(text).toContain('the articles give one for Zhangjiagang, within it.');
    expect(text).toContain('/stat rocket-parts region:zhangjiagang');
  });

  it('compares periods of one place, naming the place it chose and the period with no figure', () => {
    const answer = compareAnswer(engine, { metric: 'gdp', periods: '2023, Q1 2024' });
    expect(answer.comparison).toEqual({
      by: 'period',
      rows: [
        { label: { key: 'periodName', args: { period: '2023' } }, figures: [] },
        { label: { key: 'periodName', args: { period: '2024-Q1' } }, figures: [0] },
      ],
    });
    const text = toText(answer, 'zh-CN');
    expect(text).toContain('江苏的数据：文章给出这些时期数据最多的地区。');
    expect(text).toContain('文章没有给出2023年的这项数据。');
    expect(text).toMatch(/2024年第一季度 +3\.1 trillion +yuan +超过 +2024年第一季度 +同比 \+6\.2% +\[1\]/);
  });

  it.each([
    [{ regions: 'jiangsu' }, 'compareNeedsTwo'],
    [{ regions: 'jiangsu,shanghai', periods: '2023,2024' }, 'compareOneAxis'],
    [{ regions: 'a1,b2' }, 'noRegion'],
    [{ periods: '2023,someday' }, 'unknownPeriod'],
    [{ regions: 'jiangsu,shanghai,suzhou,china,da-zero-bay,zhangjiagang' }, 'compareTooMany'],
  ])('refuses %j with %s, offering a way on', (query, key) => {
    const answer = compareAnswer(engine, { metric: 'gdp', ...query });
    expect(answer.found).toBe(false);
    expect(answer.lead.map((m) => m.key)).toContain(key);
  });
});

describe('CSV export', () => {
  it('quotes as RFC 4180 asks and guards cells a spreadsheet would run as formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    for (const risky of ['=1+1', '+6.2%', '-3', '@SUM(A1)', '\tx']) expect(csvField(risky)).toBe(`'${risky}`);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-3.5)).toBe('-3.5');
  });

  it('writes a header and one CRLF-ended row a figure', () => {
    const csv = toCsv(compareAnswer(engine, { metric: 'gdp', regions: 'jiangsu,shanghai' }));
    expect(csv.split('\r\n').map((l) => l.split(',')[0])).toEqual(['value', '3100000000000', '']);
  });
});
