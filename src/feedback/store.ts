import { existsSync } from 'node:fs';
import path from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { questionKey } from './key.ts';

const { Database } = sqlite;
type Database = InstanceType<typeof Database>;

/** What the store needs of a logger: the bot's pino, or nothing in a script. */
export interface FeedbackLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A question the corpus could not answer: refused by /ask, or answered and marked 👎. */
export interface Unanswered {
  kind: 'refused' | 'disliked';
  /** The server it was asked in; undefined in a DM or a private channel. */
  guild?: string | undefined;
  question: string;
  /** Passage ids the answer cited (a refusal's may be empty). */
  citations: readonly string[];
  /** A 👎'd answer's message id: each answer counts once, however often it is pressed. */
  answer?: string | undefined;
  /** Milliseconds since the epoch; now when absent. */
  at?: number;
}

/** Questions that ask the same thing, most asked first. */
export interface Gap {
  /** The latest wording of the question. */
  question: string;
  count: number;
  refused: number;
  disliked: number;
  /** ISO time it was last asked. */
  last: string;
  /** Passage ids the latest 👎'd answer cited. */
  citations: string[];
}

export type GapsReport = { on: true; gaps: Gap[] } | { on: false; reason: string };

const DAY_MS = 86_400_000;
const QUESTION_MAX = 500;
/**
 * Shards in several processes write the same file. node-sqlite3-wasm locks it with a
 * lock directory and answers SQLITE_BUSY at once (its file system has no sleep, so
 * SQLite's busy_timeout cannot wait): the store waits and tries again itself, off the
 * answer's path. About 10 s in all, then the write is dropped and logged.
 */
const BUSY_TRIES = 60;
const BUSY_WAIT_MS = [5, 200] as const;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS unanswered (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  guild TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('refused', 'disliked')),
  question TEXT NOT NULL,
  key TEXT NOT NULL,
  citations TEXT NOT NULL,
  answer TEXT UNIQUE
);
CREATE INDEX IF NOT EXISTS unanswered_at ON unanswered (at);
CREATE INDEX IF NOT EXISTS unanswered_key ON unanswered (key, at);
`;

function isBusy(error: unknown): boolean {
  return /database is locked|SQLITE_BUSY|database table is locked/i.test((error as Error)?.message ?? '');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Refused questions and 👎 answers, in an SQLite file, kept `retentionDays`. It holds
 * the server, the question, the answer's citations and the time: never who asked or
 * who pressed. Any failure but a busy file turns it off (logged) and the bot answers
 * on; /gaps then says why.
 */
export class FeedbackStore {
  private db: Database | undefined;
  private offReason: string | undefined;
  private pruner: NodeJS.Timeout | undefined;
  /** Writes in order, one at a time: a busy retry must not let a later write overtake. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly retentionDays: number,
    private readonly log: FeedbackLog,
    private readonly now: () => number,
  ) {}

  /** Opens (creating the file, not its folder), prunes old rows, and prunes again daily. Never throws. */
  static async open(options: {
    file: string;
    retentionDays: number;
    log: FeedbackLog;
    now?: () => number;
    /** Prune once a day while open (the bot); a script that reads once does not. */
    daily?: boolean;
  }): Promise<FeedbackStore> {
    const store = new FeedbackStore(options.file, options.retentionDays, options.log, options.now ?? Date.now);
    if (!existsSync(path.dirname(path.resolve(options.file)))) {
      store.turnOff(`the folder of ${options.file} does not exist`);
      return store;
    }
    try {
      store.db = new Database(options.file);
    } catch (error) {
      store.turnOff((error as Error)?.message ?? String(error));
      return store;
    }
    const ready = await store.withRetry('open', () => (store.db!.exec(SCHEMA), true));
    if (!ready) {
      if (store.on) store.turnOff(`${options.file} stayed locked while opening`);
      return store;
    }
    await store.prune();
    if (options.daily) store.pruner = setInterval(() => void store.prune(), DAY_MS).unref();
    return store;
  }

  /** A store that records nothing, for where feedback is switched off (FEEDBACK_DB=off). */
  static off(reason: string): FeedbackStore {
    const store = new FeedbackStore('', 0, { info() {}, warn() {}, error() {} }, Date.now);
    store.offReason = reason;
    return store;
  }

  get on(): boolean {
    return this.db !== undefined && this.offReason === undefined;
  }

  /** Queues the row; resolves when it is written, dropped or the store is off. Never rejects. */
  record(entry: Unanswered): Promise<void> {
    // A slash option holds up to 6,000 characters; what a moderator needs to read is far less.
    const question = entry.question.toWellFormed().slice(0, QUESTION_MAX);
    const key = questionKey(question);
    const row = [
      entry.at ?? this.now(),
      entry.guild ?? null,
      entry.kind,
      question,
      key,
      JSON.stringify(entry.citations),
      entry.answer ?? null,
    ];
    this.queue = this.queue.then(() =>
      this.withRetry('record', () =>
        this.db?.run(
          'INSERT OR IGNORE INTO unanswered (at, guild, kind, question, key, citations, answer) VALUES (?, ?, ?, ?, ?, ?, ?)',
          row,
        ),
      ).then(() => undefined),
    );
    return this.queue;
  }

  /** The most asked unanswered questions of the last `days` days, in one server or (guild undefined) all. */
  async gaps(days: number, options: { guild?: string | undefined; limit?: number } = {}): Promise<GapsReport> {
    // This process's queued writes first: a moderator sees the question just refused.
    await this.queue;
    if (!this.on) return { on: false, reason: this.offReason ?? 'feedback is off' };
    const since = this.now() - days * DAY_MS;
    const where = options.guild === undefined ? '' : 'AND guild = ?';
    const rows = await this.withRetry('gaps', () =>
      this.db!.all(
        // SQLite takes a bare column beside max() from the row holding the maximum: the latest wording.
        `SELECT question, citations, max(at) AS last, count(*) AS count,
                sum(kind = 'refused') AS refused, sum(kind = 'disliked') AS disliked
           FROM unanswered WHERE at >= ? ${where} AND key <> ''
          GROUP BY key ORDER BY count DESC, last DESC LIMIT ?`,
        [since, ...(options.guild === undefined ? [] : [options.guild]), options.limit ?? 25],
      ),
    );
    if (!rows) return { on: false, reason: this.offReason ?? 'feedback is off' };
    return {
      on: true,
      gaps: rows.map((r) => ({
        question: String(r['question']),
        count: Number(r['count']),
        refused: Number(r['refused']),
        disliked: Number(r['disliked']),
        last: new Date(Number(r['last'])).toISOString(),
        citations: JSON.parse(String(r['citations'])) as string[],
      })),
    };
  }

  /** Deletes rows older than the retention; returns how many. */
  async prune(): Promise<number> {
    const before = this.now() - this.retentionDays * DAY_MS;
    const result = await this.withRetry('prune', () => this.db?.run('DELETE FROM unanswered WHERE at < ?', [before]));
    const removed = result?.changes ?? 0;
    if (removed) this.log.info({ removed, retentionDays: this.retentionDays }, 'pruned old feedback');
    return removed;
  }

  async close(): Promise<void> {
    clearInterval(this.pruner);
    await this.queue;
    try {
      this.db?.close();
    } catch (error) {
      this.log.warn({ err: error }, 'closing the feedback database failed');
    }
    this.db = undefined;
  }

  /** The work, tried again while the file is busy; undefined when it was dropped or the store is off. */
  private async withRetry<T>(what: string, work: () => T): Promise<T | undefined> {
    for (let attempt = 1; ; attempt++) {
      if (this.offReason !== undefined) return undefined;
      try {
        return work();
      } catch (error) {
        if (isBusy(error) && attempt < BUSY_TRIES) {
          await sleep(BUSY_WAIT_MS[0] + Math.random() * BUSY_WAIT_MS[1]);
          continue;
        }
        if (isBusy(error)) {
          this.log.warn({ file: this.file, what, tries: attempt }, 'the feedback database stayed locked; dropped');
          return undefined;
        }
        this.turnOff((error as Error)?.message ?? String(error));
        return undefined;
      }
    }
  }

  private turnOff(reason: string): void {
    this.offReason = reason;
    this.log.error({ file: this.file, reason }, 'feedback is off; answering goes on');
    try {
      this.db?.close();
    } catch {
      // Already unusable: nothing more to release.
    }
    this.db = undefined;
  }
}
