import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEERS } from '../../bench/peers/engines.ts';
import { writeSyntheticCorpus } from '../../bench/synthetic/corpus.ts';
import { plantedQuestions, plantSharedArticles } from '../../bench/synthetic/planted.ts';
import { loadCorpus, type Corpus } from '../../src/corpus/load.ts';

/** A development-set article in the set's own layout: a header line, then body paragraphs. */
const ARTICLE = [
  '# Harbin opens an ice lantern foundry | Test Daily | 2024-01-15 | https://example.com/harbin',
  '',
  'Winter tourism in the north keeps drawing visitors.',
  '',
  'The Songhua riverbank foundry carved 4,200 ice lanterns for the sculpture festival this winter.',
  '',
  'Officials expect more visitors next year.',
].join('\n');

let dir: string;
let corpus: Corpus;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'footnote-peers-'));
  const evalDir = path.join(dir, 'eval');
  await mkdir(path.join(evalDir, 'articles'), { recursive: true });
  await writeFile(path.join(evalDir, 'articles', '99-harbin-ice-2024.txt'), ARTICLE);
  await writeFile(
    path.join(evalDir, 'questions.json'),
    JSON.stringify([
      { article: '99-harbin-ice-2024.txt', q: 'songhua ice lantern foundry', kind: 'passage', paragraph: 1 },
    ]),
  );
  const corpusDir = path.join(dir, 'corpus');
  await writeSyntheticCorpus(corpusDir, 60, {
    gazetteer: path.resolve(import.meta.dirname, '../../corpus/gazetteer.json'),
  });
  expect(await plantSharedArticles(corpusDir, evalDir)).toMatchObject({ articles: 1, passages: 3 });
  corpus = await loadCorpus(corpusDir);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the benchmark’s peers', () => {
  it('map a question to its planted paragraph (0-based in the set, 1-based in the corpus)', async () => {
    expect(await plantedQuestions(path.join(dir, 'eval'))).toEqual([
      { q: 'songhua ice lantern foundry', passage: 'eval-99-harbin-ice-2024#p2' },
    ]);
  });

  it.each(PEERS.map((p) => [p.name, p] as const))(
    '%s ranks the planted passage first for its own words',
    async (_, peer) => {
      const search = await peer.build(corpus);
      const top = await search('songhua ice lantern foundry', 3);
      expect(corpus.passages[top[0]!]?.id).toBe('eval-99-harbin-ice-2024#p2');
    },
  );
});
