import { defineCommand, hideOption } from '../src/command/command.ts';
import { articlesAnswer } from '../src/answers/articles.ts';

export default defineCommand({
  data: {
    name: 'articles',
    description: 'The articles Footnote answers from',
    options: [hideOption],
  },
  execute: (_options, { engine }) => articlesAnswer(engine),
});
