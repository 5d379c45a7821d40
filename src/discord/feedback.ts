import type { ButtonInteraction, Interaction } from 'discord.js';
import { askAnswer } from '../answers/ask/ask.ts';
import type { Answer } from '../answers/answer.ts';
import type { Engine } from '../engine/engine.ts';
import type { FeedbackStore } from '../feedback/store.ts';
import type { Logger } from '../app/log.ts';
import { msg, type Locale } from '../messages/message.ts';
import { feedbackRow, type DiscordReply, type Vote } from '../render/discord.ts';
import { respond } from './respond.ts';

/** Passage ids an answer cites, in order. */
export function citationsOf(answer: Answer): string[] {
  return answer.items.flatMap((item) => (item.kind === 'note' ? [] : [item.citation.passage]));
}

/**
 * After /ask: an answer gets 👍/👎; a refusal is to be kept for /gaps (the server, the
 * question, what it offered, the time; not the asker) by `keep`, run once the reply is
 * sent, so a slow disk never delays an answer. Nothing when feedback is off.
 */
export function afterAsk(
  store: FeedbackStore | undefined,
  interaction: Interaction,
  question: string,
  answer: Answer,
  locale: Locale,
): { rows: DiscordReply['components']; keep?: () => void } {
  if (!store?.on || !question.trim()) return { rows: [] };
  if (answer.found) return { rows: [feedbackRow(question, locale)] };
  const guild = interaction.guildId ?? undefined;
  return {
    rows: [],
    keep: () => void store.record({ kind: 'refused', guild, question, citations: citationsOf(answer) }),
  };
}

/**
 * A press of 👍 or 👎. A 👎 keeps the question with the citations of the answer it got:
 * /ask is asked again (the same question on the same corpus gives the same answer), so
 * the button need carry only the question. The answer's message id makes repeated
 * presses on one answer count once.
 */
export async function onFeedback(
  interaction: ButtonInteraction,
  pressed: { vote: Vote; question: string },
  deps: { store: FeedbackStore | undefined; engine: () => Engine; locale: Locale; log: Logger },
): Promise<void> {
  const { store } = deps;
  const said = !store?.on ? msg('feedbackOff') : pressed.vote === 'down' ? msg('feedbackNoted') : msg('feedbackThanks');
  const answer: Answer = {
    found: true,
    title: msg('feedbackThanksTitle'),
    lead: [said],
    items: [],
    suggestions: [],
    private: true,
  };
  await respond(interaction, answer, { hide: true, locale: deps.locale });
  // Kept once the press is answered: asking again and writing take no time from the reply.
  if (store?.on && pressed.vote === 'down') {
    await store.record({
      kind: 'disliked',
      guild: interaction.guildId ?? undefined,
      question: pressed.question,
      citations: citationsOf(askAnswer(deps.engine(), pressed.question)),
      answer: interaction.message.id,
    });
  }
}
