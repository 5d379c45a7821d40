import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedbackStore, type FeedbackLog } from '../../src/feedback/store.ts';
import { questionKey } from '../../src/feedback/key.ts';

const root = path.resolve(import.meta.dirname, '../..');
const DAY = 86_400_000;

function recordingLog() {
  const lines: { level: string; fields: object; message: string }[] = [];
  const log: FeedbackLog = {
    info: (fields, message) => lines.push({ level: 'info', fields, message }),
    warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
    error: (fields, message) => lines.push({ level: 'error', fields, message }),
  };
  return { log, lines };
}

const tempFile = async (name = 'feedback.db') => path.join(await mkdtemp(path.join(tmpdir(), 'footnote-fb-')), name);

describe('questionKey', () => {
  it('groups the same question asked differently, and keeps different ones apart', () => {
    expect(questionKey('gdp of mars?')).toBe(questionKey('what’s the GDP of Mars'));
    expect(questionKey('hey bot, what was the GDP of Mars? thx')).toBe('gdp mar');
    expect(questionKey('GDP of Venus')).not.toBe(questionKey('GDP of Mars'));
  });
});

describe('the feedback store', () => {
  it('counts unanswered questions by what they ask, within the days asked for, in one server or all', async () => {
    const file = await tempFile();
    let now = Date.UTC(2026, 0, 31);
    const store = await FeedbackStore.open({ file, retentionDays: 90, log: recordingLog().log, now: () => now });
    await store.record({ kind: 'refused', guild: 'A', question: 'gdp of mars?', citations: [] });
    now += 1000;
    await store.record({ kind: 'refused', guild: 'A', question: 'What’s the GDP of Mars', citations: [] });
    const dislike = {
      kind: 'disliked',
      guild: 'A',
      question: 'jiangsu exports',
      citations: ['a#p2'],
      answer: 'm1',
    } as const;
    await store.record(dislike);
    // The same answer pressed twice counts once.
    await store.record(dislike);
    now += 1000;
    await store.record({ kind: 'refused', guild: 'B', question: 'gdp of mars', citations: [] });
    await store.record({ kind: 'refused', guild: 'A', question: 'old one', citations: [], at: now - 40 * DAY });
    const inA = await store.gaps(30, { guild: 'A' });
    expect(inA).toEqual({
      on: true,
      gaps: [
        expect.objectContaining({ question: 'What’s the GDP of Mars', count: 2, refused: 2, disliked: 0 }),
        expect.objectContaining({ question: 'jiangsu exports', count: 1, disliked: 1, citations: ['a#p2'] }),
      ],
    });
    const all = await store.gaps(60);
    expect(all.on && all.gaps.map((g) => [g.question, g.count])).toEqual([
      ['gdp of mars', 3],
      ['jiangsu exports', 1],
      ['old one', 1],
    ]);
    // Past the retention, rows are deleted.
    now += 70 * DAY;
    expect(await store.prune()).toBe(1);
    await store.close();
  });

  it('keeps no user id: the table has no column for one', async () => {
    const file = await tempFile();
    const store = await FeedbackStore.open({ file, retentionDays: 90, log: recordingLog().log });
    await store.record({ kind: 'refused', guild: 'A', question: 'q', citations: [] });
    await store.close();
    const { default: sqlite } = await import('node-sqlite3-wasm');
    const db = new sqlite.Database(file, { readOnly: true });
    const columns = db.all('PRAGMA table_info(unanswered)').map((c) => c['name']);
    db.close();
    expect(columns).toEqual(['id', 'at', 'guild', 'kind', 'question', 'key', 'citations', 'answer']);
  });

  it('turns itself off, logged, on a corrupt file or a missing folder, and never throws', async () => {
    const corrupt = await tempFile();
    await writeFile(corrupt, 'not a database '.repeat(200));
    const { log, lines } = recordingLog();
    const store = await FeedbackStore.open({ file: corrupt, retentionDays: 90, log });
    expect(store.on).toBe(false);
    await store.record({ kind: 'refused', question: 'q', citations: [] });
    expect(await store.gaps(30)).toEqual({ on: false, reason: 'file is not a database' });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'feedback is off; answering goes on' }),
    );

    const missing = await FeedbackStore.open({ file: '/nonexistent/dir/f.db', retentionDays: 90, log });
    expect(await missing.gaps(30)).toEqual({ on: false, reason: 'the folder of /nonexistent/dir/f.db does not exist' });
  });

  it('waits out a lock another process holds, then writes', async () => {
    const file = await tempFile();
    const { log, lines } = recordingLog();
    const store = await FeedbackStore.open({ file, retentionDays: 90, log });
    // node-sqlite3-wasm's lock is a directory beside the file: held, every write is busy.
    await mkdir(`${file}.lock`);
    const writing = store.record({ kind: 'refused', question: 'while locked', citations: [] });
    await new Promise((r) => setTimeout(r, 300));
    const { rmdir } = await import('node:fs/promises');
    await rmdir(`${file}.lock`);
    await writing;
    const report = await store.gaps(1);
    expect(report.on && report.gaps.map((g) => g.question)).toEqual(['while locked']);
    expect(lines.filter((l) => l.level !== 'info')).toEqual([]);
    await store.close();
  });

  it('takes every row when shard processes write the same file at once', async () => {
    const file = await tempFile();
    const writer = `
      import { FeedbackStore } from './src/feedback/store.ts';
      const log = { info() {}, warn: (f, m) => console.error(m), error: (f, m) => console.error(m) };
      const store = await FeedbackStore.open({ file: process.argv[1], retentionDays: 90, log });
      await Promise.all(Array.from({ length: 100 }, (_, i) =>
        store.record({ kind: 'refused', guild: process.argv[2], question: 'q ' + process.argv[2] + ' ' + i, citations: [] })));
      await store.close();`;
    const run = (shard: string) =>
      new Promise<string>((resolve) => {
        const child = spawn(
          path.join(root, 'node_modules/.bin/tsx'),
          ['--input-type=module', '-e', writer, file, shard],
          { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let err = '';
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', () => resolve(err));
      });
    const errors = await Promise.all(['s0', 's1', 's2'].map(run));
    expect(errors).toEqual(['', '', '']);
    const store = await FeedbackStore.open({ file, retentionDays: 90, log: recordingLog().log });
    const report = await store.gaps(1, { limit: 1000 });
    await store.close();
    expect(report.on && report.gaps.length).toBe(300);
  }, 120_000);
});
