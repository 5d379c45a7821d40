import type { Answer } from '../answers/answer.ts';
import type { Locale } from '../messages/message.ts';
import { words } from '../messages/words.ts';
import { render, type Style } from './format.ts';

const plain: Style = {
  strong: (t) => t,
  verbatim: (t) => t,
  quote: (t) => `  “${t}”`,
  source: (t) => `  ${t}`,
  code: (t) => t,
  table: (lines) => lines.map((line) => `  ${line}`).join('\n'),
};

/** The whole answer as plain text, for the console and the `text` field of JSON output. */
export function toText(answer: Answer, locale: Locale, mention?: string): string {
  const { header, table, blocks, suggestions } = render(answer, plain, locale);
  const more = answer.more ? [words(locale, { key: 'moreText', args: { count: answer.more } })] : [];
  const to = mention ? `${words(locale, { key: 'addressedTo', args: { user: `<@${mention}>` } })}\n` : '';
  return [to + header, ...(table ? [table] : []), ...blocks, ...more, ...(suggestions ? [suggestions] : [])].join(
    '\n\n',
  );
}
