import type { Message } from '../messages/message.ts';

/** Where a piece of an answer comes from: enough for a reader to find it and check it. */
export interface Citation {
  article: string;
  articleTitle: string;
  outlet: string;
  published: string;
  url?: string;
  paragraph: number;
  passage: string;
  /** Verbatim from the passage: never paraphrased, only cut at sentence boundaries. */
  excerpt: string;
  /** True when the excerpt is part of the passage rather than all of it. */
  partial: boolean;
}

export interface Figure {
  statistic: string;
  metric: string;
  metricName: string;
  /** The gazetteer's Chinese name, for zh-CN replies. */
  metricZh?: string;
  label: string;
  value: number;
  written: string;
  unit: string;
  qualifier?: string;
  period?: string;
  region: string;
  regionName: string;
  regionZh?: string;
  change?: { value: number; unit: string; basis: string; written: string };
}

/** A figure never travels without its citation; a passage item is its citation. */
export type AnswerItem =
  | { kind: 'figure'; figure: Figure; citation: Citation }
  | { kind: 'passage'; heading?: Message; citation: Citation }
  | { kind: 'note'; text: Message };

/**
 * A command that follows an answer up, as data: the renderers word it for their locale
 * ("/stat gdp region:jiangsu" in English text). Options in the command's order; the first
 * is written as typed at the console and in /help, without its name.
 */
export interface Suggestion {
  label: Message;
  command: string;
  options: Record<string, string>;
}

/**
 * Rows side by side (/compare, and /ask's "compare X and Y"): one per place or period
 * asked, in the order asked. A row's figures are items of the answer, each with its citation.
 */
export interface Comparison {
  by: 'place' | 'period';
  rows: ComparisonRow[];
  /**
   * Why the rows carry no rank: their figures are in different units, for periods that are
   * not alike (Q1 against a whole year), or a row has two figures that disagree.
   */
  unranked?: 'units' | 'periods' | 'conflict';
}

export interface ComparisonRow {
  label: Message;
  /** Positions in the answer's items of this row's figures; none when the articles give none. */
  figures: number[];
  /** 1 for the highest value, when the rows can be ranked. */
  rank?: number;
}

export interface Answer {
  /** False when the corpus holds no answer: the reply says so and only offers suggestions. */
  found: boolean;
  title: Message;
  /** Lines shown before the items; they carry no corpus figure (figures live in items). */
  lead: Message[];
  items: AnswerItem[];
  /** Items the corpus holds beyond those listed: an answer lists at most MAX_ITEMS. */
  more?: number;
  suggestions: Suggestion[];
  /** The items as a table, when the answer compares. */
  comparison?: Comparison;
  /** Visible only to the person who asked, whatever they chose (refusals of moderator commands). */
  private?: boolean;
}

export function notFound(title: Message, lead: Message[], suggestions: Suggestion[] = []): Answer {
  return { found: false, title, lead, items: [], suggestions };
}

/** Bad input refused: nothing looked up, told to the asker alone (and a script's exit code says so). */
export function refusal(title: Message, lead: Message[], suggestions: Suggestion[] = []): Answer {
  return { ...notFound(title, lead, suggestions), private: true };
}

/** A follow-up command: `suggest(label, 'stat', { metric: 'gdp', region: 'jiangsu' })`. */
export function suggest(label: Message, command: string, options: Record<string, string> = {}): Suggestion {
  return { label, command, options };
}

/**
 * The most items an answer lists. A reply shows what fits in 2,000 characters (a
 * handful), the console and scripts get a page; beyond that, an answer says how many
 * more there are rather than build an excerpt for each of thousands at a large corpus.
 */
export const MAX_ITEMS = 25;

/** A list an answer's items are made from, and how each is made. */
export interface ItemSource {
  count: number;
  make(at: number): AnswerItem;
}

export function itemsOf<T>(list: readonly T[], make: (t: T) => AnswerItem): ItemSource {
  return { count: list.length, make: (at) => make(list[at]!) };
}

/** Items made only for the first MAX_ITEMS entries of the sources, in order, and how many were left unmade. */
export function firstItems(...sources: ItemSource[]): { items: AnswerItem[]; more: number } {
  const items: AnswerItem[] = [];
  let total = 0;
  for (const source of sources) {
    for (let at = 0; at < source.count && items.length < MAX_ITEMS; at++) items.push(source.make(at));
    total += source.count;
  }
  return { items, more: total - items.length };
}
