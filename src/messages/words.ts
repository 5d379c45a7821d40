import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';
import { zhCommands, zhMenuNames } from './commands-zh-CN.ts';
import type { Catalogue, Locale, Message } from './message.ts';

const catalogues: Record<Locale, Catalogue> = { en, 'zh-CN': zhCN as unknown as Catalogue };

/** A message worded for a locale. */
export function words(locale: Locale, message: Message): string {
  return (catalogues[locale][message.key] as (args: unknown) => string)(message.args);
}

/**
 * The locale of a request from the locales Discord (or a setting) names, the most
 * specific first: the first Footnote has a catalogue for, else English. "zh-CN" only:
 * zh-TW readers would rather read English than Simplified Chinese chosen for them.
 */
export function resolveLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    if (candidate === 'zh-CN') return 'zh-CN';
    if (candidate && /^en\b/i.test(candidate)) return 'en';
  }
  return 'en';
}

export function isLocale(text: string): text is Locale {
  return text === 'en' || text === 'zh-CN';
}

/** A command's name as the locale's Discord client shows it. */
export function commandName(locale: Locale, command: string): string {
  return locale === 'zh-CN' ? (zhCommands[command]?.name ?? command) : command;
}

export function optionName(locale: Locale, command: string, option: string): string {
  return locale === 'zh-CN' ? (zhCommands[command]?.options[option]?.name ?? option) : option;
}

/** Discord's name_localizations and description_localizations of a command, of its options and of the menu commands. */
export const commandLocalizations = { 'zh-CN': zhCommands };
export const menuLocalizations = { 'zh-CN': zhMenuNames };
