import { commands } from '../../commands/index.ts';
import type { Caller, CommandContext } from '../command.ts';
import type { Engine } from '../engine/engine.ts';
import { invoke, type Invocation } from '../invoke.ts';
import { parseCommandLine } from './parse.ts';

/** The console's user runs the bot, so moderator commands are theirs. */
const operator: Caller = { canManageMessages: true };

/** Runs one line typed as in Discord; undefined for an empty line. */
export async function runLine(engine: Engine, line: string): Promise<Invocation | undefined> {
  const parsed = parseCommandLine(line, (name) => commands.find((c) => c.data.name === name)?.data);
  if (!parsed) return undefined;
  const context: CommandContext = { engine, caller: operator, commands };
  return invoke(parsed.name, parsed.options, context);
}
