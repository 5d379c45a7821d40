import { Engine } from '../engine/engine.ts';
import { loadCorpus } from './load.ts';

/** Loads, validates and indexes the corpus: the one way every entry point gets an engine. */
export async function openEngine(dir: string): Promise<Engine> {
  return new Engine(await loadCorpus(dir));
}
