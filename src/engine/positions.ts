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

  /**
   * Every passage of the articles holding any of the positions (ascending), ascending.
   * Each article is found by a binary search starting from the one found before, and only
   * its number kept: a country's area holds nearly every passage of a 250k corpus, and a
   * pair of bounds per article in a growing array cost twice the time (README, "/ask and
   * /search at 250k, per question").
   */
  wholeArticles(positions: Uint32Array): Uint32Array {
    const starts = this.articleStart;
    const last = starts.length - 1;
    const held = new Uint32Array(Math.min(positions.length, starts.length));
    let found = 0;
    let total = 0;
    let article = 0;
    let end = 0;
    for (let i = 0; i < positions.length; i++) {
      const at = positions[i]!;
      if (at < end) continue;
      let high = last;
      while (article < high) {
        const mid = (article + high + 1) >>> 1;
        if (starts[mid]! <= at) article = mid;
        else high = mid - 1;
      }
      held[found++] = article;
      end = this.endOf(article);
      total += end - starts[article]!;
    }
    const out = new Uint32Array(total);
    let filled = 0;
    for (let k = 0; k < found; k++)
      for (let at = starts[held[k]!]!, stop = this.endOf(held[k]!); at < stop; at++) out[filled++] = at;
    return out;
  }

  /** The position after an article's last passage. */
  private endOf(article: number): number {
    return article + 1 < this.articleStart.length ? this.articleStart[article + 1]! : this.total;
  }

  of(passageId: string): number {
    const cut = passageId.lastIndexOf('#p');
    return this.articleStart[this.articleIndex.get(passageId.slice(0, cut))!]! + Number(passageId.slice(cut + 2)) - 1;
  }

  /** The article holding a passage, by the passage or its id (a figure's passage). */
  articleOf(passage: Passage | string): Article {
    const id = typeof passage === 'string' ? passage : passage.id;
    return this.articles[this.articleIndex.get(id.slice(0, id.lastIndexOf('#p')))!]!;
  }
}
