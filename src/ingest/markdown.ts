import { joinBlocks, squash, type Block, type SourceDocument } from './document.ts';

/**
 * Markdown is rendered to plain paragraphs (markup stripped, links reduced to their
 * text), and that rendering is what passages quote. Only what news articles use is
 * understood: headings, emphasis, links, block quotes, lists and rules.
 */
export function readMarkdown(markdown: string): SourceDocument {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let afterRule = false;
  const flush = () => {
    const text = squash(inline(paragraph.join(' ')));
    if (text) blocks.push(afterRule ? { text, boilerplate: 'after a horizontal rule at the end' } : { text });
    paragraph = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
    if (!line) {
      flush();
    } else if (heading) {
      flush();
      const text = squash(inline(heading[2]!));
      if (text) blocks.push({ text, heading: heading[1]!.length });
    } else if (/^([-*_])(\s*\1){2,}$/.test(line)) {
      flush();
      afterRule = true;
    } else if (/^([-*+]|\d+[.)])\s+/.test(line)) {
      flush();
      paragraph.push(line.replace(/^[-*+]\s+/, ''));
      flush();
    } else {
      paragraph.push(line.replace(/^>\s?/, ''));
    }
  }
  flush();
  // A rule before a few short lines opens the page footer; before more, it was a section break.
  const tail = blocks.filter((b) => b.boilerplate);
  if (tail.length > 3 || tail.some((b) => b.text.split(' ').length > 60)) {
    for (const b of tail) delete b.boilerplate;
  }
  return { text: joinBlocks(blocks), blocks, meta: {} };
}

function inline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1');
}
