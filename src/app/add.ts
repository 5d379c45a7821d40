import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { CorpusError } from '../corpus/errors.ts';
import { loadCorpus } from '../corpus/load.ts';
import { UnsupportedFormat, formatOf } from '../ingest/format.ts';
import { IngestError, ingest } from '../ingest/ingest.ts';
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

  let raw: string;
  try {
    raw = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    return fail(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}. Nothing was changed.`,
    );
  }
  if (!raw.trim()) return fail(`${file} is empty. Nothing was changed.`);

  const dir = loadConfig().CORPUS_DIR;
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
      url: given(values.url),
      outlet: given(values.outlet),
      published: given(values.published),
      title: given(values.title),
      id: given(values.id),
    },
    corpus.gazetteer,
  );
  const refused = refusal(corpus, result, values.force === true);
  if (refused) return fail(`${refused} Nothing was changed.`);

  const files = filesFor(result, corpus.gazetteer);
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
