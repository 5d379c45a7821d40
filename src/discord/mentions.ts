import type { Message } from 'discord.js';
import { askInContext } from '../answers/ask/follow-up.ts';
import type { Engine } from '../engine/engine.ts';
import type { Logger } from '../app/log.ts';
import { replyToMessage } from './respond.ts';
import { citationsOf } from './feedback.ts';
import type { FeedbackStore } from '../feedback/store.ts';
import { msg } from '../messages/message.ts';
import { resolveLocale } from '../messages/words.ts';
import { FollowUpWindow } from './follow-ups.ts';

/**
 * "@Footnote what was Jiangsu's GDP growth?" in chat: the question after the mention,
 * answered as /ask would, as a reply to that message. Only direct mentions of the bot
 * count: not @everyone, not a role it has, not other bots. A reply to one of its recent
 * answers, or the same member mentioning it again in the channel within a few minutes,
 * follows that answer up ("and shanghai?", "source?").
 */
export function createMentionHandler(deps: {
  engine: () => Engine;
  log: Logger;
  feedback?: FeedbackStore | undefined;
  clock?: () => number;
}) {
  const clock = deps.clock ?? Date.now;
  const recent = new FollowUpWindow(clock);
  return async (message: Message): Promise<void> => {
    const me = message.client.user;
    if (message.author.bot || !me) return;
    const repliedTo = message.reference?.messageId;
    const mentioned = message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true });
    if (!mentioned && !(repliedTo && recent.isAnswer(repliedTo))) return;
    const question = message.content.replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ').trim();
    const log = deps.log.child({ message: message.id, command: 'mention', user: message.author.id });
    const started = performance.now();
    const heard = clock();
    try {
      const at = { channel: message.channelId, user: message.author.id, repliedTo };
      const previous = recent.recall(at);
      const asked = question ? askInContext(deps.engine(), question, previous) : undefined;
      const answer = asked?.answer ?? {
        found: false,
        title: msg('mentionTitle'),
        lead: [msg('mention')],
        items: [],
        suggestions: [],
      };
      if (question && !answer.found && deps.feedback?.on)
        void deps.feedback.record({
          kind: 'refused',
          guild: message.guildId ?? undefined,
          question,
          citations: citationsOf(answer),
        });
      // A message carries no member's language: the server's preferred one is the channel's.
      const sent = await replyToMessage(message, answer, resolveLocale(message.guild?.preferredLocale));
      if (asked) recent.remember({ ...at, answer: sent.id, heard }, asked.context);
      log.info({ ms: Math.round(performance.now() - started), followUp: !!previous }, 'answered');
    } catch (error) {
      log.error({ err: error }, 'mention reply failed');
    }
  };
}
