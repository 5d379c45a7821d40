import type { Region } from '../corpus/schema.ts';
import type { PeriodPhrase, Published } from './periods.ts';
import type { RegionMention } from './regions.ts';
import type { Span } from './sentences.ts';

/** What a passage's figures are read against: where the article is, and when. */
export interface ArticleSetting {
  published: Published;
  /** The period the lede reports on ("in 2023"): past-tense figures without a time of their own are of it. */
  reportingPeriod?: string | undefined;
  /** The region the article is most about: the last resort for a figure's region. */
  mainRegion?: Region | undefined;
  regionById: ReadonlyMap<string, Region>;
  /** Every region mention before this passage, in order, for "the province", "the city". */
  earlierMentions: readonly RegionMention[];
}

/** One sentence of a passage, with what its figures are read against. */
export interface FigureContext {
  text: string;
  sentence: Span;
  earlier: Span[];
  phrases: PeriodPhrase[];
  mentions: readonly RegionMention[];
  setting: ArticleSetting;
}
