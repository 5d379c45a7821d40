import path from 'node:path';
import type { SourceFormat } from './document.ts';

/** The reader for a file, by its extension; standard input is sniffed. */
export function formatOf(file: string, content?: string): SourceFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.txt' || ext === '.text') return 'txt';
  if (file === '-' && content !== undefined) {
    if (/^\s*<(?:!doctype|html|head|body|article|main|div|p)\b/i.test(content)) return 'html';
    if (/^#\s+\S/m.test(content)) return 'md';
    return 'txt';
  }
  throw new UnsupportedFormat(
    `Cannot read “${file}”: only .txt, .md and .html files (or - for standard input) can be added.`,
  );
}

export class UnsupportedFormat extends Error {}
