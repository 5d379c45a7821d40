import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { FakeDiscord } from './fake-discord.ts';
import { copyCorpus } from './corpus.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface BotProcess {
  child: ChildProcess;
  logs: LogLine[];
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Sends the signal (none: waits for an exit already under way) and resolves with the exit code and how long it took. */
  stop(signal?: NodeJS.Signals | null): Promise<{ code: number | null; ms: number }>;
}

/** The environment `npm start` would see, pointed at the stand-in. Every setting is explicit so a developer's .env cannot leak in. */
export function botEnv(fake: FakeDiscord, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DISCORD_TOKEN: 'test-token',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_GUILD_ID: '',
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: path.join(root, 'corpus'),
    LOG_LEVEL: 'info',
    // Tests that keep feedback or announce say where; the others keep nothing in the checkout.
    FEEDBACK_DB: 'off',
    ANNOUNCE_CHANNEL_ID: '',
    ...extra,
  };
}

/** What `npm start` runs after `exec node`: Node's flags, the launcher and its entry. */
function npmStartArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return scripts['start']!.replace(/^exec node /, '').split(' ');
}

/** Collects a process's JSON log lines (a line that is not JSON is kept as an error) as they arrive. */
export function collectLogs(stream: NodeJS.ReadableStream, logs: LogLine[], onLines: () => void = () => {}): void {
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ level: 60, msg: line });
      }
    }
    onLines();
  });
}

/** Runs a script of ours the way its npm script does. */
export function runScript(
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts the bot exactly as `npm start` does (same entry, configuration from the environment) and
 * waits until it has logged in. `via: 'npm'` runs `npm start` itself, so `child` is npm's process:
 * the one pid a supervisor (systemd, Docker, pm2) knows. `via: 'launcher'` runs what `npm start`
 * runs, the compiled bot (bin/footnote.mjs start), as `child` itself: the process whose memory counts.
 */
export async function startBotProcess(
  fake: FakeDiscord,
  extra: Record<string, string> = {},
  via: 'node' | 'npm' | 'launcher' = 'node',
  loginTimeoutMs = 15_000,
): Promise<BotProcess> {
  const [command, args] =
    via === 'npm'
      ? ['npm', ['start']]
      : via === 'launcher'
        ? [process.execPath, npmStartArgs()]
        : [tsx, ['src/main.ts']];
  const child = spawn(command, args, { cwd: root, env: botEnv(fake, extra), stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  collectLogs(child.stderr!, logs, () => {
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = 15_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const found = logs.find(match);
        if (!found) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(`no such log line within ${timeoutMs} ms; got:\n${logs.map((l) => JSON.stringify(l)).join('\n')}`),
        );
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  const bot: BotProcess = {
    child,
    logs,
    waitForLog,
    stop: async (signal: NodeJS.Signals | null = 'SIGTERM') => {
      const started = performance.now();
      if (child.exitCode === null && signal) child.kill(signal);
      const code = await exited;
      return { code, ms: performance.now() - started };
    },
  };
  await Promise.race([
    waitForLog((l) => l.msg === 'logged in', loginTimeoutMs),
    exited.then((code) => {
      throw new Error(`the bot exited (${code}) before logging in:\n${logs.map((l) => JSON.stringify(l)).join('\n')}`);
    }),
  ]);
  return bot;
}

/**
 * For a test file: the local Discord and the bot started against it once, stopped after
 * the last test (the bot first: the other order leaves a client reconnecting to nothing).
 * With `copy`, the bot serves a scratch copy of the seed corpus (`dir`, removed after) and
 * the tests start once it watches it for changes.
 */
export function useBotAgainstFake(
  extra: Record<string, string> | ((fake: FakeDiscord) => Record<string, string>) = {},
  { copy = false }: { copy?: boolean } = {},
): {
  readonly fake: FakeDiscord;
  readonly bot: BotProcess;
  readonly dir: string;
} {
  let fake: FakeDiscord | undefined;
  let bot: BotProcess | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    if (copy) dir = await copyCorpus();
    fake = await FakeDiscord.start();
    const env = typeof extra === 'function' ? extra(fake) : extra;
    bot = await startBotProcess(fake, { ...env, ...(dir ? { CORPUS_DIR: dir } : {}) });
    if (copy) await bot.waitForLog((l) => l.msg === 'watching the corpus for changes');
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get fake() {
      return fake!;
    },
    get bot() {
      return bot!;
    },
    get dir() {
      return dir!;
    },
  };
}
