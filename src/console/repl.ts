import { createInterface, type Interface } from 'node:readline/promises';
import type { Logger } from '../app/log.ts';
import type { LiveEngine } from '../app/reload.ts';
import { toText } from '../render/text.ts';
import { runLine } from './session.ts';
import type { Locale } from '../messages/message.ts';
import { words } from '../messages/words.ts';
import { completeLine } from './complete.ts';
import { readHistory, writeHistory, type HistoryFile } from './history.ts';
import { exportFile, exportRows } from '../render/export.ts';
import type { Invocation } from '../command/invoke.ts';

/** A file the answer would attach in Discord (format:csv or json), shown after it under its name. */
function attached({ answer, file }: Invocation): string {
  if (!file || !exportRows(answer).length) return '';
  const { name, data } = exportFile(answer, file.format, file.name);
  return `── ${name} ──\n${data.replace(/^\uFEFF/, '')}\n`;
}

export interface ConsoleOptions {
  live: LiveEngine;
  log: Logger;
  locale: Locale;
  /** Where lines typed at a terminal are kept between runs; absent, they are not kept. */
  history?: HistoryFile;
}

/**
 * The local console: a question as typed after /ask, or a command as typed in
 * Discord, answered as text. At a terminal it prompts, completes with Tab, keeps its
 * history and leaves on a second Ctrl+C, as node's own REPL does; with input or output
 * piped it reads lines and prints answers, nothing else.
 */
export async function startConsole({ live, log, locale, history }: ConsoleOptions): Promise<void> {
  endQuietlyOnClosedOutput();
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    ...(interactive
      ? {
          completer: (line: string) => completeLine(line, live.current(), locale),
          ...(history ? { history: readHistory(history, log), historySize: history.size } : { historySize: 0 }),
          removeHistoryDuplicates: true,
        }
      : {}),
  });
  if (interactive) {
    if (history) rl.on('history', (lines: string[]) => writeHistory(history, lines, log));
    leaveOnSecondInterrupt(rl, locale);
    const { articles, passages, stats } = live.current().corpus;
    const counts = { articles: articles.length, passages: passages.length, figures: stats.length };
    process.stdout.write(`${words(locale, { key: 'consoleBanner', args: counts })}\n`);
    rl.setPrompt('footnote> ');
    rl.prompt();
  }
  const reload = () => live.reload('/reload');
  for await (const line of rl) {
    // "quit" alone leaves too: no one asks the articles that.
    if (/^\s*\/?(quit|exit)\s*$/i.test(line)) break;
    try {
      const result = await runLine(live.current(), line, locale, { reload });
      if (result)
        process.stdout.write(
          `${interactive ? '\n' : ''}${toText(result.answer, locale, result.mention)}\n\n${attached(result)}`,
        );
    } catch (error) {
      log.error({ err: error, line }, 'command failed');
      process.stdout.write(`${words(locale, { key: 'consoleFailed', args: {} })}\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}

/**
 * Ctrl+C drops what is typed; on an empty line it says how to leave, and a second
 * one in a row leaves, as node's REPL does.
 */
function leaveOnSecondInterrupt(rl: Interface, locale: Locale): void {
  let warned = false;
  rl.on('line', () => (warned = false));
  rl.on('SIGINT', () => {
    const empty = rl.line.length === 0;
    // Readline's own way to end the line as typed and start an empty one; node's REPL calls it too.
    (rl as unknown as { clearLine(): void }).clearLine();
    if (empty && warned) return rl.close();
    warned = empty;
    if (empty) process.stdout.write(`${words(locale, { key: 'consoleExitHint', args: {} })}\n`);
    rl.prompt();
  });
}

/** `npm start | head -1`: once the reader has gone, there is no one to answer; leave without a stack trace. */
function endQuietlyOnClosedOutput(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
