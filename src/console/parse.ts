import type { Definition, OptionValue } from '../command/command.ts';

export interface CommandLine {
  name: string;
  options: Map<string, OptionValue>;
}

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
  // An option by its name or by any localized one ("地区:" for "region:"), as suggestions write them.
  const canonical = new Map(
    (definition?.options ?? []).flatMap((o) =>
      [o.name, ...Object.values(o.name_localizations ?? {})].flatMap((n) => (n ? [[n, o.name] as const] : [])),
    ),
  );
  const names = [...canonical.keys()];
  if (!rest) return { name, options };
  if (names.length === 0) {
    options.set('', rest);
    return { name, options };
  }
  const marker = new RegExp(`(?:^|\\s)(${names.map(escapeRegExp).join('|')}):`, 'g');
  let current = definition!.options![0]!.name;
  const first = current;
  let start = 0;
  for (const found of rest.matchAll(marker)) {
    const before = rest.slice(start, found.index).trim();
    if (before) options.set(current, before);
    current = canonical.get(found[1]!)!;
    start = found.index + found[0].length;
  }
  const last = rest.slice(start).trim();
  if (last || current !== first) options.set(current, last);
  return { name, options };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
