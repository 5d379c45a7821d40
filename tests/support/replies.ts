import { InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { expect } from 'vitest';
import { DEFAULT_MEMBER_PERMISSIONS } from './fake-discord.ts';

export const MODERATOR = String(BigInt(DEFAULT_MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageMessages);

interface MessageBody {
  content?: string;
  flags?: number;
  allowed_mentions?: { parse?: string[] };
  embeds?: unknown[];
}

/** What every message the bot sends must satisfy: within limits, pinging no one. */
export function expectSafeMessage(data: MessageBody | undefined): asserts data is MessageBody & { content: string } {
  expect(data).toBeDefined();
  expect(data!.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(typeof data!.content).toBe('string');
  expect(data!.content!.length).toBeGreaterThan(0);
  expect(data!.content!.length).toBeLessThanOrEqual(2000);
  expect(data!.content!.isWellFormed()).toBe(true);
  expect(data!.embeds ?? []).toEqual([]);
}

/** A reply that answers from the corpus carries a source line: outlet, date, paragraph and passage id. */
export function expectCitation(content: string) {
  expect(content).toMatch(/-# — .+, CCTV, May 2024, ¶\d+ · `cctv-2024-05-productive-forces#p\d+`/);
}

export function isEphemeral(data: MessageBody | undefined): boolean {
  return ((data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

export function replyData(body: unknown): MessageBody | undefined {
  const callback = body as { type: InteractionResponseType; data?: MessageBody };
  expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  return callback.data;
}
