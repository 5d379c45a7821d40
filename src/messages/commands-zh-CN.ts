/**
 * The commands as a zh-CN Discord client shows them: names and descriptions of every
 * command and option (Discord's name_localizations and description_localizations),
 * and the names the replies use when they suggest a command. Keyed by the English name;
 * tests/discord/definitions.test.ts checks that every command and option is here and valid.
 */
export interface CommandWords {
  name: string;
  description: string;
  options: Record<string, { name: string; description: string }>;
}

const hide = { name: '隐藏', description: '只让你自己看到回答' };
const mention = { name: '提醒', description: '把回答发给这位成员：只提醒（@）他/她，不提醒其他任何人' };
const format = { name: '格式', description: '另附数据文件：csv 或 json（默认只有文字）' };

export const zhCommands: Record<string, CommandWords> = {
  ask: {
    name: '提问',
    description: '就文章提任何问题：用带出处的原文摘录回答，文章没有写的就如实说明',
    options: {
      question: { name: '问题', description: '你的问题，中英文均可（江苏的GDP增长了多少？）' },
      mention,
      hide,
    },
  },
  region: {
    name: '地区',
    description: '文章关于某个地区的内容：数据、段落和谈到它的人',
    options: { name: { name: '名称', description: '省、市或园区，中英文均可（江苏、Jiangsu、苏州）' }, mention, hide },
  },
  stat: {
    name: '数据',
    description: '某项指标的数据，附上每个数字所出自的原文',
    options: {
      metric: { name: '指标', description: '衡量的是什么（GDP、工业增加值、研发机构……）' },
      region: { name: '地区', description: '只看这个地区及其下辖地区' },
      period: { name: '时期', description: '只看这个时期：2024、Q1 2024、2024-05' },
      format,
      mention,
      hide,
    },
  },
  compare: {
    name: '比较',
    description: '并列比较两到五个地区或时期的同一项指标，每个数字都附出处',
    options: {
      metric: { name: '指标', description: '衡量的是什么（GDP、工业增加值……）' },
      regions: { name: '地区', description: '用逗号隔开的地区：jiangsu,shanghai（或一个地区配多个时期）' },
      periods: { name: '时期', description: '用逗号隔开的时期：2023,2024 或 Q1 2024,Q2 2024（比较地区时可填一个）' },
      format,
      mention,
      hide,
    },
  },
  search: {
    name: '搜索',
    description: '与你的关键词最相符的段落，附出处',
    options: {
      query: { name: '关键词', description: '要找的词（rocket parts、future industries、Da Zero Bay）' },
      mention,
      hide,
    },
  },
  source: {
    name: '原文',
    description: '一个段落的全文，附出处和前后段落',
    options: { id: { name: '编号', description: '出处中的段落编号（也可输入段落中的词）' }, mention, hide },
  },
  articles: { name: '文章', description: 'Footnote 依据的文章', options: { mention, hide } },
  summary: {
    name: '摘要',
    description: '在本频道发布一篇文章或一个地区的摘要（限管理员）',
    options: {
      target: { name: '对象', description: '文章编号或地区' },
      mention,
      hide: { name: '隐藏', description: '先私下预览摘要，不发布' },
    },
  },
  reload: {
    name: '重新加载',
    description: '从磁盘重新加载语料；新语料无效时保留当前语料（限管理员）',
    options: { mention, hide },
  },
  gaps: {
    name: '未解答',
    description: '最近被问得最多、文章却没能回答的问题，便于决定补充哪些文章（限管理员）',
    options: { days: { name: '天数', description: '统计最近多少天（默认 30）' } },
  },
  help: { name: '帮助', description: 'Footnote 能回答什么、怎么问', options: { mention, hide } },
};

/** The context-menu command, by its English name. */
export const zhMenuNames: Record<string, string> = { 'Find sources': '查找出处' };
