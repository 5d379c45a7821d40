import type { AnyCommand, CommandContext, OptionValue } from './command.ts';
import { OptionError, readOptions } from './command.ts';
import { notFound, type Answer } from '../answers/answer.ts';

export interface Invocation {
  answer: Answer;
  /** The asker chose `hide`: the reply is for them alone. */
  hide: boolean;
}

/** Runs a command by name with raw option values; shared by every transport. */
export async function invoke(name: string, raw: ReadonlyMap<string, OptionValue>, context: CommandContext): Promise<Invocation> {
  const command = context.commands.find((c: AnyCommand) => c.data.name === name);
  if (!command) {
    const answer = notFound('Unknown command', [`There is no command /${name}.`], context.commands.map((c) => ({ label: c.data.description, command: `/${c.data.name}` })));
    return { answer: { ...answer, private: true }, hide: true };
  }
  let options: Record<string, OptionValue | undefined>;
  try {
    options = readOptions(command.data, raw);
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    return { answer: { ...notFound('Cannot run that', [error.message]), private: true }, hide: true };
  }
  const answer = await command.execute(options, context);
  return { answer, hide: options.hide === true };
}
