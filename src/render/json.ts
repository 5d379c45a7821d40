import type { Answer } from '../answers/answer.ts';
import type { Locale } from '../messages/message.ts';
import { words } from '../messages/words.ts';
import { commandLine } from './format.ts';
import { toText } from './text.ts';

/**
 * The machine-readable answer of the one-shot CLI: stable field names, every figure with
 * its citation, worded for `locale` (quotes stay verbatim).
 */
export function toJson(answer: Answer, locale: Locale, mention?: string) {
  const citations = answer.items.flatMap((i) => (i.kind === 'note' ? [] : [i.citation]));
  const figureItems = answer.items.filter((i) => i.kind === 'figure');
  const { comparison } = answer;
  return {
    locale,
    found: answer.found,
    title: words(locale, answer.title),
    text: toText(answer, locale, mention),
    ...(mention ? { mention } : {}),
    figures: figureItems.map((i) => ({ ...i.figure, citation: citations.indexOf(i.citation) })),
    citations,
    /** A comparison's rows, in the order asked: each row's figures by position in `figures`; none when missing. */
    ...(comparison
      ? {
          comparison: {
            by: comparison.by,
            rows: comparison.rows.map((row) => ({
              label: words(locale, row.label),
              figures: row.figures.map((at) => figureItems.indexOf(answer.items[at] as (typeof figureItems)[number])),
              ...(row.rank !== undefined ? { rank: row.rank } : {}),
            })),
            ...(comparison.unranked ? { unranked: comparison.unranked } : {}),
          },
        }
      : {}),
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
