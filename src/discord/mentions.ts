import type { Message } from 'discord.js';
import { askAnswer } from '../answers/ask/ask.ts';
import type { Engine } from '../engine/engine.ts';
import type { Logger } from '../app/log.ts';
import { replyToMessage } from './respond.ts';
import { citationsOf } from './feedback.ts';
import type { FeedbackStore } from '../feedback/store.ts';
import { msg } from '../messages/message.ts';
import { resolveLocale } from '../messages/words.ts';

/**
 * "@Footnote what was Jiangsu's GDP growth?" in chat: the question after the mention,
 * answered as /ask would, as a reply to that message. Only direct mentions of the bot
 * count: not @everyone, not a role it has, not other bots.
 */
export function createMentionHandler(deps: {
  engine: () => Engine;
  log: Logger;
  feedback?: FeedbackStore | undefined;
}) {
  return async (message: Message): Promise<void> => {
    const me = message.client.user;
    if (
      message.author.bot ||
      !me ||
      !message.mentions.has(me, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true })
    )
      return;
    const question = message.content.replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ').trim();
    const log = deps.log.child({ message: message.id, command: 'mention', user: message.author.id });
    const started = performance.now();
    try {
      const answer = question
        ? askAnswer(deps.engine(), question)
        : { found: false, title: msg('mentionTitle'), lead: [msg('mention')], items: [], suggestions: [] };
      if (question && !answer.found && deps.feedback?.on)
        void deps.feedback.record({
          kind: 'refused',
          guild: message.guildId ?? undefined,
          question,
          citations: citationsOf(answer),
        });
      // A message carries no member's language: the server's preferred one is the channel's.
      await replyToMessage(message, answer, resolveLocale(message.guild?.preferredLocale));
      log.info({ ms: Math.round(performance.now() - started) }, 'answered');
    } catch (error) {
      log.error({ err: error }, 'mention reply failed');
    }
  };
}
