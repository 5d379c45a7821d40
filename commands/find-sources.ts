import { ApplicationCommandType } from 'discord-api-types/v10';
import { defineMessageCommand } from '../src/command/command.ts';
import { findSources } from '../src/answers/find-sources.ts';

/** Right-click a message → Apps → Find sources: a fact check of a claim made in chat. */
export default defineMessageCommand({
  data: { name: 'Find sources', type: ApplicationCommandType.Message },
  execute: ({ content }, { engine }) => findSources(engine, content),
});
