import type { Client } from 'discord.js';
import type { ReloadOutcome } from '../command/command.ts';
import type { Logger } from '../app/log.ts';

/**
 * Where broadcastEval finds this shard's reload. Code it evaluates in a shard sees
 * only that shard's client, so the reload has to hang off the client itself.
 */
interface ShardHooks {
  footnoteReload?: () => Promise<ReloadOutcome>;
}

/**
 * What /reload runs on this client. Under the ShardingManager every shard is a process
 * with its own copy of the corpus, so the shard that took the command asks every
 * shard of this manager, itself included, through discord.js's broadcastEval, and
 * reports the first failure, or success once all of them have swapped. Unsharded, it
 * is the local reload.
 *
 * Shards on other machines are out of reach of broadcastEval: with REDIS_URL they
 * follow the corpus version this reload publishes (src/app/shared-reload.ts), and
 * each follows its own corpus folder by watching it (README, "Sharding").
 */
export function reloadOnEveryShard(
  client: Client,
  reloadHere: () => Promise<ReloadOutcome>,
  log: Logger,
): () => Promise<ReloadOutcome> {
  (client as Client & ShardHooks).footnoteReload = reloadHere;
  const shard = client.shard;
  if (!shard) return reloadHere;
  return async () => {
    let outcomes: ReloadOutcome[];
    try {
      // Serialized and run in each shard: it may use nothing but its argument.
      outcomes = (await shard.broadcastEval((c) => (c as Client & ShardHooks).footnoteReload!())) as ReloadOutcome[];
    } catch (error) {
      // A shard that is restarting cannot answer; it loads the corpus as it starts anyway.
      log.warn({ err: error }, 'could not reach every shard; reloading this one');
      return reloadHere();
    }
    // broadcastEval answers once per process, whatever number of shards each holds.
    log.info({ processes: outcomes.length, ok: outcomes.filter((o) => o.ok).length }, 'reload reached every shard');
    return outcomes.find((o) => !o.ok) ?? outcomes.reduce((slowest, o) => (o.ms > slowest.ms ? o : slowest));
  };
}
