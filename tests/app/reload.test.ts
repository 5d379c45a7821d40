import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/errors.ts';
import { LiveEngine } from '../../src/app/reload.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { createLogger } from '../../src/app/log.ts';

const log = createLogger('silent');

/** Stand-ins for engines: only what LiveEngine reads. */
function engine(name: string): Engine {
  return { name, corpus: { articles: [name], passages: [], stats: [] } } as unknown as Engine;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((a, b) => ([resolve, reject] = [a, b]));
  return { promise, resolve, reject };
}

describe('LiveEngine', () => {
  it('answers from the old engine until the new one is whole, then from the new one', async () => {
    const next = deferred<Engine>();
    const old = engine('old');
    const live = new LiveEngine(old, () => next.promise, log);
    const reloading = live.reload('test');
    expect(live.current()).toBe(old);
    const fresh = engine('new');
    next.resolve(fresh);
    await expect(reloading).resolves.toMatchObject({ ok: true, articles: 1 });
    expect(live.current()).toBe(fresh);
  });

  it('keeps the old engine when the new corpus is invalid, and says which file and field', async () => {
    const old = engine('old');
    const problem = {
      file: 'corpus/articles/x.json',
      path: '$.stats[0].value',
      message: 'does not match the written form',
    };
    const live = new LiveEngine(old, () => Promise.reject(new CorpusError([problem])), log);
    await expect(live.reload('test')).resolves.toMatchObject({ ok: false, problems: [problem] });
    expect(live.current()).toBe(old);
  });

  it('folds reloads asked for during a reload into one more, which reads the files after the first', async () => {
    const loads: ReturnType<typeof deferred<Engine>>[] = [];
    const live = new LiveEngine(
      engine('old'),
      () => {
        const d = deferred<Engine>();
        loads.push(d);
        return d.promise;
      },
      log,
    );
    const first = live.reload('a');
    const second = live.reload('b');
    const third = live.reload('c');
    expect(second).toBe(third);
    expect(loads).toHaveLength(1);
    loads[0]!.resolve(engine('first'));
    await first;
    await new Promise((r) => setImmediate(r));
    expect(loads).toHaveLength(2);
    const last = engine('second');
    loads[1]!.resolve(last);
    await expect(second).resolves.toMatchObject({ ok: true });
    expect(live.current()).toBe(last);
  });

  it('tells its listeners where each swap was asked for; a folded reload is "here" if any call was', async () => {
    const loads: ReturnType<typeof deferred<Engine>>[] = [];
    const live = new LiveEngine(
      engine('old'),
      () => {
        const d = deferred<Engine>();
        loads.push(d);
        return d.promise;
      },
      log,
    );
    const told: string[] = [];
    live.onReloaded((e, origin) => told.push(`${(e as unknown as { name: string }).name} ${origin}`));
    const followed = live.reload('published elsewhere', 'elsewhere');
    const folded = [live.reload('also elsewhere', 'elsewhere'), live.reload('/reload')];
    loads[0]!.resolve(engine('first'));
    await followed;
    await new Promise((r) => setImmediate(r));
    loads[1]!.resolve(engine('second'));
    await Promise.all(folded);
    expect(told).toEqual(['first elsewhere', 'second here']);
    // A failed reload swaps nothing and tells no one.
    const failing = new LiveEngine(engine('old'), () => Promise.reject(new Error('broken')), log);
    failing.onReloaded(() => told.push('never'));
    await failing.reload('/reload');
    expect(told).toHaveLength(2);
  });
});
