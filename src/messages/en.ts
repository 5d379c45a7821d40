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
  commandDescription: ({ description }: { command: string; description: string }) => description,
  cannotRun: () => 'Cannot run that',
  unknownOption: ({ option, usage }: { option: string; usage: UsageOf }) =>
    `/${usage.command} has no option “${option}”. Usage: ${usageEn(usage)}`,
  takesNoText: ({ usage }: { usage: UsageOf }) => `/${usage.command} takes no text. Usage: ${usageEn(usage)}`,
  needsOption: ({ option, description, usage }: { option: string; description: string; usage: UsageOf }) =>
    `/${usage.command} needs “${option}”: ${description}. Usage: ${usageEn(usage)}`,
  takesBoolean: ({ option }: { command: string; option: string }) => `“${option}” takes true or false.`,
  takesNumber: ({ option }: { command: string; option: string }) => `“${option}” takes a number.`,
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

  // The console and the one-shot CLI
  consoleBanner: ({ articles, passages, figures }: { articles: number; passages: number; figures: number }) =>
    `Footnote console: ${articles} article(s), ${passages} passages, ${figures} figures.\n` +
    'Type a command as in Discord, e.g. /stat gdp, /region jiangsu, /search rocket parts, /help. Ctrl+D or /quit to leave.',
  consoleFailed: () => 'Something went wrong; the details are in the log.',
  queryUsage: () => 'Usage: npm run --silent query -- [--json] [--lang zh-CN] "/stat gdp region:jiangsu"',
};
