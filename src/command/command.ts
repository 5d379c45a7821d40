import {
  ApplicationCommandOptionType,
  type ApplicationCommandType,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { CorpusProblem } from '../corpus/errors.ts';
import type { Answer } from '../answers/answer.ts';
import type { Engine } from '../engine/engine.ts';
import type { Choice } from '../answers/choices.ts';

/** What a /reload did: the corpus now served, or why the one on disk was refused. */
export type ReloadOutcome =
  | { ok: true; articles: number; passages: number; stats: number; ms: number }
  | { ok: false; problems: CorpusProblem[]; ms: number };

/** Who is asking, as far as a command needs to know. */
export interface Caller {
  /** Members with Manage Messages may post digests; the console user is the operator and may. */
  canManageMessages: boolean;
}

export interface CommandContext {
  engine: Engine;
  caller: Caller;
  /** Every slash command, for /help. */
  commands: readonly AnyCommand[];
  /** Reloads the corpus from disk (/reload); absent where the corpus is read once. */
  reload?: () => Promise<ReloadOutcome>;
}

export type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody & { options?: APIApplicationCommandBasicOption[] };

type ValueOf<O> = O extends { type: ApplicationCommandOptionType.Boolean }
  ? boolean
  : O extends { type: ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number }
    ? number
    : string;

type OptionOf<D> = D extends { options?: readonly (infer O)[] } ? O : never;

/** The options a command's execute receives, derived from its definition so the two cannot drift. */
export type OptionsOf<D extends Definition> = {
  [O in OptionOf<D> as O extends { name: infer N extends string } ? N : never]: O extends { required: true } ? ValueOf<O> : ValueOf<O> | undefined;
};

export type OptionValue = string | number | boolean;

export interface Command<D extends Definition = Definition> {
  data: D;
  execute(options: OptionsOf<D>, context: CommandContext): Answer | Promise<Answer>;
  /** Answered from memory: Discord lets autocomplete neither defer nor take long. */
  autocomplete?(focused: { name: string; value: string }, context: CommandContext): Choice[];
}

/** Any command, for lists: execute is a method, so its options are checked bivariantly. */
export type AnyCommand = Command<Definition>;

export function defineCommand<const D extends Definition>(command: Command<D>): Command<D> {
  return command;
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
  return command;
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

export class OptionError extends Error {}

/**
 * Raw option values (from Discord, or typed at the console) checked against the
 * definition: required ones present, each of its declared type.
 */
export function readOptions(definition: Definition, raw: ReadonlyMap<string, OptionValue>): Record<string, OptionValue | undefined> {
  const out: Record<string, OptionValue | undefined> = {};
  const known = new Set((definition.options ?? []).map((o) => o.name));
  for (const name of raw.keys()) {
    if (!known.has(name)) {
      throw new OptionError(`${name ? `/${definition.name} has no option “${name}”.` : `/${definition.name} takes no text.`}${usageHint(definition)}`);
    }
  }
  for (const option of definition.options ?? []) {
    const value = raw.get(option.name);
    if (value === undefined || value === '') {
      if (option.required) throw new OptionError(`/${definition.name} needs “${option.name}”: ${option.description}.${usageHint(definition)}`);
      out[option.name] = undefined;
      continue;
    }
    out[option.name] = coerce(option, value);
  }
  return out;
}

function coerce(option: APIApplicationCommandBasicOption, value: OptionValue): OptionValue {
  switch (option.type) {
    case ApplicationCommandOptionType.Boolean:
      if (typeof value === 'boolean') return value;
      if (/^(true|yes|on|1)$/i.test(String(value))) return true;
      if (/^(false|no|off|0)$/i.test(String(value))) return false;
      throw new OptionError(`“${option.name}” takes true or false.`);
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const n = Number(value);
      if (!Number.isFinite(n) || (option.type === ApplicationCommandOptionType.Integer && !Number.isInteger(n))) {
        throw new OptionError(`“${option.name}” takes a number.`);
      }
      return n;
    }
    default:
      return String(value);
  }
}

export function usage(definition: Definition): string {
  const options = (definition.options ?? []).map((o) => (o.required ? `${o.name}:<${o.name}>` : `[${o.name}:…]`));
  return [`/${definition.name}`, ...options].join(' ');
}

function usageHint(definition: Definition): string {
  return ` Usage: ${usage(definition)}`;
}
