import { loadConfig } from './config.ts';
import { CorpusError } from '../corpus/errors.ts';
import type { Corpus } from '../corpus/load.ts';
import { buildIndex, openCorpus } from './open.ts';
import { prebuiltPath } from '../search/prebuilt.ts';
import { buildChartFont, chartFontCurrent, chartFontDir, type ChartFontReport } from './chart-font.ts';

/**
 * `npm run corpus:build [dir] [--if-stale]`: validates the corpus and writes its
 * prebuilt passage index (footnote.index) and the font charts are drawn in
 * (footnote.chart-font/) next to it, so the bot starts without indexing. The bot checks the index against the corpus it loads and rebuilds it when
 * they differ; --if-stale builds only then (what start:sharded runs before its shards).
 */
const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const dir = args.find((a) => !a.startsWith('--')) ?? loadConfig().CORPUS_DIR;
try {
  if (ifStale) {
    const { engine, report } = await openCorpus(dir);
    if (report.writeError) throw new Error(`cannot write ${prebuiltPath(dir)}: ${report.writeError}`);
    process.stdout.write(
      report.index === 'prebuilt'
        ? `${prebuiltPath(dir)}: up to date.\n`
        : `${prebuiltPath(dir)}: rebuilt (${report.miss}).\n`,
    );
    if (await chartFontCurrent(engine.corpus)) process.stdout.write(`${chartFontDir(dir)}: up to date.\n`);
    else fontLine(await buildChartFont(engine.corpus));
  } else {
    let corpus: Corpus | undefined;
    const r = await buildIndex(dir, (checked) => (corpus = checked));
    process.stdout.write(
      `${r.file}: ${r.passages} passages, ${r.terms} terms, ${r.postings} postings, ${(r.bytes / 1e6).toFixed(1)} MB ` +
        `(validated in ${(r.loadMs / 1000).toFixed(2)} s, indexed in ${(r.indexMs / 1000).toFixed(2)} s).\n`,
    );
    fontLine(await buildChartFont(corpus!));
  }
} catch (error) {
  process.stderr.write(`${error instanceof CorpusError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = 1;
}

function fontLine(r: ChartFontReport): void {
  process.stdout.write(
    `${r.dir}: ${r.characters} characters in ${r.files} files, ${(r.bytes / 1e3).toFixed(0)} kB ` +
      `(subset in ${(r.ms / 1000).toFixed(2)} s).\n`,
  );
}
