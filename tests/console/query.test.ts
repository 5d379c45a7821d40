import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** Runs the one-shot CLI as `npm run --silent query --` would. */
async function query(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, ['src/console/query.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run query', () => {
  it('--json "/stat gdp" prints exactly one JSON object whose citation holds "3.1 trillion yuan"', async () => {
    const { code, stdout } = await query(['--json', '/stat gdp']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ found: true, text: expect.stringContaining('3.1 trillion yuan') });
    expect(answer.figures[0]).toMatchObject({
      metric: 'gdp',
      value: 3.1e12,
      unit: 'yuan',
      period: '2024-Q1',
      region: 'jiangsu',
    });
    expect(answer.citations[0]).toMatchObject({
      article: 'cctv-2024-05-productive-forces',
      paragraph: 2,
      excerpt: expect.stringContaining('3.1 trillion yuan'),
    });
  });

  it('exits 2 with the reason for an unknown option, an empty value, stray text, a repeated option or an unreadable period', async () => {
    const cases: [string, RegExp][] = [
      ['/stat gdp colour:red', /has no option “colour”/],
      ['/stat gdp region:', /“region:” has no value/],
      ['/help me', /\/help takes no text/],
      ['/stat gdp region:jiangsu region:jiangsu', /“region” is given twice/],
      ['/stat gdp period:Q5 2024', /“Q5 2024” is not a period I can read/],
    ];
    const runs = await Promise.all(cases.map(([line]) => query([line])));
    runs.forEach(({ code, stdout, stderr }, i) => {
      const [line, reason] = cases[i]!;
      expect({ line, code, stdout }).toEqual({ line, code: 2, stdout: '' });
      expect(stderr).toMatch(reason);
    });
  }, 60_000);

  it('prints the answer as text without --json', async () => {
    const { code, stdout } = await query(['/region', '江苏']);
    expect(code).toBe(0);
    expect(stdout).toContain('Jiangsu (江苏)');
    expect(stdout).toContain('¶2');
  });

  it('--lang zh-CN "/stat gdp" answers in Chinese, the quote in the article’s English', async () => {
    const { code, stdout } = await query(['--lang', 'zh-CN', '/stat gdp']);
    expect(code).toBe(0);
    expect(stdout).toContain('地区生产总值 · 江苏 · 2024年第一季度');
    expect(stdout).toContain('“In the first quarter of this year, Jiangsu’s GDP exceeded 3.1 trillion yuan');
    const json = JSON.parse((await query(['--json', '/stat gdp'], { FOOTNOTE_LANG: 'zh-CN' })).stdout);
    expect(json).toMatchObject({ locale: 'zh-CN', title: '地区生产总值' });
    expect(JSON.parse((await query(['--json', '/stat gdp'])).stdout).locale).toBe('en');
  });

  it('reports found: false for a question the corpus cannot answer, and still exits 0', async () => {
    const { code, stdout } = await query(['--json', '/stat gdp region:shanghai']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ found: false, figures: [], citations: [] });
  });

  it.each([
    [['/frobnicate'], /no command \/frobnicate/],
    [['/stat'], /needs “metric”/],
    [['/stat gdp hide:maybe'], /takes true or false/],
    [[], /Usage/],
    [['--yaml', '/stat gdp'], /Usage/],
    [['--lang', 'fr', '/stat gdp'], /Usage/],
    [['--json', '--csv', '/stat gdp'], /Usage/],
    [['--batch', '/stat gdp'], /Usage/],
    [['/stat gdp format:xlsx'], /takes one of: text, csv, json/],
  ])('exits non-zero with a clear message on stderr for %j', async (args, message) => {
    const { code, stdout, stderr } = await query(args);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('--csv "/stat gdp" prints the figures as RFC 4180 CSV, a formula-looking cell guarded', async () => {
    const { code, stdout } = await query(['--csv', '/stat gdp']);
    expect(code).toBe(0);
    expect(stdout.split('\r\n')).toEqual([
      'value,written,unit,qualifier,period,region,change,quote,article,outlet,date,paragraph,url',
      '3100000000000,3.1 trillion,yuan,exceeded,2024-Q1,Jiangsu,\'+6.2% year on year,"In the first quarter of this year, Jiangsu’s GDP exceeded 3.1 trillion yuan, a year-on-year increase of 6.2%",cctv-2024-05-productive-forces,CCTV,2024-05,2,',
      '',
    ]);
    // format:csv typed in the command prints the same file.
    expect((await query(['/stat gdp format:csv'])).stdout).toBe(stdout);
  });

  it('/compare answers at the CLI as an aligned table, in JSON with its rows', async () => {
    const { stdout } = await query(['/compare gdp regions:jiangsu,shanghai']);
    expect(stdout).toContain(
      [
        '  Place            Value  Unit  Qualifier  Period   Change              Source',
        '  Jiangsu   3.1 trillion  yuan  exceeded   Q1 2024  +6.2% year on year  [1]',
        '  Shanghai     no figure',
        '',
        '[1] Jiangsu',
      ].join('\n'),
    );
    expect(stdout).toContain('The articles give no such figure for Shanghai.');
    const json = JSON.parse((await query(['--json', '/compare gdp regions:jiangsu,shanghai'])).stdout);
    expect(json.comparison).toEqual({
      by: 'place',
      rows: [
        { label: 'Jiangsu', figures: [0] },
        { label: 'Shanghai', figures: [] },
      ],
    });
    expect(json.figures[0]).toMatchObject({ region: 'jiangsu', citation: 0 });
  });

  it('--json --batch answers one JSON object a line, in order, a bad line an error object; exit 2 at the end', async () => {
    const input = ['/stat gdp', '/frobnicate', '', '/region 江苏', '/stat gdp hide:maybe'].join('\n') + '\n';
    const { code, stdout, stderr } = await runCli('src/console/query.ts', ['--json', '--batch'], {}, input);
    expect(stderr).toBe('');
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.line, l.found ?? null, Boolean(l.error)])).toEqual([
      [1, true, false],
      [2, null, true],
      [3, null, true],
      [4, true, false],
      [5, null, true],
    ]);
    expect(lines[1]).toMatchObject({ input: '/frobnicate', error: expect.stringContaining('no command /frobnicate') });
    expect(lines[3].text).toContain('Jiangsu (江苏)');
    expect(code).toBe(2);
    const good = await runCli('src/console/query.ts', ['--json', '--batch'], {}, '/stat gdp\n/help\n');
    expect(good.code).toBe(0);
    expect(good.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('mention:<id> addresses the text answer; a bad member is refused', async () => {
    const { stdout } = await query(['/stat gdp mention:<@123456789012345678>']);
    expect(stdout).toMatch(/^<@123456789012345678>, this is for you:\nGDP\n/);
    const bad = await query(['/stat gdp mention:everyone']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('“mention” takes a member');
  });

  it('refuses a broken corpus with the file and field', async () => {
    const { code, stderr } = await query(['/stat gdp'], { CORPUS_DIR: path.join(root, 'tests') });
    expect(code).toBe(1);
    expect(stderr).toMatch(/gazetteer\.json \$: file not found/);
  });
});
