import { commands, messageCommands } from '../commands/index.ts';
import { ConfigError, loadConfig, similarSettings } from './app/config.ts';
import { startConsole } from './console/repl.ts';
import { historyFile } from './console/history.ts';
import { CorpusError } from './corpus/errors.ts';
import { openCorpus, openEngine } from './app/open.ts';
import { LiveEngine } from './app/reload.ts';
import { shareReloads } from './app/shared-reload.ts';
import { LoginError, startBot } from './discord/bot.ts';
import { msg } from './messages/message.ts';
import { isLocale, words } from './messages/words.ts';
import { collectLoadingGarbage, warm } from './app/warm.ts';
import { createLogger, type Logger } from './app/log.ts';
import { spillTexts } from './corpus/text-store.ts';
import type { Engine } from './engine/engine.ts';
import { chartsFor, ensureChartFont } from './app/charts.ts';
import { FeedbackStore } from './feedback/store.ts';

/** Past this, a shutdown that hangs (a stuck socket) is cut short: orchestrators expect a quick exit. */
const SHUTDOWN_GRACE_MS = 1500;

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local
 * console on the same corpus and commands.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const token = config.DISCORD_TOKEN;
  const log = createLogger(config.LOG_LEVEL ?? (token ? 'info' : 'warn'));
  const { engine, report } = await openCorpus(config.CORPUS_DIR);
  const warmMs = warm(engine);
  const spilled = spill(engine, config.CORPUS_DIR, log);
  collectLoadingGarbage();
  log.info(
    { articles: engine.corpus.articles.length, passages: engine.corpus.passages.length, ...report, warmMs, spilled },
    'corpus loaded',
  );
  if (report.writeError)
    log.warn(
      { writeError: report.writeError },
      'the prebuilt index could not be written; the next start indexes again',
    );

  // The bot's charts need a font cut to the corpus's names: built in the background, like a
  // stale index; until it is there, answers go without charts.
  const charts = token ? chartsFor(config.CORPUS_DIR, log) : undefined;
  if (charts) void ensureChartFont(engine.corpus, log, charts);
  // A reload (a moderator's /reload, a changed file, at the console /reload) loads and
  // checks the whole corpus and swaps to it only when it is valid.
  const reopen = async () => {
    const next = await openEngine(config.CORPUS_DIR);
    warm(next);
    spill(next, config.CORPUS_DIR, log);
    collectLoadingGarbage();
    if (charts) void ensureChartFont(next.corpus, log, charts);
    return next;
  };
  const live = new LiveEngine(engine, reopen, log);
  if (!token) {
    // Under a service a missing token must not pass for a bot that started: say so where logs go.
    const similar = similarSettings(process.env, 'DISCORD_TOKEN');
    process.stderr.write(`${words(config.FOOTNOTE_LANG, msg('noToken'))}\n`);
    if (similar.length)
      process.stderr.write(`${words(config.FOOTNOTE_LANG, msg('similarSettings', { names: similar }))}\n`);
    await startConsole({ live, log, locale: config.FOOTNOTE_LANG, history: historyFile(config) });
    return;
  }
  // The running bot follows the corpus on disk and, with REDIS_URL, the other machines' reloads.
  const unwatch = live.watch(config.CORPUS_DIR);
  const shared = config.REDIS_URL ? shareReloads({ url: config.REDIS_URL, live, log }) : undefined;
  // Feedback that cannot be kept (no folder, a locked or corrupt file) is logged and off; answering goes on.
  const feedback =
    config.FEEDBACK_DB === 'off'
      ? FeedbackStore.off('FEEDBACK_DB=off')
      : await FeedbackStore.open({
          file: config.FEEDBACK_DB,
          retentionDays: config.FEEDBACK_RETENTION_DAYS,
          log,
          daily: true,
        });
  if (feedback.on)
    log.info({ file: config.FEEDBACK_DB, retentionDays: config.FEEDBACK_RETENTION_DAYS }, 'keeping feedback');
  const bot = await startBot({
    config,
    token,
    engine: live.current,
    commands,
    messageCommands,
    log,
    charts,
    reload: () => live.reload('/reload'),
    feedback,
  });
  live.onSwap((before, after) => void bot.announce(before, after));
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    unwatch();
    void feedback.close();
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    Promise.all([bot.stop(), shared?.stop()]).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'error while disconnecting');
        process.exit(0);
      },
    );
  };
  // A supervisor may send any of these; a closed terminal sends SIGHUP.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => shutdown(signal));
}

main().catch((error: unknown) => {
  // Known failures get their message alone: no stack, and never a configuration value.
  if (error instanceof LoginError) process.stderr.write(`${words(localeOf(process.env), error.said)}\n`);
  else if (error instanceof ConfigError || error instanceof CorpusError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Footnote could not start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});

/**
 * Once warmed (which reads every passage's text), the texts leave the process for a file
 * beside the corpus that the kernel caches (see TextStore.spill): at 250,000 passages, 110 MB
 * the bot no longer holds. Where the folder takes no file, they stay in memory, as before.
 */
function spill(engine: Engine, dir: string, log: Logger): number {
  try {
    return spillTexts(engine.corpus.passages, dir);
  } catch (error) {
    log.warn({ err: error, dir }, 'passage texts kept in memory: the corpus folder takes no file');
    return 0;
  }
}

/** The operator's language for a failure at start, when the configuration may not have parsed. */
function localeOf(env: NodeJS.ProcessEnv) {
  const lang = env.FOOTNOTE_LANG ?? '';
  return isLocale(lang) ? lang : 'en';
}
