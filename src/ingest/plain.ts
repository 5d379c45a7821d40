import type { Block, SourceDocument } from './document.ts';

/**
 * Plain text is stored verbatim. Paragraphs are separated by blank lines; a file
 * without any blank line has one paragraph per line.
 */
export function readPlainText(text: string): SourceDocument {
  const separator = /\r?\n[ \t]*\r?\n/.test(text) ? /\r?\n[ \t]*(?:\r?\n[ \t]*)+/ : /\r?\n/;
  const blocks: Block[] = text
    .split(separator)
    .map((b) => b.trim())
    .filter((b) => b.length > 0)
    .map((b) => ({ text: b }));
  return { text, blocks, meta: {} };
}
