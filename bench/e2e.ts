/**
 * `npm run bench:e2e`: the bot, started as `npm start` does, under load from the
 * local Discord stand-in. A benchmark, not a test: it prints what it measured and
 * exits non-zero only if an interaction was lost (never answered).
 *
 *   npm run bench:e2e -- [--interactions 1000] [--in-flight 200]
 */
import { parseArgs } from 'node:util';
import type { APIInteraction } from 'discord-api-types/v10';
import { startBotProcess } from '../tests/support/bot.ts';
import { FakeDiscord, option } from '../tests/support/fake-discord.ts';
import { MODERATOR } from '../tests/support/replies.ts';

const { values } = parseArgs({
  options: { interactions: { type: 'string', default: '1000' }, 'in-flight': { type: 'string', default: '200' } },
});
const total = Number(values.interactions);
const inFlight = Number(values['in-flight']);

/** A realistic mix: people type (autocomplete) more than they send, and ask for figures and regions most. */
const mix: { weight: number; make: (fake: FakeDiscord, i: number) => APIInteraction }[] = [
  {
    weight: 30,
    make: (f, i) =>
      f.autocomplete('region', [option.focused('name', ['jiangs', '江苏', 'shang', 'suzh', 'zhangjiag', ''][i % 6]!)]),
  },
  { weight: 5, make: (f, i) => f.autocomplete('stat', [option.focused('metric', ['gd', 'r&d', 'parts', ''][i % 4]!)]) },
  {
    weight: 20,
    make: (f, i) =>
      f.chatInput('stat', [
        option.string('metric', ['gdp', 'economic output', 'industrial value added', 'rocket parts'][i % 4]!),
        ...(i % 3 ? [] : [option.string('region', 'jiangsu')]),
      ]),
  },
  {
    weight: 15,
    make: (f, i) =>
      f.chatInput('region', [option.string('name', ['jiangsu', 'shanghai', '张家港', 'jiangsuu', 'atlantis'][i % 5]!)]),
  },
  {
    weight: 15,
    make: (f, i) =>
      f.chatInput('search', [
        option.string('query', ['rocket parts', 'future industries', 'Da Zero Bay incubators', 'rockett'][i % 4]!),
      ]),
  },
  {
    weight: 5,
    make: (f, i) => f.chatInput('source', [option.string('id', `cctv-2024-05-productive-forces#p${(i % 15) + 1}`)]),
  },
  { weight: 5, make: (f) => f.chatInput('summary', [option.string('target', 'jiangsu')], { permissions: MODERATOR }) },
  { weight: 5, make: (f, i) => f.chatInput(i % 2 ? 'help' : 'articles', [option.boolean('hide', true)]) },
];

function pick(i: number) {
  const sum = mix.reduce((n, m) => n + m.weight, 0);
  let at = (i * 7919) % sum;
  for (const m of mix) {
    if (at < m.weight) return m;
    at -= m.weight;
  }
  return mix[0]!;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const fake = await FakeDiscord.start();
const bot = await startBotProcess(fake).catch(async (error) => {
  await fake.stop();
  throw error;
});
const latencies: number[] = [];
let lost = 0;
let next = 0;
const started = performance.now();

async function worker() {
  while (next < total) {
    const i = next++;
    const sent = fake.sendInteraction(pick(i).make(fake, i), { timeoutMs: 10_000 });
    try {
      await sent.dispatched;
      const dispatchedAt = performance.now();
      await sent.callback;
      latencies.push(performance.now() - dispatchedAt);
    } catch {
      lost++;
    }
  }
}
await Promise.all(Array.from({ length: inFlight }, worker));
const seconds = (performance.now() - started) / 1000;
await bot.stop();
await fake.stop();

latencies.sort((a, b) => a - b);
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(
  `interactions: ${total}, in flight: ${inFlight}, wall time: ${seconds.toFixed(2)} s (${Math.round(total / seconds)}/s)`,
);
console.log(`answered: ${latencies.length}, lost: ${lost}`);
console.log(
  `dispatch→callback latency: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1) ?? NaN)}`,
);
process.exitCode = lost > 0 ? 1 : 0;
