import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/app/config.ts';
import { createLogger } from '../../src/app/log.ts';
import { HISTORY_SIZE, historyFile, readHistory, writeHistory } from '../../src/console/history.ts';

const log = createLogger('silent');
const dir = mkdtempSync(path.join(tmpdir(), 'footnote-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the console history file', () => {
  it('lives under XDG_STATE_HOME, else in the home folder, unless FOOTNOTE_HISTORY names one', () => {
    expect(historyFile({}, { XDG_STATE_HOME: '/state' })).toEqual({
      path: '/state/footnote/history',
      size: HISTORY_SIZE,
    });
    expect(historyFile({}, {})!.path).toMatch(/\.footnote_history$/);
    // A relative XDG_STATE_HOME is invalid by the spec: ignored, not resolved against the project.
    expect(historyFile({}, { XDG_STATE_HOME: 'state' })!.path).toMatch(/\.footnote_history$/);
    expect(historyFile({ FOOTNOTE_HISTORY: '/h', FOOTNOTE_HISTORY_SIZE: 5 }, {})).toEqual({ path: '/h', size: 5 });
    expect(historyFile({ FOOTNOTE_HISTORY_SIZE: 0 }, { XDG_STATE_HOME: '/state' })).toBeUndefined();
  });

  it('is refused as a setting unless absolute', () => {
    expect(() => parseConfig({ FOOTNOTE_HISTORY: 'history.txt' })).toThrow(ConfigError);
    expect(() => parseConfig({ FOOTNOTE_HISTORY_SIZE: 'many' })).toThrow(/FOOTNOTE_HISTORY_SIZE/);
    expect(parseConfig({ FOOTNOTE_HISTORY: '/tmp/h', FOOTNOTE_HISTORY_SIZE: '0' })).toMatchObject({
      FOOTNOTE_HISTORY: '/tmp/h',
      FOOTNOTE_HISTORY_SIZE: 0,
    });
  });

  it('keeps the newest lines, oldest first on disk and newest first for readline, its owner’s alone', () => {
    const file = { path: path.join(dir, 'nested', 'history'), size: 3 };
    expect(readHistory(file, log)).toEqual([]);
    writeHistory(file, ['/e', '/d', '/c', '/b', '/a'], log);
    expect(readFileSync(file.path, 'utf8')).toBe('/c\n/d\n/e\n');
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(readHistory({ ...file, size: 2 }, log)).toEqual(['/e', '/d']);
  });
});

describe('REDIS_URL', () => {
  it('takes redis:// and rediss:// and names anything else without echoing it', () => {
    expect(parseConfig({ REDIS_URL: 'redis://:pw@127.0.0.1:6379/2' }).REDIS_URL).toBe('redis://:pw@127.0.0.1:6379/2');
    expect(parseConfig({ REDIS_URL: 'rediss://cache.internal:6380' }).REDIS_URL).toBeDefined();
    expect(parseConfig({}).REDIS_URL).toBeUndefined();
    const wrong = 'http://:hunter2@cache:6379';
    expect(() => parseConfig({ REDIS_URL: wrong })).toThrow(/REDIS_URL/);
    expect(() => parseConfig({ REDIS_URL: wrong })).not.toThrow(/hunter2/);
  });
});
