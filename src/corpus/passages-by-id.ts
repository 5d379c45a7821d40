import type { Article, Passage } from './schema.ts';

/**
 * corpus.passageById without a map entry per passage (about 10 MB and 100 ms at 250k
 * passages): a valid id is "<article id>#p<paragraph>" and paragraphs count 1, 2, 3…
 * within their article (the loader refuses anything else), so the article and position
 * are read from the id itself. Used only on a corpus that has passed every check.
 */
export class PassagesById implements ReadonlyMap<string, Passage> {
  constructor(
    private readonly articleById: ReadonlyMap<string, Article>,
    private readonly passages: readonly Passage[],
  ) {}

  get(id: string): Passage | undefined {
    const mark = id.lastIndexOf('#p');
    if (mark < 0) return undefined;
    const passage = this.articleById.get(id.slice(0, mark))?.passages[Number(id.slice(mark + 2)) - 1];
    // "#p04" or "#p4.0" name no passage, as they would name no key of a map.
    return passage?.id === id ? passage : undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get size(): number {
    return this.passages.length;
  }

  forEach(callback: (passage: Passage, id: string, map: ReadonlyMap<string, Passage>) => void, thisArg?: unknown): void {
    for (const passage of this.passages) callback.call(thisArg, passage, passage.id, this);
  }

  *entries(): MapIterator<[string, Passage]> {
    for (const passage of this.passages) yield [passage.id, passage];
  }

  *keys(): MapIterator<string> {
    for (const passage of this.passages) yield passage.id;
  }

  *values(): MapIterator<Passage> {
    yield* this.passages;
  }

  [Symbol.iterator](): MapIterator<[string, Passage]> {
    return this.entries();
  }
}
