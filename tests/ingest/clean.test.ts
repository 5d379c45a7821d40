import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/ingest/clean.ts';
import { readHtml } from '../../src/ingest/html.ts';
import { readMarkdown } from '../../src/ingest/markdown.ts';
import { readPlainText } from '../../src/ingest/plain.ts';

const BODY =
  'Jiangsu’s GDP exceeded 3.1 trillion yuan in the first quarter of 2024, up 6.2 percent year on year, the bureau said.';

describe('reading HTML with a parser', () => {
  const page = `<!doctype html><html><head><title>Jiangsu grows - Delta Daily</title>
    <meta property="og:site_name" content="Delta Daily"><meta property="article:published_time" content="2024-05-21T08:00:00+08:00">
    <link rel="canonical" href="https://delta.example/a.html"><script>var gdp = "99 trillion yuan in Hebei";</script></head>
    <body><nav><a href="/">Home</a><a href="/hebei">Hebei</a></nav>
    <article><h1>Jiangsu grows</h1><div class="share-bar">Share: <a>WeChat</a></div>
    <p>${BODY.replace('’', '&rsquo;')}</p><p>Suzhou &amp; Wuxi <b>led</b> the <a href="/x">growth</a>.</p>
    <figure><img src="x.jpg"><figcaption>Workers in Wuxi, 2024. (Photo: Li)</figcaption></figure></article>
    <aside class="related-news"><h3>Related</h3><ul><li><a>Hebei steel falls 3%</a></li></ul></aside>
    <ul><li><a href="/1">Zhejiang GDP tops 2 trillion yuan</a></li></ul>
    <footer>Copyright © 2024 Delta Daily</footer></body></html>`;

  it('takes the metadata from the head and the body from the article, entities decoded, markup gone', () => {
    const document = readHtml(page);
    expect(document.meta).toEqual({
      title: 'Jiangsu grows',
      outlet: 'Delta Daily',
      published: '2024-05-21',
      url: 'https://delta.example/a.html',
    });
    const clean = cleanDocument(document);
    expect(clean.title).toBe('Jiangsu grows');
    expect(clean.body).toEqual([BODY, 'Suzhou & Wuxi led the growth.']);
  });

  it('drops navigation, share bars, captions, related-news lists, link lists and footers, with a reason each, and never scripts', () => {
    const document = readHtml(page);
    expect(document.text).not.toContain('99 trillion');
    const dropped = cleanDocument(document).dropped;
    expect(dropped.map((d) => d.text)).toEqual(
      expect.arrayContaining([
        'Hebei steel falls 3%',
        'Zhejiang GDP tops 2 trillion yuan',
        'Workers in Wuxi, 2024. (Photo: Li)',
        'Share: WeChat',
        'Copyright © 2024 Delta Daily',
      ]),
    );
    expect(new Set(dropped.map((d) => d.reason))).toEqual(
      new Set([
        'navigation',
        'page furniture (class “share”)',
        'photo caption',
        'sidebar',
        'a list of links',
        'page footer',
      ]),
    );
  });

  it('stores text in which every passage stands verbatim', () => {
    const document = readHtml(page);
    for (const passage of cleanDocument(document).body) expect(document.text).toContain(passage);
  });

  it('reads a page nested 5,000 elements deep without exhausting the stack, body and title kept', () => {
    const page = `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(5000)}<p>Jiangsu's GDP rose 5.8 percent in 2023.</p>${'</div>'.repeat(5000)}</body></html>`;
    const read = readHtml(page);
    expect(read.meta.title).toBe('Deep page');
    expect(read.blocks.map((b) => b.text)).toEqual(["Jiangsu's GDP rose 5.8 percent in 2023."]);
  });

  it('keeps an article whose CMS names its body after an editor (TRS_Editor)', () => {
    const clean = cleanDocument(
      readHtml(
        `<html><head><title>Henan grows_Plains News</title></head><body><div class="TRS_Editor"><p>${BODY}</p></div></body></html>`,
      ),
    );
    expect(clean.body).toEqual([BODY]);
  });
});

describe('cleaning plain text', () => {
  it('drops the page header before the title, reads the byline, and drops editor, related-news and copyright lines and the website footer', () => {
    const text = [
      'News serves as a comprehensive source of information, offering details on recent developments. This wealth of information helps.',
      'Jiangsu grows faster than expected',
      'Source: Delta Daily | Updated: 2024-05-21 08:15',
      BODY,
      'Share to: WeChat | Weibo | QQ',
      'Scan the QR code to follow us',
      'Editor: Zhang Wei',
      'Related news:\nZhejiang GDP tops 2 trillion yuan\nHebei steel falls 3%',
      'Graphic design - Design',
      'An accelerator for your business development.',
      'Head Office',
    ].join('\n\n');
    const clean = cleanDocument(readPlainText(text));
    expect(clean.title).toBe('Jiangsu grows faster than expected');
    expect(clean.meta).toEqual({ outlet: 'Delta Daily', published: '2024-05-21' });
    expect(clean.body).toEqual([BODY]);
    expect(clean.dropped.map((d) => d.reason)).toEqual([
      // Each line of the list is listed on its own; a short line right after it reads as one more of its headlines.
      'page header before the title',
      'byline',
      'navigation',
      'QR code or app line',
      'editor line',
      'related-news list',
      'related-news list',
      'related-news list',
      'related-news list',
      'website footer',
      'website footer',
    ]);
  });
});

describe('reading Markdown', () => {
  it('renders paragraphs without markup, takes the heading for the title and drops what follows a closing rule', () => {
    const md = `# Chengdu grows\n\n*By Zhou Lan, West Weekly · July 22, 2024*\n\n**Chengdu's** GDP reached [1.12 trillion yuan](https://x.example) in January–June.\n\n> "It is a network," said Huang Xin.\n\n---\n\n*Related:* [Xi'an adds 200 firms](https://x.example/2)\n`;
    const clean = cleanDocument(readMarkdown(md));
    expect(clean).toMatchObject({ title: 'Chengdu grows', meta: { outlet: 'West Weekly', published: '2024-07-22' } });
    expect(clean.body).toEqual([
      "Chengdu's GDP reached 1.12 trillion yuan in January–June.",
      '"It is a network," said Huang Xin.',
    ]);
  });
});

describe('a browser copy-paste of a page', () => {
  const copy = [
    'Site Name   Home | News | Business | Culture',
    'Jiangsu grows',
    'Pub Date: 2024-05-21   Source: delta.example\nL  M  S',
    'Share to: WeChat  Weibo',
    BODY,
    'Advertisement',
    'Suzhou and Wuxi led the growth, with output up 7 percent in the first quarter of the year.',
    '[Print]  [Close]',
    'Most viewed\n· Hebei steel output falls 3%\n· Zhejiang GDP tops 2 trillion yuan',
  ].join('\n\n');

  it('keeps the body and drops menus, source lines, font-size and share bars, adverts and most-viewed lists by their shape', () => {
    const clean = cleanDocument(readPlainText(copy), { title: 'Jiangsu grows' });
    expect(clean.body).toEqual([
      BODY,
      'Suzhou and Wuxi led the growth, with output up 7 percent in the first quarter of the year.',
    ]);
    expect(clean.dropped.map((d) => d.text)).toEqual(
      expect.arrayContaining(['L  M  S', 'Advertisement', '[Print]  [Close]', '· Hebei steel output falls 3%']),
    );
  });

  it('keeps a wrapped paragraph as one block', () => {
    const wrapped =
      'Jiangsu’s GDP exceeded 3.1 trillion yuan in the first quarter of 2024,\nup 6.2 percent year on year, the bureau said on Tuesday.';
    expect(readPlainText(wrapped + '\n\nSecond paragraph here.').blocks.map((b) => b.text)).toEqual([
      wrapped,
      'Second paragraph here.',
    ]);
  });

  it('does not guess a headline that would drop the lede when the given title is not in the text', () => {
    const lede = 'According to the report, the province records the following achievements in 2023.';
    const clean = cleanDocument(
      readPlainText(`${lede}\n\n●GDP rose 4.5 percent to 5.43 trillion yuan;\n\n●Exports fell 0.2 percent`),
      { title: 'Fujian records growth' },
    );
    expect(clean.body[0]).toBe(lede);
  });
});
