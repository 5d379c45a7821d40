/** Discord's limits, in one place. https://discord.com/developers/docs/resources/message */
export const limits = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldValue: 1024,
  embedsTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
} as const;

const ELLIPSIS = '…';

/**
 * Text cut to at most `max` UTF-16 units (Discord counts those), at the last
 * sentence or line end that keeps most of it, else at a word, never inside a
 * surrogate pair, with an ellipsis to show the cut.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  let head = text.slice(0, room);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const sentenceEnd = Math.max(
    head.lastIndexOf('\n'),
    ...['. ', '! ', '? ', '。', '！', '？'].map((m) => head.lastIndexOf(m) + (m.length === 2 ? 1 : m.length)),
  );
  if (sentenceEnd >= room * 0.6) return head.slice(0, sentenceEnd).trimEnd() + ELLIPSIS;
  const space = head.lastIndexOf(' ');
  if (space >= room * 0.6) return head.slice(0, space) + ELLIPSIS;
  return head + ELLIPSIS;
}

/**
 * Text that came from a user, made safe to echo: no control characters, no lone
 * surrogates, and mention syntax broken so it cannot even look like a ping.
 */
export function neutralize(text: string): string {
  return (
    text
      .toWellFormed()
      // Control characters are exactly what is being removed.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
      .replace(/@/g, '@\u200B')
      .replace(/<(?=[@#:&a]|t:)/g, '<\u200B')
  );
}

/** Whom a message may ping: nobody, or the one member an answer is addressed to (`mention:`). */
export type AllowedMentions = { parse: []; users?: [string]; repliedUser: false };

/**
 * The mentions policy, for every message the bot sends: no @everyone, no roles, no reply
 * ping, no user named in corpus or typed text; only the member the asker addressed the
 * answer to, by id. A private (ephemeral) reply pings nobody, so it is never addressed.
 */
export function allowedMentions(addressedTo?: string): AllowedMentions {
  return addressedTo ? { parse: [], users: [addressedTo], repliedUser: false } : { parse: [], repliedUser: false };
}
