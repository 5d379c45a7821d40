import { MessageFlags } from 'discord-api-types/v10';
import type { Answer } from '../engine/answer.ts';
import type { Choice } from '../engine/engine.ts';
import { render, type Style } from './format.ts';
import { cut, limits, neutralize } from './limits.ts';

/** What every message the bot sends looks like; built only here. */
export interface DiscordReply {
  content: string;
  flags: number;
  /** No mention of any kind, nor the reply ping to the author of a message answered in chat. */
  allowedMentions: { parse: []; repliedUser: false };
}

const HEADER_MAX = 500;

const markdown: Style = {
  strong: (t) => `**${t}**`,
  verbatim: (t) => escapeMarkdown(neutralize(t)),
  quote: (t) => t.split('\n').map((line) => `> ${line}`).join('\n'),
  // Discord's subtext: the source line stays visible but quiet.
  source: (t) => `-# ${t}`,
  code: (t) => `\`${t.replaceAll('`', 'ˋ')}\``,
};

/**
 * An answer as a Discord message: plain text (readable with embeds and link
 * previews off), within the 2000-character limit, pinging no one.
 * Items are dropped whole rather than cut, so a figure never loses its citation.
 */
export function toDiscordReply(answer: Answer, options: { ephemeral: boolean }): DiscordReply {
  const { header, blocks, suggestions } = render(answer, markdown);
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
  const more = blocks.length - shown.length;
  const note = more > 0 ? `*…and ${more} more not shown. Narrow the question, or open one with* \`/source\`.` : '';
  const content = [head, ...shown, note, tail].filter(Boolean).join('\n\n');
  return {
    content: cut(content, limits.content),
    flags: (options.ephemeral || answer.private ? MessageFlags.Ephemeral : 0) | MessageFlags.SuppressEmbeds,
    allowedMentions: { parse: [], repliedUser: false },
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
    .map((c) => ({ name: cut(c.name.toWellFormed().replace(/\s+/g, ' '), limits.choiceName) || c.value, value: c.value }));
}

/** Markdown characters shown as themselves, so corpus text and queries cannot reformat the reply. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|[\]]/g, '\\$&').replace(/^([>#-])/gm, '\\$1');
}
