import type { Corpus } from '../../src/corpus/load.ts';
import { terms } from '../../src/text/normalize.ts';

/** A built index: the positions in the corpus of the `limit` best passages, best first. */
export type Search = (query: string, limit: number) => number[] | Promise<number[]>;

/**
 * A search engine a user could pick instead of ours, configured as its documentation recommends.
 * Each build imports its library itself, so the memory measured around it is the library's and
 * its index's (SQLite's WebAssembly heap among them), and the same for every engine.
 */
export interface Peer {
  name: string;
  /** Where the configuration comes from. */
  config: string;
  build(corpus: Corpus): Promise<Search>;
}

export const PEERS: readonly Peer[] = [
  {
    name: 'ours',
    config:
      'the engine as the bot opens it (src/engine/engine.ts); its PassageIndex.search. Build and memory include the figures and names indexes',
    async build(corpus) {
      const { Engine } = await import('../../src/engine/engine.ts');
      const { passages } = new Engine(corpus);
      const positions = new Map(corpus.passages.map((p, i) => [p.id, i]));
      return (query, limit) => passages.search(query, limit).hits.map((h) => positions.get(h.passage.id)!);
    },
  },
  {
    name: 'MiniSearch',
    // README "Search options": prefix and fuzzy 0.2 as the default searchOptions; no limit option, so the best are sliced.
    config: 'minisearch README: fields [text], searchOptions { prefix: true, fuzzy: 0.2 }, BM25',
    async build(corpus) {
      const { default: MiniSearch } = await import('minisearch');
      const index = new MiniSearch<{ id: number; text: string }>({
        fields: ['text'],
        searchOptions: { prefix: true, fuzzy: 0.2 },
      });
      index.addAll(corpus.passages.map((p, id) => ({ id, text: p.text })));
      return (query, limit) =>
        index
          .search(query)
          .slice(0, limit)
          .map((r) => r.id as number);
    },
  },
  {
    name: 'FlexSearch',
    // README "Presets": `score` is "primarily optimized for scoring capabilities (order of results)";
    // "Suggestions": without suggest a query needs every term, which a question never has.
    config: 'flexsearch README: new Index({ preset: "score" }), numeric ids, search(q, { limit, suggest: true })',
    async build(corpus) {
      const { Index } = await import('flexsearch');
      const index = new Index({ preset: 'score' });
      corpus.passages.forEach((p, id) => index.add(id, p.text));
      return (query, limit) => index.search(query, { limit, suggest: true }) as number[];
    },
  },
  {
    name: 'Orama',
    // docs.orama.com "Create a new Orama instance" and "Search": a string schema, insertMultiple, search({ term, limit });
    // defaults otherwise (BM25, tolerance 0: typo tolerance 1 took seconds a query at 10k in ../shared/notes/search.md).
    config:
      'Orama docs: create({ schema: { text: "string" } }), insertMultiple, search({ term, limit }), defaults (BM25)',
    async build(corpus) {
      const { create, insertMultiple, search } = await import('@orama/orama');
      const db = create({ schema: { text: 'string' } as const });
      await insertMultiple(
        db,
        corpus.passages.map((p, i) => ({ id: String(i), text: p.text })),
        1000,
      );
      return async (query, limit) => (await search(db, { term: query, limit })).hits.map((h) => Number(h.id));
    },
  },
  {
    name: 'SQLite FTS5',
    // sqlite.org/fts5.html: an FTS5 table ranked by bm25() ("ORDER BY bm25(t)", best first), fed our
    // tokens (terms()) and the query's terms as an OR of phrases, so tokenizing and stemming are equal to ours.
    config:
      'sqlite.org/fts5.html via node-sqlite3-wasm: fts5(body) over our terms(), MATCH "t1" OR "t2", ORDER BY bm25()',
    async build(corpus) {
      const { default: sqlite } = await import('node-sqlite3-wasm');
      const db = new sqlite.Database();
      db.exec("CREATE VIRTUAL TABLE passages USING fts5(body, tokenize = 'unicode61')");
      const insert = db.prepare('INSERT INTO passages(rowid, body) VALUES (?, ?)');
      db.exec('BEGIN');
      corpus.passages.forEach((p, i) => insert.run([i + 1, terms(p.text).join(' ')]));
      db.exec('COMMIT');
      insert.finalize();
      const select = db.prepare('SELECT rowid FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ?');
      return (query, limit) => {
        const words = [...new Set(terms(query.slice(0, 2000)))];
        if (!words.length) return [];
        const match = words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ');
        return select.all([match, limit]).map((row) => Number(row.rowid) - 1);
      };
    },
  },
  {
    name: 'Fuse.js',
    // The design sketch's starting point: ignoreLocation so a match past the 60th character counts (krisk/Fuse #404, #455).
    config: 'fuse.js docs: keys [text], ignoreLocation, threshold 0.4, search(q, { limit })',
    async build(corpus) {
      const { default: Fuse } = await import('fuse.js');
      const index = new Fuse(corpus.passages, {
        keys: ['text'],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.4,
      });
      return (query, limit) => index.search(query, { limit }).map((r) => r.refIndex);
    },
  },
];

export function peerNamed(name: string): Peer {
  const peer = PEERS.find((p) => p.name === name);
  if (!peer) throw new Error(`no peer "${name}" (${PEERS.map((p) => p.name).join(', ')})`);
  return peer;
}
