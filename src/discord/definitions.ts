import { ApplicationCommandType } from 'discord-api-types/v10';
import type { Definition, MessageCommand } from '../command/command.ts';

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
// Context-menu names are shown as typed: spaces and capitals allowed.
const MENU_NAME = /^[^\n]{1,32}$/u;

/**
 * Discord's rules for command definitions, checked before deploy (Discord would
 * refuse the whole batch) and in the tests. Returns the problems, empty when valid.
 */
export function definitionProblems(definitions: readonly (Definition | MessageCommand['data'])[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  const slash = definitions.filter((d): d is Definition => d.type === undefined || d.type === ApplicationCommandType.ChatInput);
  const menus = definitions.filter((d) => d.type === ApplicationCommandType.Message);
  if (slash.length > 100) problems.push(`${slash.length} slash commands: at most 100 are allowed`);
  if (menus.length > 5) problems.push(`${menus.length} message commands: at most 5 are allowed`);
  for (const d of menus) {
    if (!MENU_NAME.test(d.name.trim()) || d.name !== d.name.trim()) problems.push(`${d.name}: a menu name must be 1–32 characters`);
    if (names.has(d.name)) problems.push(`${d.name}: defined twice`);
    names.add(d.name);
  }
  for (const d of slash) {
    const at = `/${d.name}`;
    if (!NAME.test(d.name) || d.name !== d.name.toLowerCase()) problems.push(`${at}: the name must be 1–32 lowercase letters, digits, - or _`);
    if (names.has(d.name)) problems.push(`${at}: defined twice`);
    names.add(d.name);
    if (d.description.length < 1 || d.description.length > 100) problems.push(`${at}: the description must be 1–100 characters`);
    const options = d.options ?? [];
    if (options.length > 25) problems.push(`${at}: at most 25 options`);
    const optionNames = new Set<string>();
    let optionalSeen = false;
    for (const o of options) {
      const where = `${at} ${o.name}`;
      if (!NAME.test(o.name) || o.name !== o.name.toLowerCase()) problems.push(`${where}: the name must be 1–32 lowercase letters, digits, - or _`);
      if (optionNames.has(o.name)) problems.push(`${where}: defined twice`);
      optionNames.add(o.name);
      if (o.description.length < 1 || o.description.length > 100) problems.push(`${where}: the description must be 1–100 characters`);
      if (o.required && optionalSeen) problems.push(`${where}: required options must come before optional ones`);
      if (!o.required) optionalSeen = true;
    }
    const total = d.name.length + d.description.length + options.reduce((n, o) => n + o.name.length + o.description.length, 0);
    if (total > 4000) problems.push(`${at}: names and descriptions add up to ${total} characters; at most 4000`);
  }
  return problems;
}
