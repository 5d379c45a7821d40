import type { Answer } from '../answers/answer.ts';
import { render, type Style } from './format.ts';

const plain: Style = {
  strong: (t) => t,
  verbatim: (t) => t,
  quote: (t) => `  “${t}”`,
  source: (t) => `  ${t}`,
  code: (t) => t,
};

/** The whole answer as plain text, for the console and the `text` field of JSON output. */
export function toText(answer: Answer): string {
  const { header, blocks, suggestions } = render(answer, plain);
  const more = answer.more ? [`…and ${answer.more} more. Narrow the question to see them.`] : [];
  return [header, ...blocks, ...more, ...(suggestions ? [suggestions] : [])].join('\n\n');
}
