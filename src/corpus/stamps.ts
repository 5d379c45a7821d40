import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/**
 * A file changed this long before the load began, or later, proves nothing by its times:
 * file systems stamp in ticks (ext4 and tmpfs in milliseconds, FAT in 2 s), and a second
 * write in the tick of the first, after the loader read the file, would leave them as they were.
 */
const RACY_MS = 3000;
/** Work between yields to the event loop, as the loader does. */
const SLICE_MS = 10;
/** Numbers kept a file. */
const FIELDS = 4;
/** The folder whose *.json files are the corpus's articles (load.ts). */
const ARTICLES = 'articles';

/**
 * What each corpus file looked like when the loader read it: which file it was (its inode: a
 * symbolic link pointed elsewhere, or another file renamed over it, is another file), its
 * size, when its content was last written (mtime) and when the file last changed in any way
 * (ctime, which no tool can set back: `touch -d`, `cp -p` and rsync can set mtime, not ctime).
 * Git tells a changed work tree from an unchanged one the same way.
 *
 * The prebuilt file keeps the stamps of the corpus it was built from; a start whose files all
 * still carry them, in an articles folder that lists the same files, is reading that corpus,
 * and need not read, parse and check it again. A file whose times fall within RACY_MS of the
 * load is stamped as unknown, so it never vouches; the next full load stamps it afresh.
 */
export class FileStamps {
  /** Paths relative to the corpus folder, in the order read. */
  private readonly files: string[] = [];
  /** ino, size, mtimeMs, ctimeMs of each file (FIELDS a file); the times NaN when they prove nothing. */
  private readonly values: number[] = [];

  /** `since`: wall-clock milliseconds from which a file's times prove nothing (a load's start, less RACY_MS). */
  constructor(private readonly since = Date.now() - RACY_MS) {}

  /** Called by the loader with the status of each file as it reads it (fstat on the descriptor it reads). */
  record(file: string, stat: Stats): void {
    const racy = Math.max(stat.mtimeMs, stat.ctimeMs) >= this.since;
    this.files.push(file);
    this.values.push(stat.ino, stat.size, racy ? NaN : stat.mtimeMs, racy ? NaN : stat.ctimeMs);
  }

  /** True when every file still carries its stamp and the articles folder lists exactly the files recorded from it. */
  async unchanged(dir: string): Promise<boolean> {
    const articles = this.files.filter((f) => path.dirname(f) === ARTICLES).map((f) => path.basename(f));
    let listed: string[];
    try {
      listed = readdirSync(path.join(dir, ARTICLES))
        .filter((f) => f.endsWith('.json'))
        .sort();
    } catch {
      return false;
    }
    if (listed.length !== articles.length || listed.some((name, i) => name !== articles[i])) return false;
    let sliceStart = performance.now();
    // Joined by hand: path.join's normalising took a tenth of the time at 50,000 files.
    const root = path.join(dir, path.sep);
    for (let i = 0; i < this.files.length; i++) {
      const stat = statSync(root + this.files[i]!, { throwIfNoEntry: false });
      const at = i * FIELDS;
      const [ino, size, mtime, ctime] = [this.values[at], this.values[at + 1], this.values[at + 2], this.values[at + 3]];
      // NaN equals nothing: a racy stamp never matches.
      if (!stat || stat.ino !== ino || stat.size !== size || stat.mtimeMs !== mtime || stat.ctimeMs !== ctime)
        return false;
      if (performance.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    return true;
  }

  /** Forgets every file, for a load that starts over. */
  clear(): void {
    this.files.length = 0;
    this.values.length = 0;
  }

  get size(): number {
    return this.files.length;
  }

  /** As the prebuilt file keeps them: a line of JSON a file, [path, ino, size, mtimeMs, ctimeMs], NaN written as null. */
  *lines(): Generator<string> {
    for (let i = 0; i < this.files.length; i++) {
      const values = this.values.slice(i * FIELDS, (i + 1) * FIELDS).map((v) => (Number.isNaN(v) ? null : v));
      yield `${JSON.stringify([this.files[i], ...values])}\n`;
    }
  }

  /** Takes back one of lines(). */
  restore(line: unknown): void {
    if (
      !Array.isArray(line) ||
      line.length !== FIELDS + 1 ||
      typeof line[0] !== 'string' ||
      !line.slice(1).every((v) => v === null || typeof v === 'number')
    )
      throw new Error('not the stamp of a corpus file');
    this.files.push(line[0]);
    for (const value of line.slice(1) as (number | null)[]) this.values.push(value ?? NaN);
  }
}
