/**
 * `npm run bench:e2e`: the bot, started as `npm start` does, under load from the
 * local Discord stand-in. A benchmark, not a test: it prints what it measured and
 * exits non-zero only if an interaction or a mention was lost (never answered).
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

/** What one case sends, and the promise of its answer: an interaction's callback, or the reply to a mention. */
interface Sent {
  dispatched: Promise<void>;
  answered: Promise<unknown>;
}

const interaction = (fake: FakeDiscord, made: APIInteraction): Sent => {
  const sent = fake.sendInteraction(made, { timeoutMs: 10_000 });
  return { dispatched: sent.dispatched, answered: sent.callback };
};

/** "@Footnote …" in chat: answered by a message replying to it. */
const mention = (fake: FakeDiscord, question: string): Sent => {
  const since = fake.mark();
  const message = fake.sendMessage(`<@${fake.applicationId}> ${question}`);
  return {
    dispatched: message.then(() => undefined),
    answered: message.then(({ message: asked }) => fake.waitForReply(asked.id, { since, timeoutMs: 10_000 })),
  };
};

/**
 * A realistic mix: people type (autocomplete) more than they send, and ask for figures and
 * regions most; questions come as /ask and as mentions, and some press a button or use the
 * message menu (Apps → Find sources).
 */
const mix: { weight: number; send: (fake: FakeDiscord, i: number) => Sent }[] = [
  {
    weight: 25,
    send: (f, i) =>
      interaction(
        f,
        f.autocomplete('region', [
          option.focused('name', ['jiangs', '江苏', 'shang', 'suzh', 'zhangjiag', ''][i % 6]!),
        ]),
      ),
  },
  {
    weight: 5,
    send: (f, i) =>
      interaction(f, f.autocomplete('stat', [option.focused('metric', ['gd', 'r&d', 'parts', ''][i % 4]!)])),
  },
  {
    weight: 15,
    send: (f, i) =>
      interaction(
        f,
        f.chatInput('stat', [
          option.string('metric', ['gdp', 'economic output', 'industrial value added', 'rocket parts'][i % 4]!),
          ...(i % 3 ? [] : [option.string('region', 'jiangsu')]),
        ]),
      ),
  },
  {
    weight: 10,
    send: (f, i) =>
      interaction(
        f,
        f.chatInput('region', [
          option.string('name', ['jiangsu', 'shanghai', '张家港', 'jiangsuu', 'atlantis'][i % 5]!),
        ]),
      ),
  },
  {
    weight: 10,
    send: (f, i) =>
      interaction(
        f,
        f.chatInput('search', [
          option.string('query', ['rocket parts', 'future industries', 'Da Zero Bay incubators', 'rockett'][i % 4]!),
        ]),
      ),
  },
  {
    weight: 10,
    send: (f, i) => interaction(f, f.chatInput('ask', [option.string('question', QUESTIONS[i % QUESTIONS.length]!)])),
  },
  { weight: 5, send: (f, i) => mention(f, QUESTIONS[(i + 1) % QUESTIONS.length]!) },
  {
    weight: 5,
    send: (f, i) =>
      interaction(
        f,
        f.messageContextMenu(
          'Find sources',
          ['Jiangsu’s GDP grew 6.2% in Q1', 'rocket parts output rose', 'nothing here'][i % 3]!,
        ),
      ),
  },
  {
    weight: 5,
    send: (f) => interaction(f, f.button('share', { messageContent: '**GDP**\nJiangsu: 3.1 trillion yuan' })),
  },
  {
    weight: 5,
    send: (f, i) =>
      interaction(f, f.chatInput('source', [option.string('id', `cctv-2024-05-productive-forces#p${(i % 15) + 1}`)])),
  },
  {
    weight: 5,
    send: (f) =>
      interaction(f, f.chatInput('summary', [option.string('target', 'jiangsu')], { permissions: MODERATOR })),
  },
  {
    weight: 5,
    send: (f, i) => interaction(f, f.chatInput(i % 2 ? 'help' : 'articles', [option.boolean('hide', true)])),
  },
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

const QUESTIONS = [
  'What was Jiangsu’s GDP growth?',
  'How many rocket parts were made?',
  '江苏一季度GDP是多少？',
  'What did Xi Jinping say about new quality productive forces?',
  'What was the GDP of Atlantis in 1850?',
];

const fake = await FakeDiscord.start();
const bot = await startBotProcess(fake, { ANSWER_MENTIONS: 'true' }).catch(async (error) => {
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
    const sent = pick(i).send(fake, i);
    try {
      await sent.dispatched;
      const dispatchedAt = performance.now();
      await sent.answered;
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
  `dispatch→answer latency: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1) ?? NaN)}`,
);
process.exitCode = lost > 0 ? 1 : 0;
