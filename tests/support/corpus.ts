import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openEngine } from '../../src/app/open.ts';
import type { Engine } from '../../src/engine/engine.ts';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../corpus');
export const SEED_ARTICLE = 'cctv-2024-05-productive-forces';

let seed: Promise<Engine> | undefined;
/** The engine on the real corpus, built once per test file. */
export function seedEngine(): Promise<Engine> {
  return (seed ??= openEngine(CORPUS_DIR));
}

/** A private copy of the real corpus, to break on purpose. */
export async function copyCorpus(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'footnote-corpus-'));
  await cp(CORPUS_DIR, dir, { recursive: true });
  return dir;
}

export async function editJson(file: string, edit: (data: any) => void): Promise<void> {
  const data = JSON.parse(await readFile(file, 'utf8'));
  edit(data);
  await writeFile(file, JSON.stringify(data, null, 2));
}
