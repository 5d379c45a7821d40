import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Engine } from '../engine/engine.ts';

/**
 * Builds what the engine otherwise builds on first use (the /ask vocabularies, the
 * index of figures' words, the id and title lists autocomplete searches), so the first
 * questions after a start or a reload do not pay for it: about a second at 250k
 * passages, milliseconds on the seed corpus. Returns the time it took.
 */
export function warm(engine: Engine): number {
  const started = performance.now();
  engine.prepare();
  return performance.now() - started;
}

/**
 * One full garbage collection, once a corpus is loaded, indexed, warmed and its texts
 * spilled: loading leaves the parsed files and the building's scratch dead in the heap, and
 * V8 kept them until its heap had grown past them, so at 250k passages the bot held 650 MB
 * for its first two minutes in service and 470 MB after. About 0.2 s, before the bot logs
 * in (or, after a reload, once). V8's collector is reached through its flag, set here; where
 * that is refused, V8 collects in its own time, as before.
 */
export function collectLoadingGarbage(): void {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  } catch {
    // Not collected now: V8 will in its own time.
  }
}
