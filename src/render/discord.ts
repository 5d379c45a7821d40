import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
} from 'discord-api-types/v10';
import type { Answer } from '../answers/answer.ts';
import type { Choice } from '../answers/choices.ts';
import type { Locale, Message } from '../messages/message.ts';
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
  /** Attached files (format:csv or json, a chart); absent when there are none. */
  files?: { attachment: Buffer; name: string; description?: string }[];
}

/** How a reply is delivered: privately or not, addressed to a member, with a file of its figures, in pages. */
export interface ReplyOptions {
  ephemeral: boolean;
  locale: Locale;
  /** The member's id the answer is addressed to: the reply starts with their mention and pings them alone. */
  mention?: string | undefined;
  file?: { name: string; data: string } | undefined;
  paging?: Paging | undefined;
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
  // Inside a code block markdown is not read; only a backtick could end it early.
  table: (lines) => `\`\`\`\n${lines.map((l) => neutralize(l).replaceAll('`', 'ˋ')).join('\n')}\n\`\`\``,
};

/** How a reply offers its other pages: the custom_id of each page's button (undefined: it would not fit). */
export interface Paging {
  /** From 1; past the last page shows the last. */
  page: number;
  idOf(page: number): string | undefined;
}

/** The labels of the page buttons: arrows read the same in every language. */
const PREVIOUS = '◀';
const NEXT = '▶';

/**
 * An answer as a Discord message: plain text (readable with embeds and link
 * previews off), within the 2000-character limit, pinging no one.
 * Items are dropped whole rather than cut, so a figure never loses its citation;
 * with `paging`, the items that did not fit are on the next pages, behind ◀ ▶.
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
  const share = Math.floor(budget / Math.max(blocks.length, 1)) - 2;
  const sized = answer.comparison ? blocks.map((b) => (b.length <= share ? b : fitBlock(b, share))) : blocks;
  const pages = pagesOf(sized, budget);
  const paging = options.paging && pages.length > 1 && pagingFits(options.paging, pages.length);
  const at = paging ? Math.min(Math.max(paging.page, 1), pages.length) : 1;
  const shown = pages[at - 1]!;
  // Unpaged, `more` counts what did not fit as well; paged, only what the answer itself left out (past 25 items).
  const more = paging
    ? at === pages.length
      ? (answer.more ?? 0)
      : 0
    : blocks.length - shown.length + (answer.more ?? 0);
  const notes = [
    ...(paging ? [`-# ${words(locale, { key: 'pageOf', args: { page: at, pages: pages.length } })}`] : []),
    ...(more > 0
      ? [words(locale, { key: 'moreDiscord', args: { count: more, source: `/${commandName(locale, 'source')}` } })]
      : []),
  ];
  const content = [head, ...shown, notes.join('\n'), tail].filter(Boolean).join('\n\n');
  // A private answer can be shared once its asker has read it; a private refusal cannot.
  const shareable = options.ephemeral && !answer.private && answer.found;
  const buttons = [
    ...(paging && at > 1 ? [button(PREVIOUS, paging.idOf(at - 1)!)] : []),
    ...(paging && at < pages.length ? [button(NEXT, paging.idOf(at + 1)!)] : []),
    ...(shareable ? [button(words(locale, { key: 'shareButton', args: {} }), SHARE_BUTTON)] : []),
  ];
  const reply = message(cut(content, limits.content), ephemeral, buttons, mention);
  return options.file
    ? { ...reply, files: [{ attachment: Buffer.from(options.file.data, 'utf8'), name: options.file.name }] }
    : reply;
}

/**
 * The blocks in pages that fit `budget` characters: each page takes blocks in order
 * while they fit, and its first block always, if need be with its excerpt cut. Page 1
 * is what an unpaged reply shows: one cut for both.
 */
export function pagesOf(blocks: readonly string[], budget: number): string[][] {
  const pages: string[][] = [[]];
  let used = 0;
  for (const block of blocks) {
    let page = pages.at(-1)!;
    if (page.length > 0 && block.length > budget - used) {
      page = [];
      pages.push(page);
      used = 0;
    }
    const fitted = block.length <= budget - used ? block : fitBlock(block, budget - used);
    page.push(fitted);
    used += fitted.length + 2;
  }
  return pages;
}

function pagingFits(paging: Paging, pages: number): Paging | undefined {
  for (let page = 1; page <= pages; page++) if (paging.idOf(page) === undefined) return undefined;
  return paging;
}

/**
 * A private answer posted for everyone by its asker ("Send in chat"). The text is the
 * answer as it was shown, already within limits; the credit line names who shared it
 * without pinging them. Its page buttons come along: they hold their own state.
 */
export function toSharedReply(
  content: string,
  userId: string,
  locale: Locale,
  pageButtons: readonly APIButtonComponent[] = [],
): DiscordReply {
  const credit = `\n-# ${words(locale, { key: 'sharedBy', args: { user: `<@${userId}>` } })}`;
  return message(`${cut(content, limits.content - credit.length)}${credit}`, false, [...pageButtons]);
}

/** A private note to the one who pressed a button, with the buttons it offers. */
export function toNotice(
  text: Message,
  locale: Locale,
  buttons: readonly { label: Message; id: string }[] = [],
): DiscordReply {
  return message(
    words(locale, text),
    true,
    buttons.map((b) => button(words(locale, b.label), b.id)),
  );
}

function button(label: string, customId: string): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: customId };
}

function message(content: string, ephemeral: boolean, buttons: APIButtonComponent[], mention?: string): DiscordReply {
  return {
    content,
    flags: (ephemeral ? MessageFlags.Ephemeral : 0) | MessageFlags.SuppressEmbeds,
    allowedMentions: allowedMentions(mention),
    components: buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
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
