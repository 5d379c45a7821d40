import type { Passage } from './schema.ts';

/** Where a text is in a TextStore. */
export interface TextPlace {
  at: number;
  bytes: number;
}

/**
 * Large enough that few chunks exist; small enough that a text's place (chunk × CHUNK_BYTES +
 * offset) stays a small integer, which V8 stores inline rather than as a boxed number.
 */
const CHUNK_BYTES = 8 << 20;

/**
 * Passage texts as UTF-8 in a few large buffers outside the JS heap. V8 keeps a string
 * with any character beyond Latin-1 (a curly quote, a Chinese name) at two bytes per
 * character, which is most news text: at 250k passages the texts took 180 MB as strings
 * and take 110 MB here. A text is decoded when read, in about a microsecond.
 */
export class TextStore {
  /** Empty, or (see of()) holding chunks written before, the last of them `current` and full to `used`. */
  private constructor(
    private readonly chunks: Buffer[] = [],
    private current: Buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES),
    private used = 0,
  ) {}

  static empty(): TextStore {
    return new TextStore();
  }

  /**
   * The store whose buffers() these were: every place it gave out reads the same text.
   * The buffers are used as they are (views into the prebuilt file, say), not copied.
   */
  static of(buffers: readonly Buffer[]): TextStore {
    const last = buffers.at(-1) ?? Buffer.alloc(0);
    return new TextStore(buffers.slice(0, -1), last, last.length);
  }

  /** Stores a text; returns where, for read(). */
  add(text: string): TextPlace {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.used + bytes > this.current.length) {
      this.seal();
      this.current = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, bytes));
      this.used = 0;
    }
    this.current.write(text, this.used, 'utf8');
    // A text longer than a chunk gets a chunk of its own, at offset 0.
    const at = this.chunks.length * CHUNK_BYTES + this.used;
    this.used += bytes;
    return { at, bytes };
  }

  read(at: number, bytes: number): string {
    const chunk = Math.floor(at / CHUNK_BYTES);
    const offset = at % CHUNK_BYTES;
    return (this.chunks[chunk] ?? this.current).toString('utf8', offset, offset + bytes);
  }

  /** The texts' bytes, chunk by chunk, to be written out and given to TextStore.of(). */
  buffers(): Buffer[] {
    return [...this.chunks, this.current.subarray(0, this.used)];
  }

  /** Gives back the unused end of the last buffer once every text is in. */
  finish(): void {
    this.current = Buffer.from(this.current.subarray(0, this.used));
  }

  private seal(): void {
    this.chunks.push(this.current);
  }
}

/**
 * A passage whose text lives in a TextStore. `text` is an own, enumerable, read-only
 * property (a getter), so spreading a passage, JSON.stringify, Object.keys and test
 * equality all see it as before; only assigning to it is refused, as the corpus is read-only.
 */
export class StoredPassage implements Passage {
  declare readonly id: string;
  declare readonly paragraph: number;
  declare readonly text: string;
  declare readonly regions: string[];
  declare readonly people: string[];
  declare readonly speaker?: string;
  declare readonly speech?: Passage['speech'];
  declare readonly topics: string[];
  readonly #store: TextStore;
  readonly #at: number;
  readonly #bytes: number;

  static readonly #text: PropertyDescriptor = {
    get(this: StoredPassage) {
      return this.#store.read(this.#at, this.#bytes);
    },
    enumerable: true,
    configurable: false,
  };

  /** Where a passage's text is in its store, to be written out with the store's buffers(). */
  static placeOf(p: StoredPassage): TextPlace {
    return { at: p.#at, bytes: p.#bytes };
  }

  static storeOf(p: StoredPassage): TextStore {
    return p.#store;
  }

  /** Fields in the schema's order, so JSON of a passage reads as it always did. `place`: where the store holds its text. */
  constructor(
    p: Omit<Passage, 'text'>,
    store: TextStore,
    place: TextPlace,
    tags: { regions: string[]; people: string[]; topics: string[]; speaker?: string },
  ) {
    ({ at: this.#at, bytes: this.#bytes } = place);
    this.#store = store;
    const self = this as { -readonly [K in keyof Passage]: Passage[K] };
    self.id = p.id;
    self.paragraph = p.paragraph;
    Object.defineProperty(this, 'text', StoredPassage.#text);
    self.regions = tags.regions;
    self.people = tags.people;
    if (tags.speaker !== undefined) self.speaker = tags.speaker;
    if (p.speech !== undefined) self.speech = p.speech;
    self.topics = tags.topics;
  }
}
