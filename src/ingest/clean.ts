import { normalize } from '../text/normalize.ts';
import type { ArticleMeta, Block, SourceDocument } from './document.ts';
import { readDate } from './dates.ts';

export interface CleanArticle {
  title?: string;
  /** What bylines and date lines under the title say. */
  meta: ArticleMeta;
  /** The body paragraphs, each verbatim from the source. */
  body: string[];
  /** Everything else, with the reason, for the review table. */
  dropped: { text: string; reason: string }[];
}

/** Lines that are page furniture whatever page they are on. */
const FURNITURE: [RegExp, string][] = [
  [/^([^|\n]{1,30}\|){2,}[^|\n]{1,30}$/, 'navigation'],
  [/^(home|首页)\s*(>|»|\/|›)/i, 'breadcrumb'],
  [/^[^>»›\n]{1,40}(?:\s*[>»›]\s*[^>»›\n]{1,40}){2,}$/, 'breadcrumb'],
  [/^(share|share to|share this( article| story)?|分享到?)\b\s*[:：]?/i, 'share line'],
  // A toolbar of a copy-paste: "Font size: [A-] [A] [A+]      Share to:  WeChat  Weibo".
  [/^(?:font[- ]size|text size|字号)\s*[:：]|\s{2,}(?:share(?: to)?|分享到?)\s*[:：]/i, 'page tools'],
  [/\b(qr code|scan the code|扫一扫|download (?:our|the) [\w ]*app|follow us on)\b/i, 'QR code or app line'],
  [/(copyright|©|all rights reserved|版权所有|icp备)/i, 'copyright line'],
  [
    /^[(（]?\s*(responsible editor|chief editor|editors?|责任编辑|编辑|reporters?|记者|translated by|proofread by)\s*[:：]/i,
    'editor line',
  ],
  [/\bcookies?\b[^.]*\b(website|site|browse|browsing|experience|consent|agree)/i, 'cookie notice'],
  [
    /^(?:\[?\s*(?:print|email|e-mail|mail|close|font size|large|medium|small|[lms]|a\+|a-|top|back)\s*\]?\s*[|/·:]?\s*)+$/i,
    'page tools',
  ],
  [/^(?:advertisement|advertising|sponsored( content)?|ad)$/i, 'advertisement'],
  [/^(?:(?:aerial |file )?photos?|this (?:aerial )?photo)\b[^.]*\b(?:shows?|taken)\b/i, 'photo caption'],
];
/** Furniture that also stands between paragraphs, so it does not mark where the article ends. */
const IN_BODY = new Set(['navigation', 'breadcrumb', 'photo caption', 'advertisement', 'QR code or app line']);
/** The heading of a "related news" list: it and the short lines after it go. */
const RELATED =
  /^(related( news| articles| stories| reading| content| links)?|read more|recommended( reading| for you)?|you may also like|more (news|stories)( from \w+)?|further reading|most (read|viewed|popular|shared)|top stories|latest news|hot (news|topics)|popular( news)?|trending|editor'?s picks|相关(新闻|阅读|文章))\s*[:：]?/i;

/**
 * Finds the title, the byline and the body of an article, and drops everything a
 * reader would skip: page furniture the markup marks, the page header before the
 * title (like the seed's generic preamble), share and QR-code lines, editor and
 * copyright lines, related-news lists, and a website footer after the last paragraph.
 */
export function cleanDocument(document: SourceDocument, given: { title?: string } = {}): CleanArticle {
  const dropped: CleanArticle['dropped'] = [];
  const drop = (block: Block, reason: string) => dropped.push({ text: block.text, reason });
  const blocks = document.blocks.filter((b) => (b.boilerplate ? (drop(b, b.boilerplate), false) : true));

  const at = findTitle(blocks, given.title ?? document.meta.title);
  const title = at >= 0 ? blocks[at]!.text : undefined;
  blocks.slice(0, Math.max(at, 0)).forEach((b) => drop(b, 'page header before the title'));
  let rest = at >= 0 ? blocks.slice(at + 1) : blocks;

  const meta: ArticleMeta = {};
  while (rest.length > 0 && isByline(rest[0]!.text)) {
    Object.assign(meta, { ...readByline(rest[0]!.text), ...meta });
    drop(rest[0]!, 'byline');
    rest = rest.slice(1);
  }

  const body: Block[] = [];
  let inRelated = false;
  // Where the end-of-article furniture (share, editor, related, copyright lines) begins.
  let tail: number | undefined;
  for (const block of rest) {
    if (RELATED.test(block.text)) {
      inRelated = true;
      tail ??= body.length;
      drop(block, 'related-news list');
      continue;
    }
    // A related list runs over short headline lines; the first real paragraph ends it.
    if (inRelated && words(block.text) <= 20 && !/[.!?。]$/.test(block.text)) {
      drop(block, 'related-news list');
      continue;
    }
    inRelated = false;
    const furniture = FURNITURE.find(([pattern]) => pattern.test(block.text));
    if (furniture) {
      drop(block, furniture[1]);
      if (!IN_BODY.has(furniture[1])) tail ??= body.length;
    } else body.push(block);
  }
  // Short lines after the article's closing furniture are the site's, not the article's;
  // only when the article before them outweighs them, so a share bar under the headline cannot take the article with it.
  const weight = (blocks: Block[]) => blocks.reduce((n, b) => n + words(b.text), 0);
  if (
    tail !== undefined &&
    tail > 0 &&
    weight(body.slice(0, tail)) > weight(body.slice(tail)) &&
    body.slice(tail).every((b) => words(b.text) <= 30)
  ) {
    body.splice(tail).forEach((b) => drop(b, 'website footer'));
  }
  const footer = footerStart(body);
  body.splice(footer).forEach((b) => drop(b, 'website footer'));
  return { ...(title ? { title } : {}), meta, body: body.map((b) => b.text), dropped };
}

function findTitle(blocks: readonly Block[], known: string | undefined): number {
  const h1 = blocks.findIndex((b) => b.heading === 1);
  if (known) {
    const key = normalize(known);
    const exact = blocks.findIndex((b) => normalize(b.text) === key);
    if (exact >= 0) return exact;
    // A title given but not in the text: only a close variant of it is the headline, never a guess that would drop the lede.
    const close = blocks.slice(0, 12).findIndex((b) => isHeadline(b.text) && overlap(b.text, known) >= 0.6);
    return close >= 0 ? close : h1;
  }
  if (h1 >= 0) return h1;
  // A headline is short, one sentence, and ends without a full stop; it comes early.
  return blocks.slice(0, 6).findIndex((b) => isHeadline(b.text));
}

/** The share of the title's words that the line repeats. */
function overlap(line: string, title: string): number {
  const have = new Set(normalize(line).split(/\W+/));
  const want = normalize(title).split(/\W+/).filter(Boolean);
  return want.filter((w) => have.has(w)).length / Math.max(want.length, 1);
}

function isHeadline(text: string): boolean {
  const n = words(text);
  return (
    n >= 3 &&
    n <= 25 &&
    !/[.。:：]$/.test(text) &&
    !/[.!?]\s+\p{Lu}/u.test(text) &&
    !isByline(text) &&
    !FURNITURE.some(([p]) => p.test(text)) &&
    !RELATED.test(text)
  );
}

/** "By Xu Yang in Nanjing", "Source: Xinhua | Updated: 2024-01-24", "Central China Herald 2025-04-18". */
function isByline(text: string): boolean {
  if (words(text) > 20 || /\.$/.test(text)) return false;
  return /^(by|source|来源|updated|published|from)\b\s*[:：]?/i.test(text) || readDate(text) !== undefined;
}

function readByline(text: string): ArticleMeta {
  const meta: ArticleMeta = {};
  const date = readDate(text);
  if (date) meta.published = date.iso;
  const source =
    /(?:^|[|·]|\s)(?:source|来源)\s*[:：]\s*(.+?)\s*(?=\s{2,}|[|·]|\s+(?:editor|author|by|updated)\b|$)/i.exec(
      text,
    )?.[1];
  if (source) meta.outlet = source;
  // "Updated: 2024-08-02 | Eastern Coast Observer": a short name among the date parts is the outlet.
  const named = text
    .split(/\s*[|·]\s*/)
    .find(
      (part) =>
        !readDate(part) &&
        !/^(by|updated|published|from|source|editor)\b/i.test(part) &&
        /^\p{Lu}/u.test(part) &&
        words(part) <= 6,
    );
  if (!meta.outlet && !source && named && text.includes('|')) meta.outlet = named;
  // "By Zhou Lan, Western China Economic Weekly · July 22, 2024": the outlet follows the author.
  const byOutlet = /^by\s+[^,·|]+,\s*([^,·|]+?)\s*(?:[·|]|$)/i.exec(text)?.[1];
  if (!meta.outlet && byOutlet && !readDate(byOutlet)) meta.outlet = byOutlet;
  // "Central China Herald 2025-04-18": an outlet name, then the date.
  if (!meta.outlet && date && date.index > 0 && !/^(by|updated|published|from)\b/i.test(text)) {
    const before = text.slice(0, date.index).replace(/[\s|·,:-]+$/, '');
    if (before && words(before) <= 6) meta.outlet = before;
  }
  return meta;
}

/** The website footer: from the first line that is no sentence, when only short lines follow it. */
function footerStart(body: readonly Block[]): number {
  let start = body.length;
  while (start > 1 && words(body[start - 1]!.text) <= 30) start--;
  for (let i = Math.max(start, 1); i < body.length; i++) {
    const block = body[i]!;
    if (!block.heading && words(block.text) <= 12 && !/[.!?。！？”"’)]$/.test(block.text)) return i;
  }
  return body.length;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
