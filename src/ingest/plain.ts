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
    .flatMap(items)
    .map((b) => ({ text: b }));
  return { text, blocks, meta: {} };
}

/**
 * A block of several lines is one paragraph when its lines are prose wrapped at a
 * width; a list, a menu or a byline over a font-size bar (a copy-paste of a web page)
 * is one block per line, so each line is kept or dropped on its own.
 */
function items(block: string): string[] {
  const lines = block
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length < 2) return [block];
  // Wrapped prose: every line but the last near the wrap width, no bullets, no menu-like runs of spaces, and a last line that ends a sentence or runs on.
  const last = lines.at(-1)!;
  const wrapped =
    lines.slice(0, -1).every((l) => l.length >= 40 && !/^[·•●▪\-*]\s/.test(l)) &&
    !lines.some((l) => /\S\s{3,}\S/.test(l)) &&
    (/[.!?。”"’)]$/.test(last) || last.length >= 20);
  return wrapped ? [block] : lines;
}
