import {
  ApplicationCommandOptionType,
  type ApplicationCommandType,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { CorpusProblem } from '../corpus/errors.ts';
import type { Answer } from '../answers/answer.ts';
import type { GapsShown } from '../answers/gaps.ts';
import type { Engine } from '../engine/engine.ts';
import type { Choice } from '../answers/choices.ts';
import { msg, type Locale, type Message } from '../messages/message.ts';
import type { UsageOf } from '../messages/en.ts';
import { commandLocalizations, menuLocalizations, words } from '../messages/words.ts';

/** What a /reload did: the corpus now served, or why the one on disk was refused. */
export type ReloadOutcome =
  | { ok: true; articles: number; passages: number; stats: number; ms: number }
  | { ok: false; problems: CorpusProblem[]; ms: number };

/** Who is asking, as far as a command needs to know. */
export interface Caller {
  /** Members with Manage Messages may post digests; the console user is the operator and may. */
  canManageMessages: boolean;
  /** The server asked in; undefined in a DM, a private channel and at the console. */
  guild?: string | undefined;
}

/** The unanswered questions kept by the running bot (src/feedback), as /gaps reads them. */
export interface FeedbackReader {
  gaps(days: number, options: { guild?: string | undefined }): Promise<GapsShown>;
}

export interface CommandContext {
  engine: Engine;
  caller: Caller;
  /** The language the request is answered in, resolved once where it arrives (Discord, console, CLI); English when absent. */
  locale?: Locale;
  /** Every slash command, for /help. */
  commands: readonly AnyCommand[];
  /** Reloads the corpus from disk (/reload); absent where the corpus is read once. */
  reload?: () => Promise<ReloadOutcome>;
  /** Absent where no feedback is kept (the console, scripts). */
  feedback?: FeedbackReader;
}

export type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody & {
  options?: APIApplicationCommandBasicOption[];
};

type ValueOf<O> = O extends { type: ApplicationCommandOptionType.Boolean }
  ? boolean
  : O extends { type: ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number }
    ? number
    : string;

type OptionOf<D> = D extends { options?: readonly (infer O)[] } ? O : never;

/** The options a command's execute receives, derived from its definition so the two cannot drift. */
export type OptionsOf<D extends Definition> = {
  [O in OptionOf<D> as O extends { name: infer N extends string } ? N : never]: O extends { required: true }
    ? ValueOf<O>
    : ValueOf<O> | undefined;
};

export type OptionValue = string | number | boolean;

export interface Command<D extends Definition = Definition> {
  data: D;
  execute(options: OptionsOf<D>, context: CommandContext): Answer | Promise<Answer>;
  /** Its answer's figures are drawn as a chart when two or more share a metric and a unit. */
  chart?: boolean;
  /** Answered from memory: Discord lets autocomplete neither defer nor take long. */
  autocomplete?(focused: { name: string; value: string }, context: CommandContext): Choice[];
}

/** Any command, for lists: execute is a method, so its options are checked bivariantly. */
export type AnyCommand = Command<Definition>;

/** A command, its definition carrying every catalogue's names and descriptions for Discord's clients. */
export function defineCommand<const D extends Definition>(command: Command<D>): Command<D> {
  return { ...command, data: localized(command.data) };
}

/**
 * Discord shows a command, its options and their choices in the member's language when
 * the definition carries it (name_localizations, description_localizations). A command
 * no catalogue names (a test's) is left in English.
 */
function localized<D extends Definition>(data: D): D {
  const entries = Object.entries(commandLocalizations).flatMap(([locale, all]) =>
    all[data.name] ? [[locale, all[data.name]!] as const] : [],
  );
  if (!entries.length) return data;
  const each = <T>(pick: (words: (typeof entries)[number][1]) => T | undefined) =>
    Object.fromEntries(
      entries.flatMap(([locale, words]) => {
        const value = pick(words);
        return value === undefined ? [] : [[locale, value]];
      }),
    );
  return {
    ...data,
    name_localizations: each((w) => w.name),
    description_localizations: each((w) => w.description),
    ...(data.options
      ? {
          options: data.options.map((o) => ({
            ...o,
            name_localizations: each((w) => w.options[o.name]?.name),
            description_localizations: each((w) => w.options[o.name]?.description),
          })),
        }
      : {}),
  };
}

/**
 * A command on a message's context menu (Apps → …). It takes the message's text; the
 * console runs it as /<name in kebab case> <text>, e.g. /find-sources Jiangsu grew 8%.
 */
export interface MessageCommand {
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody & { type: ApplicationCommandType.Message };
  execute(message: { content: string }, context: CommandContext): Answer | Promise<Answer>;
}

export function defineMessageCommand(command: MessageCommand): MessageCommand {
  const names = Object.fromEntries(
    Object.entries(menuLocalizations).flatMap(([locale, all]) =>
      all[command.data.name] ? [[locale, all[command.data.name]!]] : [],
    ),
  );
  return { ...command, data: { ...command.data, name_localizations: names } };
}

/** How a message command is typed at the console: "Find sources" → "find-sources". */
export function consoleName(command: MessageCommand): string {
  return command.data.name.toLowerCase().replace(/\s+/g, '-');
}

/** Every answering command takes it: the reply is then visible only to the person who asked. */
export const hideOption = {
  name: 'hide',
  description: 'Show the answer only to you',
  type: ApplicationCommandOptionType.Boolean,
  required: false,
} as const satisfies APIApplicationCommandBasicOption;

/**
 * Every answering command takes it: the answer is addressed to that member and pings
 * them alone (src/render/discord.ts). A hidden answer is addressed to nobody.
 */
export const mentionOption = {
  name: 'mention',
  description: 'Address the answer to this member: it pings them and nobody else',
  type: ApplicationCommandOptionType.User,
  required: false,
} as const satisfies APIApplicationCommandBasicOption;

/** Commands whose answers are figures take it: the figures also as a CSV or JSON file. */
export const formatOption = {
  name: 'format',
  description: 'Also attach the figures as a file: csv or json (text alone by default)',
  type: ApplicationCommandOptionType.String,
  required: false,
  choices: [
    { name: 'text', value: 'text' },
    { name: 'csv', value: 'csv' },
    { name: 'json', value: 'json' },
  ],
} as const satisfies APIApplicationCommandBasicOption;

/** Bad input to a command: `said` is what the asker is told, worded when rendered; the Error's message is for logs. */
export class OptionError extends Error {
  constructor(readonly said: Message) {
    super(words('en', said));
  }
}

/**
 * Raw option values (from Discord, or typed at the console) checked against the
 * definition: required ones present, each of its declared type.
 */
export function readOptions(
  definition: Definition,
  raw: ReadonlyMap<string, OptionValue>,
): Record<string, OptionValue | undefined> {
  const out: Record<string, OptionValue | undefined> = {};
  const known = new Set((definition.options ?? []).map((o) => o.name));
  for (const name of raw.keys()) {
    if (!known.has(name)) {
      const usage = usageOf(definition);
      throw new OptionError(name ? msg('unknownOption', { option: name, usage }) : msg('takesNoText', { usage }));
    }
  }
  for (const option of definition.options ?? []) {
    const value = raw.get(option.name);
    if (value === undefined || value === '') {
      if (option.required)
        throw new OptionError(
          msg('needsOption', { option: option.name, description: option.description, usage: usageOf(definition) }),
        );
      out[option.name] = undefined;
      continue;
    }
    out[option.name] = coerce(definition.name, option, value);
  }
  return out;
}

function coerce(command: string, option: APIApplicationCommandBasicOption, value: OptionValue): OptionValue {
  switch (option.type) {
    case ApplicationCommandOptionType.Boolean:
      if (typeof value === 'boolean') return value;
      if (/^(true|yes|on|1)$/i.test(String(value))) return true;
      if (/^(false|no|off|0)$/i.test(String(value))) return false;
      throw new OptionError(msg('takesBoolean', { command, option: option.name }));
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const n = Number(value);
      if (!Number.isFinite(n) || (option.type === ApplicationCommandOptionType.Integer && !Number.isInteger(n))) {
        throw new OptionError(msg('takesNumber', { command, option: option.name }));
      }
      return n;
    }
    case ApplicationCommandOptionType.User: {
      // Discord sends the id; at the console it is typed as the id or as <@id>.
      const id = /^<@!?(\d{17,20})>$|^(\d{17,20})$/.exec(String(value).trim());
      if (!id) throw new OptionError(msg('takesUser', { command, option: option.name }));
      return id[1] ?? id[2]!;
    }
    default: {
      const text = String(value);
      const choices = 'choices' in option ? option.choices : undefined;
      if (choices?.length && !choices.some((c) => c.value === text)) {
        throw new OptionError(
          msg('takesOneOf', { command, option: option.name, values: choices.map((c) => String(c.value)) }),
        );
      }
      return text;
    }
  }
}

/** How a command is typed, as data: each locale's catalogue writes it with its own names. */
export function usageOf(definition: Definition): UsageOf {
  return {
    command: definition.name,
    options: (definition.options ?? []).map((o) => ({ name: o.name, required: o.required })),
  };
}
