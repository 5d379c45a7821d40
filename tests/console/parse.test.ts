import { describe, expect, it } from 'vitest';
import { commandByName } from '../../commands/index.ts';
import { parseCommandLine } from '../../src/console/parse.ts';

const parse = (line: string) => {
  const parsed = parseCommandLine(line, (name) => commandByName.get(name)?.data);
  return parsed && { name: parsed.name, options: Object.fromEntries(parsed.options) };
};

describe('parseCommandLine', () => {
  it('reads commands as typed in Discord', () => {
    expect(parse('/region jiangsu')).toEqual({ name: 'region', options: { name: 'jiangsu' } });
    expect(parse('/stat gdp region:jiangsu period:Q1 2024')).toEqual({
      name: 'stat',
      options: { metric: 'gdp', region: 'jiangsu', period: 'Q1 2024' },
    });
    expect(parse('/search rocket parts')).toEqual({ name: 'search', options: { query: 'rocket parts' } });
    expect(parse('stat metric:gdp hide:true')).toEqual({ name: 'stat', options: { metric: 'gdp', hide: 'true' } });
  });

  it('reads a command as a zh-CN reply suggests it, by its Chinese names', () => {
    const stat = commandByName.get('stat')!.data;
    const parsed = parseCommandLine('/数据 gdp 地区:jiangsu 时期:Q1 2024', (name) =>
      name === '数据' ? stat : undefined,
    );
    expect(parsed && { name: parsed.name, options: Object.fromEntries(parsed.options) }).toEqual({
      name: 'stat',
      options: { metric: 'gdp', region: 'jiangsu', period: 'Q1 2024' },
    });
  });

  it('keeps a colon that is not an option name inside the value', () => {
    expect(parse('/search ratio 1:10 growth')).toEqual({ name: 'search', options: { query: 'ratio 1:10 growth' } });
  });

  it('reads nothing from an empty line', () => {
    expect(parse('   ')).toBeUndefined();
  });
});
