import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/bot.ts';
import { CORPUS_DIR, SEED_ARTICLE, copyCorpus, editJson } from '../support/corpus.ts';

describe('npm run corpus:check', () => {
  it('passes the real corpus', async () => {
    const { code, stdout } = await runScript('src/app/check.ts', { ...process.env, CORPUS_DIR });
    expect(code).toBe(0);
    expect(stdout).toMatch(/OK — 1 article\(s\), 15 passages, \d+ figures/);
  });

  it('exits 1 on a broken corpus, naming the file, the JSON path and the reason', async () => {
    const dir = await copyCorpus();
    await editJson(
      path.join(dir, 'articles', `${SEED_ARTICLE}.json`),
      (a) => (a.stats[0].quote = 'GDP exceeded 3.1 trillion yuan in 2023'),
    );
    const { code, stderr } = await runScript('src/app/check.ts', { ...process.env, CORPUS_DIR: dir });
    await rm(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(`articles/${SEED_ARTICLE}\\.json \\$\\.stats\\[0\\]\\.quote: is not verbatim in passage`),
    );
  });
});
