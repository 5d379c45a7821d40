import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { joinBlocks, squash, type ArticleMeta, type Block, type SourceDocument } from './document.ts';

/** Never text a reader sees. */
const INVISIBLE = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'object',
  'head',
  'select',
  'button',
  'input',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figure',
  'figcaption',
  'table',
  'tr',
  'td',
  'th',
  'pre',
  'form',
  'br',
  'hr',
]);
/** Elements that hold page furniture whatever their text says. */
const FURNITURE_TAGS: Record<string, string> = {
  nav: 'navigation',
  header: 'page header',
  footer: 'page footer',
  aside: 'sidebar',
  form: 'form',
  figcaption: 'photo caption',
};
/** Class or id words of page furniture, as CMSs name them. */
const FURNITURE_CLASS =
  /(?:^|[\s_-])(nav|navbar|menu|breadcrumbs?|share|sharing|social|related|recommend(?:ed|ations?)?|footer|header|sidebar|comments?|advert(?:isement)?s?|ads?|banner|qr|qrcode|copyright|toolbar|subscribe|popular|hot|most-?read|trending|tags|byline|author|meta|pagination|pager|caption|cookies?)(?=$|[\s_-])/i;

/**
 * Reads an HTML page with a real parser (htmlparser2). Every block of visible text
 * becomes a block of the stored text; blocks inside page furniture (navigation,
 * sidebars, share bars, related-news lists, footers) are marked so the cleaner drops
 * them, and so are blocks that are nothing but links.
 */
export function readHtml(html: string): SourceDocument {
  const document = parseDocument(html, { decodeEntities: true });
  const blocks: Block[] = [];
  let text = '';
  let linked = 0;
  let furniture: string | undefined;
  let heading: number | undefined;
  const flush = () => {
    const block = squash(text);
    if (block) {
      const allLinks = linked > 0 && linked >= visible(block) * 0.9;
      const reason = furniture ?? (allLinks ? 'a list of links' : undefined);
      blocks.push({ text: block, ...(reason ? { boilerplate: reason } : {}), ...(heading ? { heading } : {}) });
    }
    text = '';
    linked = 0;
    heading = undefined;
  };
  const enter = (node: AnyNode, inLink: boolean): (() => void) | undefined => {
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      text += data;
      if (inLink) linked += visible(data);
      return undefined;
    }
    if (!isElement(node)) return undefined;
    const element = node as Element;
    const name = element.name?.toLowerCase();
    if (name && INVISIBLE.has(name)) return undefined;
    const isBlock = name !== undefined && BLOCK.has(name);
    if (isBlock) flush();
    const outer = furniture;
    furniture ??= name ? (FURNITURE_TAGS[name] ?? furnitureClass(element)) : undefined;
    const level = name ? /^h([1-6])$/.exec(name)?.[1] : undefined;
    if (level) heading = Number(level);
    return () => {
      if (isBlock) flush();
      if (level) heading = undefined;
      furniture = outer;
    };
  };
  depthFirst(document, enter);
  flush();
  return { text: joinBlocks(blocks), blocks, meta: readMeta(document) };
}

function visible(text: string): number {
  return text.replace(/\s+/g, '').length;
}

function furnitureClass(element: Element): string | undefined {
  const names = `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`;
  const match = FURNITURE_CLASS.exec(names);
  return match ? `page furniture (class “${match[1]}”)` : undefined;
}

/** The metadata publishers put in the head: Open Graph, article:published_time, canonical link. */
function readMeta(root: AnyNode): ArticleMeta {
  const meta: ArticleMeta = {};
  let titleTag: string | undefined;
  const visit = (node: AnyNode) => {
    if (!isElement(node)) return undefined;
    const element = node as Element;
    const a = element.attribs ?? {};
    const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase();
    if (element.name === 'meta' && a.content) {
      if (key === 'og:title' || key === 'twitter:title') meta.title ??= squash(a.content);
      else if (['og:site_name', 'application-name', 'source'].includes(key)) meta.outlet ??= squash(a.content);
      else if (['article:published_time', 'pubdate', 'publishdate', 'datepublished', 'date'].includes(key))
        meta.published ??= isoDate(a.content);
      else if (key === 'og:url') meta.url ??= a.content.trim();
    } else if (element.name === 'link' && /\bcanonical\b/i.test(a.rel ?? '') && a.href) {
      meta.url = a.href.trim();
    } else if (element.name === 'time' && a.datetime) {
      meta.published ??= isoDate(a.datetime);
    } else if (element.name === 'title') {
      titleTag = squash(textOf(element));
    }
    return stay;
  };
  depthFirst(root, visit);
  // "Headline - Outlet", "Headline_Outlet" in <title> is the fallback when no Open Graph title is given.
  meta.title ??= titleTag?.replace(/(?:\s+[-|–—]\s+|\s*[_|]\s*)[^-|_–—]+$/, '');
  return meta;
}

function textOf(node: AnyNode): string {
  let text = '';
  depthFirst(node, (n) => {
    if (n.type === 'text') text += (n as unknown as { data: string }).data;
    return stay;
  });
  return text;
}

/** Nothing to do on leaving a node whose children are still to be visited. */
const stay = () => undefined;

function isElement(node: AnyNode): boolean {
  return node.type === 'tag' || node.type === 'root' || node.type === 'script' || node.type === 'style';
}

/**
 * Visits a tree in document order without recursion, so a page nested thousands of
 * elements deep cannot exhaust the stack. `enter` returns what to do on leaving the
 * node, or undefined to skip its children.
 */
function depthFirst(root: AnyNode, enter: (node: AnyNode, inLink: boolean) => (() => void) | undefined): void {
  const steps: ({ node: AnyNode; inLink: boolean } | (() => void))[] = [{ node: root, inLink: false }];
  for (let step = steps.pop(); step; step = steps.pop()) {
    if (typeof step === 'function') {
      step();
      continue;
    }
    const leave = enter(step.node, step.inLink);
    if (!leave) continue;
    steps.push(leave);
    const children = (step.node as Element).children ?? [];
    const inLink = step.inLink || (step.node as Element).name === 'a';
    for (let i = children.length - 1; i >= 0; i--) steps.push({ node: children[i]!, inLink });
  }
}

function isoDate(value: string): string | undefined {
  return /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())?.[1];
}
