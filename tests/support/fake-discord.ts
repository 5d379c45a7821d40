/**
 * FakeDiscord — a local stand-in for Discord (REST API + gateway) that the
 * UNMODIFIED discord.js Client can log into, for end-to-end tests.
 *
 * Everything listens on 127.0.0.1 (random port): REST under /api/v10, the
 * gateway on the same port (any path; READY's resume_gateway_url is /resume).
 *
 *   const fake = await FakeDiscord.start();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 *   const ready = once(client, Events.ClientReady);       // register BEFORE login()
 *   await client.login('test-token');
 *   await ready;
 *   const sent = fake.sendInteraction(fake.chatInput('ask', [option.string('q', 'hi')]));
 *   const cb = await sent.callback;                        // the bot's POST .../callback
 *   ...
 *   await client.destroy();   // ALWAYS destroy the client first ...
 *   await fake.stop();        // ... then stop the fake. The other order makes discord.js
 *                             // see a dead gateway and reconnect forever.
 *
 * Behaviour worth knowing (all deliberately close to real Discord):
 * - READY lists the fixed guild as unavailable and, when the client asked for the
 *   Guilds intent, a GUILD_CREATE (guild + #general text channel + the bot's member)
 *   follows at once, so discord.js caches guild and channel and `clientReady` fires
 *   without the 15 s waitGuildTimeout. Pass `{ withGuild: false }` for `guilds: []`.
 * - Members get a generated role carrying exactly the permissions of the interaction
 *   (@everyone has none), so `interaction.memberPermissions` and
 *   `interaction.member.permissions` agree. New roles are announced with GUILD_ROLE_CREATE.
 * - An interaction must be acknowledged within `interactionTimeoutMs` (default 3000, as
 *   Discord): later callbacks get 404 Unknown interaction (10062). A second callback gets
 *   400 (40060). Follow-ups/edits before the callback get 404 Unknown Webhook (10015).
 *   The first follow-up after a deferred reply replaces the loading message (as Discord does).
 * - Messages are validated (2000-char content, embed limits, empty message → 50006),
 *   autocomplete choices (≤ 25, names 1–100 chars) and PUT commands (names, descriptions,
 *   option order), answering with Discord's error JSON so the bot sees a DiscordAPIError.
 * - MESSAGE_CREATE is only delivered with the GuildMessages / DirectMessages intent, and
 *   its content/embeds/attachments/components are blanked unless the client has the
 *   MessageContent intent, the bot is mentioned, or it is a DM (Discord's rules).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type APIApplication,
  type ApplicationFlags,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  type RoleFlags,
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataIntegerOption,
  type APIApplicationCommandInteractionDataNumberOption,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandInteractionDataStringOption,
  type APIApplicationCommandInteractionDataUserOption,
  type APIApplicationCommandInteractionDataSubcommandGroupOption,
  type APIApplicationCommandInteractionDataSubcommandOption,
  type APIApplicationCommandInteractionDataBooleanOption,
  type APIAttachment,
  type APIChatInputApplicationCommandInteraction,
  type APIDMChannel,
  type APIEmbed,
  type APIGatewayBotInfo,
  type APIGuildMember,
  type APIInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIMessageTopLevelComponent,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayGuildRoleCreateDispatchData,
  type GatewayMessageCreateDispatchData,
  type GatewayReadyDispatchData,
  type RESTPostAPIInteractionCallbackJSONBody,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord-api-types/v10';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export interface FakeDiscordOptions {
  /** Recommended shard count returned by GET /gateway/bot (used by `shards: 'auto'`). Default 1. */
  shards?: number;
  /** session_start_limit.max_concurrency. Default = shards, so all shards identify at once. */
  maxConcurrency?: number;
  /** HELLO heartbeat_interval. Default 41250 (discord.js first beats after a random 0..interval). */
  heartbeatIntervalMs?: number;
  /** Deadline for the initial interaction callback (Discord: 3 s). 0 disables. Default 3000. */
  interactionTimeoutMs?: number;
  /** If set, any other bot token gets REST 401 and gateway close 4004. Default: accept any token. */
  token?: string;
  /**
   * The privileged intents switched on for the application in the Developer Portal (a bit set of
   * GuildMembers, GuildPresences, MessageContent); identifying with another privileged one closes 4014. Default: all.
   */
  privilegedIntents?: number;
  /** READY lists the guild (unavailable) and GUILD_CREATE follows. Default true. */
  withGuild?: boolean;
}

export interface RecordedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest<TBody = unknown> {
  /** Position in the fake's global event order; compare with {@link FakeDiscord.mark}. */
  seq: number;
  method: string;
  /** Path without `/api/v10` and without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` part of a multipart body. */
  body: TBody | undefined;
  files: RecordedFile[];
  /** Status the fake answered with. */
  status: number;
  /** JSON the fake answered with (undefined for 204). */
  response: unknown;
  /** True when the answer came from {@link FakeDiscord.failNext}. */
  injected: boolean;
  receivedAt: number;
}

export type RequestMatcher =
  ((request: RecordedRequest) => boolean) | { method?: string; path?: string | RegExp; status?: number };

export interface WaitOptions {
  /** Only consider events with `seq > since` (from {@link FakeDiscord.mark}). Default: all. */
  since?: number;
  timeoutMs?: number;
}

export interface FaultResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests get this answer. Default 1. */
  times?: number;
  /** For 429: seconds in `Retry-After` and body `retry_after`. Default 0.1. */
  retryAfter?: number;
  /** For 429: a global rate limit (`X-RateLimit-Global`, scope `global`). */
  global?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface SessionEvent {
  seq: number;
  kind: 'identify' | 'resume';
  /** False for a RESUME the fake rejected (answered with op 9 INVALID_SESSION). */
  ok: boolean;
  shard: [id: number, count: number];
  sessionId: string;
  intents: number;
  /** Gateway URL path the client connected to (`/` or `/resume`). */
  path: string;
  /**
   * True once discord.js has processed the READY/RESUMED (it answered the heartbeat request the
   * fake sends right after). Only confirmed sessions receive dispatches.
   */
  confirmed: boolean;
  /** When READY/RESUMED (or INVALID_SESSION) was sent. */
  at: number;
}

export interface InteractionOptions {
  /** Channel permissions of the invoking member. Default {@link DEFAULT_MEMBER_PERMISSIONS}. */
  permissions?: string;
  /** Invoking user's id. Default {@link FakeDiscord.user}. */
  userId?: string;
  /** Send from a DM with the bot instead of the guild channel. */
  dm?: boolean;
  locale?: Locale;
  /**
   * Which installations authorised the interaction (`authorizing_integration_owners`):
   * 'guild' (default) the server's, 'user' the invoking user's own. ['user'] alone in the
   * guild channel is a member's install in a server that has not installed the app.
   */
  installs?: ('guild' | 'user')[];
  /** `context`: where it was used. 'private-channel' is a group DM (user installs only). Default: guild, or bot-dm with `dm`. */
  context?: 'guild' | 'bot-dm' | 'private-channel';
}

export interface SendOptions {
  /** Gateway shard to use. Default: the shard responsible for the guild (DMs: shard 0). */
  shard?: number;
  /** How long to wait for a ready gateway connection, and (interactions) for the callback. Default 5000. */
  timeoutMs?: number;
}

export interface SentInteraction<T extends APIInteraction = APIInteraction> {
  id: string;
  token: string;
  interaction: T;
  /** Resolves once INTERACTION_CREATE was written to the socket. */
  dispatched: Promise<void>;
  /** Resolves on the bot's first successful (2xx) POST /interactions/{id}/{token}/callback. */
  callback: Promise<RecordedRequest<RESTPostAPIInteractionCallbackJSONBody>>;
}

export interface MessageOptions extends SendOptions {
  userId?: string;
  dm?: boolean;
  /** Make the author a bot account. */
  bot?: boolean;
  /** Message id this message replies to. */
  replyTo?: string;
  /** A guild text channel other than the default (e.g. {@link FakeDiscord.otherChannelId}). */
  channelId?: string;
}

export interface SentMessage {
  message: GatewayMessageCreateDispatchData;
  /** False when the client's intents mean Discord would not send this MESSAGE_CREATE. */
  delivered: boolean;
}

// ---------------------------------------------------------------------------
// Ids, permissions and option helpers
// ---------------------------------------------------------------------------

const DISCORD_EPOCH = 1_420_070_400_000n;
const FIXED_TIME = 1_704_067_200_000n; // 2024-01-01
let snowflakeIncrement = 0n;

function fixedSnowflake(n: number): string {
  return (((FIXED_TIME - DISCORD_EPOCH) << 22n) | BigInt(n)).toString();
}

function snowflake(): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | snowflakeIncrement).toString();
}

function bitfield(...flags: bigint[]): string {
  return flags.reduce((a, b) => a | b, 0n).toString();
}

/** Regular member permissions (what @everyone has on a fresh server), WITHOUT ManageMessages. */
export const DEFAULT_MEMBER_PERMISSIONS = bitfield(
  PermissionFlagsBits.CreateInstantInvite,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.Stream,
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.UseExternalEmojis,
  PermissionFlagsBits.Connect,
  PermissionFlagsBits.Speak,
  PermissionFlagsBits.UseVAD,
  PermissionFlagsBits.ChangeNickname,
  PermissionFlagsBits.UseApplicationCommands,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.CreatePrivateThreads,
  PermissionFlagsBits.UseExternalStickers,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.UseEmbeddedActivities,
  PermissionFlagsBits.SendVoiceMessages,
  PermissionFlagsBits.SendPolls,
  PermissionFlagsBits.UseExternalApps,
);

/** Builders for interaction option payloads (chat input and autocomplete). */
export const option = {
  string: (name: string, value: string): APIApplicationCommandInteractionDataStringOption => ({
    name,
    type: ApplicationCommandOptionType.String,
    value,
  }),
  integer: (
    name: string,
    value: number,
  ): APIApplicationCommandInteractionDataIntegerOption<InteractionType.ApplicationCommand> => ({
    name,
    type: ApplicationCommandOptionType.Integer,
    value,
  }),
  number: (
    name: string,
    value: number,
  ): APIApplicationCommandInteractionDataNumberOption<InteractionType.ApplicationCommand> => ({
    name,
    type: ApplicationCommandOptionType.Number,
    value,
  }),
  boolean: (name: string, value: boolean): APIApplicationCommandInteractionDataBooleanOption => ({
    name,
    type: ApplicationCommandOptionType.Boolean,
    value,
  }),
  subcommand: <T extends InteractionType = InteractionType.ApplicationCommand>(
    name: string,
    options: APIApplicationCommandInteractionDataBasicOption<T>[] = [],
  ): APIApplicationCommandInteractionDataSubcommandOption<T> => ({
    name,
    type: ApplicationCommandOptionType.Subcommand,
    options,
  }),
  subcommandGroup: <T extends InteractionType = InteractionType.ApplicationCommand>(
    name: string,
    options: APIApplicationCommandInteractionDataSubcommandOption<T>[],
  ): APIApplicationCommandInteractionDataSubcommandGroupOption<T> => ({
    name,
    type: ApplicationCommandOptionType.SubcommandGroup,
    options,
  }),
  /** A member picked in a USER option: Discord sends the id as the value and the user under data.resolved. */
  user: (name: string, id: string): APIApplicationCommandInteractionDataUserOption => ({
    name,
    type: ApplicationCommandOptionType.User,
    value: id,
  }),
  /** The option being typed in an autocomplete interaction (value is always the raw string). */
  focused: (name: string, value: string): APIApplicationCommandInteractionDataStringOption => ({
    name,
    type: ApplicationCommandOptionType.String,
    value,
    focused: true,
  }),
};

// ---------------------------------------------------------------------------
// Internal types and helpers
// ---------------------------------------------------------------------------

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
}

interface Fault {
  method: string | undefined;
  path: string | RegExp | undefined;
  response: FaultResponse;
  remaining: number;
}

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  connection: Connection | null;
  announcedRoles: Set<string>;
}

interface Connection {
  socket: WebSocket;
  path: string;
  session: Session | null;
  ready: boolean;
  compress: boolean;
  /** Session event to confirm once the client answers our heartbeat probe (see confirmSession). */
  pending: SessionEvent | null;
}

interface InteractionState {
  interaction: APIInteraction;
  dispatchedAt: number | null;
  ack: InteractionResponseType | null;
  originalId: string | null;
  messageIds: Set<string>;
}

interface MessageFields {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
  attachments?: { id: string | number; description?: string; filename?: string }[];
  message_reference?: { message_id?: string };
  poll?: unknown;
  sticker_ids?: string[];
  tts?: boolean;
}

interface Route {
  methods: string[];
  pattern: RegExp;
  auth: boolean;
  handle: (ctx: RequestContext, params: Record<string, string | undefined>) => Reply;
}

class WaitCancelled extends Error {}

/** The intents Discord makes an application switch on in the Developer Portal before it may identify with them. */
const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

function hasIntent(intents: number, bit: GatewayIntentBits): boolean {
  return (intents & bit) === bit;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function apiError(status: number, code: number, message: string): Reply {
  return { status, body: { message, code } };
}

function formError(path: string[], code: string, message: string): Reply {
  let errors: Record<string, unknown> = { _errors: [{ code, message }] };
  for (const key of [...path].reverse()) errors = { [key]: errors };
  return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors } };
}

function toRecordedQuery(query: URLSearchParams): Record<string, string> {
  return Object.fromEntries(query.entries());
}

function matches(matcher: RequestMatcher, request: RecordedRequest): boolean {
  if (typeof matcher === 'function') return matcher(request);
  if (matcher.method && matcher.method.toUpperCase() !== request.method) return false;
  if (matcher.status !== undefined && matcher.status !== request.status) return false;
  if (matcher.path !== undefined) {
    return typeof matcher.path === 'string' ? matcher.path === request.path : matcher.path.test(request.path);
  }
  return true;
}

function guildShard(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateCommandOptions(options: unknown, path: string[]): Reply | null {
  if (options === undefined || options === null) return null;
  if (!Array.isArray(options)) return formError(path, 'MODEL_TYPE_CONVERT', 'Only iterables may be used in a ListType');
  if (options.length > 25) return formError(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  let sawOptional = false;
  const names = new Set<string>();
  for (const [i, opt] of options.entries()) {
    const p = [...path, String(i)];
    if (!isRecord(opt)) return formError(p, 'MODEL_TYPE_CONVERT', 'Expected an object');
    const name = opt['name'];
    if (typeof name !== 'string' || !COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
      return formError([...p, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    if (names.has(name))
      return formError([...p, 'name'], 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', 'Option name already exists');
    names.add(name);
    const description = opt['description'];
    if (typeof description !== 'string' || description.length < 1 || description.length > 100) {
      return formError([...p, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    }
    const type = opt['type'];
    if (type === ApplicationCommandOptionType.Subcommand || type === ApplicationCommandOptionType.SubcommandGroup) {
      const nested = validateCommandOptions(opt['options'], [...p, 'options']);
      if (nested) return nested;
      continue;
    }
    if (opt['required'] === true) {
      if (sawOptional) {
        return formError(
          p,
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
        );
      }
    } else {
      sawOptional = true;
    }
    const choices = opt['choices'];
    if (Array.isArray(choices) && choices.length > 25) {
      return formError([...p, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
  }
  return null;
}

function validateCommands(body: unknown): Reply | null {
  if (!Array.isArray(body)) return formError([], 'MODEL_TYPE_CONVERT', 'Only iterables may be used in a ListType');
  if (body.length > 100) return formError([], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
  const seen = new Set<string>();
  for (const [i, command] of body.entries()) {
    const error = validateCommand(command, [String(i)]);
    if (error) return error;
    if (isRecord(command)) {
      const key = `${String(command['type'] ?? 1)}:${String(command['name'])}`;
      if (seen.has(key)) {
        return formError(
          [String(i), 'name'],
          'APPLICATION_COMMANDS_DUPLICATE_NAME',
          'Application command names must be unique',
        );
      }
      seen.add(key);
    }
  }
  return null;
}

function validateCommand(command: unknown, path: string[]): Reply | null {
  if (!isRecord(command)) return formError(path, 'MODEL_TYPE_CONVERT', 'Expected an object');
  const type = command['type'] ?? ApplicationCommandType.ChatInput;
  const name = command['name'];
  if (typeof name !== 'string' || name.length < 1 || name.length > 32) {
    return formError([...path, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
  }
  if (type === ApplicationCommandType.ChatInput) {
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
      return formError([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    const description = command['description'];
    if (typeof description !== 'string' || description.length < 1 || description.length > 100) {
      return formError([...path, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    }
    return validateCommandOptions(command['options'], [...path, 'options']);
  }
  return null;
}

function readMessageFields(value: unknown): MessageFields {
  if (!isRecord(value)) return {};
  const fields: MessageFields = {};
  if (typeof value['content'] === 'string') fields.content = value['content'];
  if (Array.isArray(value['embeds'])) fields.embeds = value['embeds'] as APIEmbed[];
  if (Array.isArray(value['components'])) fields.components = value['components'] as APIMessageTopLevelComponent[];
  if (typeof value['flags'] === 'number') fields.flags = value['flags'];
  if (Array.isArray(value['attachments'])) fields.attachments = value['attachments'] as { id: string | number }[];
  if (isRecord(value['message_reference']))
    fields.message_reference = value['message_reference'] as { message_id?: string };
  if (value['poll'] !== undefined && value['poll'] !== null) fields.poll = value['poll'];
  if (Array.isArray(value['sticker_ids'])) fields.sticker_ids = value['sticker_ids'] as string[];
  if (typeof value['tts'] === 'boolean') fields.tts = value['tts'];
  return fields;
}

function validateMessageFields(fields: MessageFields, prefix: string[]): Reply | null {
  for (const [i, attachment] of (fields.attachments ?? []).entries()) {
    if (typeof attachment.description === 'string' && attachment.description.length > 1024) {
      return formError(
        [...prefix, 'attachments', String(i), 'description'],
        'BASE_TYPE_MAX_LENGTH',
        'Must be 1024 or fewer in length.',
      );
    }
  }
  if (fields.content !== undefined && fields.content.length > 2000) {
    return formError([...prefix, 'content'], 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  }
  if (fields.embeds) {
    if (fields.embeds.length > 10) {
      return formError([...prefix, 'embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
    }
    let total = 0;
    for (const [i, embed] of fields.embeds.entries()) {
      const p = [...prefix, 'embeds', String(i)];
      const limits: [string, string | undefined, number][] = [
        ['title', embed.title, 256],
        ['description', embed.description, 4096],
        ['footer.text', embed.footer?.text, 2048],
        ['author.name', embed.author?.name, 256],
      ];
      for (const [key, text, max] of limits) {
        if (text === undefined) continue;
        total += text.length;
        if (text.length > max) {
          return formError([...p, ...key.split('.')], 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
        }
      }
      const embedFields = embed.fields ?? [];
      if (embedFields.length > 25) {
        return formError([...p, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      }
      for (const [j, field] of embedFields.entries()) {
        const fp = [...p, 'fields', String(j)];
        if (!field.name || field.name.length > 256) {
          return formError([...fp, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 256 in length.');
        }
        if (!field.value || field.value.length > 1024) {
          return formError([...fp, 'value'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 1024 in length.');
        }
        total += field.name.length + field.value.length;
      }
    }
    if (total > 6000) {
      return formError([...prefix, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
    }
  }
  return null;
}

function isEmptyMessage(message: APIMessage): boolean {
  return (
    message.content.length === 0 &&
    message.embeds.length === 0 &&
    message.attachments.length === 0 &&
    (message.components?.length ?? 0) === 0 &&
    (message.sticker_items?.length ?? 0) === 0 &&
    message.poll === undefined &&
    ((message.flags ?? 0) & MessageFlags.Loading) === 0
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    let body: unknown;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value) as unknown;
      } else {
        files.push({
          field,
          filename: value.name,
          contentType: value.type,
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text) as unknown, files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

// ---------------------------------------------------------------------------
// FakeDiscord
// ---------------------------------------------------------------------------

export class FakeDiscord {
  readonly applicationId = fixedSnowflake(1);
  readonly guildId = fixedSnowflake(2);
  readonly channelId = fixedSnowflake(3);
  /** A second text channel of the guild, for what must not carry from one channel to another. */
  readonly otherChannelId = fixedSnowflake(20);
  /** Owner of the fake guild (not the default invoking user, so nobody gets owner's implicit Administrator). */
  readonly ownerId = fixedSnowflake(4);
  readonly botUser: APIUser = {
    id: this.applicationId,
    username: 'footnote-test-bot',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
    verified: true,
    mfa_enabled: false,
  };
  /** The default invoking user of interactions and author of messages. */
  readonly user: APIUser = {
    id: fixedSnowflake(5),
    username: 'tester',
    discriminator: '0',
    global_name: 'Tester',
    avatar: null,
  };

  readonly port: number;
  /** Pass to discord.js as `rest: { api }` and to `new REST({ api })`; discord.js appends `/v10`. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;

  /** Every REST request, in arrival order (including 404s and injected failures). */
  readonly requests: RecordedRequest[] = [];
  /** IDENTIFY and RESUME outcomes, in order. */
  readonly sessionEvents: SessionEvent[] = [];
  /** Number of client heartbeats (op 1) acknowledged, not counting answers to the fake's own probes. */
  heartbeats = 0;

  private readonly options: Required<Omit<FakeDiscordOptions, 'token'>> & { token: string | undefined };
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  private readonly faults: Fault[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly cancels = new Set<(error: Error) => void>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly messages = new Map<string, APIMessage>();
  /** Uploaded files by their URL path, served back as Discord's CDN would (a bot re-posting an attachment fetches it). */
  private readonly uploads = new Map<string, RecordedFile>();
  private readonly commands = new Map<string, APIApplicationCommand[]>();
  private readonly roles = new Map<string, APIRole>();
  private readonly users = new Map<string, APIUser>();
  private readonly dmChannels = new Map<string, APIDMChannel>();
  private readonly routes: Route[];
  private counter = 0;
  private stopped = false;

  private constructor(http: Server, wss: WebSocketServer, port: number, options: FakeDiscordOptions) {
    this.http = http;
    this.wss = wss;
    this.port = port;
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    const shards = options.shards ?? 1;
    this.options = {
      shards,
      maxConcurrency: options.maxConcurrency ?? shards,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      interactionTimeoutMs: options.interactionTimeoutMs ?? 3_000,
      token: options.token,
      withGuild: options.withGuild ?? true,
      privilegedIntents: options.privilegedIntents ?? PRIVILEGED_INTENTS,
    };
    this.users.set(this.user.id, this.user);
    this.users.set(this.botUser.id, this.botUser);
    this.roleFor(DEFAULT_MEMBER_PERMISSIONS); // the bot's own role
    this.routes = this.buildRoutes();
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(0, '127.0.0.1', () => resolve());
    });
    const port = (http.address() as AddressInfo).port;
    const fake = new FakeDiscord(http, wss, port, options);
    http.on('request', (req, res) => void fake.onHttp(req, res));
    wss.on('connection', (socket, req) => fake.onConnection(socket, req));
    return fake;
  }

  /** Close everything. Destroy the discord.js client BEFORE calling this (see file header). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const cancel of this.cancels) cancel(new WaitCancelled('FakeDiscord stopped'));
    this.cancels.clear();
    this.listeners.clear();
    for (const connection of this.connections) connection.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ---------------------------------------------------------------- waiting

  /** Current position in the event order; pass as `since` to only see later requests/sessions. */
  mark(): number {
    return this.counter;
  }

  /**
   * Drops the requests, interactions, messages and uploads recorded so far, so a soak of an
   * hour does not hold every answer it was sent. Only with nothing awaited: a waiter's place
   * in the list of requests would no longer hold.
   */
  forget(): void {
    if (this.listeners.size > 0) throw new Error('FakeDiscord.forget() while something is awaited');
    this.requests.length = 0;
    this.interactions.clear();
    this.messages.clear();
    this.uploads.clear();
  }

  identifies(): SessionEvent[] {
    return this.sessionEvents.filter((e) => e.kind === 'identify');
  }

  resumes(): SessionEvent[] {
    return this.sessionEvents.filter((e) => e.kind === 'resume' && e.ok);
  }

  /** Resolves with the first recorded request (with seq > since) that matches. */
  waitForRequest<TBody = unknown>(
    matcher: RequestMatcher,
    options: WaitOptions | number = {},
  ): Promise<RecordedRequest<TBody>> {
    if (typeof options === 'number') options = { timeoutMs: options };
    const since = options.since ?? 0;
    // Requests are only appended: each check scans what arrived since the last one, so
    // hundreds of waiters under load cost linear, not quadratic, time.
    let cursor = 0;
    const find = (): RecordedRequest<TBody> | undefined => {
      for (; cursor < this.requests.length; cursor++) {
        const r = this.requests[cursor]!;
        if (r.seq > since && matches(matcher, r)) return r as RecordedRequest<TBody>;
      }
      return undefined;
    };
    return this.waitUntil(
      find,
      options.timeoutMs ?? 5_000,
      () => `request matching ${describeMatcher(matcher)}; recorded since ${since}: ${this.describeRequests(since)}`,
    );
  }

  /** Resolves with the bot's message in the guild channel that replies to message `id`: how a mention is answered. */
  waitForReply(id: string, options: WaitOptions = {}): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        r.path === `/channels/${this.channelId}/messages` &&
        (r.body as { message_reference?: { message_id?: string } })?.message_reference?.message_id === id,
      options,
    );
  }

  /**
   * Resolves with the first successful IDENTIFY/RESUME (with seq > since) matching the predicate,
   * once discord.js has processed it (`confirmed`).
   */
  waitForSession(
    predicate: (event: SessionEvent) => boolean = () => true,
    options: WaitOptions | number = {},
  ): Promise<SessionEvent> {
    if (typeof options === 'number') options = { timeoutMs: options };
    const since = options.since ?? 0;
    return this.waitUntil(
      () => this.sessionEvents.find((e) => e.seq > since && e.ok && e.confirmed && predicate(e)),
      options.timeoutMs ?? 5_000,
      () => `gateway session since ${since}; events: ${JSON.stringify(this.sessionEvents)}`,
    );
  }

  // -------------------------------------------------------- fault injection

  /**
   * Answer the next `times` (default 1) requests matching `match` with `response` instead of
   * handling them. A 429 gets realistic defaults: body `{message, retry_after, global}` and
   * headers `Retry-After`, `X-RateLimit-Limit/Remaining/Reset/Reset-After`, `X-RateLimit-Scope`
   * (and `X-RateLimit-Global` when `global`), which is what @discordjs/rest reads to wait and retry.
   * Note @discordjs/rest also retries 5xx up to 3 times by itself (`rest.retries`).
   */
  failNext(match: { method?: string; path?: string | RegExp }, response: FaultResponse): void {
    this.faults.push({
      method: match.method?.toUpperCase(),
      path: match.path,
      response,
      remaining: response.times ?? 1,
    });
  }

  // --------------------------------------------------------- gateway control

  /**
   * Close the open gateway connection(s) (optionally only one shard's) with `code`.
   * 1006 cannot be sent in a close frame, so it terminates the TCP socket instead (abnormal
   * closure). discord.js resumes after 4000 and after 1006 (≈0.5 s later); after 1000 it
   * re-identifies, which its identify throttle may delay by up to ~6.5 s.
   */
  async closeGateway(code: number, options: { shard?: number } = {}): Promise<void> {
    const targets = [...this.connections].filter(
      (c) => options.shard === undefined || c.session?.shard[0] === options.shard,
    );
    await Promise.all(
      targets.map(
        (connection) =>
          new Promise<void>((resolve) => {
            connection.ready = false;
            if (connection.socket.readyState === connection.socket.CLOSED) return resolve();
            connection.socket.once('close', () => resolve());
            if (code === 1006) connection.socket.terminate();
            else connection.socket.close(code, `fake-discord closeGateway(${code})`);
          }),
      ),
    );
  }

  /** Number of open gateway connections that have identified or resumed. */
  readyConnections(): number {
    return [...this.connections].filter((c) => c.ready).length;
  }

  // ------------------------------------------------------ interaction builders

  chatInput(
    commandName: string,
    options: APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>[] = [],
    opts: InteractionOptions = {},
  ): APIChatInputApplicationCommandInteraction {
    const users = flattenLeaves(options as unknown as AnyDataOption[]).flatMap((o) =>
      o.type === ApplicationCommandOptionType.User ? [this.userFor(String(o.value))] : [],
    );
    return {
      ...this.baseInteraction(opts),
      type: InteractionType.ApplicationCommand,
      data: {
        ...this.slashData(commandName),
        ...(options.length > 0 ? { options } : {}),
        ...(users.length ? { resolved: { users: Object.fromEntries(users.map((u) => [u.id, u])) } } : {}),
      },
    };
  }

  /** The registered command's id (a fresh one if it was never deployed), as Discord sends it. */
  private slashData(commandName: string) {
    const command = this.findCommand(commandName, ApplicationCommandType.ChatInput);
    return {
      id: command?.id ?? snowflake(),
      name: commandName,
      type: ApplicationCommandType.ChatInput as const,
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    };
  }

  /** If no option has `focused: true`, the last leaf option is marked focused. */
  autocomplete(
    commandName: string,
    options: APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>[],
    opts: InteractionOptions = {},
  ): APIApplicationCommandAutocompleteInteraction {
    const data = structuredClone(options);
    const leaves = flattenLeaves(data);
    if (!leaves.some((o) => 'focused' in o && o.focused)) {
      const last = leaves.at(-1);
      if (last && isFocusable(last)) Object.assign(last, { focused: true });
    }
    return {
      ...this.baseInteraction(opts),
      type: InteractionType.ApplicationCommandAutocomplete,
      data: { ...this.slashData(commandName), options: data },
    };
  }

  /** A button click on a bot message (stored, so GET/PATCH of it works). */
  button(
    customId: string,
    opts: InteractionOptions & { messageContent?: string; message?: APIMessage } = {},
  ): APIMessageComponentButtonInteraction {
    const base = this.baseInteraction(opts);
    const message: APIMessage =
      opts.message ??
      this.newMessage({
        channelId: base.channel.id,
        author: this.botUser,
        content: opts.messageContent ?? 'A message with a button',
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: 'Button' },
            ],
          },
        ],
      });
    this.messages.set(message.id, message);
    return {
      ...base,
      type: InteractionType.MessageComponent,
      message,
      data: { custom_id: customId, component_type: ComponentType.Button },
    };
  }

  /** A message context-menu command on a message by the invoking user with `targetContent`. */
  messageContextMenu(
    commandName: string,
    targetContent: string,
    opts: InteractionOptions & { targetAuthorId?: string } = {},
  ): APIMessageApplicationCommandInteraction {
    const base = this.baseInteraction(opts);
    const target = this.newMessage({
      channelId: base.channel.id,
      author: this.userFor(opts.targetAuthorId ?? opts.userId),
      content: targetContent,
    });
    this.messages.set(target.id, target);
    const command = this.findCommand(commandName, ApplicationCommandType.Message);
    return {
      ...base,
      type: InteractionType.ApplicationCommand,
      data: {
        id: command?.id ?? snowflake(),
        name: commandName,
        type: ApplicationCommandType.Message,
        ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
        target_id: target.id,
        resolved: { messages: { [target.id]: target } },
      },
    };
  }

  // ----------------------------------------------------------------- dispatch

  /**
   * Dispatch INTERACTION_CREATE on the responsible shard (waits up to `timeoutMs` for a ready
   * gateway connection, e.g. while discord.js resumes). Never throws synchronously; the
   * returned promises are pre-handled, so ignoring them does not cause unhandled rejections.
   */
  sendInteraction<T extends APIInteraction>(interaction: T, options: SendOptions = {}): SentInteraction<T> {
    const since = this.mark();
    const timeoutMs = options.timeoutMs ?? 5_000;
    const state: InteractionState = {
      interaction,
      dispatchedAt: null,
      ack: null,
      originalId: null,
      messageIds: new Set(),
    };
    this.interactions.set(interaction.token, state);
    const dispatched = (async () => {
      const connection = await this.connectionFor(interaction.guild_id, options.shard, timeoutMs);
      if (interaction.member) this.announceRoles(connection, interaction.member.roles);
      state.dispatchedAt = Date.now();
      this.dispatch(connection, GatewayDispatchEvents.InteractionCreate, interaction);
    })();
    const path = `/interactions/${interaction.id}/${interaction.token}/callback`;
    const callback = dispatched.then(() =>
      this.waitForRequest<RESTPostAPIInteractionCallbackJSONBody>(
        (r) => r.method === 'POST' && r.path === path && r.status < 300,
        { since, timeoutMs },
      ),
    );
    dispatched.catch(() => undefined);
    callback.catch(() => undefined);
    return { id: interaction.id, token: interaction.token, interaction, dispatched, callback };
  }

  /** Dispatch MESSAGE_CREATE from a user (default {@link user}) in the guild channel or a DM. */
  async sendMessage(content: string, opts: MessageOptions = {}): Promise<SentMessage> {
    const author: APIUser = opts.bot
      ? { ...this.userFor(opts.userId ?? snowflake()), bot: true }
      : this.userFor(opts.userId);
    const channelId = opts.dm ? this.dmChannelFor(author).id : (opts.channelId ?? this.channelId);
    const mentionIds = [...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1] ?? '');
    const mentions = [...new Set(mentionIds)].map((id) => this.userFor(id));
    const reference = opts.replyTo ? this.messages.get(opts.replyTo) : undefined;
    const base = this.newMessage({ channelId, author, content });
    const stored: APIMessage = {
      ...base,
      mentions,
      mention_roles: [...content.matchAll(/<@&(\d{17,20})>/g)].map((m) => m[1] ?? ''),
      ...(opts.replyTo
        ? {
            type: MessageType.Reply,
            message_reference: {
              message_id: opts.replyTo,
              channel_id: channelId,
              ...(opts.dm ? {} : { guild_id: this.guildId }),
            },
            referenced_message: reference ?? null,
          }
        : {}),
    };
    this.messages.set(stored.id, stored);
    const permissions = DEFAULT_MEMBER_PERMISSIONS;
    const member = opts.dm ? undefined : this.memberFor(author, permissions);
    const message: GatewayMessageCreateDispatchData = {
      ...stored,
      mentions: mentions.map((u) => (opts.dm ? u : { ...u, member: stripUser(this.memberFor(u, permissions)) })),
      ...(opts.dm ? {} : { guild_id: this.guildId, member: stripUser(member!) }),
    };
    const connection = await this.connectionFor(
      opts.dm ? undefined : this.guildId,
      opts.shard,
      opts.timeoutMs ?? 5_000,
    );
    const intents = connection.session?.intents ?? 0;
    const needed = opts.dm ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages;
    if (!hasIntent(intents, needed)) return { message, delivered: false };
    const seesContent =
      hasIntent(intents, GatewayIntentBits.MessageContent) ||
      opts.dm === true ||
      author.id === this.botUser.id ||
      mentions.some((u) => u.id === this.botUser.id);
    const payload: GatewayMessageCreateDispatchData = seesContent
      ? message
      : { ...message, content: '', embeds: [], attachments: [], components: [] };
    if (member) this.announceRoles(connection, member.roles);
    this.dispatch(connection, GatewayDispatchEvents.MessageCreate, payload);
    return { message: payload, delivered: true };
  }

  // ------------------------------------------------------------------ state

  /** Current state of a stored message (replies, edits, follow-ups, channel messages). */
  getMessage(id: string): APIMessage | undefined {
    return this.messages.get(id);
  }

  /** Current state of an interaction's @original response, by interaction token. */
  getOriginal(token: string): APIMessage | undefined {
    const id = this.interactions.get(token)?.originalId;
    return id ? this.messages.get(id) : undefined;
  }

  /** Commands registered with PUT/POST; `guildId` for guild commands. */
  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.commands.get(guildId ?? 'global') ?? [];
  }

  // =================================================================== internals

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private waitUntil<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    if (this.stopped) return Promise.reject(new WaitCancelled('FakeDiscord stopped'));
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        this.cancels.delete(cancel);
      };
      const listener = (): void => {
        const value = find();
        if (value !== undefined) {
          finish();
          resolve(value);
        }
      };
      const cancel = (error: Error): void => {
        finish();
        reject(error);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`FakeDiscord: timed out after ${timeoutMs} ms waiting for ${describe()}`));
      }, timeoutMs);
      this.listeners.add(listener);
      this.cancels.add(cancel);
    });
  }

  private describeRequests(since: number): string {
    const list = this.requests.filter((r) => r.seq > since).map((r) => `${r.method} ${r.path} → ${r.status}`);
    return list.length ? list.join(', ') : '(none)';
  }

  private record<T extends { seq: number }>(list: T[], item: Omit<T, 'seq'>): T {
    const entry = { ...item, seq: ++this.counter } as T;
    list.push(entry);
    this.notify();
    return entry;
  }

  // ------------------------------------------------------------- fixtures

  private userFor(id?: string): APIUser {
    const userId = id ?? this.user.id;
    let user = this.users.get(userId);
    if (!user) {
      user = { id: userId, username: `user${userId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
      this.users.set(userId, user);
    }
    return user;
  }

  private roleFor(permissions: string): APIRole {
    let role = this.roles.get(permissions);
    if (!role) {
      role = {
        id: snowflake(),
        name: `perms-${permissions}`,
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: this.roles.size + 1,
        permissions,
        managed: false,
        mentionable: false,
        flags: 0 as RoleFlags,
      };
      this.roles.set(permissions, role);
    }
    return role;
  }

  private everyoneRole(): APIRole {
    return {
      id: this.guildId,
      name: '@everyone',
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 0,
      permissions: '0',
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    };
  }

  private memberFor(user: APIUser, permissions: string): APIInteractionGuildMember {
    return {
      user,
      roles: [this.roleFor(permissions).id],
      nick: null,
      avatar: null,
      banner: null,
      joined_at: new Date(Number(FIXED_TIME)).toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
      permissions,
    };
  }

  private textChannel(id = this.channelId): APITextChannel {
    return {
      id,
      type: ChannelType.GuildText,
      guild_id: this.guildId,
      name: id === this.channelId ? 'general' : 'random',
      position: id === this.channelId ? 0 : 1,
      permission_overwrites: [],
      nsfw: false,
      topic: null,
      last_message_id: null,
      last_pin_timestamp: null,
      rate_limit_per_user: 0,
      parent_id: null,
    };
  }

  private dmChannelFor(user: APIUser): APIDMChannel {
    let channel = this.dmChannels.get(user.id);
    if (!channel) {
      channel = { id: snowflake(), type: ChannelType.DM, name: null, recipients: [user], last_message_id: null };
      this.dmChannels.set(user.id, channel);
    }
    return channel;
  }

  private guildCreate(): GatewayGuildCreateDispatchData {
    const botRole = this.roleFor(DEFAULT_MEMBER_PERMISSIONS);
    const botMember: APIGuildMember = { ...stripPermissions(this.memberFor(this.botUser, botRole.permissions)) };
    return {
      id: this.guildId,
      name: 'Fake Guild',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: GuildVerificationLevel.None,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.Disabled,
      roles: [this.everyoneRole(), ...this.roles.values()],
      emojis: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0 as GuildSystemChannelFlags,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: GuildPremiumTier.None,
      preferred_locale: Locale.EnglishUS,
      public_updates_channel_id: null,
      nsfw_level: GuildNSFWLevel.Default,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
      stickers: [],
      joined_at: new Date(Number(FIXED_TIME)).toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [botMember],
      channels: [this.textChannel(), this.textChannel(this.otherChannelId)],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private baseInteraction(opts: InteractionOptions) {
    const id = snowflake();
    const user = this.userFor(opts.userId);
    const permissions = opts.permissions ?? DEFAULT_MEMBER_PERMISSIONS;
    const common = {
      id,
      application_id: this.applicationId,
      token: `fake-interaction-token-${id}-${randomBytes(6).toString('hex')}`,
      version: 1 as const,
      app_permissions: this.roleFor(DEFAULT_MEMBER_PERMISSIONS).permissions,
      locale: opts.locale ?? Locale.EnglishUS,
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
    };
    const context = opts.context ?? (opts.dm ? 'bot-dm' : 'guild');
    const installs = opts.installs ?? ['guild'];
    // Discord's keys: "0" the server's install (its id, or "0" outside a server), "1" the user's (their id).
    const owners = (guildId: string) => ({
      ...(installs.includes('guild') ? { [ApplicationIntegrationType.GuildInstall]: guildId } : {}),
      ...(installs.includes('user') ? { [ApplicationIntegrationType.UserInstall]: user.id } : {}),
    });
    if (context === 'private-channel') {
      const channel = {
        id: snowflake(),
        type: ChannelType.GroupDM as const,
        name: 'friends',
        icon: null,
        owner_id: user.id,
        recipients: [user],
        last_message_id: null,
      };
      return {
        ...common,
        user,
        channel,
        channel_id: channel.id,
        context: InteractionContextType.PrivateChannel,
        authorizing_integration_owners: owners('0'),
      };
    }
    if (context === 'bot-dm') {
      const channel = this.dmChannelFor(user);
      return {
        ...common,
        user,
        channel,
        channel_id: channel.id,
        context: InteractionContextType.BotDM,
        authorizing_integration_owners: owners('0'),
      };
    }
    return {
      ...common,
      guild_id: this.guildId,
      guild: { id: this.guildId, locale: Locale.EnglishUS, features: [] },
      guild_locale: Locale.EnglishUS,
      member: this.memberFor(user, permissions),
      channel: this.textChannel(),
      channel_id: this.channelId,
      context: InteractionContextType.Guild,
      authorizing_integration_owners: owners(this.guildId),
    };
  }

  private findCommand(name: string, type: ApplicationCommandType): APIApplicationCommand | undefined {
    for (const list of [this.commands.get(this.guildId), this.commands.get('global')]) {
      const found = list?.find((c) => c.name === name && c.type === type);
      if (found) return found;
    }
    return undefined;
  }

  private newMessage(init: {
    channelId: string;
    author: APIUser;
    content?: string;
    embeds?: APIEmbed[];
    components?: APIMessageTopLevelComponent[];
    attachments?: APIAttachment[];
    flags?: number;
  }): APIMessage {
    return {
      id: snowflake(),
      channel_id: init.channelId,
      author: init.author,
      content: init.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: init.attachments ?? [],
      embeds: init.embeds ?? [],
      pinned: false,
      type: MessageType.Default,
      flags: init.flags ?? 0,
      components: init.components ?? [],
    };
  }

  /**
   * Attachments for uploaded files. `files[n]` is described by the body's `attachments`
   * entry with id n (its `description` is the alt text, at most 1,024 characters).
   */
  private attachmentsFrom(files: RecordedFile[], declared: MessageFields['attachments'] = []): APIAttachment[] {
    return files.map((file) => {
      const id = snowflake();
      const index = /\[(\d+)\]/.exec(file.field)?.[1];
      const entry = declared.find((a) => String(a.id) === index);
      const path = `/attachments/${this.channelId}/${id}/${encodeURIComponent(file.filename)}`;
      this.uploads.set(path, file);
      const url = `http://127.0.0.1:${this.port}${path}`;
      return {
        id,
        filename: file.filename,
        size: file.data.length,
        url,
        proxy_url: url,
        content_type: file.contentType,
        ...(typeof entry?.description === 'string' ? { description: entry.description } : {}),
      };
    });
  }

  /** Build a new message from a create body. */
  private messageFromBody(
    fields: MessageFields,
    files: RecordedFile[],
    init: { channelId: string; author: APIUser; flags?: number; extra?: Partial<APIMessage> },
  ): APIMessage {
    const keepFlags =
      MessageFlags.Ephemeral |
      MessageFlags.SuppressEmbeds |
      MessageFlags.SuppressNotifications |
      MessageFlags.IsComponentsV2;
    return {
      ...this.newMessage({
        channelId: init.channelId,
        author: init.author,
        content: fields.content ?? '',
        embeds: fields.embeds ?? [],
        components: fields.components ?? [],
        attachments: this.attachmentsFrom(files, fields.attachments),
        flags: (init.flags ?? 0) | ((fields.flags ?? 0) & keepFlags),
      }),
      tts: fields.tts ?? false,
      ...init.extra,
    };
  }

  /** Apply an edit body to a stored message. */
  private editMessage(message: APIMessage, fields: MessageFields, files: RecordedFile[]): APIMessage {
    let attachments = message.attachments;
    if (fields.attachments) {
      const keep = new Set(fields.attachments.map((a) => String(a.id)));
      attachments = attachments.filter((a) => keep.has(a.id));
    }
    const flagsIn = fields.flags ?? 0;
    const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
    let flags = (message.flags ?? 0) & ~MessageFlags.Loading;
    if (fields.flags !== undefined) {
      flags =
        (flags & ~MessageFlags.SuppressEmbeds) |
        (flagsIn & (MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2));
    }
    return {
      ...message,
      content: fields.content ?? message.content,
      embeds: fields.embeds ?? message.embeds,
      components: fields.components ?? message.components ?? [],
      attachments: [...attachments, ...this.attachmentsFrom(files, fields.attachments)],
      flags,
      edited_timestamp: wasLoading ? null : new Date().toISOString(),
    };
  }

  // -------------------------------------------------------------- gateway

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    const connection: Connection = {
      socket,
      path: url.pathname,
      session: null,
      ready: false,
      compress: false,
      pending: null,
    };
    this.connections.add(connection);
    socket.on('close', () => {
      connection.ready = false;
      this.connections.delete(connection);
      if (connection.session?.connection === connection) connection.session.connection = null;
      this.notify();
    });
    socket.on('error', () => undefined);
    socket.on('message', (data, isBinary) => this.onGatewayMessage(connection, data, isBinary));

    const version = url.searchParams.get('v');
    if (version !== null && version !== '10') {
      socket.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') {
      socket.close(GatewayCloseCodes.DecodeError, 'fake-discord only speaks encoding=json');
      return;
    }
    if (url.searchParams.has('compress')) {
      // Only requested by discord.js when the optional zlib-sync package is installed.
      socket.close(GatewayCloseCodes.DecodeError, 'fake-discord does not support transport compression');
      return;
    }
    this.send(connection, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
  }

  private send(connection: Connection, payload: unknown): void {
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    const text = JSON.stringify(payload);
    if (connection.compress) connection.socket.send(deflateSync(text));
    else connection.socket.send(text);
  }

  private dispatch(connection: Connection, t: GatewayDispatchEvents, d: unknown): void {
    const session = connection.session;
    if (!session) throw new Error('FakeDiscord: dispatch on a connection without a session');
    session.seq += 1;
    this.send(connection, { op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
  }

  private onGatewayMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: unknown;
    try {
      const text = Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : Buffer.from(data as ArrayBuffer).toString('utf8');
      payload = isBinary ? undefined : (JSON.parse(text) as unknown);
    } catch {
      payload = undefined;
    }
    if (!isRecord(payload) || typeof payload['op'] !== 'number') {
      connection.socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const d = payload['d'];
    switch (payload['op']) {
      case GatewayOpcodes.Heartbeat:
        if (!connection.pending) this.heartbeats += 1;
        this.send(connection, { op: GatewayOpcodes.HeartbeatAck });
        if (connection.pending) {
          connection.pending.confirmed = true;
          connection.pending = null;
          connection.ready = true;
          this.notify();
        }
        return;
      case GatewayOpcodes.Identify:
        this.onIdentify(connection, d);
        return;
      case GatewayOpcodes.Resume:
        this.onResume(connection, d);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!connection.session) connection.socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        return;
      default:
        connection.socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private tokenOk(token: unknown): boolean {
    if (typeof token !== 'string' || token.length === 0) return false;
    const bare = token.replace(/^Bot /, '');
    return this.options.token === undefined || bare === this.options.token;
  }

  private onIdentify(connection: Connection, d: unknown): void {
    if (connection.session) {
      connection.socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (!isRecord(d) || !this.tokenOk(d['token'])) {
      connection.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const intents = d['intents'];
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0) {
      connection.socket.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
      return;
    }
    if (intents & PRIVILEGED_INTENTS & ~this.options.privilegedIntents) {
      connection.socket.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    const rawShard = d['shard'];
    let shard: [number, number] = [0, 1];
    if (Array.isArray(rawShard)) {
      const [id, count] = rawShard as unknown[];
      if (typeof id !== 'number' || typeof count !== 'number' || count < 1 || id < 0 || id >= count) {
        connection.socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
        return;
      }
      shard = [id, count];
    }
    connection.compress = d['compress'] === true;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      shard,
      intents,
      seq: 0,
      connection,
      announcedRoles: new Set(),
    };
    this.sessions.set(session.id, session);
    connection.session = session;

    const hasGuild = this.options.withGuild && guildShard(this.guildId, shard[1]) === shard[0];
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.botUser,
      guilds: hasGuild ? [{ id: this.guildId, unavailable: true }] : [],
      session_id: session.id,
      resume_gateway_url: `ws://127.0.0.1:${this.port}/resume`,
      shard,
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.dispatch(connection, GatewayDispatchEvents.Ready, ready);
    if (hasGuild && hasIntent(intents, GatewayIntentBits.Guilds)) {
      const guild = this.guildCreate();
      for (const role of guild.roles) session.announcedRoles.add(role.id);
      this.dispatch(connection, GatewayDispatchEvents.GuildCreate, guild);
    }
    this.confirmSession(connection, {
      kind: 'identify',
      ok: true,
      shard,
      sessionId: session.id,
      intents,
      path: connection.path,
    });
  }

  /**
   * The session only counts as established (connection usable for dispatch, SessionEvent recorded)
   * once discord.js has processed READY/RESUMED. To know that, ask for a heartbeat (op 1): discord.js
   * answers it right after handling the frames before it. Without this, a test could destroy the
   * client between our READY and discord.js handling it, which makes @discordjs/ws's pending
   * waitForEvent('ready') schedule a reconnect and `client.destroy()` never resolve.
   */
  private confirmSession(connection: Connection, event: Omit<SessionEvent, 'seq' | 'at' | 'confirmed'>): void {
    connection.pending = this.record(this.sessionEvents, { ...event, confirmed: false, at: Date.now() });
    this.send(connection, { op: GatewayOpcodes.Heartbeat, d: null });
  }

  private onResume(connection: Connection, d: unknown): void {
    if (connection.session) {
      connection.socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (!isRecord(d) || !this.tokenOk(d['token'])) {
      connection.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const session = typeof d['session_id'] === 'string' ? this.sessions.get(d['session_id']) : undefined;
    if (!session) {
      this.send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      this.record(this.sessionEvents, {
        kind: 'resume',
        ok: false,
        shard: [0, 1],
        sessionId: String(d['session_id']),
        intents: 0,
        path: connection.path,
        confirmed: false,
        at: Date.now(),
      });
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection) {
      previous.ready = false;
      previous.socket.terminate();
    }
    session.connection = connection;
    connection.session = session;
    // Nothing is replayed: the fake only dispatches on ready connections.
    this.dispatch(connection, GatewayDispatchEvents.Resumed, {});
    this.confirmSession(connection, {
      kind: 'resume',
      ok: true,
      shard: session.shard,
      sessionId: session.id,
      intents: session.intents,
      path: connection.path,
    });
  }

  private connectionFor(
    guildId: string | undefined,
    shard: number | undefined,
    timeoutMs: number,
  ): Promise<Connection> {
    const wanted = (): number | undefined => {
      if (shard !== undefined) return shard;
      const sessions = [...this.sessions.values()];
      const count = sessions.at(-1)?.shard[1];
      if (count === undefined) return undefined;
      const target = guildId ? guildShard(guildId, count) : 0;
      // Fall back to any shard when no session ever claimed the responsible one.
      return sessions.some((s) => s.shard[0] === target) ? target : undefined;
    };
    return this.waitUntil(
      () => {
        const ready = [...this.connections].filter((c) => c.ready && c.session);
        const target = wanted();
        return target === undefined ? ready[0] : ready.find((c) => c.session?.shard[0] === target);
      },
      timeoutMs,
      () => `a ready gateway connection${shard === undefined ? '' : ` for shard ${shard}`} (did the client log in?)`,
    );
  }

  private announceRoles(connection: Connection, roleIds: string[]): void {
    const session = connection.session;
    if (!session || !hasIntent(session.intents, GatewayIntentBits.Guilds)) return;
    for (const role of this.roles.values()) {
      if (!roleIds.includes(role.id) || session.announcedRoles.has(role.id)) continue;
      session.announcedRoles.add(role.id);
      const data: GatewayGuildRoleCreateDispatchData = { guild_id: this.guildId, role };
      this.dispatch(connection, GatewayDispatchEvents.GuildRoleCreate, data);
    }
  }

  // ----------------------------------------------------------------- REST

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const prefix = '/api/v10';
    const versioned = url.pathname.startsWith(`${prefix}/`);
    // discord.js percent-encodes route segments (`@original` arrives as `%40original`).
    const rawPath = versioned ? url.pathname.slice(prefix.length) : url.pathname;
    const path = rawPath.split('/').map(safeDecode).join('/');

    let body: unknown;
    let files: RecordedFile[] = [];
    let reply: Reply;
    let injected = false;
    let delayMs = 0;
    try {
      ({ body, files } = await parseBody(await readBody(req), headers['content-type'] ?? ''));
      const fault = this.takeFault(method, path);
      if (fault) {
        injected = true;
        delayMs = fault.delayMs ?? 0;
        reply = this.faultReply(fault);
      } else if (!versioned) {
        const upload = method === 'GET' ? this.uploads.get(url.pathname) : undefined;
        if (upload) {
          res.writeHead(200, { 'content-type': upload.contentType, 'content-length': upload.data.length });
          res.end(upload.data);
          return;
        }
        reply = apiError(404, 0, '404: Not Found');
      } else {
        reply = this.route({ method, path, query: url.searchParams, headers, body, files });
      }
    } catch (error) {
      reply = apiError(500, 0, `fake-discord internal error: ${String(error)}`);
    }

    this.record(this.requests, {
      method,
      path,
      query: toRecordedQuery(url.searchParams),
      headers,
      body,
      files,
      status: reply.status,
      response: reply.body,
      injected,
      receivedAt,
    });
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));

    const out: Record<string, string> = { ...reply.headers };
    if (reply.body !== undefined) out['content-type'] = 'application/json';
    res.writeHead(reply.status, out);
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  }

  private takeFault(method: string, path: string): FaultResponse | undefined {
    const index = this.faults.findIndex(
      (f) =>
        (f.method === undefined || f.method === method) &&
        (f.path === undefined || (typeof f.path === 'string' ? f.path === path : f.path.test(path))),
    );
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.response;
  }

  private faultReply(fault: FaultResponse): Reply {
    if (fault.status !== 429) {
      const message =
        fault.status >= 500 ? `${fault.status}: Internal Server Error` : `${fault.status}: Injected error`;
      return { status: fault.status, body: fault.body ?? { message, code: 0 }, headers: fault.headers ?? {} };
    }
    const retryAfter = fault.retryAfter ?? 0.1;
    const global = fault.global ?? false;
    const headers: Record<string, string> = {
      'retry-after': String(retryAfter),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter),
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-scope': global ? 'global' : 'user',
      ...(global ? { 'x-ratelimit-global': 'true' } : {}),
    };
    for (const [key, value] of Object.entries(fault.headers ?? {})) headers[key.toLowerCase()] = value;
    return {
      status: 429,
      body: fault.body ?? { message: 'You are being rate limited.', retry_after: retryAfter, global },
      headers,
    };
  }

  private route(ctx: RequestContext): Reply {
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(ctx.path);
      if (!match) continue;
      pathMatched = true;
      if (!route.methods.includes(ctx.method)) continue;
      if (route.auth) {
        const auth = ctx.headers['authorization'];
        if (!auth || !auth.startsWith('Bot ') || !this.tokenOk(auth)) return apiError(401, 0, '401: Unauthorized');
      }
      return route.handle(ctx, match.groups ?? {});
    }
    return pathMatched ? apiError(405, 0, '405: Method Not Allowed') : apiError(404, 0, '404: Not Found');
  }

  private buildRoutes(): Route[] {
    const r = (methods: string[], pattern: RegExp, auth: boolean, handle: Route['handle']): Route => ({
      methods,
      pattern,
      auth,
      handle,
    });
    return [
      r(['GET'], /^\/gateway\/bot$/, true, () => {
        const info: APIGatewayBotInfo = {
          url: this.gatewayUrl,
          shards: this.options.shards,
          session_start_limit: {
            total: 1000,
            remaining: 1000,
            reset_after: 86_400_000,
            max_concurrency: this.options.maxConcurrency,
          },
        };
        return { status: 200, body: info };
      }),
      r(['GET'], /^\/gateway$/, false, () => ({ status: 200, body: { url: this.gatewayUrl } })),
      r(['GET'], /^\/users\/@me$/, true, () => ({ status: 200, body: this.botUser })),
      r(['GET'], /^\/applications\/@me$/, true, () => ({ status: 200, body: this.application() })),
      r(['POST'], /^\/interactions\/(?<id>\d+)\/(?<token>[^/]+)\/callback$/, false, (ctx, p) =>
        this.onCallback(ctx, p),
      ),
      r(
        ['GET', 'PATCH', 'DELETE'],
        /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)\/messages\/(?<mid>@original|\d+)$/,
        false,
        (ctx, p) => this.onWebhookMessage(ctx, p),
      ),
      r(['POST'], /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)$/, false, (ctx, p) => this.onFollowUp(ctx, p)),
      r(['GET', 'PUT', 'POST'], /^\/applications\/(?<app>\d+)\/commands$/, true, (ctx, p) => this.onCommands(ctx, p)),
      r(['GET', 'PUT', 'POST'], /^\/applications\/(?<app>\d+)\/guilds\/(?<guild>\d+)\/commands$/, true, (ctx, p) =>
        this.onCommands(ctx, p),
      ),
      r(['GET'], /^\/channels\/(?<channel>\d+)$/, true, (_ctx, p) => {
        const channel = this.channelById(p['channel']);
        return channel ? { status: 200, body: channel } : apiError(404, 10003, 'Unknown Channel');
      }),
      r(['POST'], /^\/channels\/(?<channel>\d+)\/typing$/, true, (_ctx, p) =>
        this.channelById(p['channel']) ? { status: 204 } : apiError(404, 10003, 'Unknown Channel'),
      ),
      r(['POST'], /^\/channels\/(?<channel>\d+)\/messages$/, true, (ctx, p) => this.onChannelMessageCreate(ctx, p)),
      r(['GET', 'PATCH', 'DELETE'], /^\/channels\/(?<channel>\d+)\/messages\/(?<mid>\d+)$/, true, (ctx, p) =>
        this.onChannelMessage(ctx, p),
      ),
    ];
  }

  private application(): APIApplication {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: '',
      bot_public: true,
      bot_require_code_grant: false,
      summary: '',
      verify_key: '0'.repeat(64),
      team: null,
      flags: 0 as ApplicationFlags,
      flags_new: '0',
      bot: this.botUser,
      owner: this.userFor(this.ownerId),
    };
  }

  private channelById(id: string | undefined): APITextChannel | APIDMChannel | undefined {
    if (id === this.channelId || id === this.otherChannelId) return this.textChannel(id);
    return [...this.dmChannels.values()].find((c) => c.id === id);
  }

  private onCallback(ctx: RequestContext, p: Record<string, string | undefined>): Reply {
    const state = p['token'] ? this.interactions.get(p['token']) : undefined;
    const unknown = apiError(404, 10062, 'Unknown interaction');
    if (!state || state.interaction.id !== p['id'] || state.dispatchedAt === null) return unknown;
    const limit = this.options.interactionTimeoutMs;
    if (limit > 0 && Date.now() - state.dispatchedAt > limit) return unknown;
    if (state.ack !== null) return apiError(400, 40060, 'Interaction has already been acknowledged.');
    const body = ctx.body;
    if (!isRecord(body) || typeof body['type'] !== 'number') {
      return formError(['type'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
    const type = body['type'] as InteractionResponseType;
    const interaction = state.interaction;
    const allowed: Partial<Record<InteractionType, InteractionResponseType[]>> = {
      [InteractionType.ApplicationCommand]: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.Modal,
        InteractionResponseType.LaunchActivity,
      ],
      [InteractionType.MessageComponent]: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.Modal,
      ],
      [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
      [InteractionType.ModalSubmit]: [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
      ],
    };
    if (!(allowed[interaction.type] ?? []).includes(type)) {
      return formError(
        ['type'],
        'INTERACTION_RESPONSE_TYPE_INVALID',
        'Interaction response type is invalid for this interaction',
      );
    }
    const data = body['data'];
    const fields = readMessageFields(data);
    const channelId = interaction.channel?.id ?? this.channelId;
    const metadata = {
      interaction_metadata: {
        id: interaction.id,
        type: interaction.type,
        user: interaction.user ?? interaction.member?.user ?? this.user,
        authorizing_integration_owners: interaction.authorizing_integration_owners,
      },
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      type:
        interaction.type === InteractionType.ApplicationCommand
          ? interaction.data.type === ApplicationCommandType.ChatInput
            ? MessageType.ChatInputCommand
            : MessageType.ContextMenuCommand
          : MessageType.Default,
    } as Partial<APIMessage>;

    let message: APIMessage | undefined;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const invalid = validateMessageFields(fields, ['data']);
        if (invalid) return invalid;
        message = this.messageFromBody(fields, ctx.files, { channelId, author: this.botUser, extra: metadata });
        if (isEmptyMessage(message)) return apiError(400, 50006, 'Cannot send an empty message');
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource:
        message = this.messageFromBody({}, [], {
          channelId,
          author: this.botUser,
          flags: MessageFlags.Loading | ((fields.flags ?? 0) & MessageFlags.Ephemeral),
          extra: metadata,
        });
        break;
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        const target = interaction.message
          ? (this.messages.get(interaction.message.id) ?? interaction.message)
          : undefined;
        if (!target) return apiError(404, 10008, 'Unknown Message');
        if (type === InteractionResponseType.UpdateMessage) {
          const invalid = validateMessageFields(fields, ['data']);
          if (invalid) return invalid;
          message = this.editMessage(target, fields, ctx.files);
          if (isEmptyMessage(message)) return apiError(400, 50006, 'Cannot send an empty message');
        } else {
          message = target;
        }
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const choices = isRecord(data) ? data['choices'] : undefined;
        if (!Array.isArray(choices))
          return formError(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
        if (choices.length > 25)
          return formError(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
        for (const [i, choice] of choices.entries()) {
          const name = isRecord(choice) ? choice['name'] : undefined;
          const value = isRecord(choice) ? choice['value'] : undefined;
          if (typeof name !== 'string' || name.length < 1 || name.length > 100) {
            return formError(
              ['data', 'choices', String(i), 'name'],
              'BASE_TYPE_BAD_LENGTH',
              'Must be between 1 and 100 in length.',
            );
          }
          if (typeof value === 'string' ? value.length > 100 : typeof value !== 'number') {
            return formError(
              ['data', 'choices', String(i), 'value'],
              'BASE_TYPE_BAD_LENGTH',
              'Must be between 1 and 100 in length.',
            );
          }
        }
        break;
      }
      default:
        break;
    }
    state.ack = type;
    if (message) {
      this.messages.set(message.id, message);
      state.originalId = message.id;
      state.messageIds.add(message.id);
    }
    if (ctx.query.get('with_response') !== 'true') return { status: 204 };
    const result: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: {
        id: interaction.id,
        type: interaction.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: ((message.flags ?? 0) & MessageFlags.Loading) !== 0,
              response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      resource: {
        type,
        ...(message &&
        (type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage)
          ? { message }
          : {}),
      },
    };
    return { status: 200, body: result };
  }

  private webhookState(p: Record<string, string | undefined>): InteractionState | Reply {
    const state = p['token'] ? this.interactions.get(p['token']) : undefined;
    if (
      !state ||
      p['app'] !== this.applicationId ||
      state.ack === null ||
      state.ack === InteractionResponseType.ApplicationCommandAutocompleteResult
    ) {
      return apiError(404, 10015, 'Unknown Webhook');
    }
    return state;
  }

  private onWebhookMessage(ctx: RequestContext, p: Record<string, string | undefined>): Reply {
    const state = this.webhookState(p);
    if (!('interaction' in state)) return state;
    const id = p['mid'] === '@original' ? state.originalId : p['mid'];
    const message = id && state.messageIds.has(id) ? this.messages.get(id) : undefined;
    if (!id || !message) return apiError(404, 10008, 'Unknown Message');
    if (ctx.method === 'GET') return { status: 200, body: message };
    if (ctx.method === 'DELETE') {
      this.messages.delete(id);
      return { status: 204 };
    }
    const fields = readMessageFields(ctx.body);
    const invalid = validateMessageFields(fields, []);
    if (invalid) return invalid;
    const edited = this.editMessage(message, fields, ctx.files);
    if (isEmptyMessage(edited)) return apiError(400, 50006, 'Cannot send an empty message');
    this.messages.set(id, edited);
    return { status: 200, body: edited };
  }

  private onFollowUp(ctx: RequestContext, p: Record<string, string | undefined>): Reply {
    const state = this.webhookState(p);
    if (!('interaction' in state)) return state;
    const fields = readMessageFields(ctx.body);
    const invalid = validateMessageFields(fields, []);
    if (invalid) return invalid;
    const original = state.originalId ? this.messages.get(state.originalId) : undefined;
    if (original && ((original.flags ?? 0) & MessageFlags.Loading) !== 0) {
      // Discord: the first follow-up after a deferred reply replaces the loading message.
      const edited = this.editMessage(original, fields, ctx.files);
      if (isEmptyMessage(edited)) return apiError(400, 50006, 'Cannot send an empty message');
      this.messages.set(edited.id, edited);
      return { status: 200, body: edited };
    }
    const message = this.messageFromBody(fields, ctx.files, {
      channelId: state.interaction.channel?.id ?? this.channelId,
      author: this.botUser,
      extra: {
        webhook_id: this.applicationId,
        application_id: this.applicationId,
        // Discord marks follow-ups, like the original, with the interaction and who invoked it.
        interaction_metadata: {
          id: state.interaction.id,
          type: state.interaction.type,
          user: state.interaction.user ?? state.interaction.member?.user ?? this.user,
          authorizing_integration_owners: state.interaction.authorizing_integration_owners,
        },
      } as Partial<APIMessage>,
    });
    if (isEmptyMessage(message)) return apiError(400, 50006, 'Cannot send an empty message');
    this.messages.set(message.id, message);
    state.messageIds.add(message.id);
    return { status: 200, body: message };
  }

  private onCommands(ctx: RequestContext, p: Record<string, string | undefined>): Reply {
    if (p['app'] !== this.applicationId) return apiError(403, 50001, 'Missing Access');
    const guildId = p['guild'];
    if (guildId !== undefined && guildId !== this.guildId) return apiError(403, 50001, 'Missing Access');
    const key = guildId ?? 'global';
    const existing = this.commands.get(key) ?? [];
    if (ctx.method === 'GET') return { status: 200, body: existing };
    const toCommand = (raw: Record<string, unknown>): APIApplicationCommand => {
      const type = (raw['type'] as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
      const previous = existing.find((c) => c.name === raw['name'] && c.type === type);
      return {
        ...(raw as Partial<APIApplicationCommand>),
        id: previous?.id ?? snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        type,
        name: String(raw['name']),
        description: typeof raw['description'] === 'string' ? raw['description'] : '',
        default_member_permissions: (raw['default_member_permissions'] as string | null | undefined) ?? null,
        ...(guildId ? { guild_id: guildId } : {}),
      };
    };
    if (ctx.method === 'PUT') {
      const invalid = validateCommands(ctx.body);
      if (invalid) return invalid;
      const list = (ctx.body as Record<string, unknown>[]).map(toCommand);
      this.commands.set(key, list);
      return { status: 200, body: list };
    }
    const invalid = validateCommand(ctx.body, []);
    if (invalid) return invalid;
    const command = toCommand(ctx.body as Record<string, unknown>);
    const isNew = !existing.some((c) => c.id === command.id);
    this.commands.set(key, [...existing.filter((c) => c.id !== command.id), command]);
    return { status: isNew ? 201 : 200, body: command };
  }

  private onChannelMessageCreate(ctx: RequestContext, p: Record<string, string | undefined>): Reply {
    const channel = this.channelById(p['channel']);
    if (!channel) return apiError(404, 10003, 'Unknown Channel');
    const fields = readMessageFields(ctx.body);
    const invalid = validateMessageFields(fields, []);
    if (invalid) return invalid;
    const referenceId = fields.message_reference?.message_id;
    const referenced = referenceId ? this.messages.get(referenceId) : undefined;
    if (referenceId && !referenced) {
      return formError(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
    }
    const message = this.messageFromBody(fields, ctx.files, {
      channelId: channel.id,
      author: this.botUser,
      extra: referenced
        ? {
            type: MessageType.Reply,
            message_reference: {
              message_id: referenced.id,
              channel_id: channel.id,
              ...(channel.type === ChannelType.GuildText ? { guild_id: this.guildId } : {}),
            },
            referenced_message: referenced,
          }
        : {},
    });
    if (isEmptyMessage(message)) return apiError(400, 50006, 'Cannot send an empty message');
    this.messages.set(message.id, message);
    return { status: 200, body: message };
  }

  private onChannelMessage(ctx: RequestContext, p: Record<string, string | undefined>): Reply {
    const id = p['mid'];
    const message = id ? this.messages.get(id) : undefined;
    if (!id || !message || message.channel_id !== p['channel']) return apiError(404, 10008, 'Unknown Message');
    if (ctx.method === 'GET') return { status: 200, body: message };
    if (ctx.method === 'DELETE') {
      this.messages.delete(id);
      return { status: 204 };
    }
    if (message.author.id !== this.botUser.id)
      return apiError(403, 50005, 'Cannot edit a message authored by another user');
    const fields = readMessageFields(ctx.body);
    const invalid = validateMessageFields(fields, []);
    if (invalid) return invalid;
    const edited = this.editMessage(message, fields, ctx.files);
    if (isEmptyMessage(edited)) return apiError(400, 50006, 'Cannot send an empty message');
    this.messages.set(id, edited);
    return { status: 200, body: edited };
  }
}

// ---------------------------------------------------------------------------
// Small helpers used above
// ---------------------------------------------------------------------------

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function describeMatcher(matcher: RequestMatcher): string {
  if (typeof matcher === 'function') return 'predicate';
  return `${matcher.method ?? '*'} ${String(matcher.path ?? '*')}${matcher.status === undefined ? '' : ` (${matcher.status})`}`;
}

function stripPermissions(member: APIInteractionGuildMember): APIGuildMember {
  const { permissions: _permissions, ...rest } = member;
  return rest;
}

function stripUser(member: APIInteractionGuildMember) {
  const { user: _user, permissions: _permissions, ...rest } = member;
  return { ...rest, joined_at: rest.joined_at ?? new Date(Number(FIXED_TIME)).toISOString() };
}

type AnyDataOption = APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>;

function flattenLeaves(options: AnyDataOption[]): AnyDataOption[] {
  return options.flatMap((o) =>
    o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup
      ? flattenLeaves((o.options ?? []) as AnyDataOption[])
      : [o],
  );
}

function isFocusable(o: AnyDataOption): boolean {
  return (
    o.type === ApplicationCommandOptionType.String ||
    o.type === ApplicationCommandOptionType.Integer ||
    o.type === ApplicationCommandOptionType.Number
  );
}
