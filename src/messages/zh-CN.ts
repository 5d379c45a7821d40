import { describePeriodZh, describeAskedZh } from './period.ts';
import type { Catalogue } from './message.ts';
import type { Named } from './names.ts';
import { signed, type FigureRef, type UsageOf } from './en.ts';
import { zhCommands } from './commands-zh-CN.ts';

const kindNames = {
  country: '国家',
  province: '省',
  municipality: '直辖市',
  'autonomous-region': '自治区',
  sar: '特别行政区',
  'prefecture-city': '地级市',
  'county-city': '县级市',
  district: '区',
  zone: '园区',
} as const;

// The corpus's closed sets of qualifiers (src/corpus/schema.ts) and change bases (src/ingest/figures.ts).
const qualifiers: Record<string, string> = {
  exceeded: '超过',
  'more than': '超过',
  over: '超过',
  nearly: '近',
  about: '约',
  around: '约',
  'up to': '最多',
  'less than': '不足',
};
const bases: Record<string, string> = {
  'year on year': '同比',
  'month on month': '环比',
  'quarter on quarter': '环比',
};

/** The Chinese name where the gazetteer has one; the English name otherwise. */
const zh = (n: Named) => n.zh ?? n.name;
/** "江苏（Jiangsu）": the Chinese name first, the English one for matching the quotes. */
const both = (n: Named) => (n.zh ? `${n.zh}（${n.name}）` : n.name);
const list = (items: readonly Named[]) => items.map(zh).join('、');
const commandName = (command: string) => zhCommands[command]?.name ?? command;
const optionName = (command: string, option: string) => zhCommands[command]?.options[option]?.name ?? option;
const translated = (t: { translation?: 'machine' | 'human' | undefined; from?: string | undefined }) =>
  t.translation ? `，${t.translation === 'machine' ? '机器' : '人工'}译自${t.from ?? '其他语言'}` : '';
const figureLabel = (f: FigureRef) =>
  `${zh(f.region)}的${zh(f.metric)}${f.period ? `（${describePeriodZh(f.period)}）` : ''}`;
const description = (command: string, english: string) => zhCommands[command]?.description ?? english;

export function usageZh({ command, options }: UsageOf): string {
  const named = options.map((o) => {
    const name = optionName(command, o.name);
    return o.required ? `${name}:<${name}>` : `[${name}:…]`;
  });
  return [`/${commandName(command)}`, ...named].join(' ');
}

/** zh-CN, written for a Chinese reader; the type holds it to English's keys and arguments. */
export const zhCN = {
  verbatim: ({ text }) => text,
  name: ({ of }) => zh(of),
  nameWithZh: ({ of }) => both(of),
  personWithRole: ({ person }) => `${zh(person)}，${person.role}`,

  seeAlso: ({ list }) => `另见：${list}`,
  try: ({ list }) => `可以试试：${list}`,
  moreText: ({ count }) => `……另有 ${count} 条。把问题问得更具体些即可看到。`,
  moreDiscord: ({ count, source }) =>
    `*……另有 ${count} 条未显示。把问题问得更具体些，或用* \`${source}\` *打开其中一条。*`,
  shareButton: () => '发到频道',
  sharedBy: ({ user }) => `由 ${user} 分享`,
  chartTitle: ({ metric, unit }) => `${zh(metric)}（${unit}）`,
  chartLabel: ({ region, period }) =>
    [region && zh(region), period && describePeriodZh(period)].filter(Boolean).join(' · '),
  chartValue: ({ qualifier, written }) => `${qualifier ? `${qualifiers[qualifier] ?? qualifier} ` : ''}${written}`,
  chartShown: ({ shown, total }) => `共 ${total} 项数据中的前 ${shown} 项`,
  chartSource: ({ sources }) =>
    `来源：${sources.map((s) => `${s.outlet}，${describePeriodZh(s.published)}`).join('；')}`,
  chartAlt: (c) =>
    `${zh(c.metric)}（${c.unit}）${c.kind === 'bars' ? '柱状图' : '折线图'}：${c.points.map((p) => `${p.label}，${p.value}`).join('；')}。`,
  pageOf: ({ page, pages }) => `第 ${page} 页，共 ${pages} 页`,
  pageNotYours: () => '只有提问的人才能翻页。',
  pageStale: () => '这个回答之后文章已有变动，原来的分页可能对不上了。',
  pageCurrent: () => '查看当前回答的第 1 页',
  pageGone: () => '这些页已无法翻动，请重新提问。',
  figureHeading: (f) => [zh(f.metric), zh(f.region), ...(f.period ? [describePeriodZh(f.period)] : [])].join(' · '),
  published: ({ date }) => describePeriodZh(date),
  valueAfter: () => '：',
  figureValue: (f) => {
    const unit = f.unit.startsWith('%') ? f.unit : ` ${f.unit}`;
    const qualifier = f.qualifier ? `${qualifiers[f.qualifier] ?? f.qualifier} ` : '';
    return `${qualifier}${f.written}${unit}${f.change ? `，${bases[f.change.basis] ?? f.change.basis} ${signed(f.change)}` : ''}`;
  },

  unknownCommandTitle: () => '没有这个命令',
  unknownCommand: ({ name }) => `没有 /${name} 这个命令。`,
  didYouMean: ({ name }) => `您是不是想输入 /${commandName(name)}？`,
  commandDescription: ({ command, description: english }) => description(command, english),
  cannotRun: () => '无法执行',
  unknownOption: ({ option, usage }) =>
    `/${commandName(usage.command)} 没有“${option}”这个选项。用法：${usageZh(usage)}`,
  takesNoText: ({ usage }) => `/${commandName(usage.command)} 不接受文字。用法：${usageZh(usage)}`,
  emptyOption: ({ option, usage }) => `“${optionName(usage.command, option)}:”没有值。用法：${usageZh(usage)}`,
  repeatedOption: ({ option, usage }) =>
    `“${optionName(usage.command, option)}”给了两次，只能给一次。用法：${usageZh(usage)}`,
  needsOption: ({ option, description: english, usage }) =>
    `/${commandName(usage.command)} 需要“${optionName(usage.command, option)}”：${zhCommands[usage.command]?.options[option]?.description ?? english}。用法：${usageZh(usage)}`,
  takesBoolean: ({ command, option }) => `“${optionName(command, option)}”只能是 true 或 false。`,
  takesNumber: ({ command, option }) => `“${optionName(command, option)}”只能是数字。`,
  takesUser: ({ command, option }) => `“${optionName(command, option)}”只能是一位成员：@名字，或其编号。`,
  takesOneOf: ({ command, option, values }) => `“${optionName(command, option)}”只能是以下之一：${values.join('、')}。`,
  addressedTo: ({ user }) => `${user}，这是给你的：`,
  failureTitle: () => '出错了，是我这边的问题',
  failure: ({ errorId }) => `错误编号 ${errorId}。请再试一次；如果一直出错，请把这个编号告诉管理员。`,

  helpTitle: () => 'Footnote',
  helpLead: ({ articles }) =>
    `我根据 ${articles} 篇新闻文章回答问题，给出数据和带出处的原文摘录。每个回答都注明出自哪篇文章、哪家媒体、哪一天、第几段；文章没有写的，我会直说。`,
  helpCommand: ({ usage, description: english }) => `${usageZh(usage)}：${description(usage.command, english)}`,
  helpFindSources: () => 'Apps → 查找出处（在任意消息上）：找出与消息所说内容相关的段落和数据。',
  helpMention: () => '在服务器开启此功能的频道里 @ 我并提问：@Footnote 江苏的GDP增长了多少？',
  helpQuestion: () => '提个问题',
  helpRegion: () => '看一个地区',
  helpFigure: () => '查一项数据',
  exampleQuestion: () => '江苏的GDP增长了多少？',

  moderatorsOnlyTitle: () => '仅限管理员',
  moderatorsOnly: () => '重新加载语料需要“管理消息”权限。',
  summaryModeratorsOnly: () => '发布摘要需要“管理消息”权限。',
  cannotReloadTitle: () => '这里不能重新加载',
  cannotReload: () => '这个 Footnote 只在启动时读取语料；要使用新内容，请重启它。',
  reloadedTitle: () => '语料已重新加载',
  reloaded: ({ articles, passages, stats, ms }) =>
    `现在依据 ${articles} 篇文章、${passages} 个段落和 ${stats} 项数据回答（加载和检查用时 ${ms} 毫秒）。`,
  theArticles: () => '文章列表',
  notReloadedTitle: () => '语料未重新加载',
  notReloaded: () => '磁盘上的语料无效，Footnote 继续使用原来的语料。请修正以下问题后再重新加载：',
  moreProblems: ({ count }) => `……另有 ${count} 个问题（npm run corpus:check 会全部列出）。`,

  noMetricTitle: () => '没有这项指标',
  noMetric: ({ metric }) => `语料中没有叫“${metric}”的指标。`,
  noRegionTitle: () => '没有这个地区',
  noRegion: ({ name }) => `语料中没有叫“${name}”的地区。`,
  unknownPeriodTitle: () => '无法识别的时期',
  unknownPeriod: ({ period }) => `看不懂“${period}”这个时期。可以写 2024、Q1 2024 或 2024-05。`,
  allFigures: ({ metric }) => `${zh(metric)}的全部数据`,
  statTitle: ({ metric, region, period }) =>
    [zh(metric), ...(region ? [zh(region)] : []), ...(period ? [describePeriodZh(period)] : [])].join(' · '),
  noFigureFor: ({ metric, region, period }) =>
    `语料中没有${region ? zh(region) : ''}${period ? describePeriodZh(period) : ''}的${zh(metric)}数据。`,
  noFigureYet: ({ metric }) => `语料中还没有${zh(metric)}的数据。`,
  figureSuggestion: (f) => figureLabel(f),

  compareTitle: ({ metric, places, periods }) =>
    [
      zh(metric),
      ...(places.length ? [list(places)] : []),
      ...(periods.length ? [periods.map(describePeriodZh).join('、')] : []),
    ].join(' · '),
  compareNeedsTwo: () => '请列出两到五个地区（地区:jiangsu,shanghai）或时期（时期:2023,2024），用逗号隔开。',
  compareTooMany: ({ count, most }) => `一次最多比较 ${most} 个地区或时期；你列了 ${count} 个。`,
  compareOneAxis: () => '请比较地区或时期，不要同时比较两者：多个地区配最多一个时期，或一个地区配多个时期。',
  compareExample: ({ metric }) => `并列比较${zh(metric)}`,
  comparedIn: ({ region }) => `${zh(region)}的数据：文章给出这些时期数据最多的地区。`,
  compareMissingPeriods: ({ periods }) => `文章没有给出${periods.map(describePeriodZh).join('、')}的这项数据。`,
  closeWithin: ({ region, within }) =>
    `这不是${zh(region)}本身的数据，所以不列在它那一行：文章给出的是其下辖的${zh(within)}的数据。`,
  notRanked: ({ why }) =>
    `未排名：${why === 'units' ? '这些数据单位不同' : why === 'periods' ? '这些数据的时期不可比' : '文章对同一行给出了不同的数据'}。`,
  periodName: ({ period }) => describePeriodZh(period),
  allFiguresOf: ({ region, period }) => `${region ? zh(region) : describePeriodZh(period ?? '')}的全部数据`,
  citedFor: ({ n, rows }) => `[${n}] ${rows.join('、')}`,
  columnPlace: () => '地区',
  columnAsked: () => '所问时期',
  columnValue: () => '数值',
  columnUnit: () => '单位',
  columnQualifier: () => '限定',
  columnPeriod: () => '时期',
  columnChange: () => '变化',
  columnRank: () => '#',
  columnSource: () => '出处',
  noFigureCell: () => '无数据',
  qualifierCell: ({ qualifier }) => qualifiers[qualifier] ?? qualifier,
  changeCell: ({ change }) => `${bases[change.basis] ?? change.basis} ${signed(change)}`.trim(),

  regionDescribed: ({ region, parents }) =>
    `${both(region)}：${parents.length ? `位于${[...parents].reverse().map(zh).join('')}的` : ''}${kindNames[region.kind]}。`,
  notCovered: ({ region }) => `语料中还没有关于${zh(region)}的内容。`,
  includes: ({ places }) => `下辖：${list(places)}。`,
  quoted: ({ people }) => `引述了：${people.map((p) => `${zh(p)}（${p.role}）`).join('；')}。`,
  figuresFor: ({ region }) => `${zh(region)}的数据`,

  searchTitle: ({ query }) => `搜索：${query}`,
  closestMention: ({ terms }) => `语料中没有与之完全相符的内容。最接近的段落提到：${terms.join('、')}。`,
  nothingMatches: () => '语料中没有与之相符的内容。',
  searchedFor: ({ corrections }) =>
    `已按 ${corrections.map((c) => `“${c.to}”（你输入的是“${c.from}”）`).join('、')} 搜索。`,

  noPassageTitle: () => '没有这个段落',
  noPassage: ({ id, example }) => `没有编号为“${id}”的段落。段落编号形如“${example}”。`,
  passageTitle: ({ title, paragraph }) => `${title} 第${paragraph}段`,
  speaker: ({ person }) => `发言人：${both(person)}，${person.role}。`,
  before: () => '上一段',
  after: () => '下一段',

  summaryOfRegion: ({ region }) => `摘要：${zh(region)}`,
  summaryOfArticle: ({ title }) => `摘要：${title}`,
  nothingToSummariseTitle: () => '没有可摘要的内容',
  nothingToSummarise: ({ target }) => `“${target}”既不是语料中的文章编号，也不是地区。`,
  outletAndDate: (a) => `${a.outlet}，${describePeriodZh(a.published)}${translated(a)}。`,
  regionsOf: ({ regions }) => `涉及地区：${list(regions)}。`,
  articlesTitle: ({ count }) => `语料中的文章（${count} 篇）`,
  articleHeading: (a) => `${a.title} · 编号 ${a.id} · ${a.passages} 个段落，${a.figures} 项数据${translated(a)}`,
  summaryOf: ({ id }) => `${id} 的摘要`,
  articleChoice: ({ title }) => `文章：${title}`,
  regionChoice: ({ name }) => `地区：${name}`,

  sourcesFor: ({ claim }) => `出处：${claim}`,
  nothingToCheckTitle: () => '没有可核对的内容',
  nothingToCheck: () => '这条消息里没有可以核对的文字。',
  numberMatches: () => '消息中有一个数字与下面的数据一致。',
  numbersDiffer: () => '消息中的数字与下面的数据不一致。',
  nothingBears: () => '文章中没有与这条消息相关的内容。',

  askTitle: ({ question }) => `问：${question}`,
  askEmptyTitle: () => '请提一个问题',
  askEmpty: () => '可以问关于文章的问题，例如“江苏的GDP增长了多少？”',
  understood: (u) => {
    const parts = [
      ...u.metrics.map((m) => zh(m) + (u.change ? '（变化）' : '')),
      ...u.regions.map(zh),
      ...u.people.map(zh),
      ...(u.period ? [describeAskedZh(u.period)] : []),
    ];
    return `理解为${u.chinese ? '（中文提问）' : ''}：${parts.length ? parts.join(' · ') : '没有我认识的地点、数据或人物'}。`;
  },
  noFigureAsked: ({ metrics, regions, period }) =>
    `文章中没有${[...regions.map(zh), ...(period ? [describeAskedZh(period)] : [])].join('、')}${metrics.length ? `的${list(metrics)}` : ''}数据。`,
  noFigureAnswers: () => '文章中没有能回答这个问题的数据。',
  theyGive: ({ figures }) => `文章给出的是：${figures.map(figureLabel).join('；')}。`,
  closeFigures: ({ figures }) => `接近，但不是你问的：${figures.map(figureLabel).join('；')}。`,
  compareHigher: ({ higher, value, lower, other }) => `${zh(higher)}更高：${value}；${zh(lower)}为 ${other}。`,
  compareSame: ({ value }) => `两者相同，都是 ${value}。`,
  compareMissing: ({ regions }) => `文章没有给出${list(regions)}的这项数据。`,
  figureLabel: (f) => figureLabel(f),
  quotesNoOne: ({ subject }) => `文章没有引述叫“${subject}”的人。`,
  speakerUnnamed: () => '文章没有写明发言人：',
  said: ({ person, reported }) => `${zh(person)}（${person.role}）${reported ? '据报道说' : '说'}：`,
  noOneMatches: () => '文章中没有符合的人。',
  whereNamed: () => '文章提到此人之处',
  whoIs: ({ person }) => `${both(person)}：${person.role}。`,
  passagesAbout: ({ person }) => `关于${zh(person)}的段落`,
  saysNothing: ({ region }) => `文章没有提到${zh(region)}。`,
  saysNothingAboutAny: ({ regions }) => `文章没有提到${list(regions)}。`,
  closeButNot: ({ title, periods }) =>
    `接近，但不是你问的：《${title}》中的一段${periods.length ? `（${periods.map((p) => describePeriodZh(p)).join('、')}）` : ''}。`,
  everythingOn: ({ region }) => `${zh(region)}的全部内容`,
  overview: ({ title, outlet }) => `${title}（${outlet}）。`,
  howItOpens: () => '文章开头',
  notAnswered: () => '文章没有回答这个问题。',
  whatTheySay: ({ region }) => `文章关于${zh(region)}的内容`,
  closestPassage: () => '最接近的段落（并未回答这个问题）',

  noToken: () =>
    '没有找到 DISCORD_TOKEN，所以现在运行的是本地控制台，而不是 Discord 机器人。要运行机器人，请设置 DISCORD_TOKEN（环境变量或 .env）。',
  similarSettings: ({ names }) => `这些设置存在但不会被读取：${names.join('、')}。你是不是想设置 DISCORD_TOKEN？`,
  tokenMalformed: () => 'DISCORD_TOKEN 中间有空格或换行，不可能是令牌：请在一行内重新粘贴。',
  tokenRejected: () =>
    'Discord 拒绝了 DISCORD_TOKEN：令牌不对，或已被重置。请在开发者门户 → 你的应用 → Bot → Reset Token 复制一个新的。',
  intentsDisallowed: () =>
    'Discord 拒绝了 Message Content 意图，而 ANSWER_MENTIONS=true 需要它。请在开发者门户 → 你的应用 → Bot → Privileged Gateway Intents 打开“Message Content Intent”，或设置 ANSWER_MENTIONS=false。',

  addTooLarge: ({ file, megabytes, limit }) =>
    `${file} 有 ${megabytes} MB；corpus:add 只接受不超过 ${limit} MB 的文章。请把它拆成几篇文章。什么都没有改动。`,
  addLocked: ({ pid }) => `这个语料库上正在进行另一次导入（进程 ${pid}）；请等它结束后再运行。什么都没有改动。`,
  addProgress: ({ done, total }) => `corpus:add：已读 ${done} / ${total} 段`,
  addValidating: () => 'corpus:add：正在检查加入新文章后的语料库…',

  externalAppsPrivate: () => '只有你能看到这条回答：本服务器不允许成员自行添加的应用在频道里发言。',
  feedbackUp: () => '有帮助',
  feedbackDown: () => '没帮助',
  feedbackThanksTitle: () => '谢谢你的反馈',
  feedbackThanks: () => '很高兴能帮上忙。',
  feedbackNoted: () => '已记下：管理员会在 /gaps 里看到这个问题，从而知道该补充哪些文章。',
  feedbackOff: () => '本机器人目前没有保存反馈；回答不受影响。',
  gapsModeratorsOnly: () => '查看未解答问题的报告需要“管理消息”权限。',
  gapsTitle: ({ days }) => `最近 ${days} 天未解答的问题`,
  gapsLead: () =>
    '文章没能回答的问题（被拒答，或回答后被标为 👎），按被问次数排列，同一问题的不同问法合并计数。补充能回答它们的文章即可填补空白。',
  gapsNone: ({ days }) => `最近 ${days} 天没有未解答的问题。`,
  gapsOff: ({ reason }) => `反馈功能已关闭，没有保存任何问题（${reason}）。回答不受影响；详情见日志。`,
  gapsNotKept: () => '只有运行中的机器人会保存反馈（FEEDBACK_DB）；这里没有。',
  gapLine: ({ question, count, refused, disliked, last }) =>
    `${count} 次“${question}”（拒答 ${refused} 次，标为 👎 ${disliked} 次；最近一次 ${last.slice(0, 10)}）`,
  gapCited: ({ passages }) => `被标为 👎 的回答引用了 ${passages.join('、')}。`,
  newArticleTitle: ({ title }) => `新文章：${title}`,
  moreNewArticles: ({ count }) => `……另有 ${count} 篇新文章：见 /articles。`,

  mentionTitle: () => '问我关于文章的问题',
  mention: () => '@ 我并提问，例如“@Footnote 江苏的GDP增长了多少？”，或使用 /提问。',
  followingUp: () => '结合你上一个问题理解：',
  followUpSources: ({ count }) => (count === 1 ? '我上一个回答引用的段落：' : `我上一个回答引用的 ${count} 个段落：`),
  followUpNothingCited: () => '我上一个回答没有引用任何段落：语料库中没有这个问题的答案。',

  consoleBanner: ({ articles, passages, figures }) =>
    `Footnote 控制台：${articles} 篇文章，${passages} 个段落，${figures} 项数据。\n` +
    '直接提问，或像在 Discord 里一样输入命令：/stat gdp、/region jiangsu、/search rocket parts、/help。\n' +
    '按 Tab 补全命令、选项和名称；按 Ctrl+D 或输入 /quit 退出。',
  consoleFailed: () => '出错了，详情见日志。',
  consoleExitHint: () => '（要退出，请再按一次 Ctrl+C 或按 Ctrl+D，或输入 /quit）',
  queryNoChart: () => '没有图表：回答中共用同一指标和单位的数据不到两项。',
  queryChartWritten: ({ file, alt }) => `图表已写入 ${file}：${alt}`,
  queryUsage: () =>
    '用法：npm run --silent query -- [--json | --csv] [--lang zh-CN] [--chart FILE.png] "/stat gdp region:jiangsu"\n' +
    '      npm run --silent query -- --json --batch < commands.txt   （每行一个命令；每行输出一个 JSON 对象）',
  batchEmptyLine: () => '空行：每行应有一个命令。',
} satisfies { [K in keyof Catalogue]: (args: Parameters<Catalogue[K]>[0]) => string };
