import type { AnyCommand, MessageCommand } from '../src/command/command.ts';
import articles from './articles.ts';
import compare from './compare.ts';
import findSources from './find-sources.ts';
import gaps from './gaps.ts';
import ask from './ask.ts';
import help from './help.ts';
import region from './region.ts';
import reload from './reload.ts';
import search from './search.ts';
import source from './source.ts';
import stat from './stat.ts';
import summary from './summary.ts';

/** Every command, in the order /help lists them. Deploy, the router, the console and the tests all read this list. */
export const commands: readonly AnyCommand[] = [
  ask,
  region,
  stat,
  compare,
  search,
  source,
  articles,
  summary,
  gaps,
  reload,
  help,
];

/** Commands on a message's context menu. */
export const messageCommands: readonly MessageCommand[] = [findSources];

export const commandByName: ReadonlyMap<string, AnyCommand> = new Map(commands.map((c) => [c.data.name, c]));
