import type { en } from './en.ts';

export { named, namedPerson, type Named, type NamedPerson } from './names.ts';

/** The languages Footnote answers in. English is the source; every other catalogue has its keys. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export type Catalogue = typeof en;
export type Key = keyof Catalogue;
type ArgsOf<K extends Key> = Parameters<Catalogue[K]> extends [] ? Record<string, never> : Parameters<Catalogue[K]>[0];

/** Words an answer says, named by key with what they mention; worded only when rendered for a locale. */
export type Message = { [K in Key]: { key: K; args: ArgsOf<K> } }[Key];

/** A message by key: a wrong key, a missing or a mistyped argument is a type error. */
export function msg<K extends Key>(key: K, ...args: Parameters<Catalogue[K]>): Message {
  return { key, args: (args[0] ?? {}) as ArgsOf<K> } as Message;
}

/** Text shown as it is (a query echoed back, an article's title): the same in every locale. */
export function verbatim(text: string): Message {
  return msg('verbatim', { text });
}
