import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** Whether Debian's redis-server is installed (`apt-get install -y redis-server`, as .ci/run does). */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface LocalRedis {
  url: string;
  /** A client for the test's own reads and writes. */
  client: Redis;
  stop(): Promise<void>;
}

/** A throwaway redis-server on a free loopback port, keeping nothing on disk; resolves once it answers. */
export async function startRedis(): Promise<LocalRedis> {
  const port = await freePort();
  const server: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  // The server takes a moment to listen: the client retries until it answers.
  const client = new Redis(url, { retryStrategy: (times) => (times > 100 ? null : 50) });
  client.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    client.once('ready', () => resolve());
    client.once('end', () => reject(new Error(`redis-server did not start on port ${port}`)));
  });
  return {
    url,
    client,
    stop: async () => {
      client.disconnect();
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    },
  };
}
