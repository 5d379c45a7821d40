import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AttachmentBuilder,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  REST,
  Routes,
  type Interaction,
  type Message,
} from 'discord.js';
import { InteractionResponseType } from 'discord-api-types/v10';
import { DEFAULT_MEMBER_PERMISSIONS, FakeDiscord, option } from './fake-discord.ts';

type Handler = (interaction: Interaction) => Promise<void>;

/** Log a plain discord.js client into the fake; resolves once `clientReady` fired. */
async function loginClient(
  fake: FakeDiscord,
  intents: GatewayIntentBits[] = [GatewayIntentBits.Guilds],
  extra: { shards?: 'auto' } = {},
): Promise<Client> {
  const client = new Client({ intents, rest: { api: fake.apiUrl }, ...extra });
  const ready = once(client, Events.ClientReady); // register before login()
  await client.login('test-token');
  await ready;
  return client;
}

describe('FakeDiscord with a real discord.js Client', () => {
  let fake: FakeDiscord;
  let client: Client;
  let handler: Handler | undefined;
  const handlerErrors: unknown[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    client = await loginClient(fake);
    client.on(Events.InteractionCreate, (interaction) => {
      const current = handler;
      if (current) current(interaction).catch((error: unknown) => handlerErrors.push(error));
    });
  });

  afterAll(async () => {
    // Order matters: destroy the client first, or it reconnects to the stopped fake forever.
    await client?.destroy();
    await fake?.stop();
    expect(handlerErrors).toEqual([]);
  });

  it('exposes an api URL discord.js extends with /v10 and logs in', async () => {
    expect(fake.apiUrl).toBe(`http://127.0.0.1:${fake.port}/api`);
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);

    const gatewayBot = await fake.waitForRequest({ method: 'GET', path: '/gateway/bot' });
    expect(gatewayBot.headers['authorization']).toBe('Bot test-token');
    expect(fake.identifies()).toHaveLength(1);
    expect(fake.identifies()[0]?.shard).toEqual([0, 1]);

    // GUILD_CREATE followed READY, so the guild and its channel are cached.
    expect(client.guilds.cache.get(fake.guildId)?.name).toBe('Fake Guild');
    expect(client.channels.cache.get(fake.channelId)?.isTextBased()).toBe(true);
  });

  it('delivers a chat input command and records interaction.reply as a type 4 callback', async () => {
    let seen: { name: string; query: string | null; canManage: boolean | undefined } | undefined;
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen = {
        name: interaction.commandName,
        query: interaction.options.getString('query'),
        canManage: interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages),
      };
      await interaction.reply({ content: 'pong', allowedMentions: { parse: [] } });
    };
    const sent = fake.sendInteraction(fake.chatInput('ask', [option.string('query', 'what happened?')]));
    const callback = await sent.callback;

    expect(seen).toEqual({ name: 'ask', query: 'what happened?', canManage: false });
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: 'pong', allowed_mentions: { parse: [] } },
    });
    expect(callback.query['with_response']).toBe('false');
    expect(fake.getOriginal(sent.token)?.content).toBe('pong');
  });

  it('passes custom permissions through to memberPermissions and member.permissions', async () => {
    const withManage = (BigInt(DEFAULT_MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageMessages).toString();
    let result: boolean[] = [];
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand() || !interaction.inCachedGuild()) return;
      result = [
        interaction.memberPermissions.has(PermissionFlagsBits.ManageMessages),
        interaction.member.permissions.has(PermissionFlagsBits.ManageMessages),
      ];
      await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    };
    const sent = fake.sendInteraction(fake.chatInput('ask', [], { permissions: withManage }));
    const callback = await sent.callback;
    expect(result).toEqual([true, true]);
    expect(callback.body).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
  });

  it('supports subcommands and DMs', async () => {
    const seen: string[] = [];
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.push(
        `${interaction.options.getSubcommand()}:${interaction.options.getInteger('limit')}:${interaction.inGuild()}`,
      );
      await interaction.reply({ content: 'ok' });
    };
    await fake.sendInteraction(fake.chatInput('sources', [option.subcommand('list', [option.integer('limit', 3)])]))
      .callback;
    await fake.sendInteraction(fake.chatInput('sources', [option.subcommand('list')], { dm: true })).callback;
    expect(seen).toEqual(['list:3:true', 'list:null:false']);
  });

  it('records deferReply + editReply as a type 5 callback then a PATCH on @original', async () => {
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: 'took a while' });
    };
    const mark = fake.mark();
    const sent = fake.sendInteraction(fake.chatInput('ask'));
    const callback = await sent.callback;
    expect(callback.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource });

    const edit = await fake.waitForRequest(
      { method: 'PATCH', path: `/webhooks/${fake.applicationId}/${sent.token}/messages/@original` },
      { since: mark },
    );
    expect(edit.body).toMatchObject({ content: 'took a while' });
    expect(edit.status).toBe(200);
    expect(fake.getOriginal(sent.token)?.content).toBe('took a while');
    expect((fake.getOriginal(sent.token)?.flags ?? 0) & MessageFlags.Loading).toBe(0);
  });

  it('parses multipart bodies (files) and follow-ups', async () => {
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({
        content: 'see attached',
        files: [new AttachmentBuilder(Buffer.from('hello file'), { name: 'note.txt' })],
      });
      await interaction.followUp({ content: 'and one more thing' });
    };
    const mark = fake.mark();
    const sent = fake.sendInteraction(fake.chatInput('ask'));
    const callback = await sent.callback;
    expect(callback.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'see attached' } });
    expect(callback.files.map((f) => [f.filename, f.data.toString()])).toEqual([['note.txt', 'hello file']]);
    expect(fake.getOriginal(sent.token)?.attachments[0]?.filename).toBe('note.txt');

    const followUp = await fake.waitForRequest(
      { method: 'POST', path: `/webhooks/${fake.applicationId}/${sent.token}` },
      { since: mark },
    );
    expect(followUp.body).toMatchObject({ content: 'and one more thing' });
    expect(followUp.status).toBe(200);
  });

  it('records an autocomplete respond as a type 8 callback', async () => {
    let focused: string | undefined;
    handler = async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      focused = interaction.options.getFocused();
      await interaction.respond([{ name: 'Climate report', value: 'climate' }]);
    };
    const sent = fake.sendInteraction(
      fake.autocomplete('ask', [option.string('source', 'x'), option.focused('query', 'clim')]),
    );
    const callback = await sent.callback;
    expect(focused).toBe('clim');
    expect(callback.body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Climate report', value: 'climate' }] },
    });
  });

  it('delivers buttons and message context menu commands', async () => {
    const seen: string[] = [];
    handler = async (interaction) => {
      if (interaction.isButton()) {
        seen.push(`button:${interaction.customId}:${interaction.message.content}`);
        await interaction.update({ content: 'updated', components: [] });
      } else if (interaction.isMessageContextMenuCommand()) {
        seen.push(`context:${interaction.commandName}:${interaction.targetMessage.content}`);
        await interaction.reply({ content: 'explained' });
      }
    };
    const click = fake.sendInteraction(fake.button('more:1', { messageContent: 'Answer' }));
    expect((await click.callback).body).toMatchObject({ type: InteractionResponseType.UpdateMessage });
    expect(fake.getMessage(click.interaction.message.id)?.content).toBe('updated');

    const menu = fake.sendInteraction(fake.messageContextMenu('Explain', 'Some article text'));
    expect((await menu.callback).body).toMatchObject({ type: 4, data: { content: 'explained' } });
    expect(seen).toEqual(['button:more:1:Answer', 'context:Explain:Some article text']);
  });

  it('honours ?with_response=true', async () => {
    let responseId: string | null | undefined;
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'with response', withResponse: true });
      responseId = response.resource?.message?.id;
    };
    const sent = fake.sendInteraction(fake.chatInput('ask'));
    const callback = await sent.callback;
    expect(callback.query['with_response']).toBe('true');
    await expect.poll(() => responseId).toBeDefined();
    expect(responseId).toBe(fake.getOriginal(sent.token)?.id);
  });

  it('retries a callback answered with 429 and the reply still arrives', async () => {
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'after rate limit' });
    };
    fake.failNext({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/ }, { status: 429, retryAfter: 0.1 });
    const mark = fake.mark();
    const sent = fake.sendInteraction(fake.chatInput('ask'));
    const callback = await sent.callback;
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'after rate limit' } });

    const attempts = fake.requests.filter((r) => r.seq > mark && r.path.endsWith('/callback'));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[0]?.injected).toBe(true);
    expect(callback.receivedAt - (attempts[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(100);
  });

  it('retries a callback answered with 500 (discord.js retries 5xx itself)', async () => {
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'after 500' });
    };
    fake.failNext({ method: 'POST', path: /\/callback$/ }, { status: 500 });
    const sent = fake.sendInteraction(fake.chatInput('ask'));
    expect((await sent.callback).body).toMatchObject({ data: { content: 'after 500' } });
    expect(fake.requests.filter((r) => r.path.includes(sent.id)).map((r) => r.status)).toEqual([500, 204]);
  });

  it('rejects a second acknowledgement like Discord (40060)', async () => {
    const codes: unknown[] = [];
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'first' });
      const rest = interaction.client.rest;
      await rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: 4, data: { content: 'second' } },
          auth: false,
        })
        .catch((error: { code?: unknown }) => codes.push(error.code));
    };
    const sent = fake.sendInteraction(fake.chatInput('ask'));
    await sent.callback;
    await expect.poll(() => codes).toEqual([40060]);
  });

  it.each([
    { code: 4000, label: 'close frame 4000' },
    { code: 1006, label: 'abnormal termination (1006)' },
  ])('recovers after $label and answers the next interaction', async ({ code }) => {
    handler = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: `still here after ${code}` });
    };
    const mark = fake.mark();
    await fake.closeGateway(code);
    const session = await fake.waitForSession(undefined, { since: mark });
    expect(session.kind).toBe('resume');
    expect(session.path).toBe('/resume');

    const sent = fake.sendInteraction(fake.chatInput('ask'));
    expect((await sent.callback).body).toMatchObject({ data: { content: `still here after ${code}` } });
  });

  it('records REST.put(Routes.applicationCommands(appId)) and returns the commands with ids', async () => {
    const rest = new REST({ api: fake.apiUrl }).setToken('test-token');
    const body = [
      {
        name: 'ask',
        description: 'Ask about the news',
        options: [{ type: 3, name: 'query', description: 'Question', required: true }],
      },
      { name: 'Explain', type: 3 },
    ];
    const mark = fake.mark();
    const result = (await rest.put(Routes.applicationCommands(fake.applicationId), { body })) as {
      id: string;
      name: string;
    }[];
    const put = await fake.waitForRequest(
      { method: 'PUT', path: `/applications/${fake.applicationId}/commands` },
      { since: mark },
    );
    expect(put.body).toEqual(body);
    expect(put.headers['authorization']).toBe('Bot test-token');
    expect(result.map((c) => c.name)).toEqual(['ask', 'Explain']);
    expect(result.every((c) => /^\d{17,20}$/.test(c.id))).toBe(true);
    expect(await rest.get(Routes.applicationCommands(fake.applicationId))).toEqual(result);
    // Registered ids are used by the builders.
    expect(fake.chatInput('ask').data.id).toBe(result[0]?.id);

    const guildPut = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), {
      body: [{ name: 'ping', description: 'Ping' }],
    })) as { guild_id: string }[];
    expect(guildPut[0]?.guild_id).toBe(fake.guildId);

    await expect(
      rest.put(Routes.applicationCommands(fake.applicationId), { body: [{ name: 'Bad Name', description: 'x' }] }),
    ).rejects.toMatchObject({ status: 400, code: 50035 });
  });

  it('answers unknown routes with a recorded 404 in Discord error shape', async () => {
    const rest = new REST({ api: fake.apiUrl }).setToken('test-token');
    await expect(rest.get('/nope/123')).rejects.toMatchObject({ status: 404, code: 0 });
    const recorded = await fake.waitForRequest({ path: '/nope/123' });
    expect(recorded.status).toBe(404);
    expect(recorded.response).toEqual({ message: '404: Not Found', code: 0 });
  });
});

describe('FakeDiscord messages and sharding', () => {
  it('delivers MESSAGE_CREATE mentions and records message.reply', async () => {
    const fake = await FakeDiscord.start();
    const client = await loginClient(fake, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    try {
      const received: Message[] = [];
      client.on(Events.MessageCreate, (message) => {
        received.push(message);
        if (message.mentions.has(client.user!))
          void message.reply({ content: 'you called?', allowedMentions: { parse: [] } });
      });
      const mention = await fake.sendMessage(`<@${fake.botUser.id}> what's new?`);
      const plain = await fake.sendMessage('no mention here');
      expect(mention.delivered && plain.delivered).toBe(true);

      const reply = await fake.waitForRequest({ method: 'POST', path: `/channels/${fake.channelId}/messages` });
      expect(reply.body).toMatchObject({
        content: 'you called?',
        message_reference: { message_id: mention.message.id },
      });
      await expect.poll(() => received.length).toBe(2);
      // Without the MessageContent intent Discord blanks content unless the bot is mentioned.
      expect(received.map((m) => m.content)).toEqual([`<@${fake.botUser.id}> what's new?`, '']);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });

  it('heartbeats are acknowledged', async () => {
    const fake = await FakeDiscord.start({ heartbeatIntervalMs: 50 });
    const client = await loginClient(fake);
    try {
      await expect.poll(() => fake.heartbeats).toBeGreaterThan(0);
      await expect.poll(() => client.ws.ping).toBeGreaterThanOrEqual(0);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });

  it('enforces the 3 s acknowledgement deadline (shortened here) with 10062 Unknown interaction', async () => {
    const fake = await FakeDiscord.start({ interactionTimeoutMs: 100 });
    const client = await loginClient(fake);
    try {
      const errors: unknown[] = [];
      client.on(Events.InteractionCreate, (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        setTimeout(() => {
          interaction.reply({ content: 'too late' }).catch((error: { code?: unknown }) => errors.push(error.code));
        }, 200);
      });
      fake.sendInteraction(fake.chatInput('ask'));
      await expect.poll(() => errors).toEqual([10062]);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });

  it('rejects a wrong token when one is configured', async () => {
    const fake = await FakeDiscord.start({ token: 'right-token' });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    try {
      await expect(client.login('wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
      expect(fake.requests.map((r) => [r.path, r.status])).toEqual([['/gateway/bot', 401]]);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });

  it('re-identifies after a 1000 close (fast with a no-op identify throttler)', async () => {
    const fake = await FakeDiscord.start();
    // Without this, @discordjs/ws waits ~5-6.5 s before a second IDENTIFY of the same shard.
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: fake.apiUrl },
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) },
    });
    try {
      const ready = once(client, Events.ClientReady);
      await client.login('test-token');
      await ready;
      client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand()) void interaction.reply({ content: 'new session' });
      });
      const first = fake.identifies()[0]?.sessionId;
      const mark = fake.mark();
      await fake.closeGateway(1000);
      const session = await fake.waitForSession(undefined, { since: mark });
      expect(session.kind).toBe('identify');
      expect(session.sessionId).not.toBe(first);
      const sent = fake.sendInteraction(fake.chatInput('ask'));
      expect((await sent.callback).body).toMatchObject({ data: { content: 'new session' } });
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });

  it('identifies every shard and routes guild interactions to the responsible one', async () => {
    const fake = await FakeDiscord.start({ shards: 2 });
    const client = await loginClient(fake, [GatewayIntentBits.Guilds], { shards: 'auto' });
    try {
      expect(
        fake
          .identifies()
          .map((e) => e.shard)
          .sort(),
      ).toEqual([
        [0, 2],
        [1, 2],
      ]);
      const interactionShards: number[] = [];
      client.on(Events.Raw, (packet: { t?: string }, shardId: number) => {
        if (packet.t === 'INTERACTION_CREATE') interactionShards.push(shardId);
      });
      client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand()) void interaction.reply({ content: 'sharded' });
      });
      const sent = fake.sendInteraction(fake.chatInput('ask'));
      await sent.callback;
      const expected = Number((BigInt(fake.guildId) >> 22n) % 2n);
      expect(interactionShards).toEqual([expected]);
      expect(client.guilds.cache.get(fake.guildId)?.shardId).toBe(expected);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });
});
