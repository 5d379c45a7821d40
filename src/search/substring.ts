import type { Article, Passage } from '../corpus/schema.ts';

/**
 * "Which ids or titles contain what was typed", for autocomplete, in corpus order and
 * exactly as a filter with String.includes over every passage or article would answer,
 * without testing each of them on every keystroke (a quarter of a million passages
 * took 30 ms). The texts are joined once into one string that a single native
 * indexOf scans.
 */
export class JoinedTexts {
  private readonly joined: string;
  private readonly starts: Uint32Array;

  /** `separator` must not occur in any text; a query holding it matches nothing across texts. */
  constructor(
    private readonly texts: readonly string[],
    private readonly separator: string,
  ) {
    this.joined = texts.map((t) => `${t}${separator}`).join('');
    this.starts = new Uint32Array(texts.length);
    let at = 0;
    texts.forEach((t, i) => {
      this.starts[i] = at;
      at += t.length + separator.length;
    });
  }

  /** Indexes of the texts containing `piece`, ascending, at most `limit`. */
  containing(piece: string, limit: number): number[] {
    if (piece.includes(this.separator)) return this.scan((t) => t.includes(piece), limit);
    return this.occurrences(piece, limit);
  }

  /** Indexes of the texts ending with `piece`, ascending, at most `limit`. */
  endingWith(piece: string, limit: number): number[] {
    if (piece.includes(this.separator)) return this.scan((t) => t.endsWith(piece), limit);
    return this.occurrences(piece + this.separator, limit);
  }

  private occurrences(needle: string, limit: number): number[] {
    const out: number[] = [];
    let at = this.texts.length ? this.joined.indexOf(needle) : -1;
    while (at >= 0 && out.length < limit) {
      const text = this.textAt(at);
      out.push(text);
      // On from the next text: one hit per text.
      at = text + 1 < this.texts.length ? this.joined.indexOf(needle, this.starts[text + 1]!) : -1;
    }
    return out;
  }

  private scan(test: (text: string) => boolean, limit: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.texts.length && out.length < limit; i++) if (test(this.texts[i]!)) out.push(i);
    return out;
  }

  /** The text a position of the joined string falls in. */
  private textAt(position: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= position) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** Article ids joined for searching, and the most paragraphs any article has. */
export class ArticleIds extends JoinedTexts {
  readonly longest: number;

  constructor(articles: readonly Article[]) {
    // Article ids are slugs: a line break is in none of them.
    super(
      articles.map((a) => a.id),
      '\n',
    );
    this.longest = articles.reduce((n, a) => Math.max(n, a.passages.length), 0);
  }
}

/**
 * Passages whose id contains a piece of text: `passages.filter((p) => p.id.includes(piece))`,
 * first `limit` only. An id is "<article id>#p<paragraph>" (the loader checks it, and
 * article ids are slugs, without "#"), so a piece holding "#" must end an article id and
 * begin "#p<paragraph>"; any other piece lies in the article id or in "p<paragraph>".
 */
export function passagesWithIdContaining(
  articles: readonly Article[],
  ids: ArticleIds,
  piece: string,
  limit: number,
): Passage[] {
  const { longest } = ids;
  const paragraphs = (test: (tail: string) => boolean) =>
    new Set(Array.from({ length: longest }, (_, i) => i + 1).filter((n) => test(`p${n}`)));
  const out: Passage[] = [];
  const take = (article: Article, keep: (p: Passage) => boolean) => {
    for (const p of article.passages) if (out.length < limit && keep(p)) out.push(p);
  };
  const hash = piece.indexOf('#');
  if (hash >= 0) {
    const [head, tail] = [piece.slice(0, hash), piece.slice(hash + 1)];
    const wanted = tail.includes('#') ? new Set<number>() : paragraphs((t) => t.startsWith(tail));
    if (wanted.size === 0) return [];
    const candidates = head ? ids.endingWith(head, articles.length) : articles.map((_, i) => i);
    for (const i of candidates) {
      if (out.length >= limit) break;
      take(articles[i]!, (p) => wanted.has(p.paragraph));
    }
    return out;
  }
  const inTail = paragraphs((t) => t.includes(piece));
  if (inTail.size === 0) {
    // Only the article id can hold it: every passage of those articles, in order.
    for (const i of ids.containing(piece, limit)) take(articles[i]!, () => true);
    return out;
  }
  for (const article of articles) {
    if (out.length >= limit) break;
    const whole = article.id.includes(piece);
    take(article, (p) => whole || inTail.has(p.paragraph));
  }
  return out;
}
