import { createHash } from 'node:crypto';
import { open, readFile, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../corpus/load.ts';
import { corpusFromSnapshot, type CorpusSnapshot } from '../corpus/snapshot.ts';
import { FileStamps } from '../corpus/stamps.ts';
import type { IndexArrays } from './passage-index.ts';

/**
 * The passage index, prebuilt next to the corpus so a large corpus starts without
 * tokenizing every passage, and the checked corpus itself (snapshot.ts), so a start whose
 * corpus files are unchanged (stamps.ts) need not read, parse and check them again. The
 * file records what it was built from: the corpus (a fingerprint of every file, taken as
 * the corpus passed every check) and the code that checked and indexed it. It serves only
 * that corpus under that code; any change to either makes it stale, and the bot builds
 * afresh and rewrites it.
 */
export const PREBUILT_FILE = 'footnote.index';

const MAGIC = 'FOOTNOTE-INDEX-3';
const HEADER_BYTES = 4096;
/** Strings are encoded and written this many bytes at a time. */
const BATCH_BYTES = 1 << 20;
/** A section of lines is read through a buffer this large to begin with (the loader's own is too). */
const LINE_BYTES = 1 << 20;
/** Bytes read, then hashed, at a time: hashing them takes a few milliseconds. */
const READ_BYTES = 8 << 20;
/**
 * The code that decides whether a corpus is valid and what its index holds: every module
 * of the text helpers (tokenizing, stemming), the corpus (schema and checks), the search
 * structures and the engine (which chooses the words each passage is indexed under).
 * Wider than strictly needed, so that no change there can leave a stale index looking
 * current; a change elsewhere in those folders costs one rebuild.
 */
const CODE_FOLDERS = ['../text/', '../corpus/', './', '../engine/'];

export type PrebuiltMiss = 'missing' | 'stale' | 'unreadable';

/** What an index was built from. */
export interface Provenance {
  /** Fingerprint of the modules that checked the corpus and built the index. */
  code: string;
  /** Fingerprint of the corpus files (Corpus.fingerprint), which had passed every check. */
  corpus: string;
}

export function prebuiltPath(dir: string): string {
  return path.join(dir, PREBUILT_FILE);
}

let code: Promise<string> | undefined;

/** The fingerprint of the code running now, to compare with an index's provenance. */
export function codeFingerprint(): Promise<string> {
  return (code ??= (async () => {
    const hash = createHash('sha256').update(MAGIC);
    // The running modules' own extension: .ts under tsx, .js if ever compiled.
    const extension = path.extname(fileURLToPath(import.meta.url));
    for (const folder of CODE_FOLDERS) {
      const dir = fileURLToPath(new URL(folder, import.meta.url));
      for (const name of (await readdir(dir)).filter((n) => n.endsWith(extension)).sort()) {
        hash.update(`${folder}${name}\0`).update(await readFile(path.join(dir, name)));
      }
    }
    return hash.digest('hex');
  })());
}

interface Header extends Provenance {
  passages: number;
  terms: number;
  postings: number;
  tfBytes: 1 | 2 | 4;
  /** Bytes of each buffer of the texts section, in order (see TextStore.of). */
  textChunks: number[];
  /**
   * Byte offset, length and SHA-256 of each section, from the start of the file: a damaged
   * section is refused, not served from, and a section is checked when it is read.
   */
  sections: Record<Section, [number, number, string]>;
}

const SECTIONS = ['stamps', 'corpus', 'strings', 'texts', 'vocabulary', 'starts', 'docs', 'tfs', 'lengths'] as const;
type Section = (typeof SECTIONS)[number];

/** What the file holds: the index, and the checked corpus it indexes with the stamps of its files. */
export interface PrebuiltContents {
  provenance: Provenance;
  index: IndexArrays;
  /** Made once the file is open for writing: a folder that cannot be written costs no snapshot. */
  corpus: () => CorpusSnapshot;
  stamps: FileStamps;
}

/**
 * A prebuilt file, open for reading section by section, so a start reads only what it
 * uses: the stamps first, the corpus only if they match, the index only if its corpus is the
 * one being served. Each section read is checked against its checksum; a damaged one throws.
 */
export class PrebuiltFile {
  private lineBuffer = Buffer.allocUnsafeSlow(LINE_BYTES);

  private constructor(
    private readonly handle: FileHandle,
    private readonly header: Header,
  ) {}

  /** The file next to the corpus, if there is a readable one, or why not. */
  static async open(dir: string): Promise<PrebuiltFile | Exclude<PrebuiltMiss, 'stale'>> {
    let handle: FileHandle;
    try {
      handle = await open(prebuiltPath(dir));
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
    }
    try {
      const head = Buffer.alloc(HEADER_BYTES);
      const { bytesRead } = await handle.read(head, 0, HEADER_BYTES, 0);
      return new PrebuiltFile(handle, readHeader(head.subarray(0, bytesRead)));
    } catch {
      await handle.close();
      return 'unreadable';
    }
  }

  get provenance(): Provenance {
    return { code: this.header.code, corpus: this.header.corpus };
  }

  async stamps(): Promise<FileStamps> {
    const stamps = new FileStamps();
    for await (const lines of this.lines('stamps')) for (const line of lines) stamps.restore(JSON.parse(line));
    return stamps;
  }

  /** The checked corpus this file was built from, as served from `dir`. */
  async corpus(dir: string): Promise<Corpus> {
    const texts = await this.section('texts');
    const chunks: Buffer[] = [];
    let at = 0;
    for (const bytes of this.header.textChunks) {
      if (at + bytes > texts.length) throw new Error('the texts section is shorter than its chunks');
      chunks.push(texts.subarray(at, (at += bytes)));
    }
    let strings: unknown;
    for await (const lines of this.lines('strings')) for (const line of lines) strings = JSON.parse(line);
    return corpusFromSnapshot(dir, this.header.corpus, {
      strings,
      lines: this.lines('corpus'),
      texts: chunks,
    });
  }

  async index(): Promise<IndexArrays> {
    const header = this.header;
    const vocabulary = header.terms ? (await this.section('vocabulary')).toString('utf8').split('\n') : [];
    const arrays: IndexArrays = {
      vocabulary,
      starts: await this.view('starts', Uint32Array),
      docs: await this.view('docs', Uint32Array),
      tfs:
        header.tfBytes === 1
          ? await this.view('tfs', Uint8Array)
          : header.tfBytes === 2
            ? await this.view('tfs', Uint16Array)
            : await this.view('tfs', Uint32Array),
      lengths: await this.view('lengths', Uint32Array),
    };
    if (
      vocabulary.length !== header.terms ||
      arrays.starts.length !== header.terms + 1 ||
      arrays.docs.length !== header.postings ||
      arrays.tfs.length !== header.postings ||
      arrays.lengths.length !== header.passages
    ) {
      throw new Error('prebuilt index sections disagree with its header');
    }
    return arrays;
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  /**
   * A section of lines, a read's worth at a time, through one buffer (grown only for a longer line): not
   * a buffer of the whole section, which, freed, would raise glibc's mmap threshold, so that
   * the bot's later buffers below it stay in the process after use. Checked at the end: a
   * damaged section throws before its consumer has finished with it.
   */
  private async *lines(name: Section): AsyncGenerator<string[]> {
    const [offset, length, checksum] = this.header.sections[name];
    const hash = createHash('sha256');
    let held = 0;
    for (let done = 0; done < length;) {
      if (held === this.lineBuffer.length) {
        const grown = Buffer.allocUnsafeSlow(this.lineBuffer.length * 2);
        this.lineBuffer.copy(grown, 0, 0, held);
        this.lineBuffer = grown;
      }
      const want = Math.min(this.lineBuffer.length - held, length - done);
      const { bytesRead } = await this.handle.read(this.lineBuffer, held, want, offset + done);
      if (bytesRead === 0) throw new Error(`section ${name} is cut short`);
      hash.update(this.lineBuffer.subarray(held, held + bytesRead));
      done += bytesRead;
      held += bytesRead;
      const filled = this.lineBuffer.subarray(0, held);
      const lines: string[] = [];
      let start = 0;
      for (let end = filled.indexOf(0x0a); end >= 0; end = filled.indexOf(0x0a, start)) {
        lines.push(filled.toString('utf8', start, end));
        start = end + 1;
      }
      // The lines of a read at once, not an await for each of 25,000 lines.
      yield lines;
      this.lineBuffer.copy(this.lineBuffer, 0, start, held);
      held -= start;
    }
    if (held > 0) yield [this.lineBuffer.toString('utf8', 0, held)];
    if (hash.digest('hex') !== checksum) throw new Error(`section ${name} is damaged`);
  }

  /** One section in a buffer of its own (offset 0, so typed arrays over it are aligned), checked. */
  private async section(name: Section): Promise<Buffer> {
    const [offset, length, checksum] = this.header.sections[name];
    // Into one buffer in large reads (readFile's 512 KB steps took 150 ms for a 46 MB index),
    // hashed read by read, so a reload never holds the event loop for the whole section.
    const buffer = Buffer.allocUnsafeSlow(length);
    const hash = createHash('sha256');
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await this.handle.read(
        buffer,
        filled,
        Math.min(READ_BYTES, length - filled),
        offset + filled,
      );
      if (bytesRead === 0) throw new Error(`section ${name} is cut short`);
      hash.update(buffer.subarray(filled, filled + bytesRead));
      filled += bytesRead;
    }
    if (hash.digest('hex') !== checksum) throw new Error(`section ${name} is damaged`);
    return buffer;
  }

  private async view<T>(
    name: Section,
    Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
  ): Promise<T> {
    const buffer = await this.section(name);
    if (buffer.length % Type.BYTES_PER_ELEMENT) throw new Error(`section ${name} is not whole elements`);
    return new Type(buffer.buffer, buffer.byteOffset, buffer.length / Type.BYTES_PER_ELEMENT);
  }
}

/**
 * Writes the index, the corpus and the stamps with their provenance. Section by section
 * (the corpus's texts are not copied into one buffer of the whole file), the header last,
 * through a temporary file and a rename, so a reader (another shard starting at the same
 * moment) sees the old file or the new, never half.
 */
export async function writePrebuilt(dir: string, contents: PrebuiltContents): Promise<number> {
  const { index, corpus, stamps, provenance } = contents;
  if (index.vocabulary.some((t) => t.includes('\n')))
    throw new Error('a term holds a line break: the vocabulary section cannot store it');
  const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const target = prebuiltPath(dir);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    const snapshot = corpus();
    const parts: Record<Section, Iterable<Buffer | string>> = {
      stamps: stamps.lines(),
      corpus: snapshot.lines(),
      // Lazily: the table is whole once the corpus's lines have been written.
      strings: { [Symbol.iterator]: () => [`${JSON.stringify(snapshot.strings())}\n`][Symbol.iterator]() },
      texts: snapshot.texts,
      vocabulary: [index.vocabulary.join('\n')],
      starts: [bytesOf(index.starts)],
      docs: [bytesOf(index.docs)],
      tfs: [bytesOf(index.tfs)],
      lengths: [bytesOf(index.lengths)],
    };
    const sections = {} as Header['sections'];
    const writer = new SectionWriter(handle);
    let offset = HEADER_BYTES;
    for (const name of SECTIONS) {
      const { bytes, checksum } = await writer.write(parts[name], offset);
      sections[name] = [offset, bytes, checksum];
      offset = align(offset + bytes);
    }
    const header: Header = {
      code: provenance.code,
      corpus: provenance.corpus,
      passages: index.lengths.length,
      terms: index.vocabulary.length,
      postings: index.docs.length,
      tfBytes: index.tfs.BYTES_PER_ELEMENT as 1 | 2 | 4,
      textChunks: snapshot.texts.map((t) => t.length),
      sections,
    };
    const head = Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`, 'utf8');
    if (head.length > HEADER_BYTES) throw new Error('prebuilt index header too large');
    await writeAll(handle, head, 0);
    await handle.close();
    await rename(temporary, target);
    return offset;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes a section's parts at an offset and hashes them: buffers as they are, strings (a line
 * per article) encoded into one buffer reused for every write. Not a buffer per string: 50,000
 * small buffers fragment the allocator outside the JS heap, and the process would keep that memory.
 */
class SectionWriter {
  private readonly buffer = Buffer.allocUnsafeSlow(BATCH_BYTES);

  constructor(private readonly handle: FileHandle) {}

  async write(parts: Iterable<Buffer | string>, offset: number): Promise<{ bytes: number; checksum: string }> {
    const hash = createHash('sha256');
    let at = offset;
    let used = 0;
    const put = async (bytes: Buffer) => {
      hash.update(bytes);
      await writeAll(this.handle, bytes, at);
      at += bytes.length;
    };
    const flush = async () => {
      if (used) await put(this.buffer.subarray(0, used));
      used = 0;
    };
    for (const part of parts) {
      if (typeof part !== 'string') {
        await flush();
        await put(part);
        continue;
      }
      for (const piece of pieces(part, this.buffer.length)) {
        if (used + Buffer.byteLength(piece, 'utf8') > this.buffer.length) await flush();
        used += this.buffer.write(piece, used, 'utf8');
      }
    }
    await flush();
    return { bytes: at - offset, checksum: hash.digest('hex') };
  }
}

/** A string cut into pieces of at most `bytes` bytes of UTF-8 (3 a UTF-16 unit at most), no surrogate pair split. */
function* pieces(text: string, bytes: number): Generator<string> {
  const most = Math.floor(bytes / 3);
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + most);
    const unit = text.charCodeAt(end - 1);
    if (end < text.length && unit >= 0xd800 && unit <= 0xdbff) end--;
    yield text.slice(at, end);
    at = end;
  }
}

async function writeAll(handle: FileHandle, buffer: Buffer, position: number): Promise<void> {
  for (let done = 0; done < buffer.length;) {
    const { bytesWritten } = await handle.write(buffer, done, buffer.length - done, position + done);
    done += bytesWritten;
  }
}

function readHeader(file: Buffer): Header {
  const end = file.indexOf('\n', MAGIC.length + 1);
  if (file.toString('utf8', 0, MAGIC.length) !== MAGIC || end < 0) throw new Error('not a prebuilt index');
  const header = JSON.parse(file.toString('utf8', MAGIC.length + 1, end)) as Header;
  if (!SECTIONS.every((name) => Array.isArray(header.sections?.[name])) || !Array.isArray(header.textChunks))
    throw new Error('prebuilt index header lacks sections');
  return header;
}

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}
