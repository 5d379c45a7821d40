import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
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
/** Slots for the texts read last (prime, so texts' places spread over them). */
const RECENT = 251;

/**
 * Passage texts as UTF-8 in a few large buffers outside the JS heap. V8 keeps a string
 * with any character beyond Latin-1 (a curly quote, a Chinese name) at two bytes per
 * character, which is most news text: at 250k passages the texts took 180 MB as strings
 * and take 110 MB here. A text is decoded when read, in about a microsecond.
 */
export class TextStore {
  /** Once spilled: the file the texts were moved to, read a text at a time. */
  private fd: number | undefined;
  /** The texts read last, by slot, and where each is: some 100 kB of strings. */
  private readonly recent: (string | undefined)[] = new Array<string | undefined>(RECENT);
  private readonly recentAt = new Float64Array(RECENT).fill(-1);

  /** Empty, or (see of()) holding chunks written before, the last of them `current` and full to `used`. */
  private constructor(
    private chunks: Buffer[] = [],
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
    if (this.fd !== undefined) throw new Error('a spilled TextStore takes no more texts');
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
    // A question reads each candidate passage's text several times (its numbers, its dates,
    // its excerpt): the texts read last are kept, a slot each by where they are.
    const slot = at % RECENT;
    if (this.recentAt[slot] === at) return this.recent[slot]!;
    const text = this.decode(at, bytes);
    this.recentAt[slot] = at;
    this.recent[slot] = text;
    return text;
  }

  private decode(at: number, bytes: number): string {
    const chunk = Math.floor(at / CHUNK_BYTES);
    const offset = at % CHUNK_BYTES;
    if (this.fd !== undefined) {
      const out = Buffer.allocUnsafe(bytes);
      readSync(this.fd, out, 0, bytes, chunk * CHUNK_BYTES + offset);
      return out.toString('utf8');
    }
    return (this.chunks[chunk] ?? this.current).toString('utf8', offset, offset + bytes);
  }

  /** The texts' bytes, chunk by chunk, to be written out and given to TextStore.of(). */
  buffers(): Buffer[] {
    if (this.fd !== undefined) throw new Error('a spilled TextStore has its texts in a file, not in buffers');
    return [...this.chunks, this.current.subarray(0, this.used)];
  }

  /** Gives back the unused end of the last buffer once every text is in. */
  finish(): void {
    this.current = Buffer.from(this.current.subarray(0, this.used));
  }

  /**
   * Moves the texts out of the process into a file in `dir` that is deleted as soon as it is
   * open, so nothing is left behind, whatever way the process ends. The kernel keeps it in its
   * page cache, which it can write out and reclaim under pressure where the process's own
   * memory it cannot; a text is then one read (a few microseconds) instead of a copy. The
   * places a text sits at do not change. Returns the bytes moved; where the folder cannot take
   * the file (read-only, full), the texts stay in memory and the error is thrown.
   */
  spill(dir: string): number {
    if (this.fd !== undefined) return 0;
    const file = path.join(dir, `.footnote-texts-${process.pid}-${randomBytes(6).toString('hex')}`);
    const fd = openSync(file, 'wx+', 0o600);
    let moved = 0;
    try {
      unlinkSync(file);
      // Each chunk at its place: chunk × CHUNK_BYTES, as read() counts.
      for (const [i, chunk] of [...this.chunks, this.current].entries()) {
        writeSync(fd, chunk, 0, chunk.length, i * CHUNK_BYTES);
        moved += chunk.length;
      }
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    this.fd = fd;
    this.chunks = [];
    this.current = Buffer.alloc(0);
    SPILLED.register(this, fd);
    return moved;
  }

  private seal(): void {
    this.chunks.push(this.current);
  }
}

/** A store of a corpus a reload replaced is collected in time: its file is closed then (and so freed). */
const SPILLED = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to free.
  }
});

/** The stores the passages' texts are in (one per load). */
function storesOf(passages: readonly Passage[]): Set<TextStore> {
  const stores = new Set<TextStore>();
  for (const p of passages) {
    const store = StoredPassage.storeOf(p);
    if (store) stores.add(store);
  }
  return stores;
}

/** Moves the passages' texts into a file in `dir` (see TextStore.spill); returns the bytes moved. */
export function spillTexts(passages: readonly Passage[], dir: string): number {
  let moved = 0;
  for (const store of storesOf(passages)) moved += store.spill(dir);
  return moved;
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

  /** The store a passage's text is in, if it is a stored passage. */
  static storeOf(p: Passage): TextStore | undefined {
    return #store in p ? (p as StoredPassage).#store : undefined;
  }

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
