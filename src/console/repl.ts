import { createInterface } from 'node:readline/promises';
import type { Engine } from '../engine/engine.ts';
import type { Logger } from '../app/log.ts';
import { toText } from '../render/text.ts';
import { runLine } from './session.ts';

/** The local console: the commands as typed in Discord, answers as text. */
export async function startConsole(engine: Engine, log: Logger): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const articles = engine.corpus.articles.length;
  process.stdout.write(
    `Footnote console: ${articles} article(s), ${engine.corpus.passages.length} passages, ${engine.corpus.stats.length} figures.\n` +
      'Type a command as in Discord, e.g. /stat gdp, /region jiangsu, /search rocket parts, /help. Ctrl+D or /quit to leave.\n',
  );
  rl.setPrompt('footnote> ');
  rl.prompt();
  for await (const line of rl) {
    if (/^\s*\/?(quit|exit)\s*$/i.test(line)) break;
    try {
      const result = await runLine(engine, line);
      if (result) process.stdout.write(`\n${toText(result.answer)}\n\n`);
    } catch (error) {
      log.error({ err: error, line }, 'command failed');
      process.stdout.write('Something went wrong; the details are in the log.\n');
    }
    rl.prompt();
  }
  rl.close();
}
