import path from 'node:path';
import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/bot.ts';
import { runCli } from '../support/cli.ts';
import { copyCorpus } from '../support/corpus.ts';
import { FakeDiscord, option } from '../support/fake-discord.ts';
import { expectSafeMessage, isEphemeral, replyData } from '../support/replies.ts';

/** The figures' files: /compare also draws a chart, once the bot has built its font (in the background). */
const exported = <T extends { contentType?: string | undefined }>(files: readonly T[]) =>
  files.filter((f) => f.contentType !== 'image/png');

// The bot on a copy of the corpus with the Jing-Jin-Ji article added as a moderator would add it.
const ARTICLE = path.resolve(import.meta.dirname, '../../../shared/eval/articles/22-jing-jin-ji-h1-2024.txt');
const MEMBER = '123456789012345678';

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  const dir = await copyCorpus();
  const url = 'http://wuwenjie.xyz/wordpress/archives/81449';
  const flags = ['--outlet', 'wuwenjie.xyz', '--published', '2024-08', '--url', url];
  const added = await runCli('src/app/add.ts', [ARTICLE, ...flags], { CORPUS_DIR: dir });
  expect(added.code, added.stderr).toBe(0);
  fake = await FakeDiscord.start();
  bot = await startBotProcess(fake, { CORPUS_DIR: dir });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

async function send(name: string, options: Parameters<FakeDiscord['chatInput']>[1]) {
  const callback = await fake.sendInteraction(fake.chatInput(name, options)).callback;
  return { callback, data: replyData(callback.body) };
}

describe('/compare through the real discord.js client', () => {
  it('puts each place’s figure in one aligned table in a code block, each quote once below it', async () => {
    const { data, callback } = await send('compare', [
      option.string('metric', 'gdp'),
      option.string('regions', 'beijing,tianjin,hebei'),
    ]);
    expectSafeMessage(data);
    const table = /```\n([\s\S]+?)\n```/.exec(data.content)?.[1];
    expect(table?.split('\n')).toEqual([
      'Place              Value  Unit  Qualifier  Period   Change  Source',
      'Beijing  2.1791 trillion  yuan             H1 2024          [1]',
      'Tianjin  0.8191 trillion  yuan             H1 2024          [1]',
      'Hebei    5.1492 trillion  yuan             H1 2024          [2]',
      '         2.1510 trillion  yuan             H1 2024          [1]',
    ]);
    // Two articles' sentences disagree about Hebei: both shown, nothing ranked.
    expect(data.content).toContain('Not ranked: the articles give different figures for one row.');
    expect(data.content).toContain(
      '**\\[1\\] Beijing, Tianjin, Hebei**\n> According to the figures, GDP stood at 2.1791',
    );
    expect(data.content).toMatch(/-# — .+, wuwenjie\.xyz, August 2024, ¶2 · `wuwenjie-xyz-2024-08-[a-z-]+#p2`/);
    expect(data.content).toMatch(/-# — .+, wuwenjie\.xyz, August 2024, ¶1 · `wuwenjie-xyz-2024-08-[a-z-]+#p1`/);
    expect(exported(callback.files)).toEqual([]);
  });

  it('names a place with no figure as missing and ranks nothing across unlike periods', async () => {
    const { data } = await send('compare', [
      option.string('metric', 'gdp'),
      option.string('regions', 'beijing,jiangsu,shanghai'),
    ]);
    expectSafeMessage(data);
    expect(data.content).toContain('The articles give no such figure for Shanghai.');
    expect(data.content).toContain('Not ranked: the figures are for periods that are not alike.');
    expect(data.content).toMatch(/\nShanghai +no figure\n/);
  });

  it('ranks places whose figures are in one unit for one period', async () => {
    const { data } = await send('compare', [
      option.string('metric', 'high-tech investment'),
      option.string('regions', 'tianjin,hebei'),
    ]);
    expectSafeMessage(data);
    expect(data.content).toMatch(/\nTianjin +9\.0 +% .+ 2 +\[1\]\nHebei +31\.4 +% .+ 1 +\[1\]/);
  });

  it('refuses three places with two periods, and one place alone, saying how to ask', async () => {
    const both = await send('compare', [
      option.string('metric', 'gdp'),
      option.string('regions', 'beijing,tianjin'),
      option.string('periods', '2023,2024'),
    ]);
    expect(both.data?.content).toContain('Compare places or periods, not both');
    const one = await send('compare', [option.string('metric', 'gdp'), option.string('regions', 'beijing')]);
    expect(one.data?.content).toContain('Name two to five places (regions:jiangsu,shanghai)');
  });

  it('format:csv attaches footnote-compare-gdp.csv, the text answer still complete', async () => {
    const { data, callback } = await send('compare', [
      option.string('metric', 'gdp'),
      option.string('regions', 'beijing,tianjin'),
      option.string('format', 'csv'),
    ]);
    expectSafeMessage(data);
    expect(data.content).toContain('2.1791 trillion');
    expect(exported(callback.files).map((f) => [f.filename, f.contentType])).toEqual([
      ['footnote-compare-gdp.csv', expect.stringMatching(/^text\/csv|^application\/octet-stream/)],
    ]);
    const csv = exported(callback.files)[0]!.data.toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('value,written,unit,qualifier,period,region,change,quote,article,outlet,date,paragraph,url');
    expect(lines[1]).toMatch(
      /^2179100000000,2\.1791 trillion,yuan,,2024-H1,Beijing,,"According to the figures, GDP stood at .+",wuwenjie-xyz-2024-08-[a-z-]+,wuwenjie\.xyz,2024-08,2,http:\/\/wuwenjie\.xyz\/wordpress\/archives\/81449$/,
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    // The CSV's attachment, and the chart's when the bot has built its font by now.
    expect((data as { attachments?: { id: string | number }[] }).attachments?.[0]).toEqual(
      expect.objectContaining({ id: '0' }),
    );
  });

  it('format:json on /stat attaches the figures as JSON rows; a formula-looking cell is guarded in CSV', async () => {
    const json = await send('stat', [option.string('metric', 'gdp'), option.string('format', 'json')]);
    const file = exported(json.callback.files)[0]!;
    expect(file.filename).toBe('footnote-stat-gdp.json');
    const rows = JSON.parse(file.data.toString('utf8'));
    expect(rows[0]).toMatchObject({ value: 3.1e12, written: '3.1 trillion', region: 'Jiangsu', paragraph: 2 });
    const csv = await send('stat', [option.string('metric', 'gdp'), option.string('format', 'csv')]);
    expect(exported(csv.callback.files)[0]!.data.toString('utf8')).toContain(",'+6.2% year on year,");
  });
});

describe('mention', () => {
  it('addresses the answer to the member and pings only them', async () => {
    const { data } = await send('stat', [option.string('metric', 'gdp'), option.user('mention', MEMBER)]);
    const body = data as { content: string; allowed_mentions?: unknown; flags?: number };
    expect(body.allowed_mentions).toEqual({ parse: [], users: [MEMBER], replied_user: false });
    expect(body.content).toMatch(new RegExp(`^<@${MEMBER}>, this is for you:\\n\\*\\*GDP\\*\\*`));
    expect(body.content.match(/<@/g)).toHaveLength(1);
    expect(isEphemeral(data)).toBe(false);
  });

  it('/compare with mention and a file: one ping, one attachment', async () => {
    const { data, callback } = await send('compare', [
      option.string('metric', 'gdp'),
      option.string('regions', 'beijing,tianjin'),
      option.string('format', 'csv'),
      option.user('mention', MEMBER),
    ]);
    expect((data as { allowed_mentions?: unknown }).allowed_mentions).toEqual({
      parse: [],
      users: [MEMBER],
      replied_user: false,
    });
    expect(data?.content?.startsWith(`<@${MEMBER}>, `)).toBe(true);
    expect(exported(callback.files)).toHaveLength(1);
  });

  it('with hide:true the private answer is addressed to nobody and pings nobody', async () => {
    const { data } = await send('stat', [
      option.string('metric', 'gdp'),
      option.user('mention', MEMBER),
      option.boolean('hide', true),
    ]);
    expectSafeMessage(data);
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).not.toContain('<@');
    expect(data.flags! & MessageFlags.Ephemeral).toBeTruthy();
  });
});
