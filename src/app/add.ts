import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { CorpusError } from '../corpus/errors.ts';
import { loadCorpus } from '../corpus/load.ts';
import { UnsupportedFormat, formatOf } from '../ingest/format.ts';
import { IngestError, ingest, type Progress } from '../ingest/ingest.ts';
import { LockedError, lockCorpus } from './lock.ts';
import { msg, type Message } from '../messages/message.ts';
import { words } from '../messages/words.ts';
import { reviewTable } from '../ingest/review.ts';
import { filesFor, refusal, validateWith, writeFiles } from '../ingest/store.ts';

const USAGE = `Usage: npm run corpus:add -- <file.txt|file.md|file.html|-> [--url U] [--outlet O] [--published YYYY-MM[-DD]] [--title T] [--id ID] [--dry-run] [--json] [--force]`;

/**
 * `npm run corpus:add`: a raw article in, a validated corpus entry out. The whole
 * corpus is validated with the new article on a copy before anything is written,
 * so a refused article changes nothing.
 */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        outlet: { type: 'string' },
        published: { type: 'string' },
        title: { type: 'string' },
        id: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        force: { type: 'boolean' },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length)
    return usage(file ? `One file at a time (got ${args.positionals.length}).` : 'Which file?');
  const { values } = args;

  const config = loadConfig();
  const say = (message: Message) => words(config.FOOTNOTE_LANG, message);
  // npm runs scripts from the project root; a relative path means where the user typed it.
  const where = file === '-' ? file : path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let raw: string;
  try {
    const size = where === '-' ? 0 : (await stat(where)).size;
    if (size > MAX_INPUT_BYTES) return fail(say(tooLarge(file, size)));
    raw = where === '-' ? await readStdin() : await readFile(where, 'utf8');
    if (raw.length > MAX_INPUT_BYTES) return fail(say(tooLarge(file, Buffer.byteLength(raw))));
  } catch (error) {
    return fail(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}. Nothing was changed.`,
    );
  }
  if (!raw.trim()) return fail(`${file} is empty. Nothing was changed.`);

  const dir = config.CORPUS_DIR;
  // Held from reading the gazetteer to writing it back: two imports at once would each add to
  // the gazetteer they read, and the second to write would drop the first one's additions.
  let unlock: () => void;
  try {
    unlock = lockCorpus(dir);
  } catch (error) {
    if (error instanceof LockedError) return fail(say(msg('addLocked', { pid: error.pid })));
    throw error;
  }
  try {
    return await addLocked(dir, file, raw, values, say);
  } finally {
    unlock();
  }
}

/** The import proper, under the corpus's lock. */
async function addLocked(
  dir: string,
  file: string,
  raw: string,
  values: Record<string, string | boolean | undefined>,
  say: (message: Message) => string,
): Promise<number> {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  let corpus;
  try {
    corpus = await loadCorpus(dir);
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    return fail(
      `The corpus in ${dir} is invalid already; fix it before adding to it (npm run corpus:check).\n${error.message}`,
    );
  }
  const result = ingest(
    raw,
    formatOf(file, raw),
    {
      url: given(text('url')),
      outlet: given(text('outlet')),
      published: given(text('published')),
      title: given(text('title')),
      id: given(text('id')),
    },
    corpus.gazetteer,
    reportProgress(raw.length, say),
  );
  const refused = refusal(corpus, result, values.force === true);
  if (refused) return fail(`${refused} Nothing was changed.`);

  const files = filesFor(result, corpus.gazetteer);
  if (raw.length >= LONG_INPUT) process.stderr.write(`${say(msg('addValidating'))}\n`);
  await validateWith(dir, files);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ ...result.article, gazetteerAdditions: { people: result.newPeople, metrics: result.newMetrics } })}\n`,
    );
  } else {
    process.stdout.write(`${reviewTable(result)}\n\n`);
  }
  if (values['dry-run']) {
    if (!values.json) process.stdout.write('Dry run: the corpus with this article is valid; nothing was written.\n');
    return 0;
  }
  await writeFiles(dir, files);
  if (!values.json) {
    const written = [...files.keys()].map((f) => path.join(dir, f)).join(', ');
    process.stdout.write(`Added ${result.article.id}: wrote ${written}. A running bot picks it up on its own.\n`);
  }
  return 0;
}

/**
 * The largest article corpus:add takes. Ingesting costs about 2 s per megabyte; a news article is
 * tens of kilobytes, so a larger file is a book, a dump or a mistake, and is refused before it is read.
 */
const MAX_INPUT_BYTES = 8 * 1024 * 1024;
/** Past this, corpus:add says on stderr how far it has got. */
const LONG_INPUT = 512 * 1024;

function tooLarge(file: string, bytes: number): Message {
  return msg('addTooLarge', {
    file,
    megabytes: (bytes / 1024 / 1024).toFixed(1),
    limit: MAX_INPUT_BYTES / 1024 / 1024,
  });
}

/** For a long article, a line on stderr at each tenth of its paragraphs. */
function reportProgress(length: number, say: (message: Message) => string): Progress | undefined {
  if (length < LONG_INPUT) return undefined;
  let shown = 0;
  return (done, total) => {
    const tenth = Math.floor((10 * done) / total);
    if (tenth <= shown) return;
    shown = tenth;
    process.stderr.write(`${say(msg('addProgress', { done, total }))}\n`);
  };
}

/** An option left empty (`--published ""`) is not given: the page's own value stands. */
function given(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

function usage(reason: string): number {
  process.stderr.write(`${reason}\n${USAGE}\n`);
  return 2;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof CorpusError) {
      process.stderr.write(
        `The corpus with this article would be invalid, so nothing was changed.\n${error.message}\n`,
      );
      process.exitCode = 1;
    } else if (error instanceof IngestError || error instanceof UnsupportedFormat || error instanceof ConfigError) {
      process.stderr.write(`${error.message} Nothing was changed.\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`corpus:add failed: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 70;
    }
  },
);
