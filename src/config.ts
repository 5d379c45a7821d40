import dotenv from 'dotenv';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

const ConfigSchema = z.object({
  DISCORD_TOKEN: z.string().trim().min(1).optional(),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  /** REST base for a proxy or a local stand-in, like http://127.0.0.1:8080/api (discord.js adds /v10). */
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  CORPUS_DIR: z.string().min(1).default('corpus'),
  /** Answer "@Footnote <question>" in chat. Needs the privileged Message Content intent (Developer Portal → Bot). */
  ANSWER_MENTIONS: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default('false')
    .transform((v) => ['true', '1', 'yes'].includes(v)),
  /** Unset: info for the bot, warn for the console, where log lines would interleave with answers. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
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
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Loads .env (if any) into process.env, then parses it. */
export function loadConfig(): Config {
  dotenv.config({ quiet: true });
  return parseConfig(process.env);
}
