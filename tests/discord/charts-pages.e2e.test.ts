import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { InteractionResponseType, Locale } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/bot.ts';
import { copyCorpus } from '../support/corpus.ts';
import { FakeDiscord, option, type RecordedRequest } from '../support/fake-discord.ts';
import { expectSafeMessage, isEphemeral } from '../support/replies.ts';

/** The seed corpus and a second article with three places' GDP: /stat gdp has four figures in yuan. */
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/charts');
const OTHER_USER = '300000000000000042';

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  const dir = await copyCorpus();
  await cp(FIXTURE, dir, { recursive: true });
  await rm(path.join(dir, 'footnote.chart-font'), { recursive: true, force: true });
  fake = await FakeDiscord.start();
  bot = await startBotProcess(fake, { CORPUS_DIR: dir });
  // A fresh copy has no chart font: the bot builds it at start, as it does a stale index.
  await bot.waitForLog((l) => l.msg === 'chart font built', 30_000);
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

interface Body {
  content: string;
  flags?: number;
  allowed_mentions?: { parse?: string[] };
  attachments?: { id: number | string; description?: string; filename?: string }[];
  components?: { components: { custom_id: string; label: string }[] }[];
}

function dataOf(callback: RecordedRequest): Body {
  const body = callback.body as { type: InteractionResponseType; data: Body };
  expectSafeMessage(body.data);
  return body.data;
}

function buttons(data: Body): { custom_id: string; label: string }[] {
  return (data.components ?? []).flatMap((row) => row.components);
}

async function ask(name: string, options: Parameters<FakeDiscord['chatInput']>[1], locale?: Locale) {
  const sent = fake.sendInteraction(fake.chatInput(name, options, locale ? { locale } : {}));
  const callback = await sent.callback;
  return { sent, callback, data: dataOf(callback) };
}

async function press(customId: string, token: string, userId?: string) {
  const message = fake.getOriginal(token)!;
  const sent = fake.sendInteraction(fake.button(customId, { message, ...(userId ? { userId } : {}) }));
  const callback = await sent.callback;
  return { type: (callback.body as { type: InteractionResponseType }).type, data: dataOf(callback), callback };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('charts', () => {
  it('attaches a PNG with alt text to a /stat with several figures in one unit; the text stays whole', async () => {
    const { callback, data } = await ask('stat', [option.string('metric', 'gdp')]);
    expect(callback.files).toHaveLength(1);
    expect(callback.files[0]!.filename).toBe('chart.png');
    expect(callback.files[0]!.data.subarray(0, 8).equals(PNG)).toBe(true);
    expect(data.attachments?.[0]?.description).toBe(
      'Bar chart of GDP in yuan: Jiangsu · Q1 2024, exceeded 3.1 trillion; Beijing · H1 2024, 2.1791 trillion; ' +
        'Tianjin · H1 2024, 0.8191 trillion; Hebei · H1 2024, 2.1510 trillion.',
    );
    for (const figure of ['3.1 trillion yuan', '2.1791 trillion yuan', '0.8191 trillion yuan', '2.1510 trillion yuan'])
      expect(data.content).toContain(figure);
  });

  it('words the chart in Chinese for a zh-CN member', async () => {
    const { data } = await ask('stat', [option.string('metric', 'gdp')], Locale.ChineseCN);
    expect(data.attachments?.[0]?.description).toMatch(
      /^地区生产总值（yuan）柱状图：江苏 · 2024年第一季度，超过 3\.1 trillion；北京/,
    );
  });

  it('attaches nothing when no two figures share a metric and a unit', async () => {
    const { callback } = await ask('stat', [option.string('metric', 'gdp'), option.string('region', 'jiangsu')]);
    expect(callback.files).toEqual([]);
  });

  it('keeps the chart when a private answer is sent in chat', async () => {
    const { sent, data } = await ask('stat', [option.string('metric', 'gdp'), option.boolean('hide', true)]);
    expect(isEphemeral(data)).toBe(true);
    const shared = await press('share', sent.token);
    expect(isEphemeral(shared.data)).toBe(false);
    expect(shared.callback.files).toHaveLength(1);
    expect(shared.callback.files[0]!.data.subarray(0, 8).equals(PNG)).toBe(true);
    expect(shared.data.attachments?.[0]?.description).toMatch(/^Bar chart of GDP in yuan/);
  });
});

describe('pages', () => {
  it('gives a long answer ▶, and ▶ turns to page 2 with ◀ back', async () => {
    const { sent, data } = await ask('region', [option.string('name', 'jiangsu')]);
    expect(data.content).toMatch(/-# Page 1 of (\d+)/);
    const pages = Number(/Page 1 of (\d+)/.exec(data.content)![1]);
    expect(pages).toBeGreaterThan(1);
    const next = buttons(data).find((b) => b.label === '▶')!;
    expect(next.custom_id).toMatch(/^pg:2:[0-9a-f]{8}:region:jiangsu$/);
    expect(buttons(data).some((b) => b.label === '◀')).toBe(false);

    const turned = await press(next.custom_id, sent.token);
    expect(turned.type).toBe(InteractionResponseType.UpdateMessage);
    expect(turned.data.content).toContain(`Page 2 of ${pages}`);
    expect(turned.data.content).not.toEqual(data.content);
    expect(buttons(turned.data).find((b) => b.label === '◀')?.custom_id).toMatch(/^pg:1:/);
    expect(fake.getOriginal(sent.token)!.content).toContain(`Page 2 of ${pages}`);
    // An update that names no attachments leaves the message's own (its chart) in place.
    expect(turned.data.attachments).toBeUndefined();
  });

  it('says so when the corpus has changed since, and offers page 1 of the current answer', async () => {
    const { sent, data } = await ask('region', [option.string('name', 'jiangsu')]);
    const next = buttons(data).find((b) => b.label === '▶')!.custom_id;
    const version = next.split(':')[2]!;
    const older = next.replace(`:${version}:`, ':00000000:');
    const stale = await press(older, sent.token);
    expect(stale.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(stale.data)).toBe(true);
    expect(stale.data.content).toBe(
      'The articles have changed since this answer was given, so its pages may no longer match.',
    );
    expect(buttons(stale.data)).toEqual([
      expect.objectContaining({ label: 'Page 1 of the current answer', custom_id: `pg:1:${version}:region:jiangsu` }),
    ]);
  });

  it('turns a private answer’s pages for its asker only', async () => {
    const { sent, data } = await ask('region', [option.string('name', 'jiangsu'), option.boolean('hide', true)]);
    expect(isEphemeral(data)).toBe(true);
    const next = buttons(data).find((b) => b.label === '▶')!;
    expect(buttons(data).some((b) => b.label === 'Send in chat')).toBe(true);

    const refused = await press(next.custom_id, sent.token, OTHER_USER);
    expect(refused.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(refused.data)).toBe(true);
    expect(refused.data.content).toBe('Only the asker can turn these pages.');
    expect(fake.getOriginal(sent.token)!.content).toContain('Page 1 of');

    const turned = await press(next.custom_id, sent.token);
    expect(turned.type).toBe(InteractionResponseType.UpdateMessage);
    expect(turned.data.content).toContain('Page 2 of');
    // The page keeps its "Send in chat": it is still the asker's private answer.
    expect(buttons(turned.data).some((b) => b.label === 'Send in chat')).toBe(true);
  });
});
