import { ApplicationCommandOptionType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { defineCommand } from '../src/command/command.ts';
import { notFound } from '../src/answers/answer.ts';
import { gapsAnswer } from '../src/answers/gaps.ts';
import { msg } from '../src/messages/message.ts';

const DEFAULT_DAYS = 30;

export default defineCommand({
  data: {
    name: 'gaps',
    description: 'The most asked questions the articles did not answer, to know which to add (moderators)',
    // As /summary: Discord hides it from members without Manage Messages; execute checks again.
    default_member_permissions: String(PermissionFlagsBits.ManageMessages),
    contexts: [InteractionContextType.Guild],
    // No hide option: the report is always private, as some of its questions were asked privately.
    options: [
      {
        name: 'days',
        description: `How many days back to look (default ${DEFAULT_DAYS})`,
        type: ApplicationCommandOptionType.Integer,
        required: false,
        min_value: 1,
        max_value: 3650,
      },
    ],
  },
  execute: async ({ days }, { caller, feedback }) => {
    if (!caller.canManageMessages) {
      return { ...notFound(msg('moderatorsOnlyTitle'), [msg('gapsModeratorsOnly')]), private: true };
    }
    const span = Math.max(1, Math.floor(days ?? DEFAULT_DAYS));
    if (!feedback) return { ...notFound(msg('gapsTitle', { days: span }), [msg('gapsNotKept')]), private: true };
    return gapsAnswer(await feedback.gaps(span, { guild: caller.guild }), span);
  },
});
