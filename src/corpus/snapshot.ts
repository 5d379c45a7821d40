import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Compactor, type PlacedArticle } from './compact.ts';
import { assemble, type Corpus } from './load.ts';
import { ArticleSchema, ChangeSchema, PassageSchema, StatisticSchema, type Gazetteer, type Passage } from './schema.ts';
import { StoredPassage, TextStore } from './text-store.ts';

/** Work between yields to the event loop, as the loader does: a reload never stalls the bot for longer. */
const SLICE_MS = 10;

/**
 * A checked corpus as the prebuilt file keeps it, so that a start which finds the corpus's
 * files unchanged (stamps.ts) takes it from there instead of reading, parsing and checking
 * 50,000 files again. Two parts:
 * - `lines`: UTF-8 JSON, one document a line: the gazetteer, then each article as the
 *   loader checked it, with `strings`, a table of the strings the corpus repeats (tags,
 *   gazetteer ids, units, periods, outlets). In an article each object is the list of its fields' values in the
 *   schema's order (null for an absent one), a repeated string its number in the table, and
 *   a passage's text its place in the text store: at 250k passages 50 MB, where the same
 *   with keys and every string written out took 92 MB. One line per article lets a reload
 *   parse between turns of the event loop.
 * - `texts`: the passages' texts, as the corpus's TextStore holds them; the file's bytes are
 *   used as they are (TextStore.of), so the texts are not decoded and stored again.
 * Only ever made from a corpus that passed every check, and read back only under the code
 * that made it (the prebuilt file's code fingerprint covers this folder).
 */
export interface CorpusSnapshot {
  /** Made line by line as they are written: the whole would be as large again as the articles. */
  lines: () => Iterable<string>;
  /** The table of shared strings, whole once every line has been made. */
  strings: () => string[];
  texts: Buffer[];
}

/** How an object is written: its fields in order, which hold repeated strings, which hold objects (or lists of them). */
interface Shape {
  keys: readonly string[];
  shared: ReadonlySet<string>;
  nested?: Readonly<Record<string, { shape: Shape; list: boolean }>>;
}

const fields = (schema: { shape: object }, ...except: string[]) => Object.keys(schema.shape).filter((k) => !except.includes(k));
const CHANGE: Shape = { keys: fields(ChangeSchema), shared: new Set(['unit', 'basis']) };
const STATISTIC: Shape = {
  keys: fields(StatisticSchema),
  shared: new Set(['metric', 'unit', 'qualifier', 'period', 'region', 'inferred']),
  nested: { change: { shape: CHANGE, list: false } },
};
/** A passage's text is not written here: `at` and `bytes` say where the texts section holds it. */
const PASSAGE: Shape = {
  keys: [...fields(PassageSchema, 'text'), 'at', 'bytes'],
  shared: new Set(['regions', 'people', 'speaker', 'speech', 'topics']),
};
const ARTICLE: Shape = {
  keys: fields(ArticleSchema),
  shared: new Set(['outlet', 'published', 'language', 'translatedFrom', 'translation']),
  nested: { passages: { shape: PASSAGE, list: true }, stats: { shape: STATISTIC, list: true } },
};

export function snapshotOf(corpus: Corpus): CorpusSnapshot {
  const store = storeOf(corpus);
  const table = new Map<string, number>();
  function* lines(): Generator<string> {
    const share = (text: string) => {
      let n = table.get(text);
      if (n === undefined) table.set(text, (n = table.size));
      return n;
    };
    yield `${JSON.stringify(corpus.gazetteer)}\n`;
    for (const article of corpus.articles) {
      const passages = article.passages.map((p) => ({ ...fieldsOf(p), ...StoredPassage.placeOf(p as StoredPassage) }));
      yield `${JSON.stringify(encode({ ...article, passages }, ARTICLE, share))}\n`;
    }
  }
  return { lines, strings: () => [...table.keys()], texts: store.buffers() };
}

/** The corpus a snapshot was made of, for `dir` (where its files are) and with its fingerprint. */
export async function corpusFromSnapshot(
  dir: string,
  fingerprint: string,
  snapshot: { strings: unknown; lines: AsyncIterable<readonly string[]>; texts: Buffer[] },
): Promise<Corpus> {
  const { strings: table } = snapshot;
  if (!Array.isArray(table) || !table.every((s) => typeof s === 'string')) throw new Error('not a table of strings');
  const compactor = new Compactor(TextStore.of(snapshot.texts));
  let gazetteer: Gazetteer | undefined;
  const articles = [];
  let sliceStart = performance.now();
  for await (const lines of snapshot.lines) {
    for (const line of lines) {
      const value: unknown = JSON.parse(line);
      if (gazetteer === undefined) gazetteer = value as Gazetteer;
      else articles.push(compactor.placed(decode(value as unknown[], ARTICLE, table) as PlacedArticle));
      if (performance.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
  }
  if (!gazetteer || articles.length === 0) throw new Error('the snapshot holds no corpus');
  // No compactor.finish(): the texts are the file's bytes, with no unused end to give back.
  return assemble(dir, gazetteer, articles, fingerprint);
}

/** A passage's own fields, but its text, without reading the text. */
function fieldsOf(p: Passage): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(p)) if (key !== 'text') out[key] = p[key as keyof Passage];
  return out;
}

function encode(value: object, shape: Shape, share: (text: string) => number): unknown[] {
  return shape.keys.map((key) => {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) return null;
    if (shape.shared.has(key)) return Array.isArray(v) ? v.map((t: string) => share(t)) : share(v as string);
    const nested = shape.nested?.[key];
    if (!nested) return v;
    return nested.list ? (v as object[]).map((o) => encode(o, nested.shape, share)) : encode(v as object, nested.shape, share);
  });
}

/** The object encode() wrote: its fields in the schema's order, an absent one absent, as the schema's parse leaves it. */
function decode(row: unknown[], shape: Shape, table: readonly string[]): Record<string, unknown> {
  if (!Array.isArray(row) || row.length !== shape.keys.length) throw new Error('the snapshot does not match its shapes');
  const out: Record<string, unknown> = {};
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null) continue;
    const key = shape.keys[i]!;
    if (shape.shared.has(key)) out[key] = Array.isArray(v) ? v.map((n: number) => table[n]) : table[v as number];
    else {
      const nested = shape.nested?.[key];
      out[key] = !nested
        ? v
        : nested.list
          ? (v as unknown[][]).map((r) => decode(r, nested.shape, table))
          : decode(v as unknown[], nested.shape, table);
    }
  }
  return out;
}

/** The one store every passage's text is in (the loader makes one per load). */
function storeOf(corpus: Corpus): TextStore {
  let store: TextStore | undefined;
  for (const passage of corpus.passages) {
    const own = passage instanceof StoredPassage ? StoredPassage.storeOf(passage) : undefined;
    if (!own || (store && own !== store)) throw new Error('a snapshot is made of a corpus as loadCorpus keeps it');
    store = own;
  }
  return store ?? TextStore.empty();
}
