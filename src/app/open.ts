import { Engine } from '../engine/engine.ts';
import { loadCorpus, type Corpus } from '../corpus/load.ts';
import {
  codeFingerprint,
  prebuiltPath,
  readPrebuilt,
  readProvenance,
  writePrebuilt,
  type PrebuiltMiss,
} from '../search/prebuilt.ts';

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
  /** Reading and validating every corpus file. */
  loadMs: number;
  /**
   * True when the cross-file checks were not run again because the prebuilt index
   * vouched for these very files, checked by this very code when it was built.
   */
  vouched: boolean;
  /** Reading the prebuilt index (when used) and building the engine's indexes. */
  indexMs: number;
  index: 'prebuilt' | 'built';
  /** Why the prebuilt index was not used. */
  miss?: PrebuiltMiss | 'ignored';
  /** Bytes of the index written for the next start. */
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
        vouched: false,
        indexMs: performance.now() - loaded,
        index: 'built',
        miss: 'ignored',
      },
    };
  }
  // An index built by this code vouches for the corpus it was built from; the loader checks the files still are that corpus.
  const recorded = await readProvenance(dir);
  const vouched = recorded?.code === code ? recorded.corpus : undefined;
  const corpus = await loadCorpus(dir, { vouched });
  const loaded = performance.now();
  const loadMs = loaded - started;
  const wasVouched = vouched !== undefined && corpus.fingerprint === vouched;
  const provenance = { code, corpus: corpus.fingerprint };
  const prebuilt = await readPrebuilt(dir, provenance);
  if (typeof prebuilt !== 'string') {
    const engine = new Engine(corpus, prebuilt);
    return { engine, report: { loadMs, vouched: wasVouched, indexMs: performance.now() - loaded, index: 'prebuilt' } };
  }
  const engine = new Engine(corpus);
  const report: OpenReport = {
    loadMs,
    vouched: wasVouched,
    indexMs: performance.now() - loaded,
    index: 'built',
    miss: prebuilt,
  };
  try {
    // Only ever written for a corpus that passed every check in this run or the one vouched for.
    report.wrote = await writePrebuilt(dir, provenance, engine.passages.arrays);
  } catch (error) {
    report.writeError = (error as Error).message;
  }
  return { engine, report };
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
  const corpus = await loadCorpus(dir);
  const loaded = performance.now();
  const { arrays } = new Engine(corpus).passages;
  const indexed = performance.now();
  const bytes = await writePrebuilt(dir, { code: await codeFingerprint(), corpus: corpus.fingerprint }, arrays);
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
