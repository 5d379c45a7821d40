import {
  ArticleSchema,
  type Article,
  type Gazetteer,
  type Metric,
  type Passage,
  type Person,
  type Region,
  type Statistic,
} from '../corpus/schema.ts';
import { describePeriod, isCalendarDate } from '../text/period.ts';
import { cleanDocument } from './clean.ts';
import type { SourceDocument, SourceFormat } from './document.ts';
import { readHtml } from './html.ts';
import { readMarkdown } from './markdown.ts';
import { MetricMatcher } from './metrics.ts';
import { carrySpeakers, findSpeakers, resolvePerson } from './people.ts';
import { periodPhrases, readPublished } from './periods.ts';
import { readPlainText } from './plain.ts';
import { RegionTagger, passageRegions, type RegionMention } from './regions.ts';
import { slugify, uniqueId } from './slug.ts';
import { extractStatistics, type ExtractedStatistic } from './statistics.ts';

export interface IngestOptions {
  title?: string | undefined;
  outlet?: string | undefined;
  published?: string | undefined;
  url?: string | undefined;
  id?: string | undefined;
}

export interface IngestResult {
  article: Article;
  /** The text stored as `sources/<id>.txt`: the file itself, or what the HTML or Markdown renders to. */
  sourceText: string;
  /** The original HTML or Markdown, kept beside the text for the record. */
  original?: { extension: 'html' | 'md'; content: string };
  /** Gazetteer entries the article needs that the gazetteer lacks: people quoted, metrics proposed. */
  newPeople: Person[];
  newMetrics: Metric[];
  dropped: { text: string; reason: string }[];
  /** Figures read but not filed as statistics, with why: the curator files them by hand or lets them go. */
  unfiled: { figure: string; quote: string; reason: string }[];
}

/** Input the article cannot be made from; the message says what to pass. */
export class IngestError extends Error {}

const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** Turns a raw article into a corpus entry. Pure: reads nothing, writes nothing. */
/** Told how far a long article has got: paragraphs done of all of them. */
export type Progress = (done: number, total: number) => void;

export function ingest(
  raw: string,
  format: SourceFormat,
  options: IngestOptions,
  gazetteer: Gazetteer,
  progress?: Progress,
): IngestResult {
  if (looksBinary(raw))
    throw new IngestError(
      'The file is not text (it holds control bytes or bytes that are not UTF-8, as an image, a PDF or a Word file does): save the article as .txt, .md or .html.',
    );
  const document = read(raw, format);
  const clean = cleanDocument(document, { title: options.title });
  if (clean.body.length === 0)
    throw new IngestError('No article text was found in the file (every block looked like page furniture).');
  const title = options.title ?? document.meta.title ?? clean.title;
  const outlet = options.outlet ?? document.meta.outlet ?? clean.meta.outlet;
  const published = options.published ?? document.meta.published ?? clean.meta.published;
  if (!title) throw new IngestError('No title found in the file: pass --title "…".');
  if (!outlet) throw new IngestError('No outlet found in the file: pass --outlet "…".');
  if (!published)
    throw new IngestError('No publication date found in the file: pass --published YYYY-MM or YYYY-MM-DD.');
  if (!DATE.test(published)) throw new IngestError(`--published must be YYYY-MM or YYYY-MM-DD, not “${published}”.`);
  if (!isCalendarDate(published))
    throw new IngestError(`The publication date ${published} is not a day of the calendar.`);
  if (published > today()) throw new IngestError(`The publication date ${published} is in the future.`);
  const url = options.url ?? document.meta.url;
  const id = options.id ?? articleId(outlet, published, title);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
    throw new IngestError(`--id must be a lowercase slug like "cctv-2024-05-productive-forces", not “${id}”.`);

  const at = readPublished(published);
  const tagger = new RegionTagger(gazetteer);
  const regionById = new Map(gazetteer.regions.map((r) => [r.id, r]));
  const whole = [title, ...clean.body].join('\n');
  const mentions = clean.body.map((text) => tagger.mentions(text, whole));
  const mainRegion = mostMentioned([tagger.mentions(title, whole), ...mentions].flat());
  // The lede names what the article reports on; where it only sets the scene, the headline often does ("… in Jan-Feb 2024").
  const reportingPeriod = [clean.body[0]!, title]
    .map((t) => periodPhrases(t, at).find((p) => p.period && !p.local)?.period)
    .find(Boolean);

  const people = new Map<string, Person>();
  const metrics = new MetricMatcher(gazetteer.metrics, (text) => tagger.mentions(text).filter((m) => !m.generic));
  const metricById = new Map<string, Metric>(gazetteer.metrics.map((m) => [m.id, m]));
  const newMetrics = new Map<string, Metric>();
  const statIds = new Set<string>();
  const earlierMentions: RegionMention[] = [];
  const passages: Passage[] = [];
  const stats: Statistic[] = [];
  const unfiled: IngestResult['unfiled'] = [];

  const isPlace = (name: string) => tagger.mentions(name).length > 0;
  /**
   * The gazetteer's metric for a figure, else a new one named by its words. A rate
   * named only by a fragment ("Beijing's growth was 5.4%", "April's growth rate was
   * 7.5%") is of the metric its passage has just reported; else it is not filed.
   */
  const metricOf = (s: ExtractedStatistic, passageId: string): Metric | undefined => {
    const known = metrics.match(s.words);
    if (known) return known;
    const proposal = metrics.propose(s.words);
    if (!proposal) {
      const previous = stats.at(-1);
      return /%|percentage point/.test(s.unit) && previous?.passage === passageId
        ? (metricById.get(previous.metric) ?? newMetrics.get(previous.metric))
        : undefined;
    }
    const { proposed: _, ...entry } = proposal;
    const metric = metricById.get(entry.id) ?? newMetrics.get(entry.id) ?? entry;
    if (!metricById.has(metric.id)) newMetrics.set(metric.id, metric);
    return metric;
  };
  const spoken = carrySpeakers(
    clean.body,
    clean.body.map((text) => findSpeakers(text, isPlace, (name) => known(gazetteer.people, name))),
  );
  clean.body.forEach((text, i) => {
    const passageId = `${id}#p${i + 1}`;
    const resolved = spoken[i]!.map((s) => {
      const region = s.role ? tagger.mentions(s.role).find((m) => !m.generic)?.region.id : undefined;
      const person = resolvePerson(s, [...gazetteer.people, ...people.values()], {
        ...(region ? { region } : {}),
        source: `${outlet}, ${published}`,
      });
      if (!gazetteer.people.some((p) => p.id === person.id)) people.set(person.id, person);
      return { person, direct: s.direct };
    });
    const voice = resolved.find((r) => r.direct) ?? resolved[0];
    passages.push({
      id: passageId,
      paragraph: i + 1,
      text,
      regions: [],
      people: [...new Set(resolved.map((r) => r.person.id))],
      ...(voice ? { speaker: voice.person.id, speech: voice.direct ? 'quoted' : 'reported' } : {}),
      topics: [],
    });
    for (const s of extractStatistics(text, mentions[i]!, {
      published: at,
      reportingPeriod,
      mainRegion,
      regionById,
      earlierMentions,
    })) {
      const metric = metricOf(s, passageId);
      if (!metric) {
        unfiled.push({ figure: `${s.written} ${s.unit}`, quote: s.quote, reason: 'no words name what it measures' });
        continue;
      }
      const statId = uniqueId(slugify([s.region.id, metric.id, s.period ?? ''].join(' '), 12), statIds);
      stats.push({
        id: `${id}#${statId}`,
        metric: metric.id,
        label: `${metric.name}, ${s.region.name}${s.period ? `, ${describePeriod(s.period)}` : ''}${s.target ? ' (target)' : ''}`,
        value: s.value,
        written: s.written,
        unit: s.unit,
        ...(s.qualifier ? { qualifier: s.qualifier } : {}),
        ...(s.period ? { period: s.period } : {}),
        ...(s.target ? { target: true } : {}),
        region: s.region.id,
        ...(s.change ? { change: s.change } : {}),
        passage: passageId,
        quote: s.quote,
        ...(s.inferred.length ? { inferred: s.inferred } : {}),
      });
    }
    // Grown in place, not copied per passage: a long article would otherwise cost the square of its length.
    earlierMentions.push(...mentions[i]!);
    progress?.(i + 1, clean.body.length);
  });

  // A passage's regions are settled once its figures are: a country it gives figures for is one of them.
  const statRegions = new Map<string, Statistic[]>();
  for (const s of stats) {
    const list = statRegions.get(s.passage);
    if (list) list.push(s);
    else statRegions.set(s.passage, [s]);
  }
  passages.forEach(
    (p, i) =>
      (p.regions = passageRegions(
        p.text,
        mentions[i]!,
        (statRegions.get(p.id) ?? []).map((s) => s.region),
      )),
  );

  const article = ArticleSchema.parse({
    id,
    title,
    outlet,
    published,
    ...(url ? { url } : {}),
    language: language(clean.body.join(' ')),
    source: `sources/${id}.txt`,
    passages,
    stats,
  });
  return {
    article,
    sourceText: document.text,
    ...(format === 'txt' ? {} : { original: { extension: format, content: raw } }),
    newPeople: [...people.values()],
    newMetrics: [...newMetrics.values()],
    dropped: clean.dropped,
    unfiled,
  };
}

function read(raw: string, format: SourceFormat): SourceDocument {
  if (format === 'html') return readHtml(raw);
  if (format === 'md') return readMarkdown(raw);
  return readPlainText(raw);
}

/** "CCTV", "2024-05", "Write a good article on…" → "cctv-2024-05-write-good-article-development". */
/** Today, as "YYYY-MM-DD" where the day is furthest ahead (UTC+14): a page dated today anywhere is not in the future. */
function today(): string {
  return new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
}

function articleId(outlet: string, published: string, title: string): string {
  const words = outlet.split(/\s+/);
  const source = words.length > 2 ? words.map((w) => w[0]).join('') : outlet;
  const keywords = slugify(title, 20)
    .split('-')
    .filter((w) => w.length > 2 && !/^\d+$/.test(w) && !STOP.has(w))
    .slice(0, 4);
  return slugify([source, published.slice(0, 7), ...keywords].join(' '), 12);
}

const STOP = new Set(
  'the and for with from into its how why what who new as of on in at to by a an is are was were this that'.split(' '),
);

function known(people: readonly Person[], name: string): boolean {
  const key = name.toLowerCase();
  return people.some((p) => [p.name, ...p.aliases].some((n) => n.toLowerCase() === key));
}

function mostMentioned(mentions: RegionMention[]): Region | undefined {
  const counts = new Map<Region, number>();
  for (const m of mentions) if (!m.generic) counts.set(m.region, (counts.get(m.region) ?? 0) + 1);
  let best: Region | undefined;
  for (const [region, n] of counts) if (!best || n > counts.get(best)!) best = region;
  return best;
}

/** Articles in Chinese are mostly Han characters; everything else here is English. */
function language(text: string): string {
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c)).length;
  return han > text.length * 0.3 ? 'zh' : 'en';
}

/**
 * A file read as UTF-8 that is really binary: NUL or other control bytes, or many
 * bytes that were not UTF-8 (each read as U+FFFD). Text never holds these; a few
 * replacement characters are tolerated, as a mis-saved page may have some.
 */
function looksBinary(raw: string): boolean {
  const sample = raw.slice(0, 8192);
  // eslint-disable-next-line no-control-regex
  const control = sample.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  const undecodable = sample.match(/\ufffd/g)?.length ?? 0;
  return control > 0 || undecodable > Math.max(8, sample.length / 100);
}
