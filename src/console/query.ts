import { CorpusError } from '../corpus/errors.ts';
import { openEngine } from '../app/open.ts';
import { ConfigError, loadConfig } from '../app/config.ts';
import { toJson } from '../render/json.ts';
import { toText } from '../render/text.ts';
import type { Locale } from '../messages/message.ts';
import { isLocale, words } from '../messages/words.ts';
import { runLine } from './session.ts';

/** `--json` and `--lang zh-CN` (or `--lang=zh-CN`) out of the arguments; the rest is the command line. */
function readFlags(argv: string[]): { json: boolean; lang?: string; rest: string[]; bad: boolean } {
  const rest: string[] = [];
  let json = false;
  let lang: string | undefined;
  let bad = false;
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at]!;
    if (arg === '--json') json = true;
    else if (arg === '--lang') lang = argv[++at] ?? '';
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else if (arg.startsWith('--')) bad = true;
    else rest.push(arg);
  }
  return { json, rest, bad: bad || (lang !== undefined && !isLocale(lang)), ...(lang !== undefined ? { lang } : {}) };
}

/**
 * One-shot answers for scripts: `query "/stat gdp"` prints the answer,
 * `--json` exactly one JSON object, `--lang zh-CN` worded in Chinese (else
 * FOOTNOTE_LANG). A question with no answer still exits 0 (`found` says so);
 * bad input and a broken corpus exit non-zero.
 */
async function main(argv: string[]): Promise<number> {
  const { json, lang, rest, bad } = readFlags(argv);
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
  process.stdout.write(
    json ? `${JSON.stringify(toJson(result.answer, locale))}\n` : `${toText(result.answer, locale)}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const known = error instanceof CorpusError || error instanceof ConfigError;
    process.stderr.write(`${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
    process.exitCode = known ? 1 : 70;
  },
);
