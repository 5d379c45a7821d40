import { defineCommand, hideOption, usage } from '../src/command/command.ts';

export default defineCommand({
  data: {
    name: 'help',
    description: 'What Footnote can answer and how to ask',
    options: [hideOption],
  },
  execute: (_options, { commands, engine }) => ({
    found: true,
    title: 'Footnote',
    lead: [
      `I answer questions about ${engine.corpus.articles.length} news article(s) with figures and verbatim, cited excerpts. Every answer names the article, outlet, date and paragraph it comes from; when the articles do not say, I say so.`,
    ],
    items: [
      ...commands.map((c) => ({ kind: 'note' as const, text: `${usage(c.data)}: ${c.data.description}` })),
      { kind: 'note' as const, text: 'Apps → Find sources (on any message): the passages and figures that bear on what it claims.' },
      { kind: 'note' as const, text: 'Mention me with a question in chat, where the server has it switched on: @Footnote what was Jiangsu’s GDP growth?' },
    ],
    suggestions: [
      { label: 'a question', command: '/ask What was Jiangsu’s GDP growth?' },
      { label: 'a region', command: '/region jiangsu' },
      { label: 'a figure', command: '/stat gdp' },
    ],
  }),
});
