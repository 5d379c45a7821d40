import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand, hideOption, mentionOption } from '../src/command/command.ts';
import { regionAnswer } from '../src/answers/region.ts';
import { choices } from '../src/answers/choices.ts';

export default defineCommand({
  data: {
    name: 'region',
    description: 'What the articles say about a region: its figures, passages and who spoke about it',
    options: [
      {
        name: 'name',
        description: 'A province, city or zone, in English or Chinese (Jiangsu, 江苏, Suzhou)',
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
      },
      hideOption,
      mentionOption,
    ],
  },
  execute: ({ name }, { engine }) => regionAnswer(engine, name),
  autocomplete: ({ value }, { engine }) => choices(engine.regions, engine.coveredRegions(), value),
});
