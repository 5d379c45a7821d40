import { createInterface } from 'node:readline/promises';
import type { Engine } from '../engine/engine.ts';
import type { Logger } from '../app/log.ts';
import { toText } from '../render/text.ts';
import { runLine } from './session.ts';
import { exportFile, exportRows } from '../render/export.ts';
import type { Invocation } from '../command/invoke.ts';
import type { Locale } from '../messages/message.ts';
import { words } from '../messages/words.ts';

/** A file the answer would attach in Discord (format:csv or json), shown after it under its name. */
function attached({ answer, file }: Invocation): string {
  if (!file || !exportRows(answer).length) return '';
  const { name, data } = exportFile(answer, file.format, file.name);
  return `── ${name} ──\n${data.replace(/^\uFEFF/, '')}\n`;
}

/** The local console: the commands as typed in Discord, answers as text. */
export async function startConsole(engine: Engine, log: Logger, locale: Locale): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const { articles, passages, stats } = engine.corpus;
  process.stdout.write(
    `${words(locale, { key: 'consoleBanner', args: { articles: articles.length, passages: passages.length, figures: stats.length } })}\n`,
  );
  rl.setPrompt('footnote> ');
  rl.prompt();
  for await (const line of rl) {
    if (/^\s*\/?(quit|exit)\s*$/i.test(line)) break;
    try {
      const result = await runLine(engine, line, locale);
      if (result) process.stdout.write(`\n${toText(result.answer, locale, result.mention)}\n\n${attached(result)}`);
    } catch (error) {
      log.error({ err: error, line }, 'command failed');
      process.stdout.write(`${words(locale, { key: 'consoleFailed', args: {} })}\n`);
    }
    rl.prompt();
  }
  rl.close();
}
