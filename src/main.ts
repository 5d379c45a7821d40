import { commands, messageCommands } from '../commands/index.ts';
import { ConfigError, loadConfig } from './app/config.ts';
import { startConsole } from './console/repl.ts';
import { CorpusError } from './corpus/errors.ts';
import { openCorpus, openEngine } from './app/open.ts';
import { LiveEngine } from './app/reload.ts';
import { startBot } from './discord/bot.ts';
import { warm } from './app/warm.ts';
import { createLogger } from './app/log.ts';
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
  log.info(
    { articles: engine.corpus.articles.length, passages: engine.corpus.passages.length, ...report, warmMs },
    'corpus loaded',
  );
  if (report.writeError)
    log.warn(
      { writeError: report.writeError },
      'the prebuilt index could not be written; the next start indexes again',
    );

  if (!token) {
    await startConsole(engine, log, config.FOOTNOTE_LANG);
    return;
  }
  // The running bot follows the corpus on disk: a changed file, or a moderator's /reload,
  // loads and checks the whole corpus and swaps to it only when it is valid.
  const live = new LiveEngine(engine, () => openEngine(config.CORPUS_DIR).then((next) => (warm(next), next)), log);
  const unwatch = live.watch(config.CORPUS_DIR);
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
    reload: () => live.reload('/reload'),
    feedback,
  });
  live.onSwap((before, after) => void bot.announce(before, after));
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    unwatch();
    void feedback.close();
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    bot.stop().then(
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
  if (error instanceof ConfigError || error instanceof CorpusError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Footnote could not start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
