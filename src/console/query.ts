import { CorpusError } from '../corpus/errors.ts';
import { openEngine } from '../app/open.ts';
import { ConfigError, loadConfig } from '../app/config.ts';
import { toJson } from '../render/json.ts';
import { toText } from '../render/text.ts';
import type { Locale } from '../messages/message.ts';
import { isLocale, words } from '../messages/words.ts';
import { runLine } from './session.ts';
import { writeFile } from 'node:fs/promises';
import type { Engine } from '../engine/engine.ts';
import type { Answer } from '../answers/answer.ts';
import { figuresOf } from '../render/chart/chart.ts';
import { createLogger } from '../app/log.ts';

/** `--json`, `--lang zh-CN` (or `--lang=zh-CN`) and `--chart FILE` out of the arguments; the rest is the command line. */
function readFlags(argv: string[]): { json: boolean; lang?: string; chart?: string; rest: string[]; bad: boolean } {
  const rest: string[] = [];
  let json = false;
  let lang: string | undefined;
  let chart: string | undefined;
  let bad = false;
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at]!;
    if (arg === '--json') json = true;
    else if (arg === '--lang') lang = argv[++at] ?? '';
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else if (arg === '--chart') chart = argv[++at] ?? '';
    else if (arg.startsWith('--chart=')) chart = arg.slice('--chart='.length);
    else if (arg.startsWith('--')) bad = true;
    else rest.push(arg);
  }
  return {
    json,
    rest,
    bad: bad || (lang !== undefined && !isLocale(lang)) || chart === '',
    ...(lang !== undefined ? { lang } : {}),
    ...(chart !== undefined ? { chart } : {}),
  };
}

/**
 * One-shot answers for scripts: `query "/stat gdp"` prints the answer,
 * `--json` exactly one JSON object, `--lang zh-CN` worded in Chinese (else
 * FOOTNOTE_LANG), `--chart out.png` also writes the answer's chart. A question with
 * no answer still exits 0 (`found` says so);
 * bad input and a broken corpus exit non-zero.
 */
async function main(argv: string[]): Promise<number> {
  const { json, lang, chart, rest, bad } = readFlags(argv);
  const config = loadConfig();
  const locale: Locale = lang !== undefined && isLocale(lang) ? lang : config.FOOTNOTE_LANG;
  const usage = `${words(locale, { key: 'queryUsage', args: {} })}\n`;
  if (bad || rest.join(' ').trim() === '') {
    process.stderr.write(usage);
    return 2;
  }
  const engine = await openEngine(config.CORPUS_DIR);
  const result = await runLine(engine, rest.join(' '), locale);
  if (!result) {
    process.stderr.write(usage);
    return 2;
  }
  // A private answer here is a refusal of the input itself (unknown command, bad option).
  if (result.answer.private && !result.answer.found) {
    process.stderr.write(`${toText(result.answer, locale)}\n`);
    return 2;
  }
  if (chart !== undefined) await writeChart(chart, engine, result.answer, locale);
  process.stdout.write(
    json ? `${JSON.stringify(toJson(result.answer, locale))}\n` : `${toText(result.answer, locale)}\n`,
  );
  return 0;
}

/** The chart of the answer's figures to `file`, building the font first if need be; stderr says when there is none. */
async function writeChart(file: string, engine: Engine, answer: Answer, locale: Locale): Promise<void> {
  // Only here: a query without --chart loads no rasteriser.
  const { chartsFor, ensureChartFont } = await import('../app/charts.ts');
  const log = createLogger(loadConfig().LOG_LEVEL ?? 'warn');
  await ensureChartFont(engine.corpus, log);
  const image = await chartsFor(engine.corpus.dir, log).image(figuresOf(answer), locale);
  if (!image) {
    process.stderr.write(`${words(locale, { key: 'queryNoChart', args: {} })}\n`);
    return;
  }
  await writeFile(file, image.png);
  process.stderr.write(`${words(locale, { key: 'queryChartWritten', args: { file, alt: image.description } })}\n`);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const known = error instanceof CorpusError || error instanceof ConfigError;
    process.stderr.write(`${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
    process.exitCode = known ? 1 : 70;
  },
);
