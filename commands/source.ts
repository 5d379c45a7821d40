import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand, hideOption, mentionOption } from '../src/command/command.ts';
import { passageChoices, sourceAnswer } from '../src/answers/source.ts';

export default defineCommand({
  data: {
    name: 'source',
    description: 'One passage in full, with its citation and the paragraphs around it',
    options: [
      {
        name: 'id',
        description: 'A passage id from a citation (start typing words of the passage)',
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
      },
      hideOption,
      mentionOption,
    ],
  },
  execute: ({ id }, { engine }) => sourceAnswer(engine, id),
  autocomplete: ({ value }, { engine }) => passageChoices(engine, value),
});
