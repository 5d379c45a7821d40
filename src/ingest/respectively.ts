import type { Region } from '../corpus/schema.ts';
import type { FigureMention } from './figures.ts';
import type { RegionMention } from './regions.ts';
import type { Span } from './sentences.ts';

interface ListedFigure {
  figure: FigureMention;
  region?: Region;
  subject?: string;
}

/**
 * "Output of NEVs, industrial robots and integrated circuits rose 94.4, 45.6 and 20.7
 * percent, respectively": N figures in a row before "respectively" pair in order with
 * N places named together in the sentence, or else with N subjects before the verb.
 */
export function respectively(
  text: string,
  sentence: Span,
  figures: FigureMention[],
  mentions: readonly RegionMention[],
): { items: ListedFigure[] } | undefined {
  const word = /\brespectively\b/i.exec(sentence.text);
  if (!word) return undefined;
  const stop = sentence.start + word.index;
  const run: FigureMention[] = [];
  for (const f of figures.filter((f) => f.through <= stop).reverse()) {
    const next = run[0];
    if (
      next &&
      (!/^[\s,]*(?:and\s+)?$/.test(text.slice(f.through, next.from)) ||
        (f.kind === 'count') !== (next.kind === 'count'))
    )
      break;
    run.unshift(f);
  }
  if (run.length < 2) return undefined;
  const n = run.length;
  // A percentage in such a list is a rate of change when its first one is.
  if (run[0]!.role === 'change')
    for (const f of run) Object.assign(f, { role: 'change', basis: f.basis ?? run[0]!.basis });

  const inSentence = mentions.filter((m) => !m.generic && m.start >= sentence.start && m.end <= sentence.end);
  for (let i = 0; i + n <= inSentence.length; i++) {
    const group = inSentence.slice(i, i + n);
    if (group.every((m, j) => j === 0 || /^\s*(?:,|and|,\s*and)\s*$/.test(text.slice(group[j - 1]!.end, m.start)))) {
      // "Shenzhen and Guangzhou reported GDP of A and B": every figure is named by the words before the first.
      const subject = text.slice(sentence.start, run[0]!.from);
      return { items: run.map((figure, j) => ({ figure, region: group[j]!.region, subject })) };
    }
  }
  const lead = text
    .slice(sentence.start, run[0]!.from)
    .replace(
      /\s+(?:rose|grew|fell|increased|decreased|reached|were|was|accounted for|stood at|posted|reported|registered|jumped|dropped|declined|expanded)\b[\s\S]*$/i,
      '',
    )
    // "In 2023, Guangdong’s output of …": the time and the owner are not part of each subject.
    .replace(/^(?:in|during|for|last|this|from|by)\b[^,]*,\s*/i, '')
    .replace(/^[\p{Lu}][\p{L}-]*['’]s\s+/u, '');
  const shared = /^(.*?\bof\s+)/i.exec(lead)?.[1] ?? '';
  const items = lead
    .slice(shared.length)
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .filter(Boolean);
  if (items.length !== n) return { items: run.map((figure) => ({ figure })) };
  return { items: run.map((figure, j) => ({ figure, subject: `${shared}${items[j]}` })) };
}
