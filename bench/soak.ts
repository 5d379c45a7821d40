/**
 * `npm run bench:soak`: the bot in service, started as `npm start` starts it (the compiled
 * bot, `node bin/footnote.mjs start`) against the local Discord, on a synthetic corpus with
 * its prebuilt index, under a steady mix of slash commands, autocomplete, page turns, shared
 * answers, "Find sources" and questions in chat. Its resident memory is sampled from /proc
 * every few seconds and its heap by a probe loaded into it (bench/soak-probe.mjs). A benchmark,
 * not a test: it exits non-zero when the most the bot held after logging in passed the limit,
 * or an interaction went unanswered.
 *
 *   npm run bench:soak -- [--minutes 60] [--size 250k] [--limit-mb 500] [--rate 20] [--json file]
 *
 * The corpus and its index are made once per size and generator and kept under the system's
 * temporary folder (FOOTNOTE_BENCH_CACHE to put them elsewhere).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
} from 'discord-api-types/v10';
import { commands } from '../commands/index.ts';
import type { AnyCommand } from '../src/command/command.ts';
import type { Article, Gazetteer } from '../src/corpus/schema.ts';
import { startBotProcess, type BotProcess, type LogLine } from '../tests/support/bot.ts';
import { FakeDiscord, option } from '../tests/support/fake-discord.ts';
import { MODERATOR } from '../tests/support/replies.ts';
import { summarize, type Latency } from './measure.ts';
import { peakRssMB, processTree, resetPeakRss, rssMB } from './proc.ts';
import { QueryMaker } from './queries.ts';
import { writeSyntheticCorpus } from './synthetic/corpus.ts';

const root = path.resolve(import.meta.dirname, '..');
const PROBE = path.join(import.meta.dirname, 'soak-probe.mjs');
/** Recorded requests and answers are dropped this often (see FakeDiscord.forget), so the driver's own memory stays flat. */
const FORGET_EVERY_MS = 10_000;
/** An answer later than this is counted lost: Discord itself gives 3 s, and a loaded machine more than that. */
const ANSWER_TIMEOUT_MS = 10_000;
/** Members' ids count up from here: 18 digits, as Discord's are. */
const FIRST_USER = 300_000_000_000_000_000n;

export interface SoakOptions {
  /** Passages in the synthetic corpus. */
  size: number;
  seconds: number;
  /** Interactions and mentions started a second. */
  rate: number;
  /** Most awaiting an answer at once; past it, the driver waits rather than queues. */
  inFlight: number;
  /** Members the interactions come from. */
  users: number;
  sampleMs: number;
  /** Where corpora and indexes are kept between runs. */
  cache?: string;
  /** More environment for the bot (V8 flags in NODE_OPTIONS are appended after the probe's). */
  env?: Record<string, string>;
}

export interface MemorySample {
  /** Seconds since login. */
  t: number;
  rssMB: number;
  heapUsedMB?: number;
  heapTotalMB?: number;
  externalMB?: number;
}

export interface SoakResult {
  options: SoakOptions;
  passages: number;
  /** Seconds from the start of the process to its "logged in". */
  loginS: number;
  /** The most the process held before logging in: loading, checking, indexing. */
  loadingPeakMB: number;
  login: MemorySample;
  end: MemorySample;
  samples: MemorySample[];
  /** The most held after login, between samples too (VmHWM, reset at login), when the kernel allows it. */
  peakSinceLoginMB?: number;
  /** Max of the samples and the peak since login. */
  maxRssMB: number;
  kinds: Record<string, Latency & { lost: number }>;
  /** Log lines of level warn or above (a lost gateway, a failed reply), and the first few of them. */
  errors: number;
  firstErrors: string[];
}

/** A synthetic corpus of `size` passages with a current prebuilt index, made once and kept. */
export async function prepareCorpus(size: number, cache = defaultCache()): Promise<string> {
  const gazetteer = path.join(root, 'corpus/gazetteer.json');
  // Same generator, gazetteer and size, same corpus: the folder is named after them.
  const hash = createHash('sha256')
    .update(String(size))
    .update(await readFile(gazetteer));
  const generator = path.join(import.meta.dirname, 'synthetic');
  for (const name of (await readdir(generator)).sort())
    hash.update(name).update(await readFile(path.join(generator, name)));
  const dir = path.join(cache, `synthetic-${size}-${hash.digest('hex').slice(0, 12)}`);
  if (!existsSync(dir)) {
    await mkdir(cache, { recursive: true });
    const staging = `${dir}.${process.pid}.tmp`;
    await rm(staging, { recursive: true, force: true });
    await writeSyntheticCorpus(staging, size, { gazetteer });
    // Another run may have made it meanwhile: the same corpus either way.
    await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }));
  }
  // The index (and the charts' font) as `corpus:build --if-stale` keeps them: rebuilt only when the code changed.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/footnote.mjs', 'corpus-build', '--if-stale', dir], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`corpus:build failed: ${stderr}`))));
  });
  return dir;
}

function defaultCache(): string {
  return process.env['FOOTNOTE_BENCH_CACHE'] ?? path.join(tmpdir(), 'footnote-bench-cache');
}

/** The gazetteer and every 50th article: enough to draw queries from without loading the corpus here too. */
async function querySource(dir: string): Promise<ConstructorParameters<typeof QueryMaker>[0]> {
  const gazetteer = JSON.parse(await readFile(path.join(dir, 'gazetteer.json'), 'utf8')) as Gazetteer;
  const names = (await readdir(path.join(dir, 'articles'))).sort().filter((_, i) => i % 50 === 0);
  const articles = await Promise.all(
    names.map(async (n) => JSON.parse(await readFile(path.join(dir, 'articles', n), 'utf8')) as Article),
  );
  return { gazetteer, articles, passages: articles.flatMap((a) => a.passages) };
}

/** What one case sends: the kind its latency is counted under, and the promise of the answer. */
interface Sent {
  dispatched: Promise<void>;
  answered: Promise<unknown>;
}

class Driver {
  readonly latencies = new Map<string, number[]>();
  readonly lost = new Map<string, number>();
  private readonly slash: AnyCommand[];
  private readonly completing: [AnyCommand, string][];

  constructor(
    private readonly fake: FakeDiscord,
    private readonly queries: QueryMaker,
    private readonly users: number,
  ) {
    // /reload reads the whole corpus again: an operator's act, not service.
    this.slash = commands.filter((c) => c.data.name !== 'reload');
    this.completing = commands.flatMap((c) =>
      (c.data.options ?? []).flatMap((o) =>
        'autocomplete' in o && o.autocomplete ? [[c, o.name] as [AnyCommand, string]] : [],
      ),
    );
  }

  /**
   * People type (autocomplete) more than they send; page through long answers, share private
   * ones, ask in chat and fact-check messages now and then. Weights out of 100.
   */
  private readonly mix: [number, (i: number, who: { userId: string }) => Promise<unknown>][] = [
    [30, (_, who) => this.autocomplete(who)],
    [40, (i, who) => this.command(this.slash[i % this.slash.length]!, who)],
    [8, (_, who) => this.page(who)],
    [5, (_, who) => this.share(who)],
    [10, (_, who) => this.mention(who)],
    [7, (_, who) => this.findSources(who)],
  ];

  /** One of `users` members, picked at random: a bot in service meets many, and discord.js caches each. */
  private user(): string {
    return String(FIRST_USER + BigInt(Math.floor(Math.random() * this.users)));
  }

  run(i: number): Promise<void> {
    let at = (i * 7919) % 100;
    for (const [weight, send] of this.mix) {
      if (at < weight)
        return send(i, { userId: this.user() }).then(
          () => undefined,
          () => undefined,
        );
      at -= weight;
    }
    return Promise.resolve();
  }

  /** Times dispatch → answer under `kind`; a lost answer is counted and ends the case. */
  private async timed(kind: string, sent: Sent): Promise<unknown> {
    // Handled below or never awaited (when the dispatch failed): never an unhandled rejection.
    sent.answered.catch(() => undefined);
    try {
      await sent.dispatched;
      const started = performance.now();
      const answer = await sent.answered;
      const list = this.latencies.get(kind) ?? [];
      list.push(performance.now() - started);
      this.latencies.set(kind, list);
      return answer;
    } catch (error) {
      this.lost.set(kind, (this.lost.get(kind) ?? 0) + 1);
      throw error;
    }
  }

  private interaction(kind: string, made: APIInteraction) {
    const sent = this.fake.sendInteraction(made, { timeoutMs: ANSWER_TIMEOUT_MS });
    return this.timed(kind, { dispatched: sent.dispatched, answered: sent.callback }).then(() => sent.token);
  }

  private async autocomplete(who: { userId: string }) {
    const [command, name] = this.completing[Math.floor(Math.random() * this.completing.length)]!;
    await this.interaction(
      'autocomplete',
      this.fake.autocomplete(command.data.name, [option.focused(name, this.queries.partial(name))], who),
    );
  }

  private command(command: AnyCommand, who: { userId: string }, extra: Record<string, string | boolean> = {}) {
    const values = new Map([...this.queries.options(command), ...Object.entries(extra)]);
    const options: APIApplicationCommandInteractionDataOption[] = [];
    for (const o of command.data.options ?? []) {
      const value = values.get(o.name);
      if (value === undefined) continue;
      if (o.type === ApplicationCommandOptionType.Boolean) options.push(option.boolean(o.name, Boolean(value)));
      else if (o.type === ApplicationCommandOptionType.Integer) options.push(option.integer(o.name, Number(value)));
      else if (o.type === ApplicationCommandOptionType.Number) options.push(option.number(o.name, Number(value)));
      else options.push(option.string(o.name, String(value)));
    }
    const permissions = command.data.default_member_permissions ? { ...who, permissions: MODERATOR } : who;
    return this.interaction(`/${command.data.name}`, this.fake.chatInput(command.data.name, options, permissions));
  }

  /** A long answer's ▶, pressed on the message as the bot left it (its first reply, or the edit of a deferred one). */
  private async page(who: { userId: string }) {
    const token = await this.command(
      commands.find((c) => c.data.name === 'region')!,
      who,
    );
    const message = await this.settled(token);
    // The bot's buttons, as the charts and pages tests read them: rows of { custom_id, label }.
    const rows = (message?.components ?? []) as { components?: { custom_id?: string; label?: string }[] }[];
    const next = rows.flatMap((row) => row.components ?? []).find((b) => b.label === '▶');
    if (!message || !next?.custom_id) return;
    await this.interaction('page ▶', this.fake.button(next.custom_id, { ...who, message }));
  }

  /** A private /stat answer, then its Share button. */
  private async share(who: { userId: string }) {
    const token = await this.command(
      commands.find((c) => c.data.name === 'stat')!,
      who,
      { hide: true },
    );
    const message = await this.settled(token);
    if (message) await this.interaction('share', this.fake.button('share', { ...who, message }));
  }

  private async settled(token: string) {
    const deferred = this.fake.requests.some(
      (r) =>
        r.path.endsWith(`/${token}/callback`) &&
        (r.body as { type?: number })?.type === InteractionResponseType.DeferredChannelMessageWithSource,
    );
    if (deferred)
      await this.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`), {
        timeoutMs: ANSWER_TIMEOUT_MS,
      });
    return this.fake.getOriginal(token);
  }

  /** "@Footnote …" in chat: answered by a message replying to it. */
  private async mention(who: { userId: string }) {
    const { fake } = this;
    const since = fake.mark();
    const message = fake.sendMessage(`<@${fake.applicationId}> ${this.queries.value('text')}`, who);
    await this.timed('@mention', {
      dispatched: message.then(() => undefined),
      answered: message.then(({ message: asked }) =>
        fake.waitForReply(asked.id, { since, timeoutMs: ANSWER_TIMEOUT_MS }),
      ),
    });
  }

  private async findSources(who: { userId: string }) {
    await this.interaction('Find sources', this.fake.messageContextMenu('Find sources', this.queries.claim(), who));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function soak(options: SoakOptions, progress: (line: string) => void = () => {}): Promise<SoakResult> {
  const corpus = await prepareCorpus(options.size, options.cache);
  const queries = new QueryMaker(await querySource(corpus), 2024);
  const fake = await FakeDiscord.start();
  let bot: BotProcess | undefined;
  try {
    const { NODE_OPTIONS: extraNodeOptions = '', ...env } = options.env ?? {};
    const started = performance.now();
    bot = await startBotProcess(
      fake,
      {
        CORPUS_DIR: corpus,
        ANSWER_MENTIONS: 'true',
        NODE_OPTIONS: `--import=${PROBE} ${extraNodeOptions}`.trim(),
        SOAK_PROBE_MS: String(options.sampleMs),
        ...env,
      },
      'launcher',
      300_000,
    );
    const loginS = (performance.now() - started) / 1000;
    const pid = bot.child.pid!;
    const loadingPeakMB = await peakRssMB(pid);
    const canReset = await resetPeakRss(pid);
    const loggedIn = performance.now();
    const passages = Number(bot.logs.find((l) => l.msg === 'corpus loaded')?.['passages'] ?? 0);

    const samples: MemorySample[] = [];
    let errorCount = 0;
    const errors: LogLine[] = [];
    let probe: LogLine | undefined;
    /** Reads the probe's latest line and the log's errors, then lets the bot's log go. */
    const recent: LogLine[] = [];
    const drainLogs = () => {
      recent.push(...bot!.logs.filter((l) => l.msg !== 'soak memory' && l.msg !== 'answered'));
      recent.splice(0, recent.length - 10);
      for (const line of bot!.logs) {
        if (line.msg === 'soak memory') probe = line;
        else if (line.level >= 40 && errorCount++ < 5) errors.push(line);
      }
      bot!.logs.length = 0;
    };
    const sample = async (): Promise<MemorySample> => {
      drainLogs();
      const rss = await rssMB(await processTree(pid));
      const heap = probe
        ? {
            heapUsedMB: Number(probe['heapUsed']),
            heapTotalMB: Number(probe['heapTotal']),
            externalMB: Number(probe['external']),
          }
        : {};
      return { t: (performance.now() - loggedIn) / 1000, rssMB: rss, ...heap };
    };
    // The probe writes from the process's start: its first line may not be out yet.
    for (const until = performance.now() + options.sampleMs * 2; !bot.logs.some((l) => l.msg === 'soak memory');) {
      if (performance.now() > until) break;
      await sleep(50);
    }
    const login = await sample();
    samples.push(login);
    const sampler = setInterval(() => void sample().then((s) => samples.push(s)), options.sampleMs);

    const driver = new Driver(fake, queries, options.users);
    const inFlight = new Set<Promise<void>>();
    const interval = 1000 / options.rate;
    const end = loggedIn + options.seconds * 1000;
    let lastForget = performance.now();
    let lastProgress = performance.now();
    for (let i = 0; performance.now() < end; i++) {
      await sleep(loggedIn + i * interval - performance.now());
      if (bot.child.exitCode !== null || bot.child.signalCode !== null) {
        drainLogs();
        const last = recent.map((l) => JSON.stringify(l).slice(0, 300)).join('\n');
        throw new Error(`the bot exited (${bot.child.exitCode ?? bot.child.signalCode}) in service:\n${last}`);
      }
      while (inFlight.size >= options.inFlight) await Promise.race(inFlight);
      if (performance.now() - lastForget > FORGET_EVERY_MS) {
        await Promise.all(inFlight);
        try {
          fake.forget();
        } catch {
          // Something still awaited (a follow-up in flight): forgotten next time.
        }
        lastForget = performance.now();
      }
      if (performance.now() - lastProgress > 60_000) {
        lastProgress = performance.now();
        const last = samples.at(-1)!;
        progress(`${(last.t / 60).toFixed(1)} min: RSS ${last.rssMB.toFixed(0)} MB, ${i} sent`);
      }
      const running: Promise<void> = driver.run(i).finally(() => inFlight.delete(running));
      inFlight.add(running);
    }
    await Promise.all(inFlight);
    clearInterval(sampler);
    const last = await sample();
    samples.push(last);
    const peakSinceLoginMB = canReset ? await peakRssMB(pid) : undefined;
    const kinds: SoakResult['kinds'] = {};
    for (const kind of new Set([...driver.latencies.keys(), ...driver.lost.keys()]).values())
      kinds[kind] = { ...summarize(driver.latencies.get(kind) ?? []), lost: driver.lost.get(kind) ?? 0 };
    return {
      options,
      passages,
      loginS,
      loadingPeakMB,
      login,
      end: last,
      samples,
      ...(peakSinceLoginMB === undefined ? {} : { peakSinceLoginMB }),
      maxRssMB: Math.max(peakSinceLoginMB ?? 0, ...samples.map((s) => s.rssMB)),
      kinds,
      errors: errorCount,
      firstErrors: errors.map((l) => JSON.stringify(l).slice(0, 500)),
    };
  } finally {
    await bot?.stop();
    await fake.stop();
  }
}

/** The result as the lines the benchmark prints. */
export function report(r: SoakResult, limitMB: number): string[] {
  const mb = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : `${n.toFixed(0)} MB`);
  const at = (values: number[], p: number) => summarize(values)[p === 50 ? 'p50' : 'p95'];
  const rss = r.samples.map((s) => s.rssMB);
  const heap = r.samples.flatMap((s) => (s.heapUsedMB === undefined ? [] : [s.heapUsedMB]));
  const answered = Object.values(r.kinds).reduce((n, k) => n + k.count, 0);
  const lost = Object.values(r.kinds).reduce((n, k) => n + k.lost, 0);
  const o = r.options;
  const lines = [
    `soak: ${r.passages} passages, ${(o.seconds / 60).toFixed(o.seconds < 600 ? 2 : 0)} min after login, ` +
      `${o.rate} a second from ${o.users} members (at most ${o.inFlight} awaited); the bot as \`npm start\` runs it, against the local Discord`,
    `logged in after ${r.loginS.toFixed(1)} s; peak while loading ${mb(r.loadingPeakMB)}`,
    `RSS: login ${mb(r.login.rssMB)}, p50 ${mb(at(rss, 50))}, p95 ${mb(at(rss, 95))}, max ${mb(r.maxRssMB)}` +
      `${r.peakSinceLoginMB === undefined ? ' (sampled)' : ''}, end ${mb(r.end.rssMB)} ` +
      `(${r.samples.length} samples every ${o.sampleMs / 1000} s); limit ${limitMB} MB: ${r.maxRssMB <= limitMB ? 'within' : 'EXCEEDED'}`,
    `heap used: login ${mb(r.login.heapUsedMB)}, p50 ${mb(at(heap, 50))}, max ${mb(Math.max(...heap))}, end ${mb(r.end.heapUsedMB)}; ` +
      `external (buffers, typed arrays) at end ${mb(r.end.externalMB)}`,
    `RSS over the run: ${timeline(r.samples)
      .map((s) => `${(s.t / 60).toFixed(1)} min ${s.rssMB.toFixed(0)}`)
      .join(' · ')} MB`,
    `answered ${answered}, lost ${lost}, warnings and errors logged ${r.errors}`,
    '',
    '| kind | answered | lost | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|---|',
  ];
  const ms = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(1));
  lines.splice(6, 0, ...r.firstErrors.map((e) => `  error: ${e}`));
  for (const [kind, k] of Object.entries(r.kinds).sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`| ${kind} | ${k.count} | ${k.lost} | ${ms(k.p50)} | ${ms(k.p95)} | ${ms(k.p99)} | ${ms(k.max)} |`);
  return lines;
}

/** About ten samples spread over the run, first and last included. */
function timeline(samples: MemorySample[]): MemorySample[] {
  const step = Math.max(1, Math.floor((samples.length - 1) / 10));
  return samples.filter((_, i) => i % step === 0 || i === samples.length - 1);
}

/** "250k" → 250000. */
export function count(text: string): number {
  const k = /k$/i.test(text);
  return Math.round(Number(text.replace(/k$/i, '')) * (k ? 1000 : 1));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '60' },
      size: { type: 'string', default: '250k' },
      'limit-mb': { type: 'string', default: '500' },
      rate: { type: 'string', default: '20' },
      'in-flight': { type: 'string', default: '16' },
      users: { type: 'string', default: '10000' },
      'sample-seconds': { type: 'string', default: '2' },
      json: { type: 'string' },
    },
  });
  const limit = Number(values['limit-mb']);
  const result = await soak(
    {
      size: count(values.size),
      seconds: Number(values.minutes) * 60,
      rate: Number(values.rate),
      inFlight: Number(values['in-flight']),
      users: Number(values.users),
      sampleMs: Number(values['sample-seconds']) * 1000,
    },
    (line) => console.error(line),
  );
  for (const line of report(result, limit)) console.log(line);
  if (values.json) await writeFile(values.json, `${JSON.stringify(result, null, 2)}\n`);
  const lost = Object.values(result.kinds).some((k) => k.lost > 0);
  process.exitCode = result.maxRssMB > limit || lost ? 1 : 0;
}
