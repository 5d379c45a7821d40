import { createHash } from 'node:crypto';
import { open, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndexArrays } from './passage-index.ts';

/**
 * The passage index, prebuilt next to the corpus so a large corpus starts without
 * tokenizing every passage. The file records what it was built from: the corpus (a
 * fingerprint of every file, taken as the corpus passed every check) and the code that
 * checked and indexed it. It serves only that corpus under that code; any change to
 * either makes it stale, and the bot builds afresh and rewrites it.
 */
export const PREBUILT_FILE = 'footnote.index';

const MAGIC = 'FOOTNOTE-INDEX-2';
const HEADER_BYTES = 4096;
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

/** The provenance recorded in the index next to the corpus, if there is a readable one. */
export async function readProvenance(dir: string): Promise<Provenance | undefined> {
  try {
    const handle = await open(prebuiltPath(dir));
    try {
      const head = Buffer.alloc(HEADER_BYTES);
      const { bytesRead } = await handle.read(head, 0, HEADER_BYTES, 0);
      const { code, corpus } = readHeader(head.subarray(0, bytesRead));
      return { code, corpus };
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

interface Header extends Provenance {
  /** SHA-256 of everything after the header: a damaged file is refused, not served from. */
  checksum: string;
  passages: number;
  terms: number;
  postings: number;
  tfBytes: 1 | 2 | 4;
  /** Byte offset and length of each section, from the start of the file. */
  sections: Record<'vocabulary' | 'starts' | 'docs' | 'tfs' | 'lengths', [number, number]>;
}

/** The index built from exactly this provenance, or why there is none to use. */
export async function readPrebuilt(dir: string, wanted: Provenance): Promise<IndexArrays | PrebuiltMiss> {
  let file: Buffer;
  try {
    file = await readWhole(prebuiltPath(dir));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const header = readHeader(file);
    if (header.code !== wanted.code || header.corpus !== wanted.corpus) return 'stale';
    if (createHash('sha256').update(file.subarray(HEADER_BYTES)).digest('hex') !== header.checksum) return 'unreadable';
    return decode(file, header);
  } catch {
    return 'unreadable';
  }
}

/**
 * Writes the index with its provenance. Through a temporary file and a rename, so a
 * reader (another shard starting at the same moment) sees the old file or the new, never half.
 */
export async function writePrebuilt(dir: string, provenance: Provenance, arrays: IndexArrays): Promise<number> {
  const bytes = encode(provenance, arrays);
  const target = prebuiltPath(dir);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return bytes.length;
}

/** One read into one buffer: readFile's 512 KB steps took 150 ms for a 46 MB index. */
async function readWhole(file: string): Promise<Buffer> {
  const handle = await open(file);
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafeSlow(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

function encode(provenance: Provenance, arrays: IndexArrays): Buffer {
  if (arrays.vocabulary.some((t) => t.includes('\n')))
    throw new Error('a term holds a line break: the vocabulary section cannot store it');
  const sections = {
    vocabulary: Buffer.from(arrays.vocabulary.join('\n'), 'utf8'),
    starts: arrays.starts,
    docs: arrays.docs,
    tfs: arrays.tfs,
    lengths: arrays.lengths,
  };
  const placed = {} as Header['sections'];
  // The header's size depends on the offsets it lists: lay out after a generous fixed prefix.
  let offset = HEADER_BYTES;
  for (const [name, data] of Object.entries(sections) as [keyof typeof sections, ArrayBufferView][]) {
    placed[name] = [offset, data.byteLength];
    offset = align(offset + data.byteLength);
  }
  const out = Buffer.alloc(offset);
  for (const [name, data] of Object.entries(sections) as [keyof typeof sections, ArrayBufferView][]) {
    Buffer.from(data.buffer, data.byteOffset, data.byteLength).copy(out, placed[name][0]);
  }
  const header: Header = {
    code: provenance.code,
    corpus: provenance.corpus,
    checksum: createHash('sha256').update(out.subarray(HEADER_BYTES)).digest('hex'),
    passages: arrays.lengths.length,
    terms: arrays.vocabulary.length,
    postings: arrays.docs.length,
    tfBytes: arrays.tfs.BYTES_PER_ELEMENT as 1 | 2 | 4,
    sections: placed,
  };
  const head = Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`, 'utf8');
  if (head.length > HEADER_BYTES) throw new Error('prebuilt index header too large');
  head.copy(out, 0);
  return out;
}

function readHeader(file: Buffer): Header {
  const end = file.indexOf('\n', MAGIC.length + 1);
  if (file.toString('utf8', 0, MAGIC.length) !== MAGIC || end < 0) throw new Error('not a prebuilt index');
  return JSON.parse(file.toString('utf8', MAGIC.length + 1, end)) as Header;
}

function decode(file: Buffer, header: Header): IndexArrays {
  const view = <T>(
    name: keyof Header['sections'],
    Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
  ): T => {
    const [offset, length] = header.sections[name];
    if (offset + length > file.length || length % Type.BYTES_PER_ELEMENT)
      throw new Error(`section ${name} out of bounds`);
    const at = file.byteOffset + offset;
    const count = length / Type.BYTES_PER_ELEMENT;
    if (at % Type.BYTES_PER_ELEMENT === 0) return new Type(file.buffer, at, count);
    // A view costs nothing; only a misaligned buffer (a small, pooled read) needs a copy.
    return new Type(new Uint8Array(file.subarray(offset, offset + length)).buffer, 0, count);
  };
  const [vocabularyAt, vocabularyLength] = header.sections.vocabulary;
  const vocabulary = header.terms
    ? file.toString('utf8', vocabularyAt, vocabularyAt + vocabularyLength).split('\n')
    : [];
  const arrays: IndexArrays = {
    vocabulary,
    starts: view('starts', Uint32Array),
    docs: view('docs', Uint32Array),
    tfs:
      header.tfBytes === 1
        ? view('tfs', Uint8Array)
        : header.tfBytes === 2
          ? view('tfs', Uint16Array)
          : view('tfs', Uint32Array),
    lengths: view('lengths', Uint32Array),
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

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}
