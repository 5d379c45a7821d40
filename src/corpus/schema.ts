import { z } from 'zod';

// Ids are slugs so they survive URLs, Discord option values and file names alike.
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "jiangsu" or "da-zero-bay"');
const nonEmpty = z.string().trim().min(1, 'must not be empty');
/** A month ("2024-05") or a day ("2024-05-21"). */
const isoDateOrMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'must be YYYY-MM or YYYY-MM-DD');
/** A year, a quarter, a half, a month or a day: "2023", "2024-Q1", "2024-H1", "2024-05". */
const period = z.string().regex(/^\d{4}(-(Q[1-4]|H[12]|(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?))?$/, 'must be YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD');

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

export const PassageSchema = z.strictObject({
  id: passageId,
  paragraph: z.int().positive(),
  text: nonEmpty,
  regions: z.array(slug),
  people: z.array(slug).default([]),
  /** The person quoted directly in this passage; reported speech only goes in `people`. */
  speaker: slug.optional(),
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
  region: slug,
  change: ChangeSchema.optional(),
  passage: passageId,
  quote: nonEmpty,
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
