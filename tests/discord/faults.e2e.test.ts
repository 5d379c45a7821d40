import { Writable } from 'node:stream';
import { ApplicationCommandOptionType, InteractionResponseType, Locale, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { defineCommand, hideOption, mentionOption, type AnyCommand } from '../../src/command/command.ts';
import { startBot, type Bot } from '../../src/discord/bot.ts';
import { DEFER_AFTER_MS } from '../../src/discord/router.ts';
import { statAnswer } from '../../src/answers/stat.ts';
import { createLogger } from '../../src/app/log.ts';
import { useBotAgainstFake, type LogLine } from '../support/bot.ts';
import { seedEngine } from '../support/corpus.ts';
import { FakeDiscord, option } from '../support/fake-discord.ts';
import { expectSafeMessage, isEphemeral, replyData } from '../support/replies.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('faults on the way to Discord (the bot as npm start runs it)', () => {
  const running = useBotAgainstFake();

  const askGdp = async () => {
    const sent = running.fake.sendInteraction(running.fake.chatInput('stat', [option.string('metric', 'gdp')]));
    const data = replyData((await sent.callback).body);
    expectSafeMessage(data);
    expect(data.content).toContain('3.1 trillion yuan');
    return sent;
  };

  it('answers despite a 429 with retry_after on the callback', async () => {
    running.fake.failNext({ method: 'POST', path: /\/callback$/ }, { status: 429, retryAfter: 0.2 });
    const sent = await askGdp();
    const attempts = running.fake.requests.filter((r) => r.path.startsWith(`/interactions/${sent.id}/`));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
  });

  it('logs a callback that keeps failing with 500 and goes on serving', async () => {
    // discord.js retries a 5xx three times by itself; the fourth failure reaches the running.bot.
    running.fake.failNext({ method: 'POST', path: /\/callback$/ }, { status: 500, times: 4 });
    const sent = running.fake.sendInteraction(running.fake.chatInput('stat', [option.string('metric', 'gdp')]));
    const failed = await running.bot.waitForLog((l) => l.msg === 'interaction failed' && l.interaction === sent.id);
    expect(failed.errorId).toMatch(/^[0-9a-f]{8}$/);
    await askGdp();
  });

  it.each([4000, 1006])('resumes after the gateway closes with %i and answers the next interaction', async (code) => {
    const since = running.fake.mark();
    await running.fake.closeGateway(code);
    const session = await running.fake.waitForSession((e) => e.ok, { since, timeoutMs: 10_000 });
    expect(['resume', 'identify']).toContain(session.kind);
    await askGdp();
  });
});

describe('faults inside the bot (real discord.js client in this process)', () => {
  let fake: FakeDiscord;
  let bot: Bot;
  const logs: LogLine[] = [];
  const slowDelay = DEFER_AFTER_MS + 1100;

  const slow = defineCommand({
    data: { name: 'slow', description: 'Answers after 2.6 s', options: [hideOption, mentionOption] },
    execute: async (_options, { engine }) => {
      await sleep(slowDelay);
      return statAnswer(engine, { metric: 'gdp' });
    },
  });
  const broken = defineCommand({
    data: {
      name: 'broken',
      description: 'Always throws',
      options: [{ name: 'x', description: 'x', type: ApplicationCommandOptionType.String }],
    },
    execute: () => {
      throw new Error('a bug in a handler');
    },
  });

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    const engine = await seedEngine();
    bot = await startBot({
      config: {
        DISCORD_API_URL: fake.apiUrl,
        CORPUS_DIR: 'corpus',
        ANSWER_MENTIONS: false,
        FOOTNOTE_LANG: 'en',
        FEEDBACK_DB: 'off',
        FEEDBACK_RETENTION_DAYS: 90,
      },
      token: 'test-token',
      engine: () => engine,
      commands: [...commands, slow, broken] as AnyCommand[],
      messageCommands: [],
      log: createLogger('info', sink),
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
  });

  it('defers work slower than 2.5 s in time, then edits in the answer', async () => {
    const sent = fake.sendInteraction(fake.chatInput('slow'));
    const started = performance.now();
    const callback = await sent.callback;
    expect(performance.now() - started).toBeLessThan(2500);
    expect((callback.body as { type: number }).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await fake.waitForRequest(
      { method: 'PATCH', path: new RegExp(`/webhooks/${fake.applicationId}/${sent.token}/messages/@original`) },
      { timeoutMs: 5000 },
    );
    expectSafeMessage(edit.body as never);
    expect((edit.body as { content: string }).content).toContain('3.1 trillion yuan');
  });

  it('sends a deferred addressed answer as a new message, since Discord pings nobody from an edit', async () => {
    const member = '123456789012345678';
    const sent = fake.sendInteraction(fake.chatInput('slow', [option.user('mention', member)]));
    await sent.callback;
    const deleted = fake.waitForRequest(
      { method: 'DELETE', path: new RegExp(`/webhooks/${fake.applicationId}/${sent.token}/messages/@original`) },
      { timeoutMs: 5000 },
    );
    const followUp = await fake.waitForRequest(
      { method: 'POST', path: `/webhooks/${fake.applicationId}/${sent.token}` },
      { timeoutMs: 5000 },
    );
    await deleted;
    const body = followUp.body as { content: string; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [], users: [member], replied_user: false });
    expect(body.content).toMatch(new RegExp(`^<@${member}>, this is for you:\n`));
  });

  it('defers privately when the asker chose hide', async () => {
    const sent = fake.sendInteraction(fake.chatInput('slow', [option.boolean('hide', true)]));
    const callback = await sent.callback;
    const body = callback.body as { type: number; data?: { flags?: number } };
    expect(body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect((body.data?.flags ?? 0) & MessageFlags.Ephemeral).toBeTruthy();
    await fake.waitForRequest(
      { method: 'PATCH', path: new RegExp(`/${sent.token}/messages/@original`) },
      { timeoutMs: 5000 },
    );
  });

  it('answers a handler that throws with a private error id, logs it whole, and lives on', async () => {
    const sent = fake.sendInteraction(fake.chatInput('broken', [option.string('x', 'y')]));
    const data = replyData((await sent.callback).body);
    expectSafeMessage(data);
    expect(isEphemeral(data)).toBe(true);
    const errorId = /Error id ([0-9a-f]{8})/.exec(data.content)?.[1];
    expect(errorId).toBeDefined();
    const logged = logs.find((l) => l.errorId === errorId)!;
    expect(logged).toMatchObject({ msg: 'interaction failed', command: 'broken', interaction: sent.id });
    expect(JSON.stringify(logged.err)).toContain('a bug in a handler');

    const next = fake.sendInteraction(fake.chatInput('stat', [option.string('metric', 'gdp')]));
    expect(replyData((await next.callback).body)?.content).toContain('3.1 trillion yuan');
  });

  it('tells a zh-CN member about the failure in Chinese, with the same kind of error id', async () => {
    const sent = fake.sendInteraction(
      fake.chatInput('broken', [option.string('x', 'y')], { locale: Locale.ChineseCN }),
    );
    const data = replyData((await sent.callback).body);
    expect(isEphemeral(data!)).toBe(true);
    expect(data!.content).toMatch(/^\*\*出错了，是我这边的问题\*\*\n错误编号 [0-9a-f]{8}。/);
  });
});
