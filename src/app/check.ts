import { loadConfig } from './config.ts';
import { CorpusError } from '../corpus/errors.ts';
import { loadCorpus } from '../corpus/load.ts';

/** `npm run corpus:check [dir]`: validates the corpus as the bot would at start. */
const dir = process.argv[2] ?? loadConfig().CORPUS_DIR;
try {
  const corpus = await loadCorpus(dir);
  process.stdout.write(
    `${dir}: OK — ${corpus.articles.length} article(s), ${corpus.passages.length} passages, ${corpus.stats.length} figures, ` +
      `${corpus.gazetteer.regions.length} regions, ${corpus.gazetteer.metrics.length} metrics, ${corpus.gazetteer.people.length} people.\n`,
  );
} catch (error) {
  process.stderr.write(`${error instanceof CorpusError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
