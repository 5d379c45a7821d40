import type { Article, Passage } from './schema.ts';
import { StoredPassage, TextStore, type TextPlace } from './text-store.ts';

/** A passage as a snapshot keeps it (see snapshot.ts): its text already in the store, found by place. */
export type PlacedPassage = Omit<Passage, 'text'> & TextPlace;
/** An article as a snapshot keeps it. */
export type PlacedArticle = Omit<Article, 'passages'> & { passages: PlacedPassage[] };

/**
 * The corpus as it stays in memory for the life of the bot, made smaller without
 * changing a value. Each article is compacted as soon as it has been checked, so the
 * parser's objects die young instead of leaving holes in the old generation.
 */

/** The list of no tags at all, shared by most passages' people; frozen, as the corpus is read-only. */
const NONE: string[] = Object.freeze([]) as unknown as string[];

export class Compactor {
  /** One copy of each short string the articles repeat (ids, topics, units, periods): JSON.parse makes one per occurrence. */
  private readonly strings = new Map<string, string>();
  private readonly singles = new Map<string, string[]>();

  /** `texts`: where passage texts go, or (for placed articles) already are. */
  constructor(private readonly texts = TextStore.empty()) {}

  /**
   * The checked article in its lasting form: each passage with its text in the store
   * (see TextStore) and its fields inline, the empty list shared, and each figure
   * pointing at its passage's own id string.
   */
  article(article: Article): Article {
    return this.compact(article, (p) => this.passage(p, this.texts.add(p.text)));
  }

  /** The same for an article whose passage texts are in the store already. */
  placed(article: PlacedArticle): Article {
    return this.compact(article, (p) => this.passage(p, p));
  }

  /** Once every article is in: the store gives back what it reserved and did not use. */
  finish(): void {
    this.texts.finish();
  }

  private compact<P extends { id: string }>(
    article: Omit<Article, 'passages'> & { passages: P[] },
    stored: (p: P) => StoredPassage,
  ): Article {
    const ids = new Map(article.passages.map((p) => [p.id, p.id]));
    const done = article as unknown as Article;
    done.passages = article.passages.map(stored);
    for (const s of article.stats) {
      s.passage = ids.get(s.passage) ?? s.passage;
      s.metric = this.one(s.metric);
      s.region = this.one(s.region);
      s.unit = this.one(s.unit);
      if (s.period !== undefined) s.period = this.one(s.period);
      if (s.change) {
        s.change.unit = this.one(s.change.unit);
        s.change.basis = this.one(s.change.basis);
      }
    }
    done.outlet = this.one(article.outlet);
    done.language = this.one(article.language);
    return done;
  }

  private passage(p: Omit<Passage, 'text'>, place: TextPlace): StoredPassage {
    const tags = { regions: this.list(p.regions), people: this.list(p.people), topics: this.list(p.topics) };
    return new StoredPassage(p, this.texts, place, p.speaker === undefined ? tags : { ...tags, speaker: this.one(p.speaker) });
  }

  /**
   * Lists of a single tag (half the passages name one region) are shared, found by the
   * tag alone. Longer lists are not: finding the shared copy of each cost more garbage
   * during the load (a tree of 200k nodes) than sharing them saved.
   */
  private list(items: string[]): string[] {
    if (items.length === 0) return NONE;
    if (items.length > 1) return items.map(this.one);
    const tag = this.one(items[0]!);
    let shared = this.singles.get(tag);
    if (!shared) this.singles.set(tag, (shared = Object.freeze([tag]) as string[]));
    return shared;
  }

  private readonly one = (text: string): string => {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  };
}
