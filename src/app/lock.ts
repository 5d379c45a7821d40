import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The lock file corpus:add holds on a corpus while it reads, validates and writes it. Not a corpus file: a watcher ignores it. */
export const LOCK_FILE = '.corpus-add.lock';

/** Another process holds the lock, and is alive. */
export class LockedError extends Error {
  constructor(readonly pid: number) {
    super(`the corpus is locked by process ${pid}`);
    this.name = 'LockedError';
  }
}

/**
 * Takes the corpus's lock, or throws LockedError naming the process that holds it. The file
 * is created with O_EXCL, so of two processes only one can; a lock whose process is gone (a
 * crash, a kill -9) is stale and is taken over. Returns the function that releases it.
 */
export function lockCorpus(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        try {
          if (holder(file) === process.pid) unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = holder(file);
    // Half-written (the other process is between open and write) counts as held, once.
    if (pid === undefined && attempt === 0) continue;
    if (pid !== undefined && alive(pid)) throw new LockedError(pid);
    if (attempt > 2) throw new LockedError(pid ?? 0);
    try {
      // Read again just before: another process may have taken the stale lock over meanwhile.
      if (holder(file) === pid) unlinkSync(file);
    } catch {
      // Another process took the stale lock over first; try again.
    }
  }
}

function holder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
