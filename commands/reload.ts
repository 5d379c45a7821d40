import { InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { defineCommand, hideOption } from '../src/command/command.ts';
import type { Answer } from '../src/answers/answer.ts';
import { notFound } from '../src/answers/answer.ts';

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
    options: [hideOption],
  },
  execute: async (_options, { caller, reload }): Promise<Answer> => {
    if (!caller.canManageMessages) {
      return { ...notFound('Moderators only', ['Reloading the corpus needs the Manage Messages permission.']), private: true };
    }
    if (!reload) return { ...notFound('Cannot reload here', ['This Footnote reads its corpus once; restart it to pick up changes.']), private: true };
    const outcome = await reload();
    if (outcome.ok) {
      return {
        found: true,
        title: 'Corpus reloaded',
        lead: [`Now answering from ${outcome.articles} article(s), ${outcome.passages} passages and ${outcome.stats} figures (loaded and checked in ${outcome.ms} ms).`],
        items: [],
        suggestions: [{ label: 'The articles', command: '/articles' }],
      };
    }
    const shown = outcome.problems.slice(0, SHOWN_PROBLEMS).map((p) => `${p.file} ${p.path}: ${p.message}`);
    const more = outcome.problems.length - shown.length;
    return notFound('Corpus not reloaded', [
      'The corpus on disk is invalid, so Footnote keeps answering from the one it had. Fix these and reload again:',
      ...shown,
      ...(more > 0 ? [`…and ${more} more (npm run corpus:check lists them all).`] : []),
    ]);
  },
});
