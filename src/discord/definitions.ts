import { ApplicationCommandType, ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import type { Definition, MessageCommand } from '../command/command.ts';

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
// Context-menu names are shown as typed: spaces and capitals allowed.
const MENU_NAME = /^[^\n]{1,32}$/u;

type Deployable = Definition | MessageCommand['data'];

/**
 * Where each command can be installed and used, as deployed. The read-only commands
 * install to a server or to a member's own account (then they work in any server, in
 * DMs with the bot and in group DMs); a command gated by a permission (/summary,
 * /reload, /gaps) is a moderator's, and stays with servers that installed the app.
 */
export function withInstallContexts<D extends Deployable>(definition: D): D {
  const moderated =
    definition.default_member_permissions !== undefined && definition.default_member_permissions !== null;
  return {
    ...definition,
    integration_types: moderated
      ? [ApplicationIntegrationType.GuildInstall]
      : [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
    contexts: moderated
      ? [InteractionContextType.Guild]
      : [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  };
}

/**
 * Discord's rules for command definitions, checked before deploy (Discord would
 * refuse the whole batch) and in the tests. Returns the problems, empty when valid.
 */
export function definitionProblems(definitions: readonly Deployable[]): string[] {
  const problems: string[] = [];
  for (const d of definitions) {
    const moderated = d.default_member_permissions !== undefined && d.default_member_permissions !== null;
    const elsewhere =
      d.integration_types?.includes(ApplicationIntegrationType.UserInstall) ||
      d.contexts?.some((c) => c !== InteractionContextType.Guild);
    if (moderated && elsewhere)
      problems.push(`${d.name}: a moderator command must stay in servers that installed the app`);
  }
  const names = new Set<string>();
  const slash = definitions.filter(
    (d): d is Definition => d.type === undefined || d.type === ApplicationCommandType.ChatInput,
  );
  const menus = definitions.filter((d) => d.type === ApplicationCommandType.Message);
  if (slash.length > 100) problems.push(`${slash.length} slash commands: at most 100 are allowed`);
  if (menus.length > 5) problems.push(`${menus.length} message commands: at most 5 are allowed`);
  for (const d of menus) {
    for (const name of [d.name, ...Object.values(d.name_localizations ?? {})]) {
      if (!name || !MENU_NAME.test(name.trim()) || name !== name.trim())
        problems.push(`${name}: a menu name must be 1–32 characters`);
    }
    if (names.has(d.name)) problems.push(`${d.name}: defined twice`);
    names.add(d.name);
  }
  for (const d of slash) {
    const at = `/${d.name}`;
    problems.push(...localeProblems(at, d));
    if (names.has(d.name)) problems.push(`${at}: defined twice`);
    names.add(d.name);
    const options = d.options ?? [];
    if (options.length > 25) problems.push(`${at}: at most 25 options`);
    const optionNames = new Set<string>();
    let optionalSeen = false;
    for (const o of options) {
      const where = `${at} ${o.name}`;
      problems.push(...localeProblems(where, o));
      if (optionNames.has(o.name)) problems.push(`${where}: defined twice`);
      optionNames.add(o.name);
      if (o.required && optionalSeen) problems.push(`${where}: required options must come before optional ones`);
      if (!o.required) optionalSeen = true;
    }
    const total =
      d.name.length + d.description.length + options.reduce((n, o) => n + o.name.length + o.description.length, 0);
    if (total > 4000) problems.push(`${at}: names and descriptions add up to ${total} characters; at most 4000`);
  }
  return problems;
}

interface Worded {
  name: string;
  description: string;
  name_localizations?: Partial<Record<string, string | null>> | null;
  description_localizations?: Partial<Record<string, string | null>> | null;
}

/** A command's or an option's name and description, in English and in every locale it carries. */
function localeProblems(at: string, d: Worded): string[] {
  const problems: string[] = [];
  const names = [['', d.name], ...Object.entries(d.name_localizations ?? {})] as const;
  for (const [locale, name] of names) {
    const where = locale ? `${at} (${locale} name “${name}”)` : at;
    if (!name || !NAME.test(name) || name !== name.toLowerCase())
      problems.push(`${where}: the name must be 1–32 lowercase letters, digits, - or _`);
  }
  const descriptions = [['', d.description], ...Object.entries(d.description_localizations ?? {})] as const;
  for (const [locale, text] of descriptions) {
    const where = locale ? `${at} (${locale} description)` : at;
    if (!text || text.length > 100) problems.push(`${where}: the description must be 1–100 characters`);
  }
  return problems;
}
