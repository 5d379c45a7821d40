import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../app/log.ts';

/** Where the console keeps the lines typed at it, and how many. */
export interface HistoryFile {
  path: string;
  size: number;
}

/** As many lines as node's REPL keeps by default. */
export const HISTORY_SIZE = 1000;

/**
 * FOOTNOTE_HISTORY, else $XDG_STATE_HOME/footnote/history, else ~/.footnote_history:
 * in the user's own files, never the project's (a shared checkout would hand one
 * person's questions to the next). FOOTNOTE_HISTORY_SIZE=0 keeps none.
 */
export function historyFile(
  settings: { FOOTNOTE_HISTORY?: string | undefined; FOOTNOTE_HISTORY_SIZE?: number | undefined },
  env: NodeJS.ProcessEnv = process.env,
): HistoryFile | undefined {
  const size = settings.FOOTNOTE_HISTORY_SIZE ?? HISTORY_SIZE;
  if (size === 0) return undefined;
  if (settings.FOOTNOTE_HISTORY) return { path: settings.FOOTNOTE_HISTORY, size };
  const state = env['XDG_STATE_HOME'];
  if (state && path.isAbsolute(state)) return { path: path.join(state, 'footnote', 'history'), size };
  const home = safeHome();
  return home ? { path: path.join(home, '.footnote_history'), size } : undefined;
}

function safeHome(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/** The kept lines, newest first as readline takes them; none when the file is absent or unreadable. */
export function readHistory(file: HistoryFile, log: Logger): string[] {
  let text: string;
  try {
    text = readFileSync(file.path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      log.warn({ err: error, file: file.path }, 'cannot read the console history; starting without it');
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim())
    .slice(-file.size)
    .reverse();
}

let warnedWrite = false;

/** Keeps readline's history (newest first) in the file, oldest line first, readable by its owner alone. */
export function writeHistory(file: HistoryFile, lines: readonly string[], log: Logger): void {
  try {
    mkdirSync(path.dirname(file.path), { recursive: true, mode: 0o700 });
    const kept = lines.slice(0, file.size).reverse();
    writeFileSync(file.path, kept.length ? `${kept.join('\n')}\n` : '', { mode: 0o600 });
  } catch (error) {
    if (warnedWrite) return;
    warnedWrite = true;
    log.warn({ err: error, file: file.path }, 'cannot write the console history; it is kept for this run only');
  }
}
