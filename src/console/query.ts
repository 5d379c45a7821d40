import { createInterface } from 'node:readline';
import { CorpusError } from '../corpus/errors.ts';
import { openEngine } from '../app/open.ts';
import { ConfigError, loadConfig } from '../app/config.ts';
import type { Engine } from '../engine/engine.ts';
import { toJson } from '../render/json.ts';
import { toText } from '../render/text.ts';
import { exportFile, toCsv } from '../render/export.ts';
import type { Locale } from '../messages/message.ts';
import { isLocale, words } from '../messages/words.ts';
import type { Invocation } from '../command/invoke.ts';
import { runLine } from './session.ts';
import { writeFile } from 'node:fs/promises';
import type { Answer } from '../answers/answer.ts';
import { figuresOf } from '../render/chart/chart.ts';

interface Flags {
  json: boolean;
  csv: boolean;
  batch: boolean;
  lang?: string;
  /** `--chart FILE.png`: also write the answer's chart there. */
  chart?: string;
  rest: string[];
  bad: boolean;
}

/** `--json`, `--csv`, `--batch`, `--lang zh-CN` (or `--lang=zh-CN`) and `--chart FILE` out of the arguments; the rest is the command line. */
function readFlags(argv: string[]): Flags {
  const rest: string[] = [];
  const on = { json: false, csv: false, batch: false };
  let lang: string | undefined;
  let chart: string | undefined;
  let bad = false;
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at]!;
    if (arg === '--json' || arg === '--csv' || arg === '--batch') on[arg.slice(2) as keyof typeof on] = true;
    else if (arg === '--lang') lang = argv[++at] ?? '';
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else if (arg === '--chart') chart = argv[++at] ?? '';
    else if (arg.startsWith('--chart=')) chart = arg.slice('--chart='.length);
    else if (arg.startsWith('--')) bad = true;
    else rest.push(arg);
  }
  // One output at a time; a batch is JSON lines, of commands read from standard input.
  bad ||=
    (on.json && on.csv) ||
    (on.batch && (on.csv || chart !== undefined || rest.length > 0)) ||
    (!on.batch && !rest.join(' ').trim()) ||
    chart === '';
  return {
    ...on,
    rest,
    bad: bad || (lang !== undefined && !isLocale(lang)),
    ...(lang !== undefined ? { lang } : {}),
    ...(chart !== undefined ? { chart } : {}),
  };
}

/** A private answer here is a refusal of the input itself (unknown command, bad option): bad input, not an answer. */
function refused(result: Invocation | undefined): boolean {
  return !result || (result.answer.private === true && !result.answer.found);
}

/**
 * One-shot answers for scripts: `query "/stat gdp"` prints the answer, `--json` exactly
 * one JSON object, `--csv` the figures as CSV (also `format:csv` or `format:json`, which
 * print that file), `--lang zh-CN` worded in Chinese (else FOOTNOTE_LANG), `--chart out.png`
 * also writes the answer's chart. A question with
 * no answer still exits 0 (`found` says so); bad input and a broken corpus exit non-zero.
 * `--json --batch` reads one command a line from standard input (batch).
 */
async function main(argv: string[]): Promise<number> {
  const flags = readFlags(argv);
  const config = loadConfig();
  const locale: Locale = flags.lang !== undefined && isLocale(flags.lang) ? flags.lang : config.FOOTNOTE_LANG;
  const usage = `${words(locale, { key: 'queryUsage', args: {} })}\n`;
  if (flags.bad) {
    process.stderr.write(usage);
    return 2;
  }
  const engine = await openEngine(config.CORPUS_DIR);
  if (flags.batch) return batch(engine, locale);
  const result = await runLine(engine, flags.rest.join(' '), locale);
  if (refused(result)) {
    process.stderr.write(result ? `${toText(result.answer, locale)}\n` : usage);
    return 2;
  }
  const { answer, mention, file } = result!;
  if (flags.chart !== undefined) await writeChart(flags.chart, engine, answer, locale);
  if (flags.json) process.stdout.write(`${JSON.stringify(toJson(answer, locale, mention))}\n`);
  else if (flags.csv) process.stdout.write(toCsv(answer));
  else if (file) process.stdout.write(exportFile(answer, file.format, file.name).data.replace(/^\uFEFF/, ''));
  else process.stdout.write(`${toText(answer, locale, mention)}\n`);
  return 0;
}

/** The chart of the answer's figures to `file`, building the font first if need be; stderr says when there is none. */
async function writeChart(file: string, engine: Engine, answer: Answer, locale: Locale): Promise<void> {
  // Only here: a query without --chart loads no rasteriser, nor the logger.
  const { chartsFor, ensureChartFont } = await import('../app/charts.ts');
  const { createLogger } = await import('../app/log.ts');
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

/**
 * `--json --batch`: each line of standard input is a command; each gets one line of JSON
 * out, in order, the engine loaded once for all. A line that is not a command (or is
 * empty) gets `{ line, input, error }` and the batch goes on. Exit code: 0, or 2 when any
 * line was bad input; 70 when a line failed on our side.
 */
async function batch(engine: Engine, locale: Locale): Promise<number> {
  let code = 0;
  let line = 0;
  for await (const input of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    line++;
    let out: object;
    try {
      const result = input.trim() ? await runLine(engine, input, locale) : undefined;
      if (refused(result)) {
        code = Math.max(code, 2);
        const error = result ? toText(result.answer, locale) : words(locale, { key: 'batchEmptyLine', args: {} });
        out = { line, input, error };
      } else {
        out = { line, ...toJson(result!.answer, locale, result!.mention) };
      }
    } catch (error) {
      code = 70;
      out = { line, input, error: String((error as Error)?.message ?? error), failed: true };
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return code;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const known = error instanceof CorpusError || error instanceof ConfigError;
    process.stderr.write(`${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
    process.exitCode = known ? 1 : 70;
  },
);
