import type { Metric } from '../corpus/schema.ts';
import { terms } from '../text/normalize.ts';
import { slugify } from './slug.ts';

/** A metric the gazetteer lacks, proposed from the words that describe a figure. */
export interface ProposedMetric extends Metric {
  proposed: true;
}

/** Words that describe a figure: the subject before the verb, and the thing counted after the number. */
export interface FigureWords {
  subject: string;
  unit?: string | undefined;
  /** The rest of the clause after the figure ("… projects for the transformation … have been industrialized"). */
  rest?: string | undefined;
  /** Counts are named by their unit ("40,000 parts"), amounts and rates by their subject ("GDP exceeded"). */
  namedBy: 'subject' | 'unit';
}

const VERBISH =
  /\b(?:was|were|is|are|has|have|had|will|reached|reach|reaching|rose|rising|grew|growing|fell|falling|increased|increasing|decreased|exceeded|exceeding|accounted|accounting|accounts|totaled|totalled|posted|reported|recorded|registered|generated|attracted|produced|added|saw|hit|stood|expanded|jumped|surged|dropped|declined|up|down)\b.*$/i;
const QUALIFIER_WORDS =
  /\s*\b(?:more than|over|above|exceeding|exceeded|nearly|almost|about|around|approximately|up to|less than)\s*$/i;
const LEADING =
  /^(?:in|at|for|during|by|of|among them|of which|and|while|with|last year|this year|the|a|an|its|their|this|these|,|\s)+/i;

/**
 * Maps a figure to a gazetteer metric by its synonyms. A synonym of several words
 * may stand anywhere among the figure's words; a one-word synonym ("economy",
 * "parts") only as the head of the subject or the unit, or it would claim every
 * sentence that happens to hold the word.
 */
export class MetricMatcher {
  private readonly names: { metric: Metric; terms: string[] }[] = [];

  constructor(metrics: readonly Metric[]) {
    for (const metric of metrics) {
      for (const name of [metric.name, metric.id.replaceAll('-', ' '), ...metric.synonyms]) {
        const t = terms(name);
        if (t.length) this.names.push({ metric, terms: t });
      }
    }
  }

  match(words: FigureWords): Metric | undefined {
    const subject = subjectPhrase(words.subject);
    const unitTerms = terms(words.unit ?? '');
    const subjectTerms = terms(words.subject);
    const all = [...subjectTerms, ...unitTerms, ...terms(words.rest ?? '')];
    // "posted GDP of 1.12 trillion", "a total investment of about 120 billion": the noun before "of" names the figure.
    const object = /([\p{L}&-]+)\s+of\s*$/u.exec(words.subject.replace(QUALIFIER_WORDS, '').trimEnd())?.[1];
    const heads = [
      terms(subject).at(headIndex(subject)),
      terms(object ?? '').at(-1),
      words.namedBy === 'unit' ? unitTerms.at(-1) : undefined,
    ].filter((h): h is string => !!h);
    const primary = words.namedBy === 'unit' ? unitTerms : subjectTerms;
    let best: { metric: Metric; score: number } | undefined;
    for (const { metric, terms: t } of this.names) {
      if (!t.every((term) => all.some((w) => same(w, term)))) continue;
      const inPrimary = t.filter((term) => primary.some((w) => same(w, term))).length;
      const onHead = t.some((term) => heads.some((h) => same(h, term)));
      // A one-word synonym must be the head; a count's metric must name what is counted.
      if (t.length === 1 && !onHead) continue;
      if (words.namedBy === 'unit' && inPrimary === 0) continue;
      const score = 2 * inPrimary + (t.length - inPrimary) + (onHead ? 3 : 0);
      if (!best || score > best.score) best = { metric, score };
    }
    return best?.metric;
  }

  /** A new metric named after what the figure counts or measures. */
  propose(words: FigureWords): ProposedMetric | undefined {
    const phrase = words.namedBy === 'unit' && words.unit ? words.unit : subjectPhrase(words.subject);
    const name = phrase.replace(/[“”"]/g, '').split(/\s+/).slice(0, 6).join(' ').trim();
    const id = slugify(name);
    if (!id || terms(name).length === 0) return undefined;
    return { id, name: name[0]!.toUpperCase() + name.slice(1), synonyms: [], proposed: true };
  }
}

/** "In 2024, Anhui’s automobile output reached" → "automobile output". */
function subjectPhrase(clause: string): string {
  return (
    clause
      .replace(VERBISH, '')
      .split(/,\s+/)
      .filter((part) => part.trim())
      .at(-1) ?? ''
  )
    .replace(/\b[\p{L}][\p{L}-]*['’]s\b\s*/gu, '')
    .replace(/\bin\s+(?:the\s+)?[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*\s*$/u, '')
    .replace(LEADING, '')
    .replace(/[,:;]+\s*$/, '')
    .replace(/\s+(?:now|currently|also|still|already|further)$/i, '')
    .trim();
}

/** The head of "the output of automobile parts enterprises" is "output": the word before the first "of"/"in". */
function headIndex(phrase: string): number {
  const words = terms(phrase.split(/\s+(?:of|in|for|from|at|above|below)\s+/i)[0] ?? phrase);
  return words.length ? words.length - 1 : -1;
}

function same(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && (a.startsWith(b) || b.startsWith(a)));
}
