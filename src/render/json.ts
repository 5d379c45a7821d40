import type { Answer } from '../answers/answer.ts';
import type { Locale } from '../messages/message.ts';
import { words } from '../messages/words.ts';
import { commandLine } from './format.ts';
import { toText } from './text.ts';

/**
 * The machine-readable answer of the one-shot CLI: stable field names, every figure with
 * its citation, worded for `locale` (quotes stay verbatim).
 */
export function toJson(answer: Answer, locale: Locale) {
  const citations = answer.items.flatMap((i) => (i.kind === 'note' ? [] : [i.citation]));
  return {
    locale,
    found: answer.found,
    title: words(locale, answer.title),
    text: toText(answer, locale),
    figures: answer.items.flatMap((i) =>
      i.kind === 'figure' ? [{ ...i.figure, citation: citations.indexOf(i.citation) }] : [],
    ),
    citations,
    /** Items the answer does not list (it lists at most 25). */
    more: answer.more ?? 0,
    suggestions: answer.suggestions.map((s) => ({
      label: words(locale, s.label),
      command: commandLine(s, locale),
      name: s.command,
      options: s.options,
    })),
  };
}
