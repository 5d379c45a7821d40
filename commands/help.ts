import { defineCommand, hideOption, mentionOption, usageOf } from '../src/command/command.ts';
import { suggest } from '../src/answers/answer.ts';
import { msg } from '../src/messages/message.ts';

export default defineCommand({
  data: {
    name: 'help',
    description: 'What Footnote can answer and how to ask',
    options: [hideOption, mentionOption],
  },
  execute: (_options, { commands, engine }) => ({
    found: true,
    title: msg('helpTitle'),
    lead: [msg('helpLead', { articles: engine.corpus.articles.length })],
    items: [
      ...commands.map((c) => ({
        kind: 'note' as const,
        text: msg('helpCommand', { usage: usageOf(c.data), description: c.data.description }),
      })),
      { kind: 'note' as const, text: msg('helpFindSources') },
      { kind: 'note' as const, text: msg('helpMention') },
    ],
    suggestions: [
      suggest(msg('helpQuestion'), 'ask', { question: 'What was Jiangsu’s GDP growth?' }),
      suggest(msg('helpRegion'), 'region', { name: 'jiangsu' }),
      suggest(msg('helpFigure'), 'stat', { metric: 'gdp' }),
    ],
  }),
});
