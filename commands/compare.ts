import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand, formatOption, hideOption, mentionOption } from '../src/command/command.ts';
import { compareAnswer } from '../src/answers/compare.ts';
import { listChoices, metricChoices } from '../src/answers/choices.ts';

export default defineCommand({
  chart: true,
  data: {
    name: 'compare',
    description: 'One metric for two to five places or periods, side by side, each figure cited',
    options: [
      {
        name: 'metric',
        description: 'What was measured (GDP, industrial value added…)',
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
      },
      {
        name: 'regions',
        description: 'Places, separated by commas: jiangsu,shanghai (or one place with several periods)',
        type: ApplicationCommandOptionType.String,
        required: false,
        autocomplete: true,
      },
      {
        name: 'periods',
        description: 'Periods, separated by commas: 2023,2024 or Q1 2024,Q2 2024 (or one, for places)',
        type: ApplicationCommandOptionType.String,
        required: false,
      },
      formatOption,
      hideOption,
      mentionOption,
    ],
  },
  execute: ({ metric, regions, periods }, { engine }) => compareAnswer(engine, { metric, regions, periods }),
  autocomplete: ({ name, value }, { engine }) => {
    if (name === 'regions') return listChoices(engine.regions, engine.coveredRegions(), value);
    return metricChoices(engine, value);
  },
});
