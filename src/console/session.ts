import { commands, messageCommands } from '../../commands/index.ts';
import { consoleName, type Caller, type CommandContext } from '../command/command.ts';
import type { Engine } from '../engine/engine.ts';
import { invoke, refused, type Invocation } from '../command/invoke.ts';
import { parseCommandLine } from './parse.ts';
import type { Locale } from '../messages/message.ts';

/** The console's user runs the bot, so moderator commands are theirs. */
const operator: Caller = { canManageMessages: true };

/** Runs one line typed as in Discord; undefined for an empty line. */
export async function runLine(engine: Engine, line: string, locale: Locale = 'en'): Promise<Invocation | undefined> {
  const context: CommandContext = { engine, caller: operator, commands, locale };
  const typed = /^\s*\/?(\S+)\s*([\s\S]*)$/.exec(line);
  const onMessage = typed && messageCommands.find((c) => consoleName(c) === typed[1]!.toLowerCase());
  if (onMessage) return { answer: await onMessage.execute({ content: typed[2]! }, context), hide: false };
  // By its name, or the name a localized reply suggested it by ("/数据" for "/stat").
  const definitionOf = (name: string) =>
    commands.find((c) => c.data.name === name || Object.values(c.data.name_localizations ?? {}).includes(name))?.data;
  const parsed = parseCommandLine(line, definitionOf);
  if (!parsed) return undefined;
  if (parsed.problem) return refused(parsed.problem);
  return invoke(parsed.name, parsed.options, context);
}
