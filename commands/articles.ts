import { defineCommand, hideOption, mentionOption } from '../src/command/command.ts';
import { articlesAnswer } from '../src/answers/articles.ts';

export default defineCommand({
  data: {
    name: 'articles',
    description: 'The articles Footnote answers from',
    options: [hideOption, mentionOption],
  },
  execute: (_options, { engine }) => articlesAnswer(engine),
});
