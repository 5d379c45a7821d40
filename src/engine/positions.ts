import type { Article, Passage } from '../corpus/schema.ts';

/**
 * Where a passage stands in corpus.passages (its number in the passage index), worked
 * out from its id alone. The loader guarantees ids are "<article id>#p<paragraph>" and
 * that paragraphs count 1, 2, 3… within an article, so no map of every passage is kept.
 */
export class PassagePositions {
  private readonly articleIndex = new Map<string, number>();
  private readonly articleStart: Uint32Array;
  private readonly total: number;

  constructor(private readonly articles: readonly Article[]) {
    this.articleStart = new Uint32Array(articles.length);
    let position = 0;
    articles.forEach((article, i) => {
      this.articleIndex.set(article.id, i);
      this.articleStart[i] = position;
      position += article.passages.length;
    });
    this.total = position;
  }

  /** The positions [start, end) of the article holding the passage at a position, by binary search. */
  articleSpanAt(position: number): [number, number] {
    let low = 0;
    let high = this.articleStart.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.articleStart[mid]! <= position) low = mid;
      else high = mid - 1;
    }
    return [this.articleStart[low]!, low + 1 < this.articleStart.length ? this.articleStart[low + 1]! : this.total];
  }

  /**
   * Every passage of the articles holding any of the positions (ascending), ascending:
   * one binary search per article, then the spans copied into one array.
   */
  wholeArticles(positions: Uint32Array): Uint32Array {
    const spans: number[] = [];
    let total = 0;
    let end = 0;
    for (const at of positions) {
      if (at < end) continue;
      const [first, last] = this.articleSpanAt(at);
      spans.push(first, (end = last));
      total += last - first;
    }
    const out = new Uint32Array(total);
    let filled = 0;
    for (let s = 0; s < spans.length; s += 2) for (let at = spans[s]!; at < spans[s + 1]!; at++) out[filled++] = at;
    return out;
  }

  of(passageId: string): number {
    const cut = passageId.lastIndexOf('#p');
    return this.articleStart[this.articleIndex.get(passageId.slice(0, cut))!]! + Number(passageId.slice(cut + 2)) - 1;
  }

  articleOf(passage: Passage): Article {
    return this.articles[this.articleIndex.get(passage.id.slice(0, passage.id.lastIndexOf('#p')))!]!;
  }
}
