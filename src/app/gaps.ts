import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { FeedbackStore } from '../feedback/store.ts';
import { gapsAnswer } from '../answers/gaps.ts';
import { toText } from '../render/text.ts';

const USAGE = 'Usage: npm run --silent gaps -- [--json] [--days 30] [--guild <server id>]\n';

/**
 * `npm run gaps`: the most asked unanswered questions kept in FEEDBACK_DB, as /gaps
 * lists them (all servers, or one with --guild); `--json` prints one object for scripts:
 * { on, days, gaps: [{ question, count, refused, disliked, last, citations }] } or { on: false, reason }.
 */
async function main(): Promise<number> {
  let flags;
  try {
    flags = parseArgs({
      options: { json: { type: 'boolean' }, days: { type: 'string' }, guild: { type: 'string' } },
    }).values;
  } catch {
    process.stderr.write(USAGE);
    return 2;
  }
  const days = flags.days === undefined ? 30 : Number(flags.days);
  if (!Number.isInteger(days) || days < 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL ?? 'warn');
  const store =
    config.FEEDBACK_DB === 'off'
      ? FeedbackStore.off('FEEDBACK_DB=off')
      : await FeedbackStore.open({ file: config.FEEDBACK_DB, retentionDays: config.FEEDBACK_RETENTION_DAYS, log });
  const report = await store.gaps(days, { guild: flags.guild, limit: flags.json ? 1000 : 25 });
  await store.close();
  process.stdout.write(
    flags.json
      ? `${JSON.stringify({ ...report, days })}\n`
      : `${toText(gapsAnswer(report, days), config.FOOTNOTE_LANG)}\n`,
  );
  return report.on ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${(error as Error)?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
