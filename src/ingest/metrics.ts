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
  /\b(?:was|were|is|are|has|have|had|will|reached|reach|reaching|rose|rising|grew|growing|fell|falling|increased|increasing|decreased|exceeded|exceeding|accounted|accounting|accounts|totaled|totalled|posted|reported|recorded|registered|generated|attracted|produced|added|saw|hit|stood|expanded|jumped|surged|soared|dropped|declined|held|remained|kept|went|came|entered|crossed|contributed|surpassed|topped|equals|equaled|amounted|climbed|plunged|beat|maintained|ranked|up|down)\b/gi;
/** Asides that open no subject: "Private enterprises, moreover, accounted for …". */
const ASIDE =
  /,\s*(?:moreover|however|meanwhile|furthermore|in addition|additionally|notably|in particular|for example|for instance|by contrast|in comparison|likewise|similarly|overall)\s*,/gi;
const QUALIFIER_WORDS =
  /\s*\b(?:more than|over|above|exceeding|exceeded|nearly|almost|about|around|approximately|up to|less than)\s*$/i;
const LEADING =
  /^(?:(?:over the (?:same )?period|in the same period|during the (?:same )?period|in|at|for|during|by|of|among them|of which|and|while|with|each|both|all|last year|this year|the|a|an|its|their|this|these)\b|,|\s)+/i;
// A wire dateline before the story: "BEIJING, July 17 (Xinhua) -- ".
const DATELINE = /^[^()]{0,60}\([^()]{1,40}\)\s*(?:--|—|–)\s*/u;

/**
 * Maps a figure to a gazetteer metric by its synonyms. A synonym of several words
 * may stand anywhere among the figure's words; a one-word synonym ("economy",
 * "parts") only as the head of the subject or the unit, or it would claim every
 * sentence that happens to hold the word.
 */
export class MetricMatcher {
  private readonly names: { metric: Metric; terms: string[] }[] = [];

  /** `places` finds the place names of a text: a place is where a figure is, never what it measures. */
  constructor(
    metrics: readonly Metric[],
    private readonly places: (text: string) => readonly { start: number; end: number }[] = () => [],
  ) {
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
      if (words.namedBy === 'subject' && narrower(this.withoutPlaces(subject), t)) continue;
      const score = 2 * inPrimary + (t.length - inPrimary) + (onHead ? 3 : 0);
      if (!best || score > best.score) best = { metric, score };
    }
    return best?.metric;
  }

  /**
   * A new metric named after what the figure counts or measures, without the places,
   * numbers and verbs around it. Undefined when nothing is left but a fragment
   * ("growth", "first", "that equals"): such words name no measured thing.
   */
  propose(words: FigureWords): ProposedMetric | undefined {
    // "four areas", "three cities": what a count counts names it, unless it is only a span of time.
    const counted = words.namedBy === 'unit' && !!words.unit;
    const primary = counted ? words.unit! : subjectPhrase(words.subject);
    // "had an ice and snow economy with a market size of 266.17 billion yuan": the noun before "of".
    const before = words.subject.replace(QUALIFIER_WORDS, '').trimEnd();
    const object = /\sof$/i.test(before)
      ? (before
          .slice(0, -2)
          .split(/\s+(?:with|for|in|at|on|by|of|as)\s+|,\s+/i)
          .at(-1) ?? '')
      : '';
    // "has added 31.28 GW of new energy capacity": what follows "of" names a measure.
    const of = /^\s*of\s+([^,.;()]+)/.exec(words.rest ?? '')?.[1] ?? '';
    // "That equals 45 percent of total installed capacity": a share is named by what it is a share of.
    const share = words.namedBy === 'subject' && words.unit ? `share of ${words.unit}` : '';
    const name = [object, primary, of, share]
      .map((phrase) => tidyName(this.withoutPlaces(phrase)))
      .find((n) => slugify(n) && !terms(n).every((t) => (counted ? TIME_WORDS : FRAGMENT).has(t)));
    if (!name) return undefined;
    return { id: slugify(name), name: name[0]!.toUpperCase() + name.slice(1), synonyms: [], proposed: true };
  }

  private withoutPlaces(phrase: string): string {
    let out = phrase.replace(COMPASS_CHINA, (m) => ' '.repeat(m.length));
    for (const p of [...this.places(phrase)].sort((a, b) => b.start - a.start))
      out = `${out.slice(0, p.start)} ${out.slice(p.end)}`;
    return out;
  }
}

/** Words that say which figure, not which kind of thing: they narrow no metric. */
const BROAD = new Set(
  (
    'total overall gross annual value volume amount level combined whole entire main major key province city region ' +
    'provincial municipal regional national local all residents people'
  ).split(' '),
);

/**
 * "exports of lithium-ion batteries" is not "exports", "urban disposable income" not
 * "disposable income": the subject says more than the synonym, after it with "of" or
 * right before it, so the figure is of a narrower metric.
 */
function narrower(subject: string, synonym: string[]): boolean {
  const words = terms(subject);
  const first = words.findIndex((w) => same(w, synonym[0]!));
  const last = words.findIndex((w) => same(w, synonym.at(-1)!));
  if (first < 0 || last < first) return false;
  const before = words[first - 1];
  const complement = new RegExp(String.raw`\b${synonym.at(-1)}\p{L}*\s+of\s+(.+)$`, 'iu').exec(subject)?.[1];
  const extra = terms(complement ?? '').filter((w) => !synonym.some((t) => same(w, t)) && !BROAD.has(w));
  return extra.length > 0 || (!!before && !BROAD.has(before) && !synonym.includes(before));
}

/** Words that name no measured thing on their own. */
const FRAGMENT = new Set(
  (
    'first second third last growth rate rates increase decrease rise share value total number figure figures ' +
    'year years month months region regions city cities province provinces area areas categories both each ' +
    'that equals equal it which who up down also now same period'
  ).split(' '),
);
const TIME_WORDS = new Set(['year', 'years', 'month', 'months', 'day', 'days', 'week', 'weeks']);
const COMPASS_CHINA =
  /\b(?:(?:north|south|east|west|central|northeast|northwest|southeast|southwest)(?:ern)?\s+)?China(?![-–])(?:['’]s)?\b/gi;
/** Verbs and adverbs the predicate cut can leave at the end of a name: "freight trains went", "spending also". */
const TRAILING =
  /(?:\s+(?:last year|this year|[\p{L}-]+ed|went|came|held|soared|crossed|equals|equaled|contributed|surpassed|beat|topped|climbed|remained|kept|made|to|by|and|of|the|in|for|with|or|now|currently|also|still|already|further|each|both|all|together|combined|alone|respectively))+$/iu;

/** A name of six words at most, without numbers, place words or what ends it mid-phrase. */
function tidyName(phrase: string): string {
  return phrase
    .replace(/[“”"]/g, '')
    .replace(/(?:\b(?:in|of)\s+the\s+)?\b(?:province|city|municipality|autonomous region|country)\b/gi, ' ')
    .replace(/(?<![\p{L}\p{N}])\d[\d,.]*(?![\p{L}\p{N}])/gu, ' ')
    .replace(
      /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|trillion)\b/gi,
      ' ',
    )
    .replace(LEADING, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .join(' ')
    .replace(TRAILING, '')
    .replace(/^(?:(?:in|of|and|the|where|a|an|total)\s+)+/i, '')
    .trim();
}

/** "In 2024, Anhui’s automobile output reached" → "automobile output". */
function subjectPhrase(clause: string): string {
  return (
    beforePredicate(clause.replace(DATELINE, '').replace(ASIDE, ' '))
      .split(/,\s+/)
      .filter((part) => part.trim())
      .at(-1) ?? ''
  )
    .replace(/\b[\p{L}][\p{L}-]*['’]s\b\s*/gu, '')
    .replace(
      /\bin\s+(?:the\s+)?[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*(?:\s+(?:region|province|city|area|municipality))?\s*$/u,
      '',
    )
    .replace(LEADING, '')
    .replace(/[,:;]+\s*$/, '')
    .replace(/\s+(?:now|currently|also|still|already|further)$/i, '')
    .trim();
}

/**
 * The words before the verb that leads to the figure: the last verb group of the
 * clause ("…resources, whose capacity has reached"). "Added value of …", "with its
 * added value up": a participle that opens the clause or modifies "value" is no verb.
 */
function beforePredicate(clause: string): string {
  const verbs = [...clause.matchAll(VERBISH)].filter((verb) => {
    const opening = clause.slice(0, verb.index).trim() === '';
    const modifier = /^added$/i.test(verb[0]) && /^\s+value\b/i.test(clause.slice(verb.index + verb[0].length));
    return !opening && !modifier;
  });
  let start = verbs.at(-1)?.index;
  if (start === undefined) return clause;
  // "has reached", "was also up": the verb group starts at its first verb.
  for (let i = verbs.length - 2; i >= 0; i--) {
    const gap = clause.slice(verbs[i]!.index + verbs[i]![0].length, start);
    if (!/^\s+(?:(?:also|further|now|already|still|then)\s+)?$/i.test(gap)) break;
    start = verbs[i]!.index;
  }
  return clause.slice(0, start);
}

/** The head of "the output of automobile parts enterprises" is "output": the word before the first "of"/"in". */
function headIndex(phrase: string): number {
  const words = terms(phrase.split(/\s+(?:of|in|for|from|at|above|below)\s+/i)[0] ?? phrase);
  return words.length ? words.length - 1 : -1;
}

function same(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && (a.startsWith(b) || b.startsWith(a)));
}
