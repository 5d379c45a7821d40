import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botEnv, collectLogs, type LogLine } from '../support/bot.ts';
import { FakeDiscord, option } from '../support/fake-discord.ts';
import { MODERATOR, expectCitation, expectSafeMessage, replyData } from '../support/replies.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/**
 * `npm run start:sharded` against the local Discord, which recommends two shards, run
 * both ways: a process per shard, and both shards in one process. Every shard
 * identifies as itself, and an interaction sent on either shard's gateway connection is
 * answered by the process that holds it.
 */
describe.each([
  { processes: 2, loggedIn: [[0], [1]] },
  { processes: 1, loggedIn: [[0, 1]] },
])('npm run start:sharded, two shards in $processes process(es)', ({ processes, loggedIn: expectedLogins }) => {
  let fake: FakeDiscord;
  let manager: ChildProcess;
  const logs: LogLine[] = [];

  function waitFor(match: (line: LogLine) => boolean, count = 1, timeoutMs = 60_000): Promise<LogLine[]> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const check = () => {
        const found = logs.filter(match);
        if (found.length >= count) return resolve(found);
        if (Date.now() - started > timeoutMs || manager.exitCode !== null) {
          return reject(
            new Error(`expected ${count} such log line(s); got:\n${logs.map((l) => JSON.stringify(l)).join('\n')}`),
          );
        }
        setTimeout(check, 50);
      };
      check();
    });
  }

  beforeAll(async () => {
    fake = await FakeDiscord.start({ shards: 2 });
    manager = spawn(tsx, ['src/discord/shard-manager.ts'], {
      cwd: root,
      env: botEnv(fake, { SHARD_SPAWN_DELAY_MS: '0', SHARD_PROCESSES: String(processes) }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    collectLogs(manager.stderr!, logs);
    await waitFor((l) => l.msg === 'every shard ready');
  }, 90_000);

  /** Stops the manager with a signal; resolves with its exit code once it and its output are done. */
  function stopManager(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (manager.exitCode !== null) return Promise.resolve(manager.exitCode);
    // 'close', not 'exit': the shards' last log lines may still be in the pipe when the manager exits.
    const exited = new Promise<number | null>((resolve) => manager.once('close', (code) => resolve(code)));
    manager.kill(signal);
    return exited;
  }

  afterAll(async () => {
    // The shards are the manager's children: stopping it stops them before the fake goes away.
    if (manager) await stopManager();
    await fake?.stop();
  }, 20_000);

  async function askOn(shard: number, name: string, options: ReturnType<typeof option.string>[], permissions?: string) {
    const sent = fake.sendInteraction(fake.chatInput(name, options, permissions ? { permissions } : {}), {
      shard,
      timeoutMs: 15_000,
    });
    const data = replyData((await sent.callback).body);
    expectSafeMessage(data);
    return data;
  }

  describe('the shards', () => {
    it('start in the processes asked for, every shard identifying as itself', async () => {
      expect(
        fake
          .identifies()
          .map((s) => s.shard)
          .sort(),
      ).toEqual([
        [0, 2],
        [1, 2],
      ]);
      // Each shard logs on a pipe of its own: the manager's "every shard ready" may overtake one of them.
      const loggedIn = await waitFor((l) => l.msg === 'logged in', processes);
      expect(loggedIn.map((l) => l['shard']).sort()).toEqual(expectedLogins);
    });

    it('answers on both shards', async () => {
      for (const shard of [0, 1]) {
        const data = await askOn(shard, 'stat', [option.string('metric', 'gdp')]);
        expect(data.content).toContain('3.1 trillion yuan');
        expectCitation(data.content);
      }
      // The log line follows the reply: wait for both.
      const answered = await waitFor((l) => l.msg === 'answered' && l['command'] === 'stat', 2);
      expect(new Set(answered.map((l) => JSON.stringify(l['shard'])))).toEqual(
        new Set(expectedLogins.map((ids) => JSON.stringify(ids))),
      );
    });

    it('a moderator’s /reload on one shard reloads every process', async () => {
      const before = logs.filter((l) => l.msg === 'corpus reloaded').length;
      const data = await askOn(1, 'reload', [], MODERATOR);
      expect(data.content).toContain('Corpus reloaded');
      const reloaded = await waitFor((l) => l.msg === 'corpus reloaded', before + processes);
      expect(reloaded.slice(before).every((l) => l['reason'] === '/reload')).toBe(true);
      // Logged by the shard that answered, on a pipe of its own: it may trail the reply.
      await waitFor((l) => l.msg === 'reload reached every shard' && l['processes'] === processes);
    });

    it('stops every shard and exits 0 on SIGTERM', async () => {
      const before = logs.filter((l) => l.msg === 'shutting down').length;
      expect(await stopManager('SIGTERM')).toBe(0);
      // Each shard shut down as `npm start` does, rather than being killed outright.
      expect(logs.filter((l) => l.msg === 'shutting down').length - before).toBe(processes);
    });
  });
});
