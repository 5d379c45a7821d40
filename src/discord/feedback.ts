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
 * After /ask: a refusal is kept for /gaps (the server, the question, what it offered,
 * the time; not the asker); an answer gets 👍/👎. Nothing when feedback is off.
 */
export function afterAsk(
  store: FeedbackStore | undefined,
  interaction: Interaction,
  question: string,
  answer: Answer,
  locale: Locale,
): DiscordReply['components'] {
  if (!store?.on || !question.trim()) return [];
  if (!answer.found) {
    void store.record({
      kind: 'refused',
      guild: interaction.guildId ?? undefined,
      question,
      citations: citationsOf(answer),
    });
    return [];
  }
  return [feedbackRow(question, locale)];
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
  let said = msg('feedbackThanks');
  if (!store?.on) said = msg('feedbackOff');
  else if (pressed.vote === 'down') {
    void store.record({
      kind: 'disliked',
      guild: interaction.guildId ?? undefined,
      question: pressed.question,
      citations: citationsOf(askAnswer(deps.engine(), pressed.question)),
      answer: interaction.message.id,
    });
    said = msg('feedbackNoted');
  }
  const answer: Answer = {
    found: true,
    title: msg('feedbackThanksTitle'),
    lead: [said],
    items: [],
    suggestions: [],
    private: true,
  };
  await respond(interaction, answer, { hide: true, locale: deps.locale });
}
