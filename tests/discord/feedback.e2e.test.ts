import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageFlags, PermissionFlagsBits, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/bot.ts';
import { runCli } from '../support/cli.ts';
import { DEFAULT_MEMBER_PERMISSIONS, FakeDiscord, option, type InteractionOptions } from '../support/fake-discord.ts';
import { MODERATOR, expectSafeMessage, isEphemeral, replyData } from '../support/replies.ts';

interface Button {
  custom_id: string;
  label: string;
  emoji?: { name: string };
}
type Reply = NonNullable<ReturnType<typeof replyData>> & { content: string; components?: { components: Button[] }[] };

let fake: FakeDiscord;
let bot: BotProcess | undefined;
let file: string;

beforeAll(async () => {
  file = path.join(await mkdtemp(path.join(tmpdir(), 'footnote-feedback-')), 'feedback.db');
  fake = await FakeDiscord.start();
  bot = await startBotProcess(fake, { FEEDBACK_DB: file, FEEDBACK_RETENTION_DAYS: '30' });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

async function ask(name: string, options: Parameters<FakeDiscord['chatInput']>[1] = [], opts: InteractionOptions = {}) {
  const sent = fake.sendInteraction(fake.chatInput(name, options, opts));
  const data = replyData((await sent.callback).body);
  expectSafeMessage(data);
  return data as Reply;
}
const question = (text: string) => ask('ask', [option.string('question', text)]);
const gaps = (days?: number) => ask('gaps', days ? [option.integer('days', days)] : [], { permissions: MODERATOR });

/** Presses a button under a reply the bot sent, as Discord sends the press. */
async function press(button: Button, reply: Reply) {
  const message = {
    ...fake.button(button.custom_id).message,
    content: reply.content,
    components: reply.components,
  } as APIMessage;
  const sent = fake.sendInteraction(fake.button(button.custom_id, { message }));
  const data = replyData((await sent.callback).body);
  expectSafeMessage(data);
  return data as Reply;
}

describe('👍/👎 under /ask, and /gaps', () => {
  it('puts 👍 and 👎 under an answer, carrying the question and nothing of the asker', async () => {
    const data = await question('What was Jiangsu’s GDP growth?');
    const buttons = data.components?.[0]?.components ?? [];
    expect(buttons.map((b) => [b.emoji?.name, b.label, b.custom_id])).toEqual([
      ['👍', 'Helpful', 'fb:u:What was Jiangsu’s GDP growth?'],
      ['👎', 'Not helpful', 'fb:d:What was Jiangsu’s GDP growth?'],
    ]);
    expect(JSON.stringify(buttons)).not.toContain(fake.user.id);
    // A 👍 is thanked and kept nowhere; a 👎 is kept for /gaps.
    const up = await press(buttons[0]!, data);
    expect(isEphemeral(up)).toBe(true);
    expect(up.content).toContain('Glad it helped.');
    const down = await press(buttons[1]!, data);
    expect(isEphemeral(down)).toBe(true);
    expect(down.content).toContain('moderators will see this question in /gaps');
  });

  it('keeps refusals, groups the same question asked differently, and lists them for moderators privately', async () => {
    const refused = await question('gdp of mars?');
    expect(refused.components ?? []).toEqual([]);
    await question('What’s the GDP of Mars');
    // A refusal is kept after its reply has gone out: ask again until the second one is in.
    let report = await gaps(7);
    for (let tries = 0; tries < 50 && !report.content.includes('2× “What’s the GDP of Mars”'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      report = await gaps(7);
    }
    expect(isEphemeral(report)).toBe(true);
    expect(report.content).toContain('**Unanswered questions, last 7 day(s)**');
    expect(report.content).toMatch(/2× “What’s the GDP of Mars” \(2 refused, 0 marked 👎; last \d{4}-\d\d-\d\d\)/);
    expect(report.content).toMatch(/1× “What was Jiangsu’s GDP growth\?” \(0 refused, 1 marked 👎/);
    expect(report.content).toMatch(/The 👎 answer cited cctv-2024-05-productive-forces#p\d+/);
    expect(report.content.indexOf('Mars')).toBeLessThan(report.content.indexOf('Jiangsu'));
  });

  it('refuses /gaps to a member without Manage Messages', async () => {
    const data = await ask('gaps');
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('needs the Manage Messages permission');
  });

  it('survives a restart, and `npm run gaps -- --json` reads the same file', async () => {
    await bot!.stop();
    bot = await startBotProcess(fake, { FEEDBACK_DB: file, FEEDBACK_RETENTION_DAYS: '30' });
    await question('GDP of Mars, please');
    // The refusal is kept once its reply is sent: a /gaps right behind it may arrive first.
    let report = await gaps();
    for (let tries = 0; !/3× “GDP of Mars, please”/.test(report.content) && tries < 20; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      report = await gaps();
    }
    expect(report.content).toMatch(/3× “GDP of Mars, please”/);
    const cli = await runCli('src/app/gaps.ts', ['--json', '--days', '30'], { FEEDBACK_DB: file });
    expect(cli.code).toBe(0);
    const json = JSON.parse(cli.stdout);
    expect(json).toMatchObject({ on: true, days: 30 });
    expect(json.gaps.map((g: { question: string; count: number }) => [g.question, g.count])).toEqual([
      ['GDP of Mars, please', 3],
      ['What was Jiangsu’s GDP growth?', 1],
    ]);
    expect(JSON.stringify(json)).not.toContain(fake.user.id);
  }, 90_000);

  it('answers on with a corrupt database: feedback off, logged, and /gaps says so', async () => {
    const corrupt = path.join(path.dirname(file), 'corrupt.db');
    await writeFile(corrupt, 'this is not an SQLite file '.repeat(100));
    await bot!.stop();
    bot = await startBotProcess(fake, { FEEDBACK_DB: corrupt });
    const off = bot.logs.find((l) => l.msg === 'feedback is off; answering goes on');
    expect(off).toMatchObject({ reason: 'file is not a database' });
    const data = await question('What was Jiangsu’s GDP growth?');
    expect(data.content).toContain('3.1 trillion yuan');
    expect(data.components ?? []).toEqual([]);
    expect((await question('gdp of mars?')).content).toContain('**Q: gdp of mars?**');
    const report = await gaps();
    expect(report.content).toContain('Feedback is off, so no question is being kept (file is not a database)');
  }, 90_000);
});

describe('a member’s own install (user install)', () => {
  const withoutExternalApps = String(BigInt(DEFAULT_MEMBER_PERMISSIONS) & ~PermissionFlagsBits.UseExternalApps);

  it('answers privately, saying why, where the server keeps members’ apps from posting', async () => {
    const data = await ask('stat', [option.string('metric', 'gdp')], {
      installs: ['user'],
      permissions: withoutExternalApps,
    });
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('3.1 trillion yuan');
    expect(data.content).toContain('Only you can see this: the server does not let apps its members added post');
    // No “Send in chat”: Discord would keep it private too.
    expect(data.components ?? []).toEqual([]);
  });

  it('answers publicly where the server allows members’ apps, and in a group DM', async () => {
    const allowed = await ask('stat', [option.string('metric', 'gdp')], { installs: ['user'] });
    expect(isEphemeral(allowed)).toBe(false);
    expect(allowed.flags! & MessageFlags.SuppressEmbeds).toBe(MessageFlags.SuppressEmbeds);
    expect(allowed.content).not.toContain('Only you can see this');
    const group = await ask('region', [option.string('name', 'jiangsu')], {
      installs: ['user'],
      context: 'private-channel',
    });
    expect(isEphemeral(group)).toBe(false);
    expect(group.content).toContain('Jiangsu');
    const dm = await ask('stat', [option.string('metric', 'gdp')], { installs: ['user'], context: 'bot-dm' });
    expect(dm.content).toContain('3.1 trillion yuan');
  });
});
