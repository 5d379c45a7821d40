import type { Answer } from '../../src/answers/answer.ts';
import type { Locale } from '../../src/messages/message.ts';
import { words } from '../../src/messages/words.ts';
import { commandLine } from '../../src/render/format.ts';

/** An answer's words as a reader of `locale` sees them, for tests that read what it says. */
export function worded(answer: Answer, locale: Locale = 'en') {
  return {
    title: words(locale, answer.title),
    lead: answer.lead.map((m) => words(locale, m)),
    headings: answer.items.flatMap((i) => (i.kind === 'passage' && i.heading ? [words(locale, i.heading)] : [])),
    suggestions: answer.suggestions.map((s) => ({ label: words(locale, s.label), command: commandLine(s, locale) })),
  };
}
