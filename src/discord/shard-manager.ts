import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import { ConfigError, loadConfig, type Config } from '../app/config.ts';
import { createLogger, type Logger } from '../app/log.ts';
import { restOptions } from './bot.ts';
import { SPAWN_DELAY_MS, managerOptions, shardGroups } from './shard-options.ts';

/** Each shard runs the bot exactly as `npm start` does (compiled, by the launcher); discord.js tells its client which shards it is. */
const LAUNCHER = path.resolve(import.meta.dirname, '../../bin/footnote.mjs');
/** A shard must log in within this; a large corpus without its prebuilt index takes a while to load. */
const SHARD_READY_TIMEOUT_MS = 120_000;
const SHUTDOWN_GRACE_MS = 3000;

/** Discord's recommended shard count, asked through the configured REST base (a proxy or the local stand-in). */
async function recommendedShards(config: Config): Promise<number> {
  const rest = new REST(restOptions(config)).setToken(config.DISCORD_TOKEN!);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

/**
 * Validates the corpus and brings its prebuilt index up to date once, in a child
 * process (so the manager holds no corpus), before any shard starts: shards then load
 * the index instead of each tokenizing every passage, and a broken corpus stops
 * everything here with its problems listed, not in a loop of shards dying and respawning.
 */
async function prepareCorpus(log: Logger): Promise<void> {
  const child = spawn(process.execPath, [LAUNCHER, 'corpus-build', '--if-stale'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new ConfigError(out.trim() || `preparing the corpus failed (exit ${code})`);
  log.info({ index: out.trim() }, 'corpus ready');
}

/**
 * `npm run start:sharded`: the bot under discord.js's ShardingManager, its shards in a
 * few processes (one per core by default), each loading the corpus read-only once and
 * serving its shards' share of the servers.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL ?? 'info').child({ role: 'shard-manager' });
  if (!config.DISCORD_TOKEN) throw new ConfigError('npm run start:sharded needs DISCORD_TOKEN (see .env.example).');
  await prepareCorpus(log);
  const total = typeof config.SHARD_TOTAL === 'number' ? config.SHARD_TOTAL : await recommendedShards(config);
  const groups = shardGroups(config, total);
  const groupOf = new Map(groups.map((group) => [group[0]!, group]));
  const manager = new ShardingManager(LAUNCHER, managerOptions(config, total, groups));
  manager.on('shardCreate', (shard: Shard) => {
    const shards = groupOf.get(shard.id)!;
    // discord.js's client reads SHARDS as JSON: the whole group, not only the id the manager knows it by.
    (shard.env as Record<string, string>)['SHARDS'] = JSON.stringify(shards);
    log.info({ shards, total }, 'shard process starting');
    shard.on('death', () => log.warn({ shards }, 'shard process exited; restarting it'));
  });

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'stopping every shard');
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    // Each shard disconnects as `npm start` does on SIGTERM; kill() also stops the respawning.
    await Promise.all(
      [...manager.shards.values()].map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null) return;
        const exited = once(child, 'exit');
        shard.kill();
        await exited;
      }),
    );
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await manager.spawn({
    amount: total,
    // A process logs its shards in one bucket-wait apart; the next process waits for all of them.
    delay: (config.SHARD_SPAWN_DELAY_MS ?? SPAWN_DELAY_MS) * Math.max(...groups.map((group) => group.length)),
    timeout: SHARD_READY_TIMEOUT_MS,
  });
  log.info({ shards: groups.flat(), processes: groups.length, total }, 'every shard ready');
}

main().catch((error: unknown) => {
  // Known failures get their message alone: no stack, and never a configuration value.
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `Footnote could not start its shards: ${(error as Error)?.stack ?? String(error)}\n`,
  );
  process.exit(1);
});
