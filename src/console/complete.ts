import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { commandByName, commands, messageCommands } from '../../commands/index.ts';
import { consoleName, type CommandContext } from '../command/command.ts';
import type { Engine } from '../engine/engine.ts';
import type { Locale } from '../messages/message.ts';
import { definitionOf } from './session.ts';

/** What readline's completer returns: the candidates, and the text before the cursor they replace. */
export type Completion = [candidates: string[], replaced: string];

/** Words that leave the console; completed like commands. */
const LEAVING = ['quit', 'exit'];

/**
 * Tab at the console, as Discord's client completes a slash command: the command's
 * name, then its options' names ("reg" → "region:"), then their values from the very
 * autocomplete the bot serves (commands/*.ts), so the two never disagree. `line` is the
 * text before the cursor. A question (no leading "/") has nothing to complete.
 */
export function completeLine(line: string, engine: Engine, locale: Locale): Completion {
  const naming = /^\s*\/(\S*)$/.exec(line);
  if (naming) return completeCommand(naming[1]!.toLowerCase(), locale);
  const typed = /^\s*\/(\S+)\s+([\s\S]*)$/.exec(line);
  const definition = typed && definitionOf(typed[1]!.toLowerCase());
  if (!definition?.options?.length) return [[], line];
  const rest = typed![2]!;
  const names = optionNames(definition.options, locale);
  const { option, value } = currentOption(rest, names, definition.options[0]!.name);
  const word = /\S*$/.exec(rest)![0];
  const given = new Set([...rest.matchAll(markers(names))].map((m) => names.get(m[1]!)));
  const namesHere = word.includes(':')
    ? []
    : [...names].filter(([name, canonical]) => name.startsWith(word) && !given.has(canonical)).map(([n]) => `${n}:`);
  const context: CommandContext = { engine, caller: { canManageMessages: true }, commands, locale };
  const typedValue = value.trimStart();
  const values = () => valuesFor(definition.name, option, typedValue, context);
  if (typedValue === word) return finish([...values(), ...namesHere], word);
  // Within a value of several words: a word that starts an option's name is one; otherwise the whole value is replaced.
  if (word && namesHere.length) return finish(namesHere, word);
  return finish(values(), typedValue);
}

function completeCommand(partial: string, locale: Locale): Completion {
  const names = [
    ...commands.flatMap((c) => [c.data.name, ...(locale === 'en' ? [] : [c.data.name_localizations?.[locale]])]),
    ...messageCommands.map(consoleName),
    ...LEAVING,
  ].filter((n): n is string => !!n);
  return finish(
    [...new Set(names)].filter((n) => n.startsWith(partial)).map((n) => `/${n}`),
    `/${partial}`,
  );
}

/** A lone candidate is taken with a space after it, ready for what follows; an option name ends in ":" already. */
function finish(candidates: string[], replaced: string): Completion {
  const unique = [...new Set(candidates)];
  if (unique.length === 1 && !unique[0]!.endsWith(':')) return [[`${unique[0]} `], replaced];
  return [unique, replaced];
}

type Options = NonNullable<NonNullable<ReturnType<typeof definitionOf>>['options']>;

/** Each name an option may be typed by → its own name: English, and the console's language's. */
function optionNames(options: Options, locale: Locale): Map<string, string> {
  return new Map(
    options.flatMap((o) => {
      const local = locale === 'en' ? undefined : o.name_localizations?.[locale];
      return [[o.name, o.name] as const, ...(local ? [[local, o.name] as const] : [])];
    }),
  );
}

function markers(names: Map<string, string>): RegExp {
  const escaped = [...names.keys()].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?:^|\\s)(${escaped.join('|')}):`, 'g');
}

/** The option whose value the cursor is in, as the parser reads the line: after the last "name:", else the first. */
function currentOption(rest: string, names: Map<string, string>, first: string): { option: string; value: string } {
  let option = first;
  let start = 0;
  for (const found of rest.matchAll(markers(names))) {
    option = names.get(found[1]!)!;
    start = found.index + found[0].length;
  }
  return { option, value: rest.slice(start) };
}

/** Values for one option: the command's own autocomplete, or true/false for a yes-or-no one. */
function valuesFor(command: string, option: string, value: string, context: CommandContext): string[] {
  const definition = commandByName.get(command);
  const declared = definition?.data.options?.find((o) => o.name === option);
  if (!definition || !declared) return [];
  if (declared.type === ApplicationCommandOptionType.Boolean)
    return ['true', 'false'].filter((v) => v.startsWith(value.toLowerCase()));
  if (!('autocomplete' in declared && declared.autocomplete) || !definition.autocomplete) return [];
  return definition.autocomplete({ name: option, value }, context).map((c) => c.value);
}
