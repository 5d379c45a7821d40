import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stem, terms } from './normalize.ts';

/**
 * Words of economic reporting that stand for one another (data/lexicon/statistics.json):
 * "produce" and "output", "take in" and "revenue". WordNet's synonyms are general English
 * and miss these; the families are kept by hand, one line each.
 */
let byStem: Map<string, string[]> | undefined;

function families(): Map<string, string[]> {
  if (byStem) return byStem;
  const file = path.resolve(import.meta.dirname, '../../data/lexicon/statistics.json');
  const { families: lines } = JSON.parse(readFileSync(file, 'utf8')) as { families: string[][] };
  byStem = new Map();
  for (const line of lines) {
    const forms = [...new Set(line.flatMap((member) => terms(member)))];
    // A phrase ("take in", "base stations") is met by its words; only single words call on their family.
    for (const member of line) if (!member.includes(' ')) byStem.set(stem(member), forms);
  }
  return byStem;
}

/** The index terms of the word's family, the word's own stem among them; [] when it has none. */
export function familyOf(word: string): readonly string[] {
  return families().get(stem(word.toLowerCase())) ?? [];
}
