import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION_KEY } from '../../src/app/shared-reload.ts';
import { buildIndex } from '../../src/app/open.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { botEnv, collectLogs, type LogLine } from '../support/bot.ts';
import { FakeDiscord } from '../support/fake-discord.ts';
import { hasRedisServer, startRedis, type LocalRedis } from '../support/redis.ts';
import { MODERATOR, replyData } from '../support/replies.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/**
 * Two shard managers standing in for two machines, shard 0 on A and shard 1 on B,
 * each with its own corpus folder, sharing one Redis. Each folder is a link to a
 * release, as deploys swap them: a swap is a new corpus on disk that no file watcher
 * sees, so only Redis can tell a machine to reload.
 */
const present = hasRedisServer();
if (!present && process.env['CI']) {
  throw new Error('redis-server is not installed, and CI must run this test: apt-get install -y redis-server');
}
if (!present)
  console.warn(
    'skipping the reload-across-machines test: redis-server is not installed (apt-get install -y redis-server)',
  );

interface Machine {
  process: ChildProcess;
  logs: LogLine[];
  corpus: string;
}

let fake: FakeDiscord;
let redis: LocalRedis;
let work: string;
const versions: Record<'v1' | 'v2' | 'v3', string> = { v1: '', v2: '', v3: '' };
const machines: Record<'a' | 'b', Machine | undefined> = { a: undefined, b: undefined };

/** Points a machine's corpus folder at a release, atomically, as a deploy does. */
function deploy(machine: 'a' | 'b', release: keyof typeof versions): void {
  const link = path.join(work, `machine-${machine}`);
  symlinkSync(path.join(work, release), `${link}.next`);
  renameSync(`${link}.next`, link);
}

function startMachine(name: 'a' | 'b', shard: number): Machine {
  const corpus = path.join(work, `machine-${name}`);
  const child = spawn(tsx, ['src/discord/shard-manager.ts'], {
    cwd: root,
    env: botEnv(fake, {
      CORPUS_DIR: corpus,
      REDIS_URL: redis.url,
      SHARD_TOTAL: '2',
      SHARD_IDS: String(shard),
      SHARD_SPAWN_DELAY_MS: '0',
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const machine = { process: child, logs: [] as LogLine[], corpus };
  collectLogs(child.stderr!, machine.logs);
  return (machines[name] = machine);
}

function waitFor(machine: Machine, match: (line: LogLine) => boolean, timeoutMs = 20_000): Promise<LogLine> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      const found = machine.logs.find(match);
      if (found) return resolve(found);
      if (Date.now() - started > timeoutMs || machine.process.exitCode !== null)
        return reject(new Error(`no such log line; got:\n${machine.logs.map((l) => JSON.stringify(l)).join('\n')}`));
      setTimeout(check, 50);
    };
    check();
  });
}

async function stopMachine(machine: Machine | undefined): Promise<void> {
  if (!machine || machine.process.exitCode !== null) return;
  const closed = new Promise((resolve) => machine.process.once('close', resolve));
  machine.process.kill('SIGTERM');
  await closed;
}

const ready = (machine: Machine) =>
  Promise.all([
    waitFor(machine, (l) => l.msg === 'every shard ready', 60_000),
    waitFor(machine, (l) => l.msg === 'logged in', 60_000),
    waitFor(machine, (l) => l.msg === 'listening for corpus versions on Redis', 60_000),
  ]);

describe.skipIf(!present)('reload across machines (REDIS_URL)', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'footnote-machines-'));
    // Three releases of the corpus, differing in the bytes of one file (and so in version).
    for (const [at, release] of (['v1', 'v2', 'v3'] as const).entries()) {
      const dir = path.join(work, release);
      cpSync(path.join(root, 'corpus'), dir, { recursive: true });
      if (at > 0) appendFileSync(path.join(dir, 'gazetteer.json'), '\n'.repeat(at));
      await buildIndex(dir);
      versions[release] = (await loadCorpus(dir)).fingerprint;
    }
    deploy('a', 'v1');
    deploy('b', 'v1');
    [fake, redis] = await Promise.all([FakeDiscord.start({ shards: 2 }), startRedis()]);
    // Both machines start after another one published v3, which their folders do not hold yet.
    await redis.client.set(VERSION_KEY, versions.v3);
    const a = startMachine('a', 0);
    const b = startMachine('b', 1);
    await Promise.all([ready(a), ready(b)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([stopMachine(machines.a), stopMachine(machines.b)]);
    await redis?.stop();
    await fake?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  }, 20_000);

  it('a machine started after a publish checks the version, and says when its folder is behind', async () => {
    for (const machine of Object.values(machines) as Machine[]) {
      const checked = await waitFor(
        machine,
        (l) => l.msg === 'corpus reloaded' && l['reason'] === 'corpus version check',
      );
      expect(checked['version']).toBe(versions.v1);
      await waitFor(machine, (l) => l['published'] === versions.v3 && l['serving'] === versions.v1);
    }
    // Neither publishes its own older version over the newer one.
    expect(await redis.client.get(VERSION_KEY)).toBe(versions.v3);
  });

  it('a moderator’s /reload on machine A reloads machine B’s shards', async () => {
    const { a, b } = machines as Record<'a' | 'b', Machine>;
    deploy('a', 'v2');
    deploy('b', 'v2');
    const sent = fake.sendInteraction(fake.chatInput('reload', [], { permissions: MODERATOR }), {
      shard: 0,
      timeoutMs: 15_000,
    });
    expect(replyData((await sent.callback).body)?.content).toContain('Corpus reloaded');
    await waitFor(a, (l) => l.msg === 'corpus version published to the other machines' && l['version'] === versions.v2);
    const followed = await waitFor(b, (l) => l.msg === 'corpus reloaded' && l['version'] === versions.v2);
    expect(followed['reason']).toBe('corpus version published by another machine');
    expect(await redis.client.get(VERSION_KEY)).toBe(versions.v2);
  });

  it('a shard that was away from Redis checks the version when it reconnects', async () => {
    const { a, b } = machines as Record<'a' | 'b', Machine>;
    // While B's connection is down a machine publishes v3: B's folder has it, A's does not.
    deploy('b', 'v3');
    await redis.client.set(VERSION_KEY, versions.v3);
    await redis.client.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    const caughtUp = await waitFor(b, (l) => l.msg === 'corpus reloaded' && l['version'] === versions.v3);
    expect(caughtUp['reason']).toBe('corpus version check');
    // A reloads too, finds its folder still at v2, and says so rather than serve it silently.
    const behind = await waitFor(a, (l) => typeof l['published'] === 'string' && l['serving'] === versions.v2);
    expect(behind['published']).toBe(versions.v3);
  });
});
