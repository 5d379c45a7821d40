import type { Answer } from '../answers/answer.ts';
import { toText } from './text.ts';

/** The machine-readable answer of the one-shot CLI: stable field names, every figure with its citation. */
export function toJson(answer: Answer) {
  const citations = answer.items.flatMap((i) => (i.kind === 'note' ? [] : [i.citation]));
  return {
    found: answer.found,
    title: answer.title,
    text: toText(answer),
    figures: answer.items.flatMap((i) => (i.kind === 'figure' ? [{ ...i.figure, citation: citations.indexOf(i.citation) }] : [])),
    citations,
    /** Items the answer does not list (it lists at most 25). */
    more: answer.more ?? 0,
    suggestions: answer.suggestions,
  };
}
