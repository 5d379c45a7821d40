import { beforeAll, describe, expect, it } from 'vitest';
import { commandByName } from '../../commands/index.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { regionAnswer } from '../../src/answers/region.ts';
import { statAnswer } from '../../src/answers/stat.ts';
import { describePeriodZh } from '../../src/messages/period.ts';
import { resolveLocale } from '../../src/messages/words.ts';
import { toText } from '../../src/render/text.ts';
import { worded } from '../support/english.ts';
import { seedEngine } from '../support/corpus.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe('the zh-CN catalogue', () => {
  it('says periods and dates as a Chinese reader writes them', () => {
    expect(['2024', '2024-Q1', '2024-H2', '2024-05', '2024-05-21'].map(describePeriodZh)).toEqual([
      '2024年',
      '2024年第一季度',
      '2024年下半年',
      '2024年5月',
      '2024年5月21日',
    ]);
  });

  it('names regions and metrics by the gazetteer’s Chinese names', () => {
    const none = worded(statAnswer(engine, { metric: 'gdp', region: 'shanghai' }), 'zh-CN');
    expect(none.title).toBe('地区生产总值 · 上海');
    expect(none.lead).toEqual(['语料中没有上海的地区生产总值数据。']);
    expect(none.suggestions[0]).toEqual({
      label: '江苏的地区生产总值（2024年第一季度）',
      command: '/数据 gdp 地区:jiangsu 时期:2024-Q1',
    });
    const region = worded(regionAnswer(engine, 'suzhou'), 'zh-CN');
    expect(region.lead[0]).toMatch(/^苏州（Suzhou）：位于中国江苏的地级市。$/);
  });

  it('keeps the excerpt verbatim beside Chinese labels', () => {
    const text = toText(statAnswer(engine, { metric: 'gdp' }), 'zh-CN');
    expect(text).toContain('“In the first quarter of this year, Jiangsu’s GDP exceeded 3.1 trillion yuan');
    expect(text).toContain('超过 3.1 trillion yuan，同比 +6.2%');
  });

  it('words autocomplete for the asker’s locale', () => {
    const summary = commandByName.get('summary')!;
    const context = { engine, caller: { canManageMessages: true }, commands: [summary], locale: 'zh-CN' as const };
    expect(summary.autocomplete!({ name: 'target', value: 'jiangsu' }, context)[0]!.name).toMatch(/^地区：Jiangsu/);
  });
});

describe('resolveLocale', () => {
  it('takes the first locale Footnote speaks, else English', () => {
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
    expect(resolveLocale('en-GB', 'zh-CN')).toBe('en');
    expect(resolveLocale('fr', 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale('zh-TW', undefined)).toBe('en');
    expect(resolveLocale(null, undefined)).toBe('en');
  });
});
