import { describe, expect, it } from 'vitest';
import { commandByName } from '../../commands/index.ts';
import { parseCommandLine } from '../../src/console/parse.ts';
import { words } from '../../src/messages/words.ts';

const parse = (line: string) => {
  const parsed = parseCommandLine(line, (name) => commandByName.get(name)?.data);
  return parsed && { name: parsed.name, options: Object.fromEntries(parsed.options) };
};
const problem = (line: string) => {
  const said = parseCommandLine(line, (name) => commandByName.get(name)?.data)?.problem;
  return said && words('en', said);
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

  it('refuses an option the command does not have instead of reading it into a value', () => {
    expect(problem('/stat gdp colour:red')).toBe(
      '/stat has no option “colour”. Usage: /stat metric:<metric> [region:…] [period:…] [format:…] [hide:…] [mention:…]',
    );
    expect(problem('/ask what grew? colour:red')).toMatch(/^\/ask has no option “colour”/);
  });

  it('keeps a colon before a space, a link or a number inside the value', () => {
    expect(parse('/search note: https://example.com 10:30')).toEqual({
      name: 'search',
      options: { query: 'note: https://example.com 10:30' },
    });
    expect(problem('/search note: https://example.com 10:30')).toBeUndefined();
  });

  it('refuses an empty value, a repeated option and text given to a switch', () => {
    expect(problem('/stat gdp region:')).toMatch(/^“region:” has no value/);
    expect(problem('/stat gdp region: period:2024')).toMatch(/^“region:” has no value/);
    expect(problem('/stat gdp region:jiangsu region:zhejiang')).toMatch(/^“region” is given twice/);
    expect(problem('/stat metric:gdp metric:gdp')).toMatch(/^“metric” is given twice/);
    expect(problem('/help me')).toBe('/help takes no text. Usage: /help [hide:…] [mention:…]');
    expect(problem('/help hide:true')).toBeUndefined();
  });

  it('reads nothing from an empty line', () => {
    expect(parse('   ')).toBeUndefined();
  });
});
