import { ApplicationCommandOptionType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { msg } from '../src/messages/message.ts';
import { defineCommand, hideOption, mentionOption } from '../src/command/command.ts';
import { notFound } from '../src/answers/answer.ts';
import { summaryAnswer, summaryTargets } from '../src/answers/summary.ts';
import { words } from '../src/messages/words.ts';

export default defineCommand({
  data: {
    name: 'summary',
    description: 'Post a digest of an article or a region to this channel (moderators)',
    // Discord hides the command from members without Manage Messages; execute checks again,
    // because server admins can override the default per channel or role.
    default_member_permissions: String(PermissionFlagsBits.ManageMessages),
    contexts: [InteractionContextType.Guild],
    options: [
      {
        name: 'target',
        description: 'An article id or a region',
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
      },
      { ...hideOption, description: 'Preview the digest privately instead of posting it' },
      mentionOption,
    ],
  },
  execute: ({ target }, { engine, caller }) => {
    if (!caller.canManageMessages) {
      return { ...notFound(msg('moderatorsOnlyTitle'), [msg('summaryModeratorsOnly')]), private: true };
    }
    return summaryAnswer(engine, target);
  },
  autocomplete: ({ value }, { engine, locale = 'en' }) =>
    summaryTargets(engine, value).map((t) => ({ name: words(locale, t.label), value: t.value })),
});
