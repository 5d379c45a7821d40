import { commands, messageCommands } from '../../commands/index.ts';
import { consoleName, type Caller, type CommandContext, type ReloadOutcome } from '../command/command.ts';
import type { Engine } from '../engine/engine.ts';
import { invoke, refused, type Invocation } from '../command/invoke.ts';
import { parseCommandLine } from './parse.ts';
import type { Locale } from '../messages/message.ts';

/** The console's user runs the bot, so moderator commands are theirs. */
const operator: Caller = { canManageMessages: true };

export interface SessionOptions {
  /** What /reload runs; absent (the one-shot CLI), the command says the corpus is read once. */
  reload?: () => Promise<ReloadOutcome>;
}

/**
 * Runs one line typed as in Discord; undefined for an empty line. A line that does
 * not start with "/" is a question, as if typed after /ask.
 */
export async function runLine(
  engine: Engine,
  line: string,
  locale: Locale = 'en',
  options: SessionOptions = {},
): Promise<Invocation | undefined> {
  if (!line.trim()) return undefined;
  const command = line.trimStart().startsWith('/') ? line : `/ask ${line}`;
  const context: CommandContext = { engine, caller: operator, commands, locale, ...options };
  const typed = /^\s*\/(\S+)\s*([\s\S]*)$/.exec(command);
  const onMessage = typed && messageCommands.find((c) => consoleName(c) === typed[1]!.toLowerCase());
  if (onMessage) return { answer: await onMessage.execute({ content: typed[2]! }, context), hide: false };
  const parsed = parseCommandLine(command, definitionOf);
  if (!parsed) return undefined;
  if (parsed.problem) return refused(parsed.problem);
  return invoke(parsed.name, parsed.options, context);
}

/** A command by its name, or the name a localized reply suggested it by ("/数据" for "/stat"). */
export function definitionOf(name: string) {
  return commands.find((c) => c.data.name === name || Object.values(c.data.name_localizations ?? {}).includes(name))
    ?.data;
}
