import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand, hideOption, mentionOption } from '../src/command/command.ts';
import { searchAnswer } from '../src/answers/search.ts';

export default defineCommand({
  data: {
    name: 'search',
    description: 'The passages that best match your words, cited',
    options: [
      {
        name: 'query',
        description: 'Words to look for (rocket parts, future industries, Da Zero Bay)',
        type: ApplicationCommandOptionType.String,
        required: true,
      },
      hideOption,
      mentionOption,
    ],
  },
  execute: ({ query }, { engine }) => searchAnswer(engine, query),
});
