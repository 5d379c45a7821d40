import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { ApplicationCommandOptionType, InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { useBotAgainstFake } from '../support/bot.ts';
import { option } from '../support/fake-discord.ts';
import { hostileText } from '../support/hostile.ts';
import { MODERATOR, expectSafeMessage } from '../support/replies.ts';

/** A few hundred cases in CI; FOOTNOTE_FUZZ_RUNS=10000 npx vitest run tests/discord/hostile.e2e.test.ts for a long run. */
const RUNS = Number(process.env.FOOTNOTE_FUZZ_RUNS ?? 200);

// Feedback on, so hostile questions are kept and their buttons built.
const running = useBotAgainstFake({
  FEEDBACK_DB: path.join(mkdtempSync(path.join(tmpdir(), 'footnote-hostile-')), 'feedback.db'),
});
/** Enough for the slowest case on a shared machine, times the number of cases. */
const TIMEOUT_MS = 120_000 + RUNS * 100;
/** Dispatch→callback of every case, for the figures a long run reports. */
const latencies: number[] = [];

afterAll(() => {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1);
  console.log(
    `hostile cases: ${sorted.length}, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`,
  );
});

/** Sends one interaction and waits for its callback, timing it. */
async function timed<T>(sent: { dispatched: Promise<void>; callback: Promise<T> }): Promise<T> {
  await sent.dispatched;
  const started = performance.now();
  const callback = await sent.callback;
  latencies.push(performance.now() - started);
  return callback;
}

const stringOptions = (name: string) =>
  commands
    .find((c) => c.data.name === name)!
    .data.options!.filter((o) => o.type === ApplicationCommandOptionType.String);

describe('hostile option values through the gateway (fast-check)', () => {
  it(
    'every command answers within limits with mentions disabled, and the process stays up',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...commands.map((c) => c.data.name)),
          fc.array(hostileText(6000), { minLength: 3, maxLength: 3 }),
          fc.boolean(),
          fc.boolean(),
          async (name, texts, hide, moderator) => {
            const values = stringOptions(name).map((o, i) => option.string(o.name, texts[i]!));
            const sent = running.fake.sendInteraction(
              running.fake.chatInput(
                name,
                [...values, option.boolean('hide', hide)],
                moderator ? { permissions: MODERATOR } : {},
              ),
            );
            const body = (await timed(sent)).body as {
              type: number;
              data?: { content?: string; components?: { components: { custom_id: string }[] }[] };
            };
            expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
            const rows = body.data?.components ?? [];
            expectSafeMessage(body.data);
            for (const button of rows.flatMap((row) => row.components)) {
              expect(button.custom_id.length).toBeLessThanOrEqual(100);
              expect(button.custom_id.isWellFormed()).toBe(true);
            }
          },
        ),
        { numRuns: RUNS },
      );
      expect(running.bot.child.exitCode).toBeNull();
    },
    TIMEOUT_MS,
  );

  it(
    'every autocomplete answers with at most 25 valid choices, and the process stays up',
    async () => {
      const completing = commands.flatMap((c) =>
        (c.data.options ?? [])
          .filter((o) => 'autocomplete' in o && o.autocomplete)
          .map((o) => [c.data.name, o.name] as const),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...completing), hostileText(6000), async ([name, focused], text) => {
          const sent = running.fake.sendInteraction(running.fake.autocomplete(name, [option.focused(focused, text)]));
          const body = (await timed(sent)).body as {
            type: number;
            data: { choices: { name: string; value: string }[] };
          };
          expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
          expect(body.data.choices.length).toBeLessThanOrEqual(25);
          for (const c of body.data.choices) {
            expect(c.name.length).toBeGreaterThan(0);
            expect(c.name.length).toBeLessThanOrEqual(100);
            expect(c.value.length).toBeLessThanOrEqual(100);
          }
        }),
        { numRuns: RUNS },
      );
      expect(running.bot.child.exitCode).toBeNull();
      expect(running.bot.logs.filter((l) => l.level >= 50)).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
