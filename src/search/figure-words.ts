import type { Metric, Statistic } from '../corpus/schema.ts';
import { holds } from './sorted.ts';
import { stem, terms } from '../text/normalize.ts';

/**
 * Which figures use which words (in their label, unit, quote and metric names), so a
 * question that names no metric finds the figures about its words without reading
 * each of the corpus's figures: at 250k passages there are some 100k of them.
 */
export class FigureWords {
  /** Word → the positions (in corpus.stats) of the figures using it, ascending. */
  private readonly postings = new Map<string, Uint32Array>();
  private readonly stats: readonly Statistic[];
  // Scratch per figure, clean between calls: how many words it covers, and the last word counted.
  private readonly counts: Uint8Array;
  private readonly stamps: Uint8Array;
  /** The figures a walk has counted, in the order met. */
  private readonly touched: Uint32Array;

  constructor(stats: readonly Statistic[], metricOf: (id: string) => Metric) {
    this.stats = stats;
    this.counts = new Uint8Array(this.stats.length);
    this.stamps = new Uint8Array(this.stats.length);
    this.touched = new Uint32Array(this.stats.length);
    const lists = new Map<string, number[]>();
    // Metrics, labels and units repeat across thousands of figures: each is tokenized once.
    const seen = new Map<string, string[]>();
    const termsOnce = (text: string) => {
      let list = seen.get(text);
      if (!list) seen.set(text, (list = terms(text)));
      return list;
    };
    stats.forEach((s, at) => {
      const metric = metricOf(s.metric);
      const words = [
        ...termsOnce(s.label),
        ...termsOnce(s.unit),
        ...terms(s.quote),
        ...termsOnce([metric.name, ...metric.synonyms].join(' ')),
      ];
      for (const word of new Set(words)) {
        const list = lists.get(word);
        if (list) list.push(at);
        else lists.set(word, [at]);
      }
    });
    for (const [word, list] of lists) this.postings.set(word, Uint32Array.from(list));
  }

  /**
   * The figures using at least `share` of the words (a word counts when the figure uses
   * it or its stem) and, if given, the word `required`; only among `among` (positions in
   * corpus.stats, ascending) when given. Each with the share it covers, in corpus order.
   */
  covering(
    words: readonly string[],
    share: number,
    required?: string,
    among?: Uint32Array,
  ): { stat: Statistic; share: number }[] {
    if (!words.length) return [];
    const lists = words.map((word) =>
      [...new Set([word, stem(word)])].map((form) => this.postings.get(form)).filter((l) => l !== undefined),
    );
    const needed = required ? this.postings.get(required) : undefined;
    const covered: { stat: Statistic; share: number }[] = [];
    const offer = (at: number, count: number) => {
      if (count / words.length < share) return;
      if (required && !(needed && holds(needed, at))) return;
      covered.push({ stat: this.stats[at]!, share: count / words.length });
    };
    const postings = lists.reduce((n, forms) => forms.reduce((m, l) => m + l.length, n), 0);
    if (among && among.length * lists.length * LOOKUP < postings) {
      // A place's few figures: each looked up in the words' lists, rather than every list walked.
      for (const at of among) {
        let count = 0;
        for (const forms of lists) {
          let held = false;
          for (const list of forms) held ||= holds(list, at);
          if (held) count++;
        }
        offer(at, count);
      }
      return covered;
    }
    const { counts, stamps } = this;
    let touched = 0;
    lists.forEach((forms, w) => {
      // A figure counts a word once, whether it uses the word or its stem or both.
      for (const list of forms) {
        for (const at of list) {
          if (stamps[at] === w + 1) continue;
          stamps[at] = w + 1;
          if (counts[at] === 0) this.touched[touched++] = at;
          counts[at] = counts[at]! + 1;
        }
      }
    });
    // Sorted in place, numerically (a common word touches thousands of figures); then, both
    // ascending, one pass over each decides which touched figures are among those given.
    let next = 0;
    for (const at of this.touched.subarray(0, touched).sort()) {
      if (among) while (next < among.length && among[next]! < at) next++;
      if (!among || among[next] === at) offer(at, counts[at]!);
      counts[at] = 0;
      stamps[at] = 0;
    }
    return covered;
  }
}

/** A place's figures are looked up one by one when the words' lists are this many times longer. */
const LOOKUP = 8;
