/**
 * What a reader (plain text, Markdown, HTML) makes of a file: the text to store as
 * `sources/<id>.txt` and the blocks cut from it, each a verbatim substring of that text.
 */
export interface Block {
  text: string;
  /** Set by a reader that knows from the markup that this block is page furniture. */
  boilerplate?: string;
  /** The block is a heading in the markup (h1, `# `). */
  heading?: number;
}

export interface SourceDocument {
  /** Stored as the article's source; every passage must be verbatim in it. */
  text: string;
  blocks: Block[];
  /** What the markup itself says about the article (HTML meta tags). */
  meta: ArticleMeta;
}

export interface ArticleMeta {
  title?: string;
  outlet?: string;
  published?: string;
  url?: string;
}

export type SourceFormat = 'txt' | 'md' | 'html';

/** Joins blocks the way every reader stores them: one blank line between blocks. */
export function joinBlocks(blocks: readonly Block[]): string {
  return blocks.map((b) => b.text).join('\n\n') + '\n';
}

/** Collapses the whitespace HTML and Markdown leave inside a paragraph. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
