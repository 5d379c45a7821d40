import type { Definition, OptionValue } from '../command/command.ts';
import type { Engine } from '../engine/engine.ts';
import { limits } from '../render/limits.ts';

/**
 * A page of an answer, all of it in the button's custom_id: the command, its options,
 * the corpus it was answered from and the page. Answers are a function of the corpus,
 * so any shard, after any restart, turns the page by answering again; nothing is kept.
 */
export interface PageState {
  command: string;
  options: ReadonlyMap<string, OptionValue>;
  /** The first hex digits of the corpus fingerprint: a page of another corpus is another page. */
  version: string;
  /** From 1. */
  page: number;
}

const PREFIX = 'pg';
const VERSION_DIGITS = 8;

export function corpusVersion(engine: Engine): string {
  return engine.corpus.fingerprint.slice(0, VERSION_DIGITS);
}

export function isPageId(customId: string): boolean {
  return customId.startsWith(`${PREFIX}:`);
}

/**
 * `pg:<page>:<version>:<command>:<value>|<value>|…`, the values in the definition's
 * option order ('' for an option not given, 1 and 0 for booleans), so no option name
 * takes room. Undefined when it would pass Discord's 100 characters (a long question,
 * say): that answer gets no page buttons and says how many more items there are.
 */
export function pageId(state: PageState, definition: Definition): string | undefined {
  const values = (definition.options ?? []).map((o) => encodeValue(state.options.get(o.name)));
  while (values.length && values.at(-1) === '') values.pop();
  const id = [PREFIX, state.page, state.version, state.command, values.join('|')].join(':');
  // Discord counts characters, never more than UTF-16 units; a lone surrogate it would refuse.
  return id.length <= limits.customId && id.isWellFormed() ? id : undefined;
}

/** The state in a page button's id, or undefined for an id that is not one (or of a command no longer there). */
export function readPageId(
  customId: string,
  definitionOf: (command: string) => Definition | undefined,
): PageState | undefined {
  const match = /^pg:(\d{1,4}):([0-9a-f]+):([^:]+):([\s\S]*)$/.exec(customId);
  if (!match) return undefined;
  const definition = definitionOf(match[3]!);
  if (!definition) return undefined;
  const values = match[4] === '' ? [] : match[4]!.split('|').map(decodeValue);
  const declared = definition.options ?? [];
  if (values.length > declared.length) return undefined;
  const options = new Map<string, OptionValue>();
  values.forEach((value, at) => {
    if (value !== '') options.set(declared[at]!.name, value);
  });
  return { command: definition.name, options, version: match[2]!, page: Math.max(1, Number(match[1])) };
}

function encodeValue(value: OptionValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value).replace(/%/g, '%25').replace(/\|/g, '%7C');
}

/** Values come back as text; readOptions coerces them by the definition, as it does the console's. */
function decodeValue(text: string): string {
  return text.replace(/%7C/g, '|').replace(/%25/g, '%');
}
