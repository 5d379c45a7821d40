import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { AnyCommand } from '../../src/command/command.ts';
import { startBot, type Bot } from '../../src/discord/bot.ts';
import { FOLLOW_UP_MS } from '../../src/discord/follow-ups.ts';
import { createLogger } from '../../src/app/log.ts';
import { seedEngine } from '../support/corpus.ts';
import { FakeDiscord } from '../support/fake-discord.ts';
import { expectCitation, expectSafeMessage } from '../support/replies.ts';

/**
 * Follow-ups in chat through the real discord.js client: a reply to an answer, or the
 * same member mentioning the bot again in the same channel within the window, is read
 * with the previous question. The window's clock is the test's.
 */
describe('follow-ups in chat', () => {
  let fake: FakeDiscord;
  let bot: Bot | undefined;
  let now = 1_000_000;
  const logs: { msg: string; message?: string }[] = [];
  const other = '123456789012345678';

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const engine = await seedEngine();
    bot = await startBot({
      config: {
        DISCORD_API_URL: fake.apiUrl,
        CORPUS_DIR: 'corpus',
        ANSWER_MENTIONS: true,
        FOOTNOTE_LANG: 'en',
        FEEDBACK_DB: 'off',
        FEEDBACK_RETENTION_DAYS: 90,
      },
      token: 'test-token',
      engine: () => engine,
      commands: commands as AnyCommand[],
      messageCommands: [],
      log: createLogger(
        'info',
        new Writable({
          write(chunk, _encoding, done) {
            for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
            done();
          },
        }),
      ),
      clock: () => now,
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
  });

  /** Sends a message and returns the bot's reply to it: its body and the id it was given. */
  const say = async (content: string, opts: Parameters<FakeDiscord['sendMessage']>[1] = {}) => {
    const since = fake.mark();
    const { message, delivered } = await fake.sendMessage(content, opts);
    expect(delivered).toBe(true);
    const channel = opts.channelId ?? fake.channelId;
    const request = await fake.waitForRequest({ method: 'POST', path: `/channels/${channel}/messages` }, { since });
    const body = request.body as { content: string; message_reference?: { message_id: string } };
    expectSafeMessage(body as never);
    expect(body.message_reference?.message_id).toBe(message.id);
    // The bot remembers the answer once Discord has given it an id: the next message must find it.
    await vi.waitUntil(() => logs.some((l) => l.msg === 'answered' && l.message === message.id));
    return { content: body.content, id: (request.response as { id: string }).id };
  };
  const mention = (text: string) => `<@${fake.applicationId}> ${text}`;
  const silence = async (content: string, opts: Parameters<FakeDiscord['sendMessage']>[1] = {}) => {
    const since = fake.mark();
    await fake.sendMessage(content, opts);
    await new Promise((r) => setTimeout(r, 300));
    return fake.requests.filter((r) => r.seq > since && r.method === 'POST' && r.path.startsWith('/channels/'));
  };

  it('a reply to an answer is read with its question: the follow-up names the topic, the rest carries', async () => {
    const first = await say(mention("what was jiangsu's gdp in q1 2024?"));
    expect(first.content).toContain('3.1 trillion yuan');
    // A plain reply, no mention: replying to the bot's answer is enough.
    const next = await say('and industrial value added?', { replyTo: first.id });
    expect(next.content).toContain('Read with your previous question');
    expect(next.content).toContain('9.5%');
    expect(next.content).not.toContain('3.1 trillion');
    expectCitation(next.content);
  });

  it('“source?” as a reply gives the passage the answer cited, whole', async () => {
    const first = await say(mention('how many research institutes are in da zero bay'));
    expect(first.content).toContain('10 scientific research institutes');
    const source = await say('source?', { replyTo: first.id });
    expect(source.content).toContain('The passage my last answer cited');
    expect(source.content).toContain('bringing together two “double first-class” universities');
    expectCitation(source.content);
  });

  it('a mention again within the window follows the last answer; after the window it is a question of its own', async () => {
    const user = '223456789012345678';
    const first = await say(mention("what was jiangsu's gdp in 2023?"), { userId: user });
    expect(first.content).toContain('no figure for GDP, Jiangsu, 2023');
    now += FOLLOW_UP_MS - 1_000;
    const within = await say(mention('what about q1 2024?'), { userId: user });
    expect(within.content).toContain('Read with your previous question');
    expect(within.content).toContain('Understood: GDP · Jiangsu · Q1 2024.');
    expect(within.content).toContain('3.1 trillion yuan');
    expectCitation(within.content);

    now += FOLLOW_UP_MS + 1;
    const after = await say(mention('what about q1 2024?'), { userId: user });
    expect(after.content).not.toContain('Read with your previous question');
    expect(after.content).toContain('Understood: Q1 2024.');
    // And a reply to the expired answer, without a mention, is not for the bot.
    expect(await silence('and industrial value added?', { userId: user, replyTo: within.id })).toEqual([]);
  });

  it('another member, or the same member in another channel, does not share the context', async () => {
    const user = '323456789012345678';
    await say(mention("what was jiangsu's gdp in 2023?"), { userId: user });
    const stranger = await say(mention('what about q1 2024?'), { userId: other });
    expect(stranger.content).not.toContain('Read with your previous question');
    expect(stranger.content).toContain('Understood: Q1 2024.');
    const elsewhere = await say(mention('what about q1 2024?'), { userId: user, channelId: fake.otherChannelId });
    expect(elsewhere.content).not.toContain('Read with your previous question');
    expect(elsewhere.content).toContain('Understood: Q1 2024.');
    // The asker, in the channel they asked in, still follows up.
    const same = await say(mention('what about q1 2024?'), { userId: user });
    expect(same.content).toContain('Understood: GDP · Jiangsu · Q1 2024.');
    expect(same.content).toContain('3.1 trillion yuan');
  });

  it('“source?” with nothing before it is read as a question of its own', async () => {
    const lone = await say(mention('source?'), { userId: '423456789012345678' });
    expect(lone.content).not.toContain('my last answer');
  });
});
