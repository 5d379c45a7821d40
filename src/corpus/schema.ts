import { z } from 'zod';
import { isCalendarDate, isPeriod } from '../text/period.ts';

// Ids are slugs so they survive URLs, Discord option values and file names alike.
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "jiangsu" or "da-zero-bay"');
const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** A month ("2024-05") or a day ("2024-05-21"). */
const isoDateOrMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'must be YYYY-MM or YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a day of the calendar');
/** A year, quarter, half, month or day, or a span of quarters, months or years (src/engine/period.ts). */
const period = z.string().refine(isPeriod, 'must be YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM, YYYY-MM-DD, a span YYYY-Qn-Qm, YYYY-MM/YYYY-MM or YYYY/YYYY');
/** Fields of a statistic the extractor inferred rather than read in its quote. */
export const inferable = ['period', 'region'] as const;

export const qualifiers = ['exceeded', 'more than', 'over', 'nearly', 'about', 'around', 'up to', 'less than'] as const;

export const RegionSchema = z.strictObject({
  id: slug,
  name: nonEmpty,
  zh: nonEmpty.optional(),
  kind: z.enum(['country', 'province', 'municipality', 'autonomous-region', 'sar', 'prefecture-city', 'county-city', 'district', 'zone']),
  parent: slug.optional(),
  aliases: z.array(nonEmpty).default([]),
});

export const MetricSchema = z.strictObject({
  id: slug,
  name: nonEmpty,
  zh: nonEmpty.optional(),
  synonyms: z.array(nonEmpty).default([]),
});

export const PersonSchema = z.strictObject({
  id: slug,
  name: nonEmpty,
  zh: nonEmpty.optional(),
  aliases: z.array(nonEmpty).default([]),
  role: nonEmpty,
  region: slug.optional(),
  note: nonEmpty.optional(),
});

export const GazetteerSchema = z.strictObject({
  regions: z.array(RegionSchema),
  metrics: z.array(MetricSchema),
  people: z.array(PersonSchema),
});

const passageId = z.string().regex(/^[a-z0-9-]+#p\d+$/, 'must be "<article-id>#p<paragraph>"');

/**
 * The longest passage served. A paragraph of news is a few hundred characters; one of this size
 * is a file pasted whole, and every search of it would cost seconds (a 150 MB passage took 12.8 s).
 */
export const MAX_PASSAGE_CHARS = 100_000;

export const PassageSchema = z.strictObject({
  id: passageId,
  paragraph: z.int().positive(),
  text: nonEmpty.max(MAX_PASSAGE_CHARS, `is longer than ${MAX_PASSAGE_CHARS.toLocaleString('en')} characters: split it into paragraphs`),
  regions: z.array(slug),
  people: z.array(slug).default([]),
  /** The person who speaks in this passage, quoted directly or reported ("X said that …"); `speech` says which. */
  speaker: slug.optional(),
  speech: z.enum(['quoted', 'reported']).optional(),
  topics: z.array(nonEmpty).default([]),
});

export const ChangeSchema = z.strictObject({
  value: z.number(),
  unit: nonEmpty,
  basis: nonEmpty,
  /** The change as the text writes it, e.g. "6.2%"; must stand in the quote. */
  written: nonEmpty,
});

export const StatisticSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must be "<article-id>#<slug>"'),
  metric: slug,
  label: nonEmpty,
  /** The exact value in plain units: 3.1 trillion yuan is 3100000000000. */
  value: z.number().finite(),
  /** The value as the text writes it ("3.1 trillion", "40,000", "two"); must stand in the quote. */
  written: nonEmpty,
  unit: nonEmpty,
  qualifier: z.enum(qualifiers).optional(),
  period: period.optional(),
  /** A goal or projection ("aims to", "is expected to"), not a result; its period is the target's. */
  target: z.literal(true).optional(),
  region: slug,
  change: ChangeSchema.optional(),
  passage: passageId,
  quote: nonEmpty,
  /** Which fields were inferred (from the publication date, the article's subject) rather than read: check these first. */
  inferred: z.array(z.enum(inferable)).optional(),
});

export const ArticleSchema = z.strictObject({
  id: slug,
  title: nonEmpty,
  outlet: nonEmpty,
  published: isoDateOrMonth,
  url: z.url().optional(),
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language tag like "en"'),
  translatedFrom: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/).optional(),
  translation: z.enum(['machine', 'human']).optional(),
  /** Path of the raw text, relative to the corpus folder. */
  source: z.string().regex(/^sources\/[^/]+\.txt$/, 'must be "sources/<file>.txt"'),
  passages: z.array(PassageSchema).min(1, 'an article needs at least one passage'),
  stats: z.array(StatisticSchema).default([]),
});

export type Region = z.infer<typeof RegionSchema>;
export type Metric = z.infer<typeof MetricSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Gazetteer = z.infer<typeof GazetteerSchema>;
export type Passage = z.infer<typeof PassageSchema>;
export type Statistic = z.infer<typeof StatisticSchema>;
export type Qualifier = (typeof qualifiers)[number];
export type Article = z.infer<typeof ArticleSchema>;
