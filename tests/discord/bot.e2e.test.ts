import { InteractionResponseType, Locale, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, messageCommands } from '../../commands/index.ts';
import { definitionProblems } from '../../src/discord/definitions.ts';
import { botEnv, runScript, startBotProcess, type BotProcess } from '../support/bot.ts';
import { runCli } from '../support/cli.ts';
import { FakeDiscord, option } from '../support/fake-discord.ts';
import { MODERATOR, expectCitation, expectSafeMessage, isEphemeral, replyData } from '../support/replies.ts';

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = await startBotProcess(fake, { ANSWER_MENTIONS: 'true' });
});

afterAll(async () => {
  // The bot's client lives in its own process: stopping it first keeps the fake from being reconnected to.
  await bot?.stop();
  await fake?.stop();
});

async function ask(
  name: string,
  options: ReturnType<typeof option.string | typeof option.boolean>[] = [],
  permissions?: string,
  locale?: Locale,
) {
  const sent = fake.sendInteraction(
    fake.chatInput(name, options, { ...(permissions ? { permissions } : {}), ...(locale ? { locale } : {}) }),
  );
  const callback = await sent.callback;
  const data = replyData(callback.body);
  expectSafeMessage(data);
  return data;
}

describe('npm run deploy', () => {
  it('registers every command globally, in definitions Discord accepts', async () => {
    const since = fake.mark();
    const { code, stdout, stderr } = await runScript('src/discord/deploy.ts', botEnv(fake));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`Registered ${commands.length + messageCommands.length} commands globally`);
    const put = await fake.waitForRequest(
      { method: 'PUT', path: `/applications/${fake.applicationId}/commands` },
      { since },
    );
    expect(put.status).toBe(200);
    const body = put.body as { name: string }[];
    expect(body.map((c) => c.name)).toEqual([...commands, ...messageCommands].map((c) => c.data.name));
    expect(definitionProblems(body as never)).toEqual([]);
    // A zh-CN client shows every command and option in Chinese.
    const stat = (
      body as {
        name: string;
        name_localizations?: Record<string, string>;
        description_localizations?: Record<string, string>;
        options?: { name: string; name_localizations?: Record<string, string> }[];
      }[]
    ).find((c) => c.name === 'stat')!;
    expect(stat.name_localizations).toEqual({ 'zh-CN': '数据' });
    expect(stat.description_localizations?.['zh-CN']).toMatch(/指标/);
    expect(stat.options?.find((o) => o.name === 'region')?.name_localizations).toEqual({ 'zh-CN': '地区' });
    expect(fake.registeredCommands().find((c) => c.name === 'stat')?.name_localizations).toEqual({ 'zh-CN': '数据' });
    // Read-only commands install to servers and to members' accounts (usable in DMs and group DMs);
    // the moderators' stay with servers.
    const where = Object.fromEntries(
      (body as { name: string; integration_types?: number[]; contexts?: number[] }[]).map((c) => [
        c.name,
        `${c.integration_types} / ${c.contexts}`,
      ]),
    );
    for (const name of ['ask', 'region', 'stat', 'search', 'source', 'articles', 'help', 'Find sources'])
      expect(where[name], name).toBe('0,1 / 0,1,2');
    for (const name of ['summary', 'reload', 'gaps']) expect(where[name], name).toBe('0 / 0');
  });

  it('registers to one server when DISCORD_GUILD_ID is set', async () => {
    const since = fake.mark();
    const { code } = await runScript('src/discord/deploy.ts', botEnv(fake, { DISCORD_GUILD_ID: fake.guildId }));
    expect(code).toBe(0);
    await fake.waitForRequest(
      { method: 'PUT', path: `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands` },
      { since },
    );
  });

  it('-- --clear removes one server’s commands (shown twice beside the global ones) and leaves the global set', async () => {
    await runScript('src/discord/deploy.ts', botEnv(fake));
    await runScript('src/discord/deploy.ts', botEnv(fake, { DISCORD_GUILD_ID: fake.guildId }));
    expect(fake.registeredCommands(fake.guildId).length).toBeGreaterThan(0);
    const { code, stdout } = await runCli(
      'src/discord/deploy.ts',
      ['--clear'],
      botEnv(fake, { DISCORD_GUILD_ID: fake.guildId }) as Record<string, string>,
    );
    expect(code).toBe(0);
    expect(stdout).toBe(`Removed the commands registered to server ${fake.guildId}; the global ones stay.\n`);
    expect(fake.registeredCommands(fake.guildId)).toEqual([]);
    expect(fake.registeredCommands().length).toBe(commands.length + messageCommands.length);
  });

  it('names what is missing instead of calling Discord', async () => {
    const { code, stderr } = await runScript('src/discord/deploy.ts', botEnv(fake, { DISCORD_APPLICATION_ID: '' }));
    expect(code).toBe(1);
    expect(stderr).toContain('DISCORD_APPLICATION_ID');
  });
});

describe('a member whose Discord is set to Chinese (zh-CN)', () => {
  // The source line gives the date as a Chinese reader writes it; title and outlet as the article does.
  const zhCitation = /-# — .+, CCTV, 2024年5月, ¶\d+ · `cctv-2024-05-productive-forces#p\d+`/;
  const zh = (name: string, options: Parameters<typeof ask>[1] = [], permissions?: string) =>
    ask(name, options, permissions, Locale.ChineseCN);

  it('/stat gdp: Chinese labels, the English quote verbatim', async () => {
    const data = await zh('stat', [option.string('metric', 'gdp')]);
    expect(data.content).toContain('**地区生产总值 · 江苏 · 2024年第一季度**');
    expect(data.content).toContain('> In the first quarter of this year, Jiangsu’s GDP exceeded 3.1 trillion yuan');
    expect(data.content).toContain('2024年5月');
    expect(data.content).toMatch(zhCitation);
  });

  it('/region 江苏: the region described in Chinese, its suggestion with the Chinese command names', async () => {
    const data = await zh('region', [option.string('name', '江苏')]);
    expect(data.content).toMatch(/^\*\*江苏（Jiangsu）\*\*\n江苏（Jiangsu）：位于中国的省。/);
    expect(data.content).toContain('下辖：');
    expect(data.content).toContain('`/数据 gdp 地区:jiangsu`');
    expect(data.content).toMatch(zhCitation);
  });

  it('/ask answers in Chinese and quotes the article in English', async () => {
    const data = await zh('ask', [option.string('question', 'What was Jiangsu’s GDP growth?')]);
    expect(data.content).toContain('理解为：');
    expect(data.content).toContain('3.1 trillion yuan');
    expect(data.content).toMatch(zhCitation);
  });

  it('/help lists the commands by their Chinese names', async () => {
    const data = await zh('help');
    expect(data.content).toContain('我根据');
    expect(data.content).toContain('/数据 指标:<指标>');
    expect(data.content).toContain('某项指标的数据');
  });

  it('a refusal and an error are in Chinese', async () => {
    const refused = await zh('ask', [option.string('question', 'How many rocket parts did Shanghai make in 2019?')]);
    expect(refused.content).toContain('文章中没有上海、2019年的火箭零部件数据。');
    expect(refused.content).toContain('`/数据 rocket-parts 地区:zhangjiagang`');
    const moderators = await zh('reload');
    expect(moderators.content).toContain('仅限管理员');
    expect(isEphemeral(moderators)).toBe(true);
    const unknown = await zh('nosuchcommand');
    expect(unknown.content).toContain('没有 /nosuchcommand 这个命令。');
  });

  it('falls back to the server’s language, then English, for a language Footnote does not speak', async () => {
    const data = await ask('stat', [option.string('metric', 'gdp')], undefined, Locale.French);
    expect(data.content).toContain('**GDP · Jiangsu · Q1 2024**');
  });
});

describe('the bot, started as npm start does', () => {
  it('/stat gdp answers with the figure and its citation, publicly, without link previews', async () => {
    const data = await ask('stat', [option.string('metric', 'gdp')]);
    expect(data.content).toContain('exceeded 3.1 trillion yuan, +6.2% year on year');
    expect(data.content).toContain('> In the first quarter of this year, Jiangsu’s GDP exceeded 3.1 trillion yuan');
    expectCitation(data.content);
    expect(isEphemeral(data)).toBe(false);
    expect(data.flags! & MessageFlags.SuppressEmbeds).toBeTruthy();
  });

  it('/stat takes region and period', async () => {
    const data = await ask('stat', [
      option.string('metric', 'economic output'),
      option.string('region', '江苏'),
      option.string('period', 'Q1 2024'),
    ]);
    expect(data.content).toContain('3.1 trillion yuan');
    const none = await ask('stat', [option.string('metric', 'gdp'), option.string('region', 'shanghai')]);
    expect(none.content).toContain('The corpus has no GDP figure for Shanghai');
    expect(none.content).toContain('/stat gdp region:jiangsu');
  });

  it('/region jiangsu answers with figures and passages, each cited', async () => {
    const data = await ask('region', [option.string('name', 'jiangsuu')]);
    expect(data.content).toMatch(/^\*\*Jiangsu \(江苏\)\*\*/);
    expect(data.content).toContain('Xin Changxing');
    expectCitation(data.content);
  });

  it('/search, /source, /articles and /help answer', async () => {
    const search = await ask('search', [option.string('query', 'rocket parts')]);
    expect(search.content).toContain('40,000 parts and components');
    expectCitation(search.content);
    const source = await ask('source', [option.string('id', 'cctv-2024-05-productive-forces#p12')]);
    expect(source.content).toContain('Gong Zheng (龚正)');
    expectCitation(source.content);
    const articles = await ask('articles');
    expect(articles.content).toContain('Write a good article on the development of new quality productivity!');
    const help = await ask('help');
    for (const c of commands) expect(help.content).toContain(`/${c.data.name}`);
  });

  it('hide:true makes the reply ephemeral', async () => {
    const data = await ask('stat', [option.string('metric', 'gdp'), option.boolean('hide', true)]);
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('3.1 trillion yuan');
  });

  // /gaps has no hide option: its report is always private (tests/discord/feedback.e2e.test.ts).
  it.each(commands.map((c) => c.data.name).filter((name) => name !== 'gaps'))(
    '/%s honours hide both ways',
    async (name) => {
      const required = commands.find((c) => c.data.name === name)!.data.options!.filter((o) => o.required);
      const values: Record<string, string> = {
        name: 'jiangsu',
        metric: 'gdp',
        query: 'rocket',
        id: 'p5',
        target: 'jiangsu',
        question: 'What was Jiangsu’s GDP growth?',
      };
      const options = required.map((o) => option.string(o.name, values[o.name]!));
      expect(isEphemeral(await ask(name, [...options, option.boolean('hide', true)], MODERATOR))).toBe(true);
      expect(isEphemeral(await ask(name, [...options, option.boolean('hide', false)], MODERATOR))).toBe(false);
    },
  );

  it('offers “Send in chat” under a private answer, which posts it for everyone without pinging', async () => {
    const data = (await ask('stat', [option.string('metric', 'gdp'), option.boolean('hide', true)])) as {
      content: string;
      components?: { components: { custom_id: string; label: string }[] }[];
    };
    const button = data.components?.[0]?.components[0];
    expect(button).toMatchObject({ custom_id: 'share', label: 'Send in chat' });
    const clicked = fake.sendInteraction(fake.button('share', { messageContent: data.content }));
    const shared = replyData((await clicked.callback).body);
    expectSafeMessage(shared);
    expect(isEphemeral(shared)).toBe(false);
    expect(shared.content).toContain('3.1 trillion yuan');
    expect(shared.content).toMatch(/-# Shared by <@\d+>$/);
    expect((shared as { components?: unknown[] }).components ?? []).toEqual([]);
  });

  it('offers no button under a public answer or a private refusal', async () => {
    const shown = (await ask('stat', [option.string('metric', 'gdp')])) as { components?: unknown[] };
    expect(shown.components ?? []).toEqual([]);
    const refused = (await ask('summary', [option.string('target', 'jiangsu')])) as { components?: unknown[] };
    expect(refused.components ?? []).toEqual([]);
  });

  it('/summary posts a public digest for a moderator', async () => {
    const data = await ask('summary', [option.string('target', 'cctv-2024-05-productive-forces')], MODERATOR);
    expect(isEphemeral(data)).toBe(false);
    expect(data.content).toContain('Summary: Write a good article');
    expectCitation(data.content);
  });

  it('/summary is refused to a member without Manage Messages, privately, and nothing is posted', async () => {
    const since = fake.mark();
    const data = await ask('summary', [option.string('target', 'jiangsu')]);
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('Manage Messages');
    await new Promise((r) => setTimeout(r, 200));
    const posted = fake.requests.filter(
      (r) => r.seq > since && r.method !== 'GET' && !isEphemeral((r.body as { data?: { flags?: number } })?.data),
    );
    expect(posted).toEqual([]);
  });

  it('autocompletes regions, metrics, passages and summary targets within Discord’s limits', async () => {
    const cases = [
      ['region', [option.focused('name', 'jiangs')], 'jiangsu'],
      ['region', [option.focused('name', '江苏')], 'jiangsu'],
      ['region', [option.focused('name', '')], 'jiangsu'],
      ['stat', [option.focused('metric', 'gd')], 'gdp'],
      ['stat', [option.string('metric', 'gdp'), option.focused('region', 'shang')], 'shanghai'],
      ['source', [option.focused('id', 'rocket')], 'cctv-2024-05-productive-forces#p5'],
      ['summary', [option.focused('target', '')], 'cctv-2024-05-productive-forces'],
      ['region', [option.focused('name', 'zzzzzzzz')], undefined],
    ] as const;
    for (const [name, options, expected] of cases) {
      const sent = fake.sendInteraction(fake.autocomplete(name, [...options]));
      const callback = await sent.callback;
      const body = callback.body as { type: number; data: { choices: { name: string; value: string }[] } };
      expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      const { choices } = body.data;
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
      if (expected) expect(choices[0]?.value, `${name} ${JSON.stringify(options)}`).toBe(expected);
    }
  });

  it('/ask answers a question with the figure and its citation, and refuses a near miss', async () => {
    const data = await ask('ask', [option.string('question', 'What was Jiangsu’s GDP growth?')]);
    expect(data.content).toContain('+6.2% year on year');
    expectCitation(data.content);
    const refusal = await ask('ask', [option.string('question', "What was Shanghai's GDP in Q1 2024?")]);
    expect(refusal.content).toContain('The articles give no figure for GDP, Shanghai, Q1 2024');
    expect(refusal.content).toContain('GDP for Jiangsu');
    expect(refusal.content).not.toContain('-# —');
  });

  it('“Find sources” on a message returns the cited passages and figures that bear on it', async () => {
    const sent = fake.sendInteraction(
      fake.messageContextMenu('Find sources', 'Jiangsu’s GDP grew 8% in the first quarter, I read'),
    );
    const data = replyData((await sent.callback).body);
    expectSafeMessage(data);
    expect(data.content).toContain('The numbers in the message differ from the figures below.');
    expect(data.content).toContain('3.1 trillion yuan');
    expectCitation(data.content);
  });

  it('answers a mention in chat with a reply to that message that pings no one', async () => {
    const since = fake.mark();
    const { message, delivered } = await fake.sendMessage(
      `<@${fake.applicationId}> what was Jiangsu's GDP growth? @everyone`,
    );
    expect(delivered).toBe(true);
    const reply = await fake.waitForRequest(
      { method: 'POST', path: `/channels/${fake.channelId}/messages` },
      { since },
    );
    const body = reply.body as {
      content: string;
      message_reference?: { message_id: string };
      allowed_mentions: unknown;
    };
    expectSafeMessage(body as never);
    expect(body.message_reference?.message_id).toBe(message.id);
    expect(body.content).toContain('+6.2% year on year');
    expectCitation(body.content);
  });

  it('ignores messages that do not mention it, and other bots', async () => {
    const since = fake.mark();
    await fake.sendMessage('what was Jiangsu’s GDP growth?');
    await fake.sendMessage(`<@${fake.applicationId}> what was Jiangsu's GDP growth?`, { bot: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(
      fake.requests.filter((r) => r.seq > since && r.method === 'POST' && r.path.startsWith('/channels/')),
    ).toEqual([]);
  });

  it('logs each interaction with its id, command and latency', async () => {
    const sent = fake.sendInteraction(fake.chatInput('stat', [option.string('metric', 'gdp')]));
    await sent.callback;
    const line = await bot.waitForLog((l) => l.msg === 'answered' && l.interaction === sent.id);
    expect(line).toMatchObject({ command: 'stat', ms: expect.any(Number) });
    expect(JSON.stringify(bot.logs)).not.toContain('test-token');
  });

  it('disconnects and exits 0 within 2 s on SIGTERM', async () => {
    const { code, ms } = await bot.stop('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(2000);
    expect(bot.logs.some((l) => l.msg === 'shutting down' && l.signal === 'SIGTERM')).toBe(true);
  });
});
