import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { pageId, readPageId } from '../../src/discord/pages.ts';
import { pagesOf } from '../../src/render/discord.ts';

const definitionOf = (name: string) => commands.find((c) => c.data.name === name)?.data;
const stat = definitionOf('stat')!;

describe('page ids', () => {
  it('carry the command, its options, the corpus version and the page, within 100 characters', () => {
    const options = new Map<string, string | boolean>([
      ['metric', 'gdp'],
      ['period', 'Q1 2024'],
      ['hide', true],
    ]);
    const id = pageId({ command: 'stat', options, version: 'abcdef01', page: 3 }, stat)!;
    // /stat's options in order: metric, region, period, format, hide, mention (trailing empties dropped).
    expect(id).toBe('pg:3:abcdef01:stat:gdp||Q1 2024||1');
    const back = readPageId(id, definitionOf)!;
    expect(back).toMatchObject({ command: 'stat', version: 'abcdef01', page: 3 });
    expect([...back.options]).toEqual([
      ['metric', 'gdp'],
      ['period', 'Q1 2024'],
      ['hide', '1'],
    ]);
  });

  it('keep | and % inside a value', () => {
    const options = new Map([['metric', 'a|b%7C c']]);
    const id = pageId({ command: 'stat', options, version: 'abcdef01', page: 2 }, stat)!;
    expect(readPageId(id, definitionOf)!.options.get('metric')).toBe('a|b%7C c');
  });

  it('are not made when the options do not fit: that answer gets no page buttons', () => {
    const options = new Map([['metric', 'x'.repeat(90)]]);
    expect(pageId({ command: 'stat', options, version: 'abcdef01', page: 2 }, stat)).toBeUndefined();
  });

  it('read nothing from an id that is not one, or names a command no longer there', () => {
    expect(readPageId('share', definitionOf)).toBeUndefined();
    expect(readPageId('pg:2:abcdef01:gone:x', definitionOf)).toBeUndefined();
    expect(readPageId('pg:2:abcdef01:stat:a|b|c|d|e|f|g', definitionOf)).toBeUndefined();
  });
});

describe('pagesOf', () => {
  it('puts every block on exactly one page, in order, each page within its budget', () => {
    const blocks = Array.from({ length: 30 }, (_, at) => `block ${at} `.repeat(10 + (at % 7) * 9));
    const pages = pagesOf(blocks, 1500);
    expect(pages.flat()).toEqual(blocks);
    for (const page of pages) expect(page.join('\n\n').length).toBeLessThanOrEqual(1500);
  });

  it('cuts a block too long for any page rather than lose it', () => {
    const pages = pagesOf(['short', `${'a long quote. '.repeat(200)}\n— the source line`], 500);
    expect(pages).toHaveLength(2);
    expect(pages[1]![0]!.length).toBeLessThanOrEqual(500);
    expect(pages[1]![0]).toMatch(/— the source line$/);
  });
});
