import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { usageOf, type Definition, type OptionValue } from '../command/command.ts';
import { msg, type Message } from '../messages/message.ts';

export interface CommandLine {
  name: string;
  options: Map<string, OptionValue>;
  /** Why the line cannot run as typed (an unknown, empty or repeated option, stray text); the asker is told this. */
  problem?: Message;
}

/**
 * What looks like an option someone meant to give, `colour:red`: a lowercase name (as Discord's
 * option names are) with its value right after the colon. A colon followed by a space ("Note: …"),
 * a link ("https://…") or a ratio ("1:10") stays inside the value.
 */
const OPTION_LIKE = /(?:^|\s)([a-z][a-z0-9_-]*):(?!\/\/)(?=\S)/g;

/**
 * A command typed as in Discord: `/stat gdp region:jiangsu period:Q1 2024`.
 * Words before any `name:` go to the first option; a value runs until the next
 * `name:` of that command, so values may hold spaces without quotes.
 */
export function parseCommandLine(
  line: string,
  definitionOf: (name: string) => Definition | undefined,
): CommandLine | undefined {
  const match = /^\s*\/?(\S+)\s*([\s\S]*)$/.exec(line);
  if (!match) return undefined;
  const typed = match[1]!.toLowerCase();
  const rest = match[2]!.trim();
  const options = new Map<string, OptionValue>();
  const definition = definitionOf(typed);
  const name = definition?.name ?? typed;
  if (!rest) return { name, options };
  if (!definition?.options?.length) {
    options.set('', rest);
    return { name, options };
  }
  const usage = usageOf(definition);
  // An option by its name or by any localized one ("地区:" for "region:"), as suggestions write them.
  const canonical = new Map(
    definition.options.flatMap((o) =>
      [o.name, ...Object.values(o.name_localizations ?? {})].flatMap((n) => (n ? [[n, o.name] as const] : [])),
    ),
  );
  const unknown = [...rest.matchAll(OPTION_LIKE)].find((m) => !canonical.has(m[1]!));
  if (unknown) return { name, options, problem: msg('unknownOption', { option: unknown[1]!, usage }) };

  const marker = new RegExp(`(?:^|\\s)(${[...canonical.keys()].map(escapeRegExp).join('|')}):`, 'g');
  const first = definition.options[0]!;
  let current: string | undefined;
  let start = 0;
  const take = (value: string): Message | undefined => {
    if (current === undefined) {
      if (!value) return undefined;
      // Text before any `name:` is the first option's, unless that option is a switch (/help me).
      if (first.type === ApplicationCommandOptionType.Boolean) return msg('takesNoText', { usage });
      current = first.name;
    }
    if (!value) return msg('emptyOption', { option: current, usage });
    if (options.has(current)) return msg('repeatedOption', { option: current, usage });
    options.set(current, value);
    return undefined;
  };
  for (const found of rest.matchAll(marker)) {
    const problem = take(rest.slice(start, found.index).trim());
    if (problem) return { name, options, problem };
    current = canonical.get(found[1]!)!;
    start = found.index + found[0].length;
  }
  const problem = take(rest.slice(start).trim());
  return problem ? { name, options, problem } : { name, options };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
