import { InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { defineCommand, hideOption, mentionOption } from '../src/command/command.ts';
import type { Answer } from '../src/answers/answer.ts';
import { notFound, suggest } from '../src/answers/answer.ts';
import { msg, verbatim } from '../src/messages/message.ts';

/** Past this many problems the rest are counted, not listed: the reply must stay one message. */
const SHOWN_PROBLEMS = 8;

export default defineCommand({
  data: {
    name: 'reload',
    description: 'Reload the corpus from disk; the current one stays if the new one is invalid (moderators)',
    // Discord hides the command from members without Manage Messages; execute checks again,
    // because server admins can override the default per channel or role.
    default_member_permissions: String(PermissionFlagsBits.ManageMessages),
    contexts: [InteractionContextType.Guild],
    options: [hideOption, mentionOption],
  },
  execute: async (_options, { caller, reload }): Promise<Answer> => {
    if (!caller.canManageMessages) {
      return { ...notFound(msg('moderatorsOnlyTitle'), [msg('moderatorsOnly')]), private: true };
    }
    if (!reload) return { ...notFound(msg('cannotReloadTitle'), [msg('cannotReload')]), private: true };
    const outcome = await reload();
    if (outcome.ok) {
      return {
        found: true,
        title: msg('reloadedTitle'),
        lead: [
          msg('reloaded', {
            articles: outcome.articles,
            passages: outcome.passages,
            stats: outcome.stats,
            ms: outcome.ms,
          }),
        ],
        items: [],
        suggestions: [suggest(msg('theArticles'), 'articles')],
      };
    }
    // The corpus's own problems are for whoever edits its files: said as the checker says them.
    const shown = outcome.problems.slice(0, SHOWN_PROBLEMS).map((p) => verbatim(`${p.file} ${p.path}: ${p.message}`));
    const more = outcome.problems.length - shown.length;
    return notFound(msg('notReloadedTitle'), [
      msg('notReloaded'),
      ...shown,
      ...(more > 0 ? [msg('moreProblems', { count: more })] : []),
    ]);
  },
});
