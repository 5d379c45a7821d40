import {
  ComponentType,
  MessageFlags,
  type APIButtonComponentWithCustomId,
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
import {
  SHARE_BUTTON,
  toDiscordChoices,
  toDiscordReply,
  toSharedReply,
  type DiscordReply,
  type Paging,
} from '../render/discord.ts';
import type { ChartImage } from '../render/chart/png.ts';
import { exportFile, exportRows } from '../render/export.ts';
import type { Delivery } from '../command/invoke.ts';

/** What a reply carries besides its text. */
export interface Extras {
  /** The ◀ ▶ buttons' ids, when the answer is long. */
  paging?: Paging | undefined;
  /** The chart of the answer's figures: an attachment with its alt text. */
  chart?: ChartImage | undefined;
}

function withChart(reply: DiscordReply, chart: ChartImage | undefined) {
  return chart
    ? {
        ...reply,
        files: [...(reply.files ?? []), { attachment: chart.png, name: chart.name, description: chart.description }],
      }
    : reply;
}

/**
 * The one way the bot answers an interaction: every message goes through
 * toDiscordReply (limits, mentions off, link previews off), whether it is a
 * first reply, the edit of a deferred one, or a follow-up.
 */
export async function respond(
  interaction: RepliableInteraction,
  answer: Answer,
  options: Delivery & Extras & { locale: Locale; rows?: DiscordReply['components'] },
): Promise<void> {
  const { locale, mention, file } = options;
  const text = toDiscordReply(answer, {
    ephemeral: options.hide,
    locale,
    mention,
    paging: options.paging,
    file: file && exportRows(answer).length ? exportFile(answer, file.format, file.name) : undefined,
  });
  const reply = withChart(text, options.chart);
  reply.components.push(...(options.rows ?? []));
  const ephemeral = (reply.flags & MessageFlags.Ephemeral) !== 0;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(reply);
    return;
  }
  const deferredEphemeral = interaction.ephemeral === true;
  // A public "thinking…" cannot become private; and Discord pings nobody from an edit, so an
  // addressed answer cannot be one: remove it and answer with a new message instead.
  if ((ephemeral && !deferredEphemeral) || reply.allowedMentions.users) {
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
 * who shared it, with its chart and page buttons. The answer was worded for its asker;
 * the credit is for the channel.
 */
export async function share(interaction: ButtonInteraction): Promise<void> {
  const { message } = interaction;
  const pageButtons = message.components
    .flatMap((row) => {
      const json = row.toJSON();
      return json.type === ComponentType.ActionRow ? json.components : [];
    })
    .filter(
      (c): c is APIButtonComponentWithCustomId =>
        c.type === ComponentType.Button && 'custom_id' in c && c.custom_id !== SHARE_BUTTON,
    );
  const reply = toSharedReply(
    message.content,
    interaction.user.id,
    resolveLocale(interaction.guildLocale, interaction.locale),
    pageButtons,
  );
  // The chart again, from Discord's copy of it: the private message's attachments cannot be reused by id.
  const files = [...message.attachments.values()].map((a) => ({
    attachment: a.url,
    name: a.name,
    ...(a.description ? { description: a.description } : {}),
  }));
  await interaction.reply(files.length ? { ...reply, files } : reply);
}

/** Turns a page: the message that holds the buttons becomes that page (its chart stays). */
export async function turnPage(interaction: ButtonInteraction, answer: Answer, locale: Locale, paging: Paging) {
  const ephemeral = (interaction.message.flags.bitfield & MessageFlags.Ephemeral) !== 0;
  // The share button stays where it was: on a private answer.
  const { flags, ...reply } = toDiscordReply(answer, { ephemeral, locale, paging });
  void flags;
  await interaction.update(reply);
}

/** A private note to the one who pressed a button. */
export async function notify(interaction: ButtonInteraction, reply: DiscordReply): Promise<void> {
  await interaction.reply(reply);
}

/** Answers a chat message that mentioned the bot, as a reply to it that pings no one (not even its author). */
export async function replyToMessage(message: Message, answer: Answer, locale: Locale): Promise<Message> {
  const { flags, ...reply } = toDiscordReply(answer, { ephemeral: false, locale });
  return message.reply({ ...reply, flags: flags & MessageFlags.SuppressEmbeds });
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
