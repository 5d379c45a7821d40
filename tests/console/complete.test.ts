import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../src/app/open.ts';
import { completeLine } from '../../src/console/complete.ts';
import { runLine } from '../../src/console/session.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { toText } from '../../src/render/text.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await openEngine(path.resolve(import.meta.dirname, '../../corpus'));
});

const complete = (line: string, locale: 'en' | 'zh-CN' = 'en') => completeLine(line, engine, locale);

describe('Tab at the console', () => {
  it('completes a command’s name, with a space once it is the only one', () => {
    expect(complete('/st')).toEqual([['/stat '], '/st']);
    expect(complete('/s')[0]).toEqual(['/stat', '/search', '/source', '/summary']);
    expect(complete('/fin')).toEqual([['/find-sources '], '/fin']);
    expect(complete('/数', 'zh-CN')).toEqual([['/数据 '], '/数']);
  });

  it('completes an option’s name, but not one already given', () => {
    expect(complete('/stat gdp reg')).toEqual([['region:'], 'reg']);
    expect(complete('/stat gdp region:jiangsu per')).toEqual([['period:'], 'per']);
    expect(complete('/stat gdp region:jiangsu ')[0]).not.toContain('region:');
    expect(complete('/stat gdp 地', 'zh-CN')).toEqual([['地区:'], '地']);
  });

  it('completes values from the command’s own autocomplete, replacing what was typed', () => {
    const region = engine.regions.complete('jia', 25).map((m) => m.target.id);
    expect(complete('/stat gdp region:jia')).toEqual([region, 'jia']);
    // By another name than its id: the id replaces it.
    expect(complete('/stat gdp region:江苏')).toEqual([['jiangsu '], '江苏']);
    expect(complete('/stat gd')).toEqual([['gdp '], 'gd']);
    expect(complete('/stat gdp hide:t')).toEqual([['true '], 't']);
  });

  it('leaves questions and unknown commands alone', () => {
    expect(complete('what was')).toEqual([[], 'what was']);
    expect(complete('/nosuch thing')).toEqual([[], '/nosuch thing']);
  });
});

describe('a line at the console', () => {
  it('is a question unless it starts with "/"', async () => {
    const asked = await runLine(engine, "what was jiangsu's gdp in the first quarter");
    const typed = await runLine(engine, "/ask what was jiangsu's gdp in the first quarter");
    expect(toText(asked!.answer, 'en')).toBe(toText(typed!.answer, 'en'));
    expect(toText(asked!.answer, 'en')).toContain('3.1 trillion yuan');
  });

  it('offers the command a mistyped name was likely meant as, first', async () => {
    const answer = (await runLine(engine, '/stta gdp'))!.answer;
    expect(toText(answer, 'en')).toContain('Did you mean /stat?');
    expect(answer.suggestions[0]!.command).toBe('stat');
    expect(toText((await runLine(engine, '/serch rockets'))!.answer, 'en')).toContain('Did you mean /search?');
    expect(toText((await runLine(engine, '/stta', 'zh-CN'))!.answer, 'zh-CN')).toContain('/数据');
    expect(toText((await runLine(engine, '/nosuchcommand'))!.answer, 'en')).not.toContain('Did you mean');
  });

  it('runs /reload when the console gives it a reload', async () => {
    const reload = async () => ({ ok: true as const, articles: 1, passages: 2, stats: 3, ms: 4 });
    const answer = (await runLine(engine, '/reload', 'en', { reload }))!.answer;
    expect(toText(answer, 'en')).toContain('Corpus reloaded');
  });
});
