import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Engine } from '../engine/engine.ts';
import type { Logger } from './log.ts';
import type { ReloadOutcome } from '../command/command.ts';
import { CorpusError } from '../corpus/errors.ts';

/** Files whose change changes the corpus; the prebuilt index and half-written temporaries do not. */
const CORPUS_FILE = /^(?:gazetteer\.json|articles[/\\][^./\\][^/\\]*\.json|sources[/\\][^./\\][^/\\]*)$/;
/** Where CORPUS_FILE's files are: the corpus folder itself, and two below it. */
const CORPUS_FOLDERS = ['', 'articles', 'sources'] as const;
/** Editors and `corpus:add` write several files in a row: wait for the burst to end. */
const SETTLE_MS = 300;

/**
 * The engine the bot serves, and its replacement. A reload builds a whole new
 * engine from the corpus on disk and swaps one reference only if the new corpus is
 * valid; until then, and if it is not, every question is answered by the old one.
 * A request holds the engine it started with, so none sees a half-built index.
 */
/**
 * Why a reload ran: asked for on this machine (a /reload, a changed file), or to follow
 * a corpus version another machine published, which is not published again.
 */
export type ReloadOrigin = 'here' | 'elsewhere';

export class LiveEngine {
  private engine: Engine;
  private running: Promise<ReloadOutcome> | undefined;
  private queued: Promise<ReloadOutcome> | undefined;
  private queuedHere = false;
  private readonly listeners: ((engine: Engine, origin: ReloadOrigin) => void)[] = [];
  private readonly swapped = new Set<(before: Engine, after: Engine) => void>();

  constructor(
    initial: Engine,
    private readonly open: () => Promise<Engine>,
    private readonly log: Logger,
  ) {
    this.engine = initial;
  }

  /** Calls `listener` after each swap to a new corpus, with the engine before and after. */
  onSwap(listener: (before: Engine, after: Engine) => void): void {
    this.swapped.add(listener);
  }

  /** The engine to answer with now. */
  readonly current = (): Engine => this.engine;

  /** Called after each reload that swapped in a new engine. */
  onReloaded(listener: (engine: Engine, origin: ReloadOrigin) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Reloads the corpus. While one reload runs, calls share a single follow-up one,
   * which reads the files as they are after the running one: a change made during a
   * reload is never missed, and a burst of requests costs two loads, not one each.
   * The follow-up counts as asked for here if any of the calls it stands for was.
   */
  reload(reason: string, origin: ReloadOrigin = 'here'): Promise<ReloadOutcome> {
    if (!this.running) {
      this.running = this.run(reason, origin).finally(() => (this.running = undefined));
      return this.running;
    }
    this.queuedHere ||= origin === 'here';
    this.queued ??= this.running.then(() => {
      const here = this.queuedHere;
      this.queued = undefined;
      this.queuedHere = false;
      return this.reload(reason, here ? 'here' : 'elsewhere');
    });
    return this.queued;
  }

  private async run(reason: string, origin: ReloadOrigin): Promise<ReloadOutcome> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const next = await this.open();
      const before = this.engine;
      this.engine = next;
      for (const listener of this.swapped) {
        try {
          listener(before, next);
        } catch (error) {
          this.log.error({ err: error }, 'a listener of corpus reloads failed');
        }
      }
      const { articles, passages, stats, fingerprint: version } = next.corpus;
      this.log.info(
        { reason, articles: articles.length, passages: passages.length, stats: stats.length, version, ms: ms() },
        'corpus reloaded',
      );
      this.tell(next, origin);
      return { ok: true, articles: articles.length, passages: passages.length, stats: stats.length, ms: ms() };
    } catch (error) {
      const problems =
        error instanceof CorpusError
          ? error.problems
          : [{ file: '(corpus)', path: '$', message: (error as Error).message }];
      this.log.error({ reason, problems, ms: ms() }, 'corpus reload failed; still serving the previous corpus');
      return { ok: false, problems, ms: ms() };
    }
  }

  /** A listener that fails is logged; the engine it was told about is served regardless. */
  private tell(engine: Engine, origin: ReloadOrigin): void {
    for (const listener of this.listeners) {
      try {
        listener(engine, origin);
      } catch (error) {
        this.log.error({ err: error }, 'a reload listener failed');
      }
    }
  }

  /**
   * Reloads when a corpus file changes under `dir`. Returns a function that stops watching.
   *
   * The three folders corpus files live in are watched each on its own, not the tree: on
   * Linux a recursive watch is Node's own, one watcher and one kept file status per file, and
   * at 50,000 files that held 70 MB for the life of the bot. A folder's watch reports its
   * files' changes all the same.
   */
  watch(dir: string): () => void {
    let timer: NodeJS.Timeout | undefined;
    const watchers: FSWatcher[] = [];
    for (const folder of CORPUS_FOLDERS) {
      const at = path.join(dir, folder);
      try {
        const watcher = watch(at, (_event, name) => {
          const file = name && (folder ? `${folder}/${name.toString()}` : name.toString());
          if (!file || !CORPUS_FILE.test(file)) return;
          clearTimeout(timer);
          timer = setTimeout(() => void this.reload(`file changed: ${file}`), SETTLE_MS);
        });
        watcher.on('error', (error) =>
          this.log.warn({ err: error, dir: at }, 'stopped watching a corpus folder; /reload still works'),
        );
        watchers.push(watcher);
      } catch (error) {
        this.log.warn({ err: error, dir: at }, 'cannot watch a corpus folder; /reload still works');
      }
    }
    if (watchers.length) this.log.info({ dir }, 'watching the corpus for changes');
    return () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    };
  }
}
