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
import { cut, limits, neutralize } from './limits.ts';

/** What every message the bot sends looks like; built only here. */
export interface DiscordReply {
  content: string;
  flags: number;
  /** No mention of any kind, nor the reply ping to the author of a message answered in chat. */
  allowedMentions: { parse: []; repliedUser: false };
  components: APIActionRowComponent<APIButtonComponent>[];
}

/** The button under a private answer that posts it in the channel for everyone. */
export const SHARE_BUTTON = 'share';

/**
 * 👍/👎 under an /ask answer. The custom_id carries all a press needs: the vote and the
 * question (cut to Discord's 100 characters); who pressed is never put in it nor kept.
 */
const FEEDBACK_PREFIX = 'fb:';
export type Vote = 'up' | 'down';

export function feedbackId(vote: Vote, question: string): string {
  const head = `${FEEDBACK_PREFIX}${vote === 'up' ? 'u' : 'd'}:`;
  let text = question
    .toWellFormed()
    .trim()
    .replace(/\s+/g, ' ')
    .slice(0, limits.customId - head.length);
  if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  return head + text;
}

/** The vote and question of a feedback button's custom_id, or undefined for any other button. */
export function readFeedbackId(customId: string): { vote: Vote; question: string } | undefined {
  const found = /^fb:([ud]):(.*)$/s.exec(customId);
  return found ? { vote: found[1] === 'u' ? 'up' : 'down', question: found[2]! } : undefined;
}

/** The 👍/👎 row under an /ask answer. */
export function feedbackRow(question: string, locale: Locale): APIActionRowComponent<APIButtonComponent> {
  const button = (vote: Vote, emoji: string, key: 'feedbackUp' | 'feedbackDown'): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    emoji: { name: emoji },
    label: words(locale, { key, args: {} }),
    custom_id: feedbackId(vote, question),
  });
  return {
    type: ComponentType.ActionRow,
    components: [button('up', '👍', 'feedbackUp'), button('down', '👎', 'feedbackDown')],
  };
}

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
};

/**
 * An answer as a Discord message: plain text (readable with embeds and link
 * previews off), within the 2000-character limit, pinging no one.
 * Items are dropped whole rather than cut, so a figure never loses its citation.
 */
export function toDiscordReply(answer: Answer, options: { ephemeral: boolean; locale: Locale }): DiscordReply {
  const { locale } = options;
  const { header, blocks, suggestions } = render(answer, markdown, locale);
  const head = cut(header, HEADER_MAX);
  const tail = suggestions ? cut(suggestions, 300) : '';
  const budget = limits.content - head.length - tail.length - 120;
  const shown: string[] = [];
  let used = 0;
  for (const block of blocks) {
    const room = budget - used;
    // The first block is always shown, if need be with its excerpt cut.
    const fitted = block.length <= room ? block : shown.length === 0 ? fitBlock(block, room) : undefined;
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
  const ephemeral = options.ephemeral || answer.private === true;
  // A private answer can be shared once its asker has read it; a private refusal cannot.
  const shareable = options.ephemeral && !answer.private && answer.found;
  return message(cut(content, limits.content), ephemeral, shareable && locale);
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
function message(content: string, ephemeral: boolean, shareable: Locale | false): DiscordReply {
  return {
    content,
    flags: (ephemeral ? MessageFlags.Ephemeral : 0) | MessageFlags.SuppressEmbeds,
    allowedMentions: { parse: [], repliedUser: false },
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
