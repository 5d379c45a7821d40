import type { AnyCommand, CommandContext, OptionValue } from './command.ts';
import { OptionError, readOptions } from './command.ts';
import { notFound, refusal, suggest, type Answer } from '../answers/answer.ts';
import { msg, type Message } from '../messages/message.ts';

export interface Invocation {
  answer: Answer;
  /** The asker chose `hide`: the reply is for them alone. */
  hide: boolean;
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
    return refused(error.said);
  }
  const answer = await command.execute(options, context);
  return { answer, hide: options.hide === true };
}
