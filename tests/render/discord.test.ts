import { verbatim } from '../../src/messages/message.ts';
import fc from 'fast-check';
import { MessageFlags } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { invoke } from '../../src/command/invoke.ts';
import { escapeMarkdown, toDiscordChoices, toDiscordReply, toSharedReply } from '../../src/render/discord.ts';
import { cut, limits } from '../../src/render/limits.ts';
import { hostileText } from '../support/hostile.ts';
import { seedEngine } from '../support/corpus.ts';
import { regionAnswer } from '../../src/answers/region.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

/** No unpaired surrogate anywhere: Discord would reject or mangle the message. */
const wellFormed = (text: string) => text.isWellFormed();

describe('toDiscordReply', () => {
  it('keeps a long answer within 2000 characters, whole items only, and says how many are left out', () => {
    const reply = toDiscordReply(regionAnswer(engine, 'jiangsu'), { ephemeral: false, locale: 'en' });
    expect(reply.content.length).toBeLessThanOrEqual(limits.content);
    expect(reply.content).toMatch(/…and \d+ more not shown/);
    expect(reply.content).toContain('3.1 trillion yuan');
  });

  it('shows a comparison as a code-block table with every row’s quote, within limits, in both languages', async () => {
    const { compareAnswer } = await import('../../src/answers/compare.ts');
    const answer = compareAnswer(engine, { metric: 'gdp', regions: 'jiangsu,shanghai,suzhou,beijing,china' });
    for (const locale of ['en', 'zh-CN'] as const) {
      const reply = toDiscordReply(answer, { ephemeral: false, locale, mention: '123456789012345678' });
      expect(reply.content.length).toBeLessThanOrEqual(limits.content);
      expect(reply.content).toMatch(/\n```\n[^`]+\n```\n/);
      expect(reply.content).toContain('3.1 trillion yuan');
      expect(reply.allowedMentions).toEqual({ parse: [], users: ['123456789012345678'], repliedUser: false });
    }
    const hidden = toDiscordReply(answer, { ephemeral: true, locale: 'en', mention: '123456789012345678' });
    expect(hidden.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(hidden.content).not.toContain('<@');
  });

  it('never shows a figure without its quote and source line', () => {
    const reply = toDiscordReply(regionAnswer(engine, 'jiangsu'), { ephemeral: false, locale: 'en' });
    const blocks = reply.content.split('\n\n').filter((b) => b.startsWith('**GDP'));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatch(
      /^\*\*GDP[^\n]*\n> In the first quarter[^\n]*3\.1 trillion yuan[^\n]*\n-# — [^\n]*CCTV, May 2024, ¶2/,
    );
  });

  it('disables mentions, suppresses link previews, and hides on request', () => {
    const answer = regionAnswer(engine, 'jiangsu');
    const shown = toDiscordReply(answer, { ephemeral: false, locale: 'en' });
    expect(shown.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(shown.flags & MessageFlags.SuppressEmbeds).toBeTruthy();
    expect(shown.flags & MessageFlags.Ephemeral).toBe(0);
    expect(toDiscordReply(answer, { ephemeral: true, locale: 'en' }).flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(
      toDiscordReply({ ...answer, private: true }, { ephemeral: false, locale: 'en' }).flags & MessageFlags.Ephemeral,
    ).toBeTruthy();
  });

  it('breaks mention syntax and markdown in text echoed from a query', () => {
    const reply = toDiscordReply(
      {
        found: false,
        title: verbatim('Search: @everyone <@123> <@&456> **bold** `code`'),
        lead: [],
        items: [],
        suggestions: [],
      },
      { ephemeral: false, locale: 'en' },
    );
    expect(reply.content).not.toMatch(/@everyone|<@123>|<@&456>/);
    expect(reply.content).toContain('\\*\\*bold\\*\\*');
  });
});

describe('toSharedReply', () => {
  it('keeps any shared text within the limit, credited, pinging no one', () => {
    fc.assert(
      fc.property(hostileText(2000), (text) => {
        const reply = toSharedReply(text, '123456789012345678', 'en');
        expect(reply.content.length).toBeLessThanOrEqual(limits.content);
        expect(reply.content.endsWith('-# Shared by <@123456789012345678>')).toBe(true);
        expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
        expect(reply.flags & MessageFlags.Ephemeral).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('cut', () => {
  it('cuts at a sentence end when one is near', () => {
    expect(cut('First sentence here. Second sentence that is long.', 30)).toBe('First sentence here.…');
  });

  it('never splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 200 }), (text, max) => {
        const out = cut(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(wellFormed(out)).toBe(wellFormed(text));
      }),
    );
  });
});

describe('escapeMarkdown', () => {
  it('shows markdown characters as themselves', () => {
    expect(escapeMarkdown('*a* _b_ ~c~ `d` |e| [f](g)\n> h\n# i')).toBe(
      '\\*a\\* \\_b\\_ \\~c\\~ \\`d\\` \\|e\\| \\[f\\](g)\n\\> h\n\\# i',
    );
  });
});

describe('toDiscordChoices', () => {
  it('returns at most 25 choices with names and values of 1–100 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `${'名'.repeat(150)} ${i}`, value: `v${i}` }));
    const tooLong = { name: 'x', value: 'v'.repeat(101) };
    const choices = toDiscordChoices([tooLong, ...many]);
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('any input to any command', () => {
  const answering = commands.filter((c) => c.data.options?.some((o) => o.type === 3));

  it('gives a reply within every limit that pings no one (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...answering),
        hostileText(10_000),
        fc.boolean(),
        // The zh-CN catalogue words the same answers: it is held to the same limits.
        fc.constantFrom('en' as const, 'zh-CN' as const),
        async (command, text, hide, locale) => {
          const stringOptions = command.data.options!.filter((o) => o.type === 3);
          const raw = new Map<string, string | boolean>(stringOptions.map((o) => [o.name, text]));
          raw.set('hide', hide);
          const { answer } = await invoke(command.data.name, raw, {
            engine,
            commands,
            caller: { canManageMessages: true },
          });
          const reply = toDiscordReply(answer, { ephemeral: hide, locale });
          expect(reply.content.length).toBeGreaterThan(0);
          expect(reply.content.length).toBeLessThanOrEqual(limits.content);
          expect(wellFormed(reply.content)).toBe(true);
          expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
          expect(reply.content).not.toMatch(/@(everyone|here)|<@[!&]?\d+>/);
          expect(reply.content).not.toContain('\u0000');
          // A figure's block is its heading line, then its quote, then its source line.
          for (const block of reply.content.split('\n\n').slice(1)) {
            const shownFigure = answer.items.some(
              (i) => i.kind === 'figure' && block.includes(i.figure.statistic.split('#')[0]!) && block.startsWith('**'),
            );
            if (shownFigure) expect(block).toMatch(/^\*\*[^\n]+\n> [^\n]+\n-# — [^\n]+$/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('autocompletes any text within Discord’s limits', () => {
    const completing = commands.filter((c) => c.autocomplete);
    fc.assert(
      fc.property(fc.constantFrom(...completing), hostileText(6000), (command, text) => {
        for (const option of command.data.options!.filter((o) => 'autocomplete' in o && o.autocomplete)) {
          const choices = toDiscordChoices(
            command.autocomplete!(
              { name: option.name, value: text },
              { engine, commands, caller: { canManageMessages: false } },
            ),
          );
          expect(choices.length).toBeLessThanOrEqual(25);
          for (const c of choices) {
            expect(c.name.length).toBeGreaterThan(0);
            expect(c.name.length).toBeLessThanOrEqual(100);
            expect(c.value.length).toBeLessThanOrEqual(100);
            expect(wellFormed(c.name)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('answers the empty autocomplete query with what the corpus covers', () => {
    const region = commands.find((c) => c.data.name === 'region')!;
    const choices = region.autocomplete!(
      { name: 'name', value: '' },
      { engine, commands, caller: { canManageMessages: false } },
    );
    expect(choices.map((c) => c.value)).toEqual(expect.arrayContaining(['jiangsu', 'shanghai', 'zhangjiagang']));
  });
});
