import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/app/open.ts';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const launcher = (...args: string[]) =>
  run(process.execPath, ['bin/footnote.mjs', ...args], { cwd: root, env: { ...process.env, FOOTNOTE_LANG: 'en' } });
const tsx = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, FOOTNOTE_LANG: 'en' } });

/**
 * The compiled entry points (bin/footnote.mjs → dist/) must be the sources: the same
 * answers, data files found from the bundle, and the prebuilt index's code fingerprint
 * the same whether the code runs compiled or through tsx.
 */
describe('bin/footnote.mjs', () => {
  it('answers as the TypeScript does, /ask’s short-form lexicon included', async () => {
    for (const line of ['/stat gdp', '/ask jiangsu gdp yoy?', '/region jiangsu']) {
      const compiled = JSON.parse((await launcher('query', '--json', line)).stdout);
      const source = JSON.parse((await tsx('src/console/query.ts', '--json', line)).stdout);
      expect(compiled).toEqual(source);
      expect(compiled.found).toBe(true);
    }
  }, 60_000);

  it('writes a prebuilt index that the TypeScript serves from: one code fingerprint for both', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'footnote-launcher-'));
    try {
      await cp(path.join(root, 'corpus'), dir, { recursive: true, filter: (f) => !f.endsWith('footnote.index') });
      await launcher('corpus-build', dir);
      const { report } = await openCorpus(dir);
      expect(report.index).toBe('prebuilt');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('rebuilds dist/ when a source has changed since it was built', async () => {
    await launcher('--build');
    const stamp = path.join(root, 'dist/sources.sha256');
    const before = await readFile(stamp, 'utf8');
    const source = path.join(root, 'src/main.ts');
    const { atime, mtime } = await stat(source);
    try {
      await utimes(source, atime, new Date(mtime.getTime() + 1000));
      await launcher('query', '/help');
      expect(await readFile(stamp, 'utf8')).not.toBe(before);
    } finally {
      await utimes(source, atime, mtime);
    }
  }, 60_000);
});
