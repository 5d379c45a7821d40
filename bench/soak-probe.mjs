// Loaded into the bot by the soak benchmark (NODE_OPTIONS=--import): every SOAK_PROBE_MS, one log
// line of process.memoryUsage(), in MB, on stderr beside the bot's own JSON lines. The bot's code is
// unchanged; the probe costs one call and one short write a few seconds apart. Plain JavaScript, so
// loading it brings no TypeScript loader into the process being measured.
import process from 'node:process';
import { setInterval } from 'node:timers';
import { isMainThread } from 'node:worker_threads';

const every = Number(process.env.SOAK_PROBE_MS);
if (isMainThread && every > 0) {
  const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;
  setInterval(() => {
    const m = process.memoryUsage();
    const line = {
      level: 30,
      time: Date.now(),
      msg: 'soak memory',
      rss: mb(m.rss),
      heapUsed: mb(m.heapUsed),
      heapTotal: mb(m.heapTotal),
      external: mb(m.external),
      arrayBuffers: mb(m.arrayBuffers),
    };
    process.stderr.write(`${JSON.stringify(line)}\n`);
  }, every).unref();
}
