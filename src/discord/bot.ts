import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import type { AnyCommand, MessageCommand } from '../command/command.ts';
import type { Config } from '../app/config.ts';
import type { ReloadOutcome } from '../command/command.ts';
import type { Engine } from '../engine/engine.ts';
import type { Logger } from '../app/log.ts';
import type { Charts } from '../app/charts.ts';
import { createMentionHandler } from './mentions.ts';
import { createRouter } from './router.ts';
import { reloadOnEveryShard } from './shard-reload.ts';
import { msg, type Message } from '../messages/message.ts';
import { words } from '../messages/words.ts';

/** Discord refused to let the bot in for a reason the operator can fix; `said` tells them how, naming the setting. */
export class LoginError extends Error {
  constructor(readonly said: Message) {
    super(words('en', said));
    this.name = 'LoginError';
  }
}

/**
 * What a failed login means for the operator. discord.js says a token is invalid when
 * GET /gateway/bot answers 401; @discordjs/ws rejects with close code 4004 or 4014 as plain errors.
 */
function loginRefusal(error: unknown): Message | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'TokenInvalid' || message === 'Authentication failed') return msg('tokenRejected');
  if (code === 'DisallowedIntents' || message === 'Used disallowed intents') return msg('intentsDisallowed');
  return undefined;
}
import { announceNewArticles } from './announce.ts';
import type { FeedbackStore } from '../feedback/store.ts';

export interface Bot {
  client: Client;
  /** After a reload swapped corpora: posts the articles it added to ANNOUNCE_CHANNEL_ID, when set. */
  announce(before: Engine, after: Engine): Promise<void>;
  stop(): Promise<void>;
}

/** discord.js's REST options for our configuration: a custom base only when one is set. */
export function restOptions(config: Pick<Config, 'DISCORD_API_URL'>) {
  return config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {};
}

/** Logs in and serves interactions until stopped. Resolves once the gateway says READY. */
export interface BotOptions {
  config: Config;
  token: string;
  engine: () => Engine;
  commands: readonly AnyCommand[];
  messageCommands: readonly MessageCommand[];
  log: Logger;
  /** What /reload runs: absent, the command says the corpus is read once. */
  reload?: () => Promise<ReloadOutcome>;
  /** What follow-ups in chat measure their few minutes by: tests pass their own. */
  clock?: () => number;
  /** Draws charts; absent, answers go as text alone. */
  charts?: Charts;
  /** Where refused /ask questions and 👎 answers are kept (absent: nowhere). */
  feedback?: FeedbackStore;
}

/**
 * What discord.js keeps of what it is sent. By default it keeps every member who ever used a
 * command, with their user, for the life of the process, and the last 200 messages of every
 * channel it reads; the bot reads none of them (an interaction carries its member, a mention is
 * answered from its event, a button from the message it came with), so memory would grow with
 * the members met and the channels talked in. Its own member and user it keeps: discord.js
 * works out its permissions from them.
 */
export function cacheLimits() {
  const own = (held: { id: string; client: Client }) => held.id === held.client.user?.id;
  return Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    MessageManager: 0,
    GuildMemberManager: { maxSize: 0, keepOverLimit: own },
    UserManager: { maxSize: 0, keepOverLimit: own },
  });
}

export async function startBot(options: BotOptions): Promise<Bot> {
  const { config, token } = options;
  const client = new Client({
    // Slash commands arrive without any privileged intent; Guilds keeps the cache of the servers we are in.
    // Answering mentions in chat needs the messages, and their text: Message Content is privileged.
    intents: [
      GatewayIntentBits.Guilds,
      ...(config.ANSWER_MENTIONS ? [GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] : []),
    ],
    rest: restOptions(config),
    makeCache: cacheLimits(),
    // A second guard behind the renderer's own: nothing this client sends can ping.
    allowedMentions: { parse: [] },
  });
  // Under the ShardingManager, every log line names its shard, and /reload reaches every shard.
  const log = client.shard ? options.log.child({ shard: client.shard.ids }) : options.log;
  const reload = options.reload && reloadOnEveryShard(client, options.reload, log);
  const route = createRouter({
    engine: options.engine,
    commands: options.commands,
    messageCommands: options.messageCommands,
    log,
    ...(reload ? { reload } : {}),
    ...(options.charts ? { charts: options.charts } : {}),
    ...(options.feedback ? { feedback: options.feedback } : {}),
  });
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  if (config.ANSWER_MENTIONS)
    client.on(
      Events.MessageCreate,
      createMentionHandler({
        engine: options.engine,
        log,
        feedback: options.feedback,
        ...(options.clock ? { clock: options.clock } : {}),
      }),
    );
  client.on(Events.Error, (error) => log.error({ err: error }, 'client error'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  client.rest.on('rateLimited', (info) =>
    log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited'),
  );

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  // A line break inside the token would otherwise surface as undici's "invalid Authorization header".
  if (/\s/.test(token)) throw new LoginError(msg('tokenMalformed'));
  try {
    await client.login(token);
  } catch (error) {
    const said = loginRefusal(error);
    if (!said) throw error;
    await client.destroy();
    throw new LoginError(said);
  }
  await ready;
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'logged in');
  const channel = config.ANNOUNCE_CHANNEL_ID;
  return {
    client,
    announce: async (before, after) => {
      if (channel) await announceNewArticles(client, channel, before, after, log);
    },
    stop: async () => {
      await client.destroy();
    },
  };
}
