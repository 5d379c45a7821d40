import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type CommandInteraction,
  type Message,
  type RepliableInteraction,
  type SendableChannels,
} from 'discord.js';
import type { Answer } from '../answers/answer.ts';
import { msg, type Locale } from '../messages/message.ts';
import { resolveLocale } from '../messages/words.ts';
import type { Choice } from '../answers/choices.ts';
import { toDiscordChoices, toDiscordReply, toSharedReply, type DiscordReply } from '../render/discord.ts';

/**
 * The one way the bot answers an interaction: every message goes through
 * toDiscordReply (limits, mentions off, link previews off), whether it is a
 * first reply, the edit of a deferred one, or a follow-up.
 */
export async function respond(
  interaction: RepliableInteraction,
  answer: Answer,
  options: { hide: boolean; locale: Locale; rows?: DiscordReply['components'] },
): Promise<void> {
  const reply = toDiscordReply(answer, { ephemeral: options.hide, locale: options.locale });
  reply.components.push(...(options.rows ?? []));
  const ephemeral = (reply.flags & MessageFlags.Ephemeral) !== 0;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(reply);
    return;
  }
  const deferredEphemeral = interaction.ephemeral === true;
  if (ephemeral && !deferredEphemeral) {
    // A public "thinking…" cannot become private: remove it and answer privately instead.
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(reply);
    return;
  }
  const { flags, ...edit } = reply;
  await interaction.editReply({ ...edit, flags: flags & MessageFlags.SuppressEmbeds });
}

/** Shown ephemerally when a handler fails; the id lets the user point us at the log line. */
export function failureAnswer(errorId: string): Answer {
  return {
    found: false,
    title: msg('failureTitle'),
    lead: [msg('failure', { errorId })],
    items: [],
    suggestions: [],
    private: true,
  };
}

export async function respondChoices(interaction: AutocompleteInteraction, choices: readonly Choice[]): Promise<void> {
  await interaction.respond(toDiscordChoices(choices));
}

/**
 * "Send in chat": posts the private answer on the button's message publicly, credited to
 * who shared it. The answer was worded for its asker; the credit is for the channel.
 */
export async function share(interaction: ButtonInteraction): Promise<void> {
  await interaction.reply(
    toSharedReply(
      interaction.message.content,
      interaction.user.id,
      resolveLocale(interaction.guildLocale, interaction.locale),
    ),
  );
}

/** Answers a chat message that mentioned the bot, as a reply to it that pings no one (not even its author). */
export async function replyToMessage(message: Message, answer: Answer, locale: Locale): Promise<void> {
  const { flags, ...reply } = toDiscordReply(answer, { ephemeral: false, locale });
  await message.reply({ ...reply, flags: flags & MessageFlags.SuppressEmbeds });
}

/** Posts an answer in a channel (the new-article digest): the same reply, pinging no one. */
export async function postToChannel(channel: SendableChannels, answer: Answer, locale: Locale): Promise<void> {
  const { flags, ...reply } = toDiscordReply(answer, { ephemeral: false, locale });
  await channel.send({ ...reply, flags: flags & MessageFlags.SuppressEmbeds });
}

/** Defers the reply, privately when the asker chose `hide`. */
export async function defer(interaction: CommandInteraction, hide: boolean): Promise<void> {
  await interaction.deferReply(hide ? { flags: MessageFlags.Ephemeral } : {});
}
