import type { AnyCommand, CommandContext, OptionValue } from './command.ts';
import { OptionError, readOptions } from './command.ts';
import { notFound, suggest, type Answer } from '../answers/answer.ts';
import { msg } from '../messages/message.ts';

export interface Invocation {
  answer: Answer;
  /** The asker chose `hide`: the reply is for them alone. */
  hide: boolean;
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
  return { answer, hide: options.hide === true };
}
