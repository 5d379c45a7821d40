import { Engine } from '../engine/engine.ts';
import { loadCorpus, type Corpus } from '../corpus/load.ts';
import { snapshotOf } from '../corpus/snapshot.ts';
import { FileStamps } from '../corpus/stamps.ts';
import type { IndexArrays } from '../search/passage-index.ts';
import { codeFingerprint, prebuiltPath, PrebuiltFile, writePrebuilt, type PrebuiltMiss } from '../search/prebuilt.ts';

export interface OpenOptions {
  /**
   * 'use' (the default): serve from the prebuilt index when it matches the corpus,
   * otherwise build the index and write it for the next start. 'ignore': build in
   * memory and touch no file (the benchmark's cold start, a read-only check).
   */
  prebuilt?: 'use' | 'ignore';
}

/** How the engine came to be, for the start-up log and the benchmark. */
export interface OpenReport {
  /** Having the checked corpus: from the prebuilt file, or by reading (and checking) every corpus file. */
  loadMs: number;
  /**
   * Where the checked corpus came from. 'prebuilt': the prebuilt file, as every corpus file
   * still carries the stamp (inode, size and times) it had when that corpus was checked and written
   * there; no corpus file was read. 'vouched': every file read and parsed, the cross-file checks
   * not run again because the files are byte for byte those the prebuilt file was built from by
   * this very code. 'checked': every file read and checked.
   */
  corpus: 'prebuilt' | 'vouched' | 'checked';
  /** Reading the prebuilt index (when used) and building the engine's indexes. */
  indexMs: number;
  index: 'prebuilt' | 'built';
  /** Why the prebuilt index was not used. */
  miss?: PrebuiltMiss | 'ignored';
  /** Bytes of the prebuilt file written for the next start (a new index, or the same one with fresh stamps). */
  wrote?: number;
  /** Why a fresh index could not be written (a read-only folder, say); the engine serves regardless. */
  writeError?: string;
}

/** Loads, validates and indexes the corpus: the one way every entry point gets an engine. */
export async function openEngine(dir: string, options: OpenOptions = {}): Promise<Engine> {
  return (await openCorpus(dir, options)).engine;
}

export async function openCorpus(
  dir: string,
  options: OpenOptions = {},
): Promise<{ engine: Engine; report: OpenReport }> {
  const started = performance.now();
  const code = await codeFingerprint();
  if (options.prebuilt === 'ignore') {
    const corpus = await loadCorpus(dir);
    const loaded = performance.now();
    const engine = new Engine(corpus);
    return {
      engine,
      report: {
        loadMs: loaded - started,
        corpus: 'checked',
        indexMs: performance.now() - loaded,
        index: 'built',
        miss: 'ignored',
      },
    };
  }
  const opened = await PrebuiltFile.open(dir);
  // Only a file written by this very code vouches for anything.
  const file = typeof opened !== 'string' && opened.provenance.code === code ? opened : undefined;
  let had: Awaited<ReturnType<typeof readCorpus>>;
  let index: IndexArrays | PrebuiltMiss;
  let loaded: number;
  try {
    had = await readCorpus(dir, file);
    loaded = performance.now();
    if (typeof opened === 'string') index = opened;
    else if (!file || opened.provenance.corpus !== had.corpus.fingerprint) index = 'stale';
    else index = had.damaged ? 'unreadable' : await file.index().catch(() => 'unreadable' as const);
  } finally {
    if (typeof opened !== 'string') await opened.close();
  }
  const { corpus, stamps } = had;
  const engine = typeof index === 'string' ? new Engine(corpus) : new Engine(corpus, index);
  const report: OpenReport = {
    loadMs: loaded - started,
    corpus: had.from,
    indexMs: performance.now() - loaded,
    index: typeof index === 'string' ? 'built' : 'prebuilt',
  };
  if (typeof index === 'string') report.miss = index;
  // Written for a new index, and for the same one when the corpus had to be read: with the
  // stamps of this load, the next start takes the corpus from the file (after a copy of the folder, say).
  if (typeof index === 'string' || had.from !== 'prebuilt') {
    try {
      // Only ever written for a corpus that passed every check in this run or the one vouched for.
      report.wrote = await writePrebuilt(dir, {
        provenance: { code, corpus: corpus.fingerprint },
        index: engine.passages.arrays,
        corpus: () => snapshotOf(corpus),
        stamps,
      });
    } catch (error) {
      report.writeError = (error as Error).message;
    }
  }
  return { engine, report };
}

/**
 * The checked corpus: from the prebuilt file when every corpus file still carries its stamp,
 * otherwise read from the files, checked in full unless they prove to be the ones the file
 * vouches for. Whatever the file holds, a corpus is either wholly taken from it or wholly read.
 */
async function readCorpus(
  dir: string,
  file: PrebuiltFile | undefined,
): Promise<{ corpus: Corpus; from: OpenReport['corpus']; stamps: FileStamps; damaged: boolean }> {
  let damaged = false;
  if (file) {
    try {
      const stamps = await file.stamps();
      if (await stamps.unchanged(dir)) return { corpus: await file.corpus(dir), from: 'prebuilt', stamps, damaged };
    } catch {
      // A damaged section: the files are read instead, and the file is rewritten.
      damaged = true;
    }
  }
  const stamps = new FileStamps();
  const vouched = file?.provenance.corpus;
  const corpus = await loadCorpus(dir, { vouched, stamps });
  return {
    corpus,
    from: vouched !== undefined && corpus.fingerprint === vouched ? 'vouched' : 'checked',
    stamps,
    damaged,
  };
}

export interface BuildReport {
  file: string;
  bytes: number;
  passages: number;
  terms: number;
  postings: number;
  loadMs: number;
  indexMs: number;
}

/**
 * `npm run corpus:build`: validates the corpus, indexes every passage and writes the
 * prebuilt index next to it; `then` gets the checked corpus, for what else is built from it.
 */
export async function buildIndex(dir: string, then?: (corpus: Corpus) => void): Promise<BuildReport> {
  const started = performance.now();
  const stamps = new FileStamps();
  const corpus = await loadCorpus(dir, { stamps });
  const loaded = performance.now();
  const { arrays } = new Engine(corpus).passages;
  const indexed = performance.now();
  const bytes = await writePrebuilt(dir, {
    provenance: { code: await codeFingerprint(), corpus: corpus.fingerprint },
    index: arrays,
    corpus: () => snapshotOf(corpus),
    stamps,
  });
  then?.(corpus);
  return {
    file: prebuiltPath(dir),
    bytes,
    passages: arrays.lengths.length,
    terms: arrays.vocabulary.length,
    postings: arrays.docs.length,
    loadMs: loaded - started,
    indexMs: indexed - loaded,
  };
}
