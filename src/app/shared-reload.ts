import { Redis } from 'ioredis';
import type { Logger } from './log.ts';
import type { LiveEngine } from './reload.ts';

/** The channel a new corpus version is announced on, and the key that holds the latest one for whoever missed it. */
export const VERSION_CHANNEL = 'footnote:corpus:reloaded';
export const VERSION_KEY = 'footnote:corpus:version';

export interface SharedReload {
  stop(): Promise<void>;
}

/**
 * Machines that share one bot (shard ranges on several hosts) reach one another's
 * shards through Redis: broadcastEval stops at a machine's own. After a reload asked
 * for here (a /reload, a changed file) swaps in a corpus version the key does not hold
 * yet, it is stored and announced; every shard on every machine that serves another
 * version then reloads from its own corpus folder. Subscribing and then reading the
 * key on start and on each reconnect catches a version announced while a shard was
 * not listening. A reload made to follow another machine is never announced again, so
 * two machines whose folders differ cannot set each other reloading in turn; the one
 * still behind says so.
 *
 * Redis being away never stops the bot: it serves its corpus and catches up when
 * the connection is back.
 */
export function shareReloads({ url, live, log }: { url: string; live: LiveEngine; log: Logger }): SharedReload {
  const options = { lazyConnect: true, connectionName: 'footnote' };
  const store = new Redis(url, options);
  const listener = new Redis(url, options);
  const serving = () => live.current().corpus.fingerprint;
  let following: string | undefined;
  let unreachable = false;

  live.onReloaded((engine, origin) => {
    if (origin === 'here') void announce(engine.corpus.fingerprint);
  });

  async function announce(version: string): Promise<void> {
    try {
      // SET … GET: of the shards of a machine that all reloaded to this version, only the first announces it.
      const before = await store.set(VERSION_KEY, version, 'GET');
      if (before === version) return;
      const shards = await store.publish(VERSION_CHANNEL, version);
      log.info({ version, listeners: shards }, 'corpus version published to the other machines');
    } catch (error) {
      log.warn({ err: error, version }, 'could not publish the corpus version; the other machines serve theirs');
    }
  }

  async function follow(published: string | null, why: string): Promise<void> {
    if (!published || published === serving() || published === following) return;
    following = published;
    try {
      const outcome = await live.reload(why, 'elsewhere');
      if (outcome.ok && serving() !== published)
        log.warn(
          { serving: serving(), published },
          'this machine’s corpus folder holds another version than the one last published; the machines answer differently until it is brought up to date',
        );
    } finally {
      following = undefined;
    }
  }

  listener.on('message', (channel: string, version: string) => {
    if (channel === VERSION_CHANNEL) void follow(version, 'corpus version published by another machine');
  });
  // On connecting and on every reconnect: listen, then catch up on what was said while away.
  listener.on('ready', () => {
    if (unreachable) log.info('Redis reachable again; checking the corpus version');
    unreachable = false;
    listener
      .subscribe(VERSION_CHANNEL)
      .then(() => store.get(VERSION_KEY))
      .then((published) => {
        log.info({ published, serving: serving() }, 'listening for corpus versions on Redis');
        return follow(published, 'corpus version check');
      })
      .catch((error: unknown) => log.warn({ err: error }, 'could not check the corpus version'));
  });
  // ioredis retries on its own; one line per outage, not one per attempt.
  const onError = (error: Error) => {
    if (unreachable) return;
    unreachable = true;
    log.warn({ err: { message: error.message } }, 'Redis unreachable; serving this machine’s corpus and retrying');
  };
  store.on('error', onError);
  listener.on('error', onError);
  // Connect errors surface through 'error' (and are retried); the promises only need catching.
  store.connect().catch(() => {});
  listener.connect().catch(() => {});
  log.info({ channel: VERSION_CHANNEL }, 'sharing corpus reloads through Redis');

  return {
    // At once, connected or not: a shutdown must not wait for a Redis that is away.
    stop: async () => {
      listener.disconnect();
      store.disconnect();
    },
  };
}
