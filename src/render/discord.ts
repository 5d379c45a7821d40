import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
} from 'discord-api-types/v10';
import type { Answer } from '../answers/answer.ts';
import type { Choice } from '../answers/choices.ts';
import type { Locale } from '../messages/message.ts';
import { commandName, words } from '../messages/words.ts';
import { render, type Style } from './format.ts';
import { allowedMentions, cut, limits, neutralize, type AllowedMentions } from './limits.ts';

/** What every message the bot sends looks like; built only here. */
export interface DiscordReply {
  content: string;
  flags: number;
  /** No mention of any kind, nor the reply ping to the author of a message answered in chat; only an addressed member (limits.ts). */
  allowedMentions: AllowedMentions;
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Attached files (format:csv or json); absent when there are none. */
  files?: { attachment: Buffer; name: string }[];
}

/** How a reply is delivered: privately or not, addressed to a member, with a file of its figures. */
export interface ReplyOptions {
  ephemeral: boolean;
  locale: Locale;
  /** The member's id the answer is addressed to: the reply starts with their mention and pings them alone. */
  mention?: string | undefined;
  file?: { name: string; data: string } | undefined;
}

/** The button under a private answer that posts it in the channel for everyone. */
export const SHARE_BUTTON = 'share';

const HEADER_MAX = 500;

const markdown: Style = {
  strong: (t) => `**${t}**`,
  verbatim: (t) => escapeMarkdown(neutralize(t)),
  quote: (t) =>
    t
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
  // Discord's subtext: the source line stays visible but quiet.
  source: (t) => `-# ${t}`,
  code: (t) => `\`${t.replaceAll('`', 'ˋ')}\``,
  // Inside a code block markdown is not read; only a backtick could end it early.
  table: (lines) => `\`\`\`\n${lines.map((l) => neutralize(l).replaceAll('`', 'ˋ')).join('\n')}\n\`\`\``,
};

/**
 * An answer as a Discord message: plain text (readable with embeds and link
 * previews off), within the 2000-character limit, pinging no one.
 * Items are dropped whole rather than cut, so a figure never loses its citation.
 */
export function toDiscordReply(answer: Answer, options: ReplyOptions): DiscordReply {
  const { locale } = options;
  const ephemeral = options.ephemeral || answer.private === true;
  const mention = ephemeral ? undefined : options.mention;
  const { header, table, blocks, suggestions } = render(answer, markdown, locale);
  const to = mention ? `${words(locale, { key: 'addressedTo', args: { user: `<@${mention}>` } })}\n` : '';
  const head = to + cut(header, HEADER_MAX) + (table ? `\n\n${table}` : '');
  const tail = suggestions ? cut(suggestions, 300) : '';
  const budget = limits.content - head.length - tail.length - 120;
  // A table's figures each need their quote: the quotes share the room rather than the first ones taking it.
  const share = answer.comparison ? Math.floor(budget / Math.max(blocks.length, 1)) - 2 : Infinity;
  const shown: string[] = [];
  let used = 0;
  for (const block of blocks) {
    const room = Math.min(budget - used, share);
    // The first block is always shown, if need be with its excerpt cut.
    const fitted =
      block.length <= room ? block : shown.length === 0 || answer.comparison ? fitBlock(block, room) : undefined;
    if (!fitted) break;
    shown.push(fitted);
    used += fitted.length + 2;
  }
  const more = blocks.length - shown.length + (answer.more ?? 0);
  const note =
    more > 0
      ? words(locale, { key: 'moreDiscord', args: { count: more, source: `/${commandName(locale, 'source')}` } })
      : '';
  const content = [head, ...shown, note, tail].filter(Boolean).join('\n\n');
  // A private answer can be shared once its asker has read it; a private refusal cannot.
  const shareable = options.ephemeral && !answer.private && answer.found;
  const reply = message(cut(content, limits.content), ephemeral, shareable && locale, mention);
  return options.file
    ? { ...reply, files: [{ attachment: Buffer.from(options.file.data, 'utf8'), name: options.file.name }] }
    : reply;
}

/**
 * A private answer posted for everyone by its asker ("Send in chat"). The text is the
 * answer as it was shown, already within limits; the credit line names who shared it
 * without pinging them.
 */
export function toSharedReply(content: string, userId: string, locale: Locale): DiscordReply {
  const credit = `\n-# ${words(locale, { key: 'sharedBy', args: { user: `<@${userId}>` } })}`;
  return message(`${cut(content, limits.content - credit.length)}${credit}`, false, false);
}

/** `shareable`: the locale the "Send in chat" button is labelled in, or false for no button. */
function message(content: string, ephemeral: boolean, shareable: Locale | false, mention?: string): DiscordReply {
  return {
    content,
    flags: (ephemeral ? MessageFlags.Ephemeral : 0) | MessageFlags.SuppressEmbeds,
    allowedMentions: allowedMentions(mention),
    components: shareable
      ? [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Secondary,
                label: words(shareable, { key: 'shareButton', args: {} }),
                custom_id: SHARE_BUTTON,
              },
            ],
          },
        ]
      : [],
  };
}

/** A block cut to fit: the quote shortened at a sentence, the source line kept whole. */
function fitBlock(block: string, room: number): string {
  const lines = block.split('\n');
  const sourceLine = lines.pop()!;
  return `${cut(lines.join('\n'), Math.max(room - sourceLine.length - 1, 50))}\n${sourceLine}`;
}

/** Autocomplete choices Discord accepts: at most 25, names and values 1–100 characters. */
export function toDiscordChoices(choices: readonly Choice[]): Choice[] {
  return choices
    .filter((c) => c.value.length >= 1 && c.value.length <= limits.choiceValue)
    .slice(0, limits.choices)
    .map((c) => ({
      name: cut(c.name.toWellFormed().replace(/\s+/g, ' '), limits.choiceName) || c.value,
      value: c.value,
    }));
}

/** Markdown characters shown as themselves, so corpus text and queries cannot reformat the reply. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|[\]]/g, '\\$&').replace(/^([>#-])/gm, '\\$1');
}
