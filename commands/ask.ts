import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand, hideOption, mentionOption } from '../src/command/command.ts';
import { askAnswer } from '../src/answers/ask/ask.ts';

export default defineCommand({
  data: {
    name: 'ask',
    description: 'Ask anything about the articles; answered with cited excerpts, or an honest “not in the articles”',
    options: [
      {
        name: 'question',
        description: 'Your question, in English or Chinese (What was Jiangsu’s GDP growth?)',
        type: ApplicationCommandOptionType.String,
        required: true,
      },
      hideOption,
      mentionOption,
    ],
  },
  execute: ({ question }, { engine }) => askAnswer(engine, question),
});
