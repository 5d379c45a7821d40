import path from 'node:path';
import { loadConfig } from './config.ts';
import { loadCorpus } from '../corpus/load.ts';
import { evaluate } from '../ingest/evaluate.ts';
import { precision, recall, type Counts } from '../ingest/score.ts';

/** Below this, for any of the scores, the extractor is not good enough to trust unreviewed: CI fails. */
const GATE = 0.9;

const FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures/ingest');
const verbose = process.argv.includes('--verbose');

/** `npm run eval:ingest`: precision and recall of the extractor on the hand-labelled articles. */
const corpus = await loadCorpus(loadConfig().CORPUS_DIR);
const report = await evaluate(FIXTURES, corpus.gazetteer);
const pct = (x: number) => x.toFixed(2);
const cell = (c: Counts) => `P ${pct(precision(c))} R ${pct(recall(c))}`.padEnd(16);
const kinds = ['statistics', 'regions', 'speakers', 'passages'] as const;
const lines = [`${'article'.padEnd(40)}${kinds.map((k) => k.padEnd(16)).join('')}`];
for (const { name, score } of report.articles) {
  lines.push(`${name.padEnd(40)}${kinds.map((k) => cell(score[k])).join('')}`);
  if (verbose) lines.push(...score.mistakes.map((m) => `    ${m}`));
}
lines.push(`${'all articles'.padEnd(40)}${kinds.map((k) => cell(report.total[k])).join('')}`);
lines.push('');
for (const k of kinds) {
  const c = report.total[k];
  lines.push(
    `${k.padEnd(11)} precision ${pct(precision(c))}  recall ${pct(recall(c))}  (${c.tp} right, ${c.fp} extra, ${c.fn} missed)`,
  );
}
const failing = kinds.filter((k) => precision(report.total[k]) < GATE || recall(report.total[k]) < GATE);
lines.push(
  failing.length ? `Below the ${GATE} gate: ${failing.join(', ')}` : `All scores at or above the ${GATE} gate.`,
);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = failing.length ? 1 : 0;
