import { execFileSync, spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/bot.ts';
import { FakeDiscord, option } from '../support/fake-discord.ts';
import { replyData } from '../support/replies.ts';

/** Whether a process of that pid still runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids whose parent is `pid` (npm's child is the bot's node process). */
function childrenOf(pid: number): number[] {
  // ps exits 1 when there are none.
  const out = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return out ? out.split(/\s+/).map(Number) : [];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A supervisor knows one pid: npm's, when it runs `npm start`. Whatever it sends there must stop
// the bot itself, promptly and cleanly, or a restart leaves two bots answering.
describe('npm start under a supervisor', () => {
  let fake: FakeDiscord;
  let bot: BotProcess | undefined;
  beforeEach(async () => {
    fake = await FakeDiscord.start();
  });
  afterEach(async () => {
    // A failed test may leave the bot running under a killed npm: stop both.
    for (const pid of bot?.child.pid ? childrenOf(bot.child.pid) : []) process.kill(pid, 'SIGKILL');
    await bot?.stop('SIGKILL');
    await fake.stop();
  });

  it.each([
    ['SIGTERM', 'npm'],
    ['SIGINT', 'npm'],
    ['SIGTERM', 'node'],
    ['SIGHUP', 'node'],
  ] as const)(
    '%s to %s’s pid answers what is in flight and stops the bot, exit 0 within 2 s',
    async (signal, target) => {
      bot = await startBotProcess(fake, {}, 'npm');
      const [nodePid, ...others] = childrenOf(bot.child.pid!);
      // npm's one child is node itself: no shell or loader process between them to be orphaned.
      expect(others).toEqual([]);
      expect(execFileSync('ps', ['-o', 'comm=', '-p', String(nodePid)], { encoding: 'utf8' }).trim()).toBe('node');
      const sent = fake.sendInteraction(fake.chatInput('stat', [option.string('metric', 'gdp')]));
      await sleep(20);
      const started = performance.now();
      if (target === 'node') process.kill(nodePid!, signal);
      const { code } = await bot.stop(target === 'npm' ? signal : null);
      const ms = performance.now() - started;
      expect(replyData((await sent.callback).body)?.content).toContain('3.1 trillion yuan');
      expect(code).toBe(0);
      expect(ms).toBeLessThan(2000);
      await sleep(100);
      expect(alive(nodePid!)).toBe(false);
    },
  );
});
