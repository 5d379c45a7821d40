import { describePeriod } from '../text/period.ts';
import { describeAsked, type AskedPeriod } from './period.ts';
import type { Named, NamedPerson } from './names.ts';

type Kind =
  | 'country'
  | 'province'
  | 'municipality'
  | 'autonomous-region'
  | 'sar'
  | 'prefecture-city'
  | 'county-city'
  | 'district'
  | 'zone';
export interface FigureRef {
  metric: Named;
  region: Named;
  period?: string | undefined;
}
export interface UsageOf {
  command: string;
  options: readonly { name: string; required?: boolean | undefined }[];
}
/** A figure's value: `written` (and the change's) as the article writes the number. */
export interface FigureValue {
  qualifier?: string | undefined;
  written: string;
  unit: string;
  change?: { value: number; written: string; basis: string } | undefined;
}
/** A chart in words, for its alt text. */
export interface ChartDescription {
  kind: 'bars' | 'line';
  metric: Named;
  unit: string;
  points: readonly { label: string; value: string }[];
}
type Translated = { translation?: 'machine' | 'human' | undefined; from?: string | undefined };

const kindNames: Record<Kind, string> = {
  country: 'country',
  province: 'province',
  municipality: 'municipality',
  'autonomous-region': 'autonomous region',
  sar: 'special administrative region',
  'prefecture-city': 'city',
  'county-city': 'county-level city',
  district: 'district',
  zone: 'zone',
};

const withZh = (n: Named) => (n.zh ? `${n.name} (${n.zh})` : n.name);
const names = (list: readonly Named[]) => list.map((n) => n.name);
const translated = ({ translation, from }: Translated) =>
  translation ? `${translation}-translated from ${from ?? 'another language'}` : '';
const withPeriod = (period: string | undefined, before: string) => (period ? `${before}${describePeriod(period)}` : '');
const figureLabel = (f: FigureRef) => `${f.metric.name} for ${f.region.name}${period(f.period)}`;
const period = (p: string | undefined) => (p ? ` (${describePeriod(p)})` : '');

/** A change as "+6.2%" or "−3": the sign from the value, the digits as written. */
export function signed(change: { value: number; written: string }): string {
  return `${change.value >= 0 ? '+' : '−'}${change.written.replace(/^[-+−]/, '')}`;
}

export function usageEn({ command, options }: UsageOf): string {
  return [`/${command}`, ...options.map((o) => (o.required ? `${o.name}:<${o.name}>` : `[${o.name}:…]`))].join(' ');
}

/**
 * Every word Footnote shows, in English: the source catalogue, whose keys and
 * arguments every other language must match (src/messages/zh-CN.ts).
 */
export const en = {
  verbatim: ({ text }: { text: string }) => text,
  name: ({ of }: { of: Named }) => of.name,
  nameWithZh: ({ of }: { of: Named }) => withZh(of),
  personWithRole: ({ person }: { person: NamedPerson }) => `${person.name}, ${person.role}`,

  // Rendering
  seeAlso: ({ list }: { list: string }) => `See also: ${list}`,
  try: ({ list }: { list: string }) => `Try: ${list}`,
  moreText: ({ count }: { count: number }) => `…and ${count} more. Narrow the question to see them.`,
  moreDiscord: ({ count, source }: { count: number; source: string }) =>
    `*…and ${count} more not shown. Narrow the question, or open one with* \`${source}\`.`,
  shareButton: () => 'Send in chat',
  sharedBy: ({ user }: { user: string }) => `Shared by ${user}`,
  /** A chart's title: the metric, then the unit as the articles write it. */
  chartTitle: ({ metric, unit }: { metric: Named; unit: string }) => `${metric.name} (${unit})`,
  /** A bar's or a point's label: the place, the period, or both when the figures differ in both. */
  chartLabel: ({ region, period }: { region?: Named | undefined; period?: string | undefined }) =>
    [region?.name, period && describePeriod(period)].filter(Boolean).join(' · '),
  /** The number beside a bar or a point, as the article writes it. */
  chartValue: ({ qualifier, written }: { qualifier?: string | undefined; written: string }) =>
    `${qualifier ? `${qualifier} ` : ''}${written}`,
  chartShown: ({ shown, total }: { shown: number; total: number }) => `the first ${shown} of ${total} figures`,
  chartSource: ({ sources }: { sources: readonly { outlet: string; published: string }[] }) =>
    `Source: ${sources.map((s) => `${s.outlet}, ${describePeriod(s.published)}`).join('; ')}`,
  /** The attachment's description: what a screen reader says instead of the picture. */
  chartAlt: (c: ChartDescription) =>
    `${c.kind === 'bars' ? 'Bar chart' : 'Line chart'} of ${c.metric.name} in ${c.unit}: ${c.points.map((p) => `${p.label}, ${p.value}`).join('; ')}.`,
  pageOf: ({ page, pages }: { page: number; pages: number }) => `Page ${page} of ${pages}`,
  pageNotYours: () => 'Only the asker can turn these pages.',
  pageStale: () => 'The articles have changed since this answer was given, so its pages may no longer match.',
  pageCurrent: () => 'Page 1 of the current answer',
  pageGone: () => 'These pages can no longer be turned: ask again.',
  figureHeading: (f: FigureRef) =>
    [f.metric.name, f.region.name, ...(f.period ? [describePeriod(f.period)] : [])].join(' · '),
  published: ({ date }: { date: string }) => describePeriod(date),
  /** Between a figure's heading and its value. */
  valueAfter: () => ': ',
  figureValue: (f: FigureValue) => {
    const unit = f.unit.startsWith('%') ? f.unit : ` ${f.unit}`;
    const value = `${f.qualifier ? `${f.qualifier} ` : ''}${f.written}${unit}`;
    return `${value}${f.change ? `, ${signed(f.change)} ${f.change.basis}` : ''}`;
  },

  // Commands and options
  unknownCommandTitle: () => 'Unknown command',
  unknownCommand: ({ name }: { name: string }) => `There is no command /${name}.`,
  didYouMean: ({ name }: { name: string }) => `Did you mean /${name}?`,
  commandDescription: ({ description }: { command: string; description: string }) => description,
  cannotRun: () => 'Cannot run that',
  unknownOption: ({ option, usage }: { option: string; usage: UsageOf }) =>
    `/${usage.command} has no option “${option}”. Usage: ${usageEn(usage)}`,
  takesNoText: ({ usage }: { usage: UsageOf }) => `/${usage.command} takes no text. Usage: ${usageEn(usage)}`,
  emptyOption: ({ option, usage }: { option: string; usage: UsageOf }) =>
    `“${option}:” has no value. Usage: ${usageEn(usage)}`,
  repeatedOption: ({ option, usage }: { option: string; usage: UsageOf }) =>
    `“${option}” is given twice; give it once. Usage: ${usageEn(usage)}`,
  needsOption: ({ option, description, usage }: { option: string; description: string; usage: UsageOf }) =>
    `/${usage.command} needs “${option}”: ${description}. Usage: ${usageEn(usage)}`,
  takesBoolean: ({ option }: { command: string; option: string }) => `“${option}” takes true or false.`,
  takesNumber: ({ option }: { command: string; option: string }) => `“${option}” takes a number.`,
  takesUser: ({ option }: { command: string; option: string }) => `“${option}” takes a member: @name, or their id.`,
  takesOneOf: ({ option, values }: { command: string; option: string; values: readonly string[] }) =>
    `“${option}” takes one of: ${values.join(', ')}.`,
  /** The first line of an answer addressed to a member (mention:). */
  addressedTo: ({ user }: { user: string }) => `${user}, this is for you:`,
  failureTitle: () => 'Something went wrong on my side',
  failure: ({ errorId }: { errorId: string }) =>
    `Error id ${errorId}. Please try again; if it keeps happening, tell a moderator this id.`,

  // /help
  helpTitle: () => 'Footnote',
  helpLead: ({ articles }: { articles: number }) =>
    `I answer questions about ${articles} news article(s) with figures and verbatim, cited excerpts. Every answer names the article, outlet, date and paragraph it comes from; when the articles do not say, I say so.`,
  helpCommand: ({ usage, description }: { usage: UsageOf; description: string }) => `${usageEn(usage)}: ${description}`,
  helpFindSources: () => 'Apps → Find sources (on any message): the passages and figures that bear on what it claims.',
  helpMention: () =>
    'Mention me with a question in chat, where the server has it switched on: @Footnote what was Jiangsu’s GDP growth?',
  helpQuestion: () => 'a question',
  helpRegion: () => 'a region',
  helpFigure: () => 'a figure',
  exampleQuestion: () => 'What was Jiangsu’s GDP growth?',

  // /reload
  moderatorsOnlyTitle: () => 'Moderators only',
  moderatorsOnly: () => 'Reloading the corpus needs the Manage Messages permission.',
  summaryModeratorsOnly: () => 'Posting a summary needs the Manage Messages permission.',
  cannotReloadTitle: () => 'Cannot reload here',
  cannotReload: () => 'This Footnote reads its corpus once; restart it to pick up changes.',
  reloadedTitle: () => 'Corpus reloaded',
  reloaded: ({ articles, passages, stats, ms }: { articles: number; passages: number; stats: number; ms: number }) =>
    `Now answering from ${articles} article(s), ${passages} passages and ${stats} figures (loaded and checked in ${ms} ms).`,
  theArticles: () => 'The articles',
  notReloadedTitle: () => 'Corpus not reloaded',
  notReloaded: () =>
    'The corpus on disk is invalid, so Footnote keeps answering from the one it had. Fix these and reload again:',
  moreProblems: ({ count }: { count: number }) => `…and ${count} more (npm run corpus:check lists them all).`,

  // /stat
  noMetricTitle: () => 'No such metric',
  noMetric: ({ metric }: { metric: string }) => `The corpus has no metric called “${metric}”.`,
  noRegionTitle: () => 'No such region',
  noRegion: ({ name }: { name: string }) => `No region in the corpus is called “${name}”.`,
  unknownPeriodTitle: () => 'Unknown period',
  unknownPeriod: ({ period }: { period: string }) =>
    `“${period}” is not a period I can read. Try 2024, Q1 2024 or 2024-05.`,
  allFigures: ({ metric }: { metric: Named }) => `All ${metric.name} figures`,
  statTitle: ({ metric, region, period }: { metric: Named; region?: Named | undefined; period?: string | undefined }) =>
    [metric.name, ...(region ? [region.name] : []), ...(period ? [describePeriod(period)] : [])].join(' · '),
  noFigureFor: ({
    metric,
    region,
    period,
  }: {
    metric: Named;
    region?: Named | undefined;
    period?: string | undefined;
  }) =>
    `The corpus has no ${metric.name} figure for ${[...(region ? [region.name] : []), ...(period ? [describePeriod(period)] : [])].join(', ')}.`,
  noFigureYet: ({ metric }: { metric: Named }) => `The corpus has no ${metric.name} figure yet.`,
  figureSuggestion: (f: FigureRef) => `${f.metric.name}, ${f.region.name}${withPeriod(f.period, ', ')}`,

  // /compare
  compareTitle: ({
    metric,
    places,
    periods,
  }: {
    metric: Named;
    places: readonly Named[];
    periods: readonly string[];
  }) =>
    [
      metric.name,
      ...(places.length ? [names(places).join(', ')] : []),
      ...(periods.length ? [periods.map(describePeriod).join(', ')] : []),
    ].join(' · '),
  compareNeedsTwo: () =>
    'Name two to five places (regions:jiangsu,shanghai) or periods (periods:2023,2024), separated by commas.',
  compareTooMany: ({ count, most }: { count: number; most: number }) =>
    `A comparison takes at most ${most} places or periods; you named ${count}.`,
  compareOneAxis: () =>
    'Compare places or periods, not both: several places with at most one period, or one place with several periods.',
  compareExample: ({ metric }: { metric: Named }) => `${metric.name}, side by side`,
  comparedIn: ({ region }: { region: Named }) =>
    `Figures for ${region.name}: the place the articles give the most of these periods for.`,
  compareMissingPeriods: ({ periods }: { periods: readonly string[] }) =>
    `The articles give no such figure for ${periods.map(describePeriod).join(', ')}.`,
  closeWithin: ({ region, within }: { region: Named; within: Named }) =>
    `Not ${region.name}’s own figure, so not in its row: the articles give one for ${within.name}, within it.`,
  notRanked: ({ why }: { why: 'units' | 'periods' | 'conflict' }) =>
    `Not ranked: ${
      why === 'units'
        ? 'the figures are in different units'
        : why === 'periods'
          ? 'the figures are for periods that are not alike'
          : 'the articles give different figures for one row'
    }.`,
  periodName: ({ period }: { period: string }) => describePeriod(period),
  allFiguresOf: ({ region, period }: { region?: Named | undefined; period?: string | undefined }) =>
    `Every figure for ${region ? region.name : describePeriod(period ?? '')}`,
  /** Above a quote under a comparison's table: its number, and the rows it gives figures for. */
  citedFor: ({ n, rows }: { n: number; rows: readonly string[] }) => `[${n}] ${rows.join(', ')}`,
  columnPlace: () => 'Place',
  columnAsked: () => 'Asked',
  columnValue: () => 'Value',
  columnUnit: () => 'Unit',
  columnQualifier: () => 'Qualifier',
  columnPeriod: () => 'Period',
  columnChange: () => 'Change',
  columnRank: () => '#',
  columnSource: () => 'Source',
  noFigureCell: () => 'no figure',
  qualifierCell: ({ qualifier }: { qualifier: string }) => qualifier,
  changeCell: ({ change }: { change: { value: number; written: string; basis: string } }) =>
    `${signed(change)} ${change.basis}`.trim(),

  // /region
  regionDescribed: ({ region, parents }: { region: Named & { kind: Kind }; parents: readonly Named[] }) =>
    `${withZh(region)}: ${kindNames[region.kind]}${parents.length ? ` in ${names(parents).join(', ')}` : ''}.`,
  notCovered: ({ region }: { region: Named }) => `The corpus does not cover ${region.name} yet.`,
  includes: ({ places }: { places: readonly Named[] }) => `Includes: ${names(places).join(', ')}.`,
  quoted: ({ people }: { people: readonly NamedPerson[] }) =>
    `Quoted: ${people.map((p) => `${p.name}, ${p.role}`).join('; ')}.`,
  figuresFor: ({ region }: { region: Named }) => `Figures for ${region.name}`,

  // /search
  searchTitle: ({ query }: { query: string }) => `Search: ${query}`,
  closestMention: ({ terms }: { terms: readonly string[] }) =>
    `Nothing in the corpus matches all of that. Closest passages mention: ${terms.join(', ')}.`,
  nothingMatches: () => 'Nothing in the corpus matches that.',
  searchedFor: ({ corrections }: { corrections: readonly { from: string; to: string }[] }) =>
    `Searched for ${corrections.map((c) => `“${c.to}” (you typed “${c.from}”)`).join(', ')}.`,

  // /source
  noPassageTitle: () => 'No such passage',
  noPassage: ({ id, example }: { id: string; example: string }) =>
    `No passage has the id “${id}”. Passage ids look like “${example}”.`,
  passageTitle: ({ title, paragraph }: { title: string; paragraph: number }) => `${title} ¶${paragraph}`,
  speaker: ({ person }: { person: NamedPerson }) => `Speaker: ${withZh(person)}, ${person.role}.`,
  before: () => 'Before',
  after: () => 'After',

  // /summary and /articles
  summaryOfRegion: ({ region }: { region: Named }) => `Summary: ${region.name}`,
  summaryOfArticle: ({ title }: { title: string }) => `Summary: ${title}`,
  nothingToSummariseTitle: () => 'Nothing to summarise',
  nothingToSummarise: ({ target }: { target: string }) =>
    `“${target}” is neither an article id nor a region in the corpus.`,
  outletAndDate: (a: { outlet: string; published: string } & Translated) =>
    `${a.outlet}, ${describePeriod(a.published)}${a.translation ? `, ${translated(a)}` : ''}.`,
  regionsOf: ({ regions }: { regions: readonly Named[] }) => `Regions: ${names(regions).join(', ')}.`,
  articlesTitle: ({ count }: { count: number }) => `Articles in the corpus (${count})`,
  articleHeading: (a: { title: string; id: string; passages: number; figures: number } & Translated) =>
    `${a.title} · id ${a.id} · ${a.passages} passages, ${a.figures} figures${a.translation ? ` · ${translated(a)}` : ''}`,
  summaryOf: ({ id }: { id: string }) => `Summary of ${id}`,
  articleChoice: ({ title }: { title: string }) => `Article: ${title}`,
  regionChoice: ({ name }: { name: string }) => `Region: ${name}`,

  // Find sources
  sourcesFor: ({ claim }: { claim: string }) => `Sources for: ${claim}`,
  nothingToCheckTitle: () => 'Nothing to check',
  nothingToCheck: () => 'That message has no text to check.',
  numberMatches: () => 'A number in the message matches a figure below.',
  numbersDiffer: () => 'The numbers in the message differ from the figures below.',
  nothingBears: () => 'Nothing in the articles bears on this message.',

  // /ask
  askTitle: ({ question }: { question: string }) => `Q: ${question}`,
  askEmptyTitle: () => 'Ask a question',
  askEmpty: () => 'Ask about the articles, e.g. “What was Jiangsu’s GDP growth?”',
  understood: (u: {
    chinese: boolean;
    metrics: readonly Named[];
    change: boolean;
    regions: readonly Named[];
    people: readonly Named[];
    period?: AskedPeriod | undefined;
  }) => {
    const parts = [
      ...u.metrics.map((m) => m.name + (u.change ? ' (change)' : '')),
      ...names(u.regions),
      ...names(u.people),
      ...(u.period ? [describeAsked(u.period)] : []),
    ];
    return `Understood${u.chinese ? ' (asked in Chinese)' : ''}: ${parts.length ? parts.join(' · ') : 'no place, figure or person I know'}.`;
  },
  noFigureAsked: ({
    metrics,
    regions,
    period,
  }: {
    metrics: readonly Named[];
    regions: readonly Named[];
    period?: AskedPeriod | undefined;
  }) =>
    `The articles give no figure for ${[...names(metrics), ...names(regions), ...(period ? [describeAsked(period)] : [])].join(', ')}.`,
  noFigureAnswers: () => 'The articles give no figure that answers this.',
  theyGive: ({ figures }: { figures: readonly FigureRef[] }) => `They do give: ${figures.map(figureLabel).join('; ')}.`,
  closeFigures: ({ figures }: { figures: readonly FigureRef[] }) =>
    `Close, but not what you asked: ${figures.map(figureLabel).join('; ')}.`,
  compareHigher: ({ higher, value, lower, other }: { higher: Named; value: string; lower: Named; other: string }) =>
    `${higher.name} is higher: ${value}, against ${other} for ${lower.name}.`,
  compareSame: ({ value }: { value: string }) => `Both are ${value}.`,
  compareMissing: ({ regions }: { regions: readonly Named[] }) =>
    `The articles give no such figure for ${names(regions).join(', ')}.`,
  figureLabel: (f: FigureRef) => figureLabel(f),
  quotesNoOne: ({ subject }: { subject: string }) => `The articles quote no one called “${subject}”.`,
  speakerUnnamed: () => 'The article does not name the speaker:',
  said: ({ person, reported }: { person: NamedPerson; reported: boolean }) =>
    `${person.name} (${person.role}) ${reported ? 'is reported as saying' : 'said'}:`,
  noOneMatches: () => 'No one in the articles matches that.',
  whereNamed: () => 'Where the article names them',
  whoIs: ({ person }: { person: NamedPerson }) => `${withZh(person)}: ${person.role}.`,
  passagesAbout: ({ person }: { person: Named }) => `Passages about ${person.name}`,
  saysNothing: ({ region }: { region: Named }) => `The articles say nothing about ${region.name}.`,
  saysNothingAboutAny: ({ regions }: { regions: readonly Named[] }) =>
    `The articles say nothing about ${names(regions).join(', ')}.`,
  closeButNot: ({ title, periods }: { title: string; periods: readonly string[] }) =>
    `Close, but not what you asked: a passage of “${title}”${periods.length ? ` (${periods.map((p) => describePeriod(p)).join(', ')})` : ''}.`,
  everythingOn: ({ region }: { region: Named }) => `Everything on ${region.name}`,
  overview: ({ title, outlet }: { title: string; outlet: string }) => `${title} (${outlet}).`,
  howItOpens: () => 'How it opens',
  notAnswered: () => 'The articles do not answer that.',
  whatTheySay: ({ region }: { region: Named }) => `What they say about ${region.name}`,
  closestPassage: () => 'the closest passage, which does not answer it',

  // Starting up: what the operator is told on stderr
  noToken: () =>
    'No DISCORD_TOKEN found, so this is the local console, not the Discord bot. Set DISCORD_TOKEN (in the environment or .env) to run the bot.',
  similarSettings: ({ names }: { names: string[] }) =>
    `Set but not read: ${names.join(', ')}. Did you mean DISCORD_TOKEN?`,
  tokenMalformed: () =>
    'DISCORD_TOKEN holds a space or a line break inside it, so it cannot be a token: paste it again, on one line.',
  tokenRejected: () =>
    'Discord refused DISCORD_TOKEN: it is wrong, or it was reset. Copy a new one from the Developer Portal → your application → Bot → Reset Token.',
  intentsDisallowed: () =>
    'Discord refused the Message Content intent, which ANSWER_MENTIONS=true needs. Switch on “Message Content Intent” in the Developer Portal → your application → Bot → Privileged Gateway Intents, or set ANSWER_MENTIONS=false.',

  // corpus:add
  addTooLarge: ({ file, megabytes, limit }: { file: string; megabytes: string; limit: number }) =>
    `${file} is ${megabytes} MB; corpus:add takes articles up to ${limit} MB. Split it into articles. Nothing was changed.`,
  addLocked: ({ pid }: { pid: number }) =>
    `Another import is running on this corpus (process ${pid}); run this one again when it has finished. Nothing was changed.`,
  addProgress: ({ done, total }: { done: number; total: number }) => `corpus:add: ${done} of ${total} paragraphs read`,
  addValidating: () => 'corpus:add: checking the corpus with the new article…',

  // User installs: a server that keeps its members' apps from posting
  externalAppsPrivate: () =>
    'Only you can see this: the server does not let apps its members added post in its channels.',

  // Feedback under /ask, and /gaps
  feedbackUp: () => 'Helpful',
  feedbackDown: () => 'Not helpful',
  feedbackThanksTitle: () => 'Thanks for the feedback',
  feedbackThanks: () => 'Glad it helped.',
  feedbackNoted: () => 'Noted: moderators will see this question in /gaps, so they know which articles to add.',
  feedbackOff: () => 'Feedback is not being kept on this bot right now; the answers are unaffected.',
  gapsModeratorsOnly: () => 'The report of unanswered questions needs the Manage Messages permission.',
  gapsTitle: ({ days }: { days: number }) => `Unanswered questions, last ${days} day(s)`,
  gapsLead: () =>
    'Questions the articles did not answer (refused, or answered and marked 👎), most asked first, the same question asked differently counted together. An article that answers them closes the gap.',
  gapsNone: ({ days }: { days: number }) => `No unanswered question was asked in the last ${days} day(s).`,
  gapsOff: ({ reason }: { reason: string }) =>
    `Feedback is off, so no question is being kept (${reason}). Answering is unaffected; the log has the details.`,
  gapsNotKept: () => 'Feedback is kept only by the running bot (FEEDBACK_DB); here there is none.',
  gapLine: ({
    question,
    count,
    refused,
    disliked,
    last,
  }: {
    question: string;
    count: number;
    refused: number;
    disliked: number;
    last: string;
  }) => `${count}× “${question}” (${refused} refused, ${disliked} marked 👎; last ${last.slice(0, 10)})`,
  gapCited: ({ passages }: { passages: readonly string[] }) => `The 👎 answer cited ${passages.join(', ')}.`,

  // New articles posted to ANNOUNCE_CHANNEL_ID
  newArticleTitle: ({ title }: { title: string }) => `New article: ${title}`,
  moreNewArticles: ({ count }: { count: number }) => `…and ${count} more new article(s): see /articles.`,

  // Mentions in chat
  mentionTitle: () => 'Ask me about the articles',
  mention: () => 'Mention me with a question, e.g. “@Footnote what was Jiangsu’s GDP growth?”, or use /ask.',
  // Follow-ups in chat: a reply to an answer, or a mention again soon after
  followingUp: () => 'Read with your previous question:',
  followUpSources: ({ count }: { count: number }) =>
    count === 1 ? 'The passage my last answer cited:' : `The ${count} passages my last answer cited:`,
  followUpNothingCited: () => 'My last answer cited no passage: the corpus did not answer that question.',

  // The console and the one-shot CLI
  consoleBanner: ({ articles, passages, figures }: { articles: number; passages: number; figures: number }) =>
    `Footnote console: ${articles} article(s), ${passages} passages, ${figures} figures.\n` +
    'Ask a question, or type a command as in Discord: /stat gdp, /region jiangsu, /search rocket parts, /help.\n' +
    'Tab completes commands, options and names; Ctrl+D or /quit to leave.',
  consoleFailed: () => 'Something went wrong; the details are in the log.',
  consoleExitHint: () => '(To exit, press Ctrl+C again or Ctrl+D, or type /quit)',
  queryNoChart: () => 'No chart: fewer than two figures of the answer share a metric and a unit.',
  queryChartWritten: ({ file, alt }: { file: string; alt: string }) => `Chart written to ${file}: ${alt}`,
  queryUsage: () =>
    'Usage: npm run --silent query -- [--json | --csv] [--lang zh-CN] [--chart FILE.png] "/stat gdp region:jiangsu"\n' +
    '       npm run --silent query -- --json --batch < commands.txt   (one command a line; one JSON object a line)',
  batchEmptyLine: () => 'An empty line: one command a line.',
};
