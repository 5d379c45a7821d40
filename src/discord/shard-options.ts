import type { ShardingManagerOptions } from 'discord.js';
import type { Config } from '../app/config.ts';

/** Discord accepts one login per 5 s per max_concurrency bucket: the manager's default pause between shards. */
export const SPAWN_DELAY_MS = 5500;

/**
 * The ShardingManager's options for a configuration and a known total: every shard of
 * it, or, on a machine that runs part of the bot (SHARD_IDS), only its ids.
 */
export function managerOptions(
  config: Config,
  total: number,
): ShardingManagerOptions & { shardList: number[] | 'auto' } {
  return {
    token: config.DISCORD_TOKEN!,
    totalShards: total,
    shardList: config.SHARD_IDS ?? 'auto',
    mode: 'process',
    respawn: true,
    // The file forked is the launcher (bin/footnote.mjs): each shard runs the compiled bot, as `npm start` does.
    shardArgs: ['start'],
    execArgv: [],
  };
}
