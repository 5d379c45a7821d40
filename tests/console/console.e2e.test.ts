import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Terminal, keys } from '../support/terminal.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** `npm start` runs exactly this (package.json: exec node --import tsx src/main.ts). */
const start = [process.execPath, ['--import', 'tsx', 'src/main.ts']] as const;
const home = mkdtempSync(path.join(tmpdir(), 'footnote-console-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** No token: the console. Every setting explicit, so a developer's .env or history cannot leak in. */
function consoleEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DISCORD_TOKEN: '',
    CORPUS_DIR: path.join(root, 'corpus'),
    FOOTNOTE_LANG: 'en',
    LOG_LEVEL: 'warn',
    HOME: home,
    XDG_STATE_HOME: path.join(home, 'state'),
    FOOTNOTE_HISTORY: '',
    FOOTNOTE_HISTORY_SIZE: '',
    ...extra,
  };
}

function openTerminal(extra: Record<string, string> = {}): Terminal {
  return new Terminal(start[0], [...start[1]], { cwd: root, env: consoleEnv(extra) });
}

const PROMPT = 'footnote> ';
const history = path.join(home, 'state', 'footnote', 'history');

describe('npm start without a token, at a terminal', () => {
  it('completes, answers questions and commands, suggests, reloads, and leaves on a second Ctrl+C', async () => {
    const terminal = openTerminal();
    try {
      expect(await terminal.waitFor(PROMPT, 30_000)).toContain('Tab completes');
      // Command, option name and value, each by Tab, from the autocomplete the bot serves.
      terminal.type(`/st${keys.tab}`);
      await terminal.waitFor('/stat ');
      terminal.type(`gdp reg${keys.tab}`);
      await terminal.waitFor('region:');
      terminal.type(`jiangs${keys.tab}`);
      await terminal.waitFor('jiangsu');
      terminal.type(keys.enter);
      const stat = await terminal.waitFor(PROMPT);
      expect(stat).toContain('3.1 trillion yuan');
      expect(stat).toContain('¶2');

      // A Tab with several candidates lists them.
      // Readline takes keys that arrive together as a paste, not as two Tabs: send them apart, as a person would.
      terminal.type(`/s${keys.tab}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      terminal.type(keys.tab);
      const listed = await terminal.waitFor('/summary');
      for (const name of ['/stat', '/search', '/source']) expect(listed).toContain(name);
      terminal.type(`${keys.ctrlC}`);
      await terminal.waitFor(PROMPT);

      // Free text is a question.
      terminal.type(`what was jiangsu's gdp in the first quarter${keys.enter}`);
      expect(await terminal.waitFor(PROMPT)).toContain('3.1 trillion yuan');

      terminal.type(`/stta${keys.enter}`);
      expect(await terminal.waitFor(PROMPT)).toContain('Did you mean /stat?');

      terminal.type(`/reload${keys.enter}`);
      expect(await terminal.waitFor(PROMPT)).toMatch(/Corpus reloaded/);

      // Up recalls the last line.
      terminal.type(keys.up);
      await terminal.waitFor('/reload');
      // Ctrl+C drops the line: Enter then runs nothing.
      terminal.type(keys.ctrlC);
      await terminal.waitFor(PROMPT);
      terminal.type(keys.enter);
      const after = await terminal.waitFor(PROMPT);
      expect(after).not.toContain('Corpus reloaded');

      // On an empty line the first Ctrl+C says how to leave, the second leaves.
      terminal.type(keys.ctrlC);
      expect(await terminal.waitFor(PROMPT)).toContain('press Ctrl+C again');
      terminal.type(keys.ctrlC);
      expect(await terminal.exited).toBe(0);
    } finally {
      terminal.kill();
    }
  }, 60_000);

  it('keeps its history across runs, in the user’s state folder, readable by them alone', async () => {
    expect(readFileSync(history, 'utf8').split('\n')).toEqual(
      expect.arrayContaining(['/stat gdp region:jiangsu ', '/reload', '/stta']),
    );
    expect(statSync(history).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(root, '.footnote_history'))).toBe(false);

    const terminal = openTerminal({ FOOTNOTE_HISTORY_SIZE: '2' });
    try {
      await terminal.waitFor(PROMPT, 30_000);
      terminal.type(keys.up);
      await terminal.waitFor('/reload');
      terminal.type(keys.up);
      await terminal.waitFor('/stta');
      terminal.type(`${keys.ctrlC}/articles${keys.enter}`);
      await terminal.waitFor(PROMPT);
      terminal.type(keys.ctrlD);
      expect(await terminal.exited).toBe(0);
    } finally {
      terminal.kill();
    }
    // Bounded: the newest two lines, oldest first.
    expect(readFileSync(history, 'utf8')).toBe('/reload\n/articles\n');
  }, 60_000);

  it('keeps none with FOOTNOTE_HISTORY_SIZE=0', async () => {
    const elsewhere = path.join(home, 'off');
    const terminal = openTerminal({ XDG_STATE_HOME: elsewhere, FOOTNOTE_HISTORY_SIZE: '0' });
    try {
      await terminal.waitFor(PROMPT, 30_000);
      terminal.type(`/articles${keys.enter}`);
      await terminal.waitFor(PROMPT);
      terminal.type(keys.ctrlD);
      expect(await terminal.exited).toBe(0);
    } finally {
      terminal.kill();
    }
    expect(existsSync(elsewhere)).toBe(false);
  }, 60_000);
});

/** The console with its input and output piped, as a script uses it. */
function piped(extra: Record<string, string> = {}) {
  const child = spawn(start[0], [...start[1]], { cwd: root, env: consoleEnv(extra), stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('npm start without a token, piped', () => {
  it('answers each line, with no prompt or escape codes', async () => {
    const state = path.join(home, 'piped');
    const run = piped({ XDG_STATE_HOME: state });
    run.child.stdin.end(`/stat gdp\nwhat was jiangsu's gdp in the first quarter\n`);
    expect(await run.exited).toBe(0);
    const out = run.out();
    expect(out.match(/3\.1 trillion yuan/g)?.length).toBeGreaterThanOrEqual(2);
    expect(out).not.toContain(PROMPT);
    expect(out).not.toContain('\x1b');
    // A script's lines are not someone's history.
    expect(existsSync(state)).toBe(false);
  }, 30_000);

  it('ends quietly, exit 0, when its output is closed (npm start | head -1)', async () => {
    const run = piped();
    run.child.stdin.write('/stat gdp\n');
    await new Promise<void>((resolve) => run.child.stdout.once('data', () => resolve()));
    // What `head -1` does once it has its line: closes the pipe.
    run.child.stdout.destroy();
    run.child.stdin.write('/articles\n/help\n');
    run.child.stdin.end('/stat gdp\n');
    expect(await run.exited).toBe(0);
    expect(run.err()).not.toMatch(/EPIPE|Error/);
  }, 30_000);
});
