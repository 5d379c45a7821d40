import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand, formatOption, hideOption, mentionOption } from '../src/command/command.ts';
import { statAnswer } from '../src/answers/stat.ts';
import { choices, metricChoices } from '../src/answers/choices.ts';

export default defineCommand({
  chart: true,
  data: {
    name: 'stat',
    description: 'Figures for a metric, with the excerpt each one comes from',
    options: [
      {
        name: 'metric',
        description: 'What was measured (GDP, industrial value added, R&D institutions…)',
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
      },
      {
        name: 'region',
        description: 'Only this region and the places within it',
        type: ApplicationCommandOptionType.String,
        required: false,
        autocomplete: true,
      },
      {
        name: 'period',
        description: 'Only this period: 2024, Q1 2024, 2024-05',
        type: ApplicationCommandOptionType.String,
        required: false,
      },
      formatOption,
      hideOption,
      mentionOption,
    ],
  },
  execute: ({ metric, region, period }, { engine }) => statAnswer(engine, { metric, region, period }),
  autocomplete: ({ name, value }, { engine }) => {
    if (name === 'region') return choices(engine.regions, engine.coveredRegions(), value);
    return metricChoices(engine, value);
  },
});
