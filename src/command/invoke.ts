import type { AnyCommand, CommandContext, OptionValue } from './command.ts';
import { OptionError, readOptions } from './command.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../render/export.ts';
import { notFound, refusal, suggest, type Answer } from '../answers/answer.ts';
import { msg, type Message } from '../messages/message.ts';
import { editDistance } from '../search/entities.ts';

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

/** A request refused for its input alone (an unknown, empty or repeated option): told privately, nothing run. */
export function refused(said: Message): Invocation {
  return { answer: refusal(msg('cannotRun'), [said]), hide: true };
}

/** Runs a command by name with raw option values; shared by every transport. */
export async function invoke(
  name: string,
  raw: ReadonlyMap<string, OptionValue>,
  context: CommandContext,
): Promise<Invocation> {
  const command = context.commands.find((c: AnyCommand) => c.data.name === name);
  if (!command) {
    const near = nearestCommand(name, context.commands);
    // The likeliest one first, then the rest as /help lists them.
    const listed = near ? [near, ...context.commands.filter((c) => c !== near)] : context.commands;
    const list = listed.map((c) =>
      suggest(msg('commandDescription', { command: c.data.name, description: c.data.description }), c.data.name),
    );
    const lead = [msg('unknownCommand', { name }), ...(near ? [msg('didYouMean', { name: near.data.name })] : [])];
    const answer = notFound(msg('unknownCommandTitle'), lead, list);
    return { answer: { ...answer, private: true }, hide: true };
  }
  let options: Record<string, OptionValue | undefined>;
  try {
    options = readOptions(command.data, raw);
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    return refused(error.said);
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

/**
 * The command a mistyped name was most likely meant as: within one edit (a swapped
 * pair counts one) for short names, two from five letters on, so "/stta" finds /stat
 * but "/nosuchcommand" finds nothing.
 */
function nearestCommand(typed: string, commands: readonly AnyCommand[]): AnyCommand | undefined {
  const limit = typed.length >= 5 ? 2 : 1;
  let best: { command: AnyCommand; distance: number } | undefined;
  for (const command of commands) {
    const distance = editDistance(typed, command.data.name, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { command, distance };
  }
  return best?.command;
}
