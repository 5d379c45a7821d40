import { CorpusError } from '../corpus/errors.ts';
import { openEngine } from '../app/open.ts';
import { ConfigError, loadConfig } from '../app/config.ts';
import { toJson } from '../render/json.ts';
import { toText } from '../render/text.ts';
import { runLine } from './session.ts';

const USAGE = 'Usage: npm run --silent query -- [--json] "/stat gdp region:jiangsu"';

/**
 * One-shot answers for scripts: `query "/stat gdp"` prints the answer,
 * `--json` exactly one JSON object. A question with no answer still exits 0
 * (`found` says so); bad input and a broken corpus exit non-zero.
 */
async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const rest = argv.filter((a) => a !== '--json');
  if (rest.some((a) => a.startsWith('--')) || rest.join(' ').trim() === '') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const engine = await openEngine(config.CORPUS_DIR);
  const result = await runLine(engine, rest.join(' '));
  if (!result) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  // A private answer here is a refusal of the input itself (unknown command, bad option).
  if (result.answer.private && !result.answer.found) {
    process.stderr.write(`${toText(result.answer)}\n`);
    return 2;
  }
  process.stdout.write(json ? `${JSON.stringify(toJson(result.answer))}\n` : `${toText(result.answer)}\n`);
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
