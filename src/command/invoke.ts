import type { AnyCommand, CommandContext, OptionValue } from './command.ts';
import { OptionError, readOptions } from './command.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../render/export.ts';
import { notFound, suggest, type Answer } from '../answers/answer.ts';
import { msg } from '../messages/message.ts';

/** How the asker wants the answer delivered, beside what it says: every transport reads it from here. */
export interface Delivery {
  /** The asker chose `hide`: the reply is for them alone. */
  hide: boolean;
  /** The member the answer is addressed to (`mention`); never set on a hidden answer, which nobody else sees. */
  mention?: string;
  /** The figures also as a file (`format:csv` or `json`), named after the command: footnote-stat-gdp.csv. */
  file?: { format: ExportFormat; name: string };
}

export interface Invocation extends Delivery {
  answer: Answer;
}

/** Runs a command by name with raw option values; shared by every transport. */
export async function invoke(
  name: string,
  raw: ReadonlyMap<string, OptionValue>,
  context: CommandContext,
): Promise<Invocation> {
  const command = context.commands.find((c: AnyCommand) => c.data.name === name);
  if (!command) {
    const list = context.commands.map((c) =>
      suggest(msg('commandDescription', { command: c.data.name, description: c.data.description }), c.data.name),
    );
    const answer = notFound(msg('unknownCommandTitle'), [msg('unknownCommand', { name })], list);
    return { answer: { ...answer, private: true }, hide: true };
  }
  let options: Record<string, OptionValue | undefined>;
  try {
    options = readOptions(command.data, raw);
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    return { answer: { ...notFound(msg('cannotRun'), [error.said]), private: true }, hide: true };
  }
  const answer = await command.execute(options, context);
  return { answer, ...deliveryOf(command, options, answer) };
}

function deliveryOf(command: AnyCommand, options: Record<string, OptionValue | undefined>, answer: Answer): Delivery {
  const hide = options.hide === true || answer.private === true;
  const format = EXPORT_FORMATS.find((f) => f === options.format);
  const first = command.data.options?.[0]?.name;
  return {
    hide,
    ...(typeof options.mention === 'string' && !hide ? { mention: options.mention } : {}),
    ...(format ? { file: { format, name: fileName(command.data.name, first ? options[first] : undefined) } } : {}),
  };
}

/** "footnote-stat-gdp": the command and what was asked, in letters and digits a file system takes everywhere. */
export function fileName(command: string, asked: OptionValue | undefined): string {
  const slug = String(asked ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return ['footnote', command, ...(slug ? [slug] : [])].join('-');
}
