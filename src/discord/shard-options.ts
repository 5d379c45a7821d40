import { availableParallelism } from 'node:os';
import type { ShardingManagerOptions } from 'discord.js';
import type { Config } from '../app/config.ts';

/**
 * Node's flags for a process that serves Discord, as `npm start`, the Dockerfile and
 * deploy/footnote.service give them (Node takes these on its command line only). V8's young
 * generation at 4 MB a half instead of 16: it holds what each answer allocates until the
 * next scavenge, 30 MB of the bot's memory at 16. And the old generation collected once it
 * has grown by 25% past what the last collection kept, where V8's own factor let it grow to
 * twice that first: at 250k passages the bot went from 380 MB to 520 MB before a collection.
 * Answers allocate well under a megabyte each, and little of it lives on. Measured by
 * npm run bench:soak (see README, "The bot in service").
 */
export const BOT_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=10'] as const;

/** Discord accepts one login per 5 s per max_concurrency bucket: the manager's default pause between processes. */
export const SPAWN_DELAY_MS = 5500;

/**
 * Shards one process serves by default. An answer costs a few milliseconds of CPU, and a
 * shard's servers send interactions at a rate far below what one core answers, so a
 * process is outgrown by its gateway connections' share of the core long before its
 * answers; 16 is the grouping the hybrid-sharding bots settle on.
 */
const SHARDS_PER_PROCESS = 16;

/**
 * How this machine's shards are spread over processes: every shard of the total, or
 * only SHARD_IDS, in SHARD_PROCESSES runs of consecutive ids (unset: one process per 16
 * shards, at most one per core). A process holds the corpus and its index once, however
 * many shards it serves, so memory grows with the processes, not with the shards.
 */
export function shardGroups(config: Config, total: number, cores = availableParallelism()): number[][] {
  const ids = config.SHARD_IDS ?? Array.from({ length: total }, (_, id) => id);
  const wanted = config.SHARD_PROCESSES ?? Math.min(cores, Math.ceil(ids.length / SHARDS_PER_PROCESS));
  const processes = Math.min(ids.length, wanted);
  const groups: number[][] = [];
  for (let p = 0, start = 0; p < processes; p++) {
    // The first (ids mod processes) groups take one more: sizes differ by at most one.
    const size = Math.floor(ids.length / processes) + (p < ids.length % processes ? 1 : 0);
    groups.push(ids.slice(start, (start += size)));
  }
  return groups;
}

/**
 * The ShardingManager's options for the groups of shardGroups(): it starts one process
 * per group, known to it by the group's first id; the process is told its whole group
 * through the SHARDS variable discord.js's client reads (set on each Shard's env as it is
 * created, see shard-manager.ts).
 */
export function managerOptions(
  config: Config,
  total: number,
  groups: readonly number[][],
): ShardingManagerOptions & { shardList: number[] } {
  return {
    token: config.DISCORD_TOKEN!,
    totalShards: total,
    shardList: groups.map((group) => group[0]!),
    mode: 'process',
    respawn: true,
    // The file forked is the launcher (bin/footnote.mjs): each process runs the compiled bot, as `npm start` does.
    shardArgs: ['start'],
    execArgv: [...BOT_NODE_FLAGS],
  };
}
