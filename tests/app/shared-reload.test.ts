import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/log.ts';
import { LiveEngine } from '../../src/app/reload.ts';
import { VERSION_CHANNEL, VERSION_KEY, shareReloads } from '../../src/app/shared-reload.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { hasRedisServer, startRedis, type LocalRedis } from '../support/redis.ts';

/** Stand-ins for engines: a corpus version and what LiveEngine logs. */
function engine(version: string): Engine {
  return { corpus: { fingerprint: version, articles: [], passages: [], stats: [] } } as unknown as Engine;
}

/** A machine: its live engine, whose folder holds `onDisk`, and what it logged. */
function machine(serving: string, onDisk: { version: string }) {
  const lines: { msg: string; [key: string]: unknown }[] = [];
  const log = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
  const live = new LiveEngine(engine(serving), async () => engine(onDisk.version), log);
  return { live, log, lines, version: () => live.current().corpus.fingerprint };
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('shareReloads when Redis is away', () => {
  it('serves on, says so once, and stops at once', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const a = machine('v1', { version: 'v2' });
    const shared = shareReloads({ url: `redis://127.0.0.1:${port}`, live: a.live, log: a.log });
    await until(() => a.lines.some((l) => l.msg.startsWith('Redis unreachable')));
    await a.live.reload('/reload');
    expect(a.version()).toBe('v2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(a.lines.filter((l) => l.msg.startsWith('Redis unreachable'))).toHaveLength(1);
    await shared.stop();
  });
});

describe.skipIf(!hasRedisServer())('shareReloads against redis-server', () => {
  let redis: LocalRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('announces a new version once, and the other machine follows it; a follower never announces', async () => {
    const disk = { version: 'v1' };
    const a = machine('v1', disk);
    const b = machine('v1', disk);
    const sharing = [a, b].map((m) => shareReloads({ url: redis.url, live: m.live, log: m.log }));
    const heard: string[] = [];
    const spy = redis.client.duplicate();
    spy.on('message', (_channel: string, version: string) => heard.push(version));
    await spy.subscribe(VERSION_CHANNEL);
    await until(() => [a, b].every((m) => m.lines.some((l) => l.msg === 'listening for corpus versions on Redis')));

    disk.version = 'v2';
    await a.live.reload('/reload');
    await until(() => b.version() === 'v2');
    expect(b.lines.find((l) => l.msg === 'corpus reloaded')?.['reason']).toBe(
      'corpus version published by another machine',
    );
    // Reloading again to the same version announces nothing.
    await a.live.reload('/reload');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual(['v2']);
    expect(await redis.client.get(VERSION_KEY)).toBe('v2');
    spy.disconnect();
    await Promise.all(sharing.map((s) => s.stop()));
  });
});
