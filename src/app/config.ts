import path from 'node:path';
import { statSync } from 'node:fs';
import dotenv from 'dotenv';
import { z } from 'zod';
import { LOCALES } from '../messages/message.ts';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const count = z.string().regex(/^\d+$/, 'must be a whole number').transform(Number);

/** "0-3" or "0,2,5-7": the shard ids this machine runs, ascending. */
function parseShardIds(text: string): number[] {
  const ids = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    for (let id = from; id <= to!; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

const ConfigSchema = z
  .object({
    DISCORD_TOKEN: z.string().trim().min(1).optional(),
    DISCORD_APPLICATION_ID: snowflake.optional(),
    DISCORD_GUILD_ID: snowflake.optional(),
    /** REST base for a proxy or a local stand-in, like http://127.0.0.1:8080/api (discord.js adds /v10). */
    DISCORD_API_URL: z.url({ protocol: /^https?$/ }).optional(),
    CORPUS_DIR: z.string().min(1).default('corpus'),
    /** The console's and the one-shot CLI's language; Discord answers in each member's own. */
    FOOTNOTE_LANG: z.enum(LOCALES).default('en'),
    /** Answer "@Footnote <question>" in chat. Needs the privileged Message Content intent (Developer Portal → Bot). */
    ANSWER_MENTIONS: z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default('false')
      .transform((v) => ['true', '1', 'yes'].includes(v)),
    /** The console's history file (an absolute path). Unset: $XDG_STATE_HOME/footnote/history, else ~/.footnote_history. */
    FOOTNOTE_HISTORY: z
      .string()
      .refine((p) => path.isAbsolute(p), 'must be an absolute path (the history belongs with you, not the project)')
      .optional(),
    /** Lines the console's history keeps (unset: 1000); 0 keeps none. */
    FOOTNOTE_HISTORY_SIZE: count.optional(),
    /**
     * redis:// or rediss://: machines sharing one bot publish each corpus reload here and
     * follow one another's. Unset: a reload reaches this machine's shards only.
     */
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    /**
     * The SQLite file that keeps refused /ask questions and 👎 answers for /gaps (no user ids).
     * Its folder must exist; "off" keeps nothing. Shards in several processes may share it.
     */
    FEEDBACK_DB: z.string().min(1).default('footnote-feedback.db'),
    /** Days a kept question stays; older ones are deleted at start and daily. */
    FEEDBACK_RETENTION_DAYS: count.pipe(z.number().int().min(1, 'must be at least 1')).default(90),
    /** Where a digest of each article a reload adds is posted; unset, none is. */
    ANNOUNCE_CHANNEL_ID: snowflake.optional(),
    /** Unset: info for the bot, warn for the console, where log lines would interleave with answers. */
    LOG_LEVEL: z
      .string()
      .transform((v) => v.toLowerCase())
      .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']))
      .optional(),
    // Sharding (npm run start:sharded). Not SHARD_COUNT or SHARDS: discord.js's client reads those itself.
    /** Shards in all: "auto" (unset) takes Discord's recommendation; a number fixes the total, as several machines sharing one bot need. */
    SHARD_TOTAL: z.union([z.literal('auto'), count.pipe(z.number().int().min(1, 'must be at least 1'))]).optional(),
    /** The shard ids this machine runs, "0-3" or "0,2,5-7", of a fixed SHARD_TOTAL. Unset: all of them. */
    SHARD_IDS: z
      .string()
      .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, 'must be ids or ranges like "0-3" or "0,2,5-7"')
      .transform(parseShardIds)
      .optional(),
    /** Wait between starting two shard processes (unset: 5500): Discord accepts one login per 5 s per max_concurrency bucket. */
    SHARD_SPAWN_DELAY_MS: count.optional(),
    /**
     * Processes the shards of this machine run in (unset: one per CPU core, never more than
     * there are shards). Each holds the corpus once, whatever number of shards it serves.
     */
    SHARD_PROCESSES: count.pipe(z.number().int().min(1, 'must be at least 1')).optional(),
  })
  .superRefine((config, ctx) => {
    // Runs even when a field failed its own check: look only at well-formed values.
    const total = config.SHARD_TOTAL;
    if (!Array.isArray(config.SHARD_IDS)) return;
    if (typeof total !== 'number') {
      ctx.addIssue({
        code: 'custom',
        path: ['SHARD_IDS'],
        message: 'needs a fixed SHARD_TOTAL: machines sharing a bot must agree on the total',
      });
    } else if (config.SHARD_IDS.some((id) => id >= total)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SHARD_IDS'],
        message: 'holds an id not below SHARD_TOTAL (ids count from 0)',
      });
    } else if (config.SHARD_IDS.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['SHARD_IDS'], message: 'holds no shard (a range like "3-1" is empty)' });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/**
 * The environment, parsed once at start. Problems name the setting, never its
 * value: a token pasted into the wrong variable must not end up in a log.
 */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  // An empty line in .env (DISCORD_GUILD_ID=) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(
    lines.length === 1 ? `Invalid configuration: ${lines[0]}` : `Invalid configuration:\n  ${lines.join('\n  ')}`,
  );
}

/** Loads .env (if any) into process.env, then parses it and checks CORPUS_DIR is a folder. */
export function loadConfig(): Config {
  dotenv.config({ quiet: true });
  const config = parseConfig(process.env);
  checkCorpusDir(config.CORPUS_DIR);
  return config;
}

/** A missing CORPUS_DIR, or one naming a file, is a setting to fix, not a list of files the loader could not find. */
export function checkCorpusDir(dir: string): void {
  let stats;
  try {
    stats = statSync(dir);
  } catch {
    throw new ConfigError(`Invalid configuration: CORPUS_DIR is ${dir}, which does not exist.`);
  }
  if (!stats.isDirectory())
    throw new ConfigError(`Invalid configuration: CORPUS_DIR is ${dir}, which is a file, not a folder.`);
}

/**
 * Settings that look like a misspelt `wanted` (DISCORD_BOT_TOKEN, TOKEN, "DISCORD_TOKEN " for
 * DISCORD_TOKEN): by their names only, never their values. Another service's token (GITHUB_TOKEN) is not one.
 */
export function similarSettings(env: NodeJS.ProcessEnv, wanted: string): string[] {
  const bare = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const target = bare(wanted);
  const parts = wanted.split('_').filter(Boolean);
  return Object.keys(env)
    .filter((name) => name !== wanted && env[name]?.trim())
    .filter((name) => {
      const b = bare(name);
      const words = name
        .toUpperCase()
        .split(/[^A-Z0-9]+/)
        .filter(Boolean);
      return (
        editDistance(b, target) <= 2 ||
        parts.every((p) => b.includes(p)) ||
        (words.length <= 2 && words.at(-1) === parts.at(-1) && (words.length === 1 || words[0] === 'BOT'))
      );
    })
    .sort();
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
