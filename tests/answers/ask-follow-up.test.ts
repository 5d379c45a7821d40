import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { askInContext, mergeFollowUp, type AskContext } from '../../src/answers/ask/follow-up.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { toText } from '../../src/render/text.ts';
import { askedSpan } from '../../src/text/span.ts';
import { FollowUpWindow } from '../../src/discord/follow-ups.ts';
import { seedEngine } from '../support/corpus.ts';
import { hostileText } from '../support/hostile.ts';
import { toDiscordReply } from '../../src/render/discord.ts';
import { limits } from '../../src/render/limits.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

/** Asks each message after the one before, as a member does in chat; returns what each reply says. */
const chat = (...messages: string[]) => {
  let context: AskContext | undefined;
  return messages.map((m) => {
    const asked = askInContext(engine, m, context);
    context = asked.context;
    return { found: asked.answer.found, said: toText(asked.answer, 'en'), zh: toText(asked.answer, 'zh-CN') };
  });
};

describe('a follow-up is read with the previous question', () => {
  it('puts what the follow-up names in place of the same kind of thing, and keeps the rest', () => {
    const merge = (follow: string, before: string) => mergeFollowUp(engine, follow, before);
    const q = "what was jiangsu's gdp growth in the first quarter of 2024";
    // A place for the place: the metric and the period stay.
    expect(merge('and shanghai?', q)).toBe('what was gdp growth in the first quarter of 2024 shanghai?');
    // A period for the period.
    expect(merge('what about 2023', q)).toBe("what was jiangsu's gdp growth 2023");
    // A topic for the topic.
    expect(merge('and exports?', q)).toBe("what was jiangsu's in the first quarter of 2024 exports?");
    // Stacked cues are all taken off.
    expect(merge('and what about shanghai?', q)).toBe(merge('shanghai?', q));
    // In Chinese, names are taken out as written.
    expect(merge('上海呢？', '江苏一季度gdp是多少')).toBe('一季度gdp是多少 上海');
  });

  it('leaves a question complete on its own, and a message that names nothing, as they are', () => {
    const q = "what was jiangsu's gdp in 2024";
    expect(mergeFollowUp(engine, 'who is the party secretary of jiangsu', q)).toBeUndefined();
    expect(mergeFollowUp(engine, 'thanks!', q)).toBeUndefined();
    expect(mergeFollowUp(engine, 'why?', q)).toBeUndefined();
    // However long a chain grows, what is read stays within what a question may be.
    expect(mergeFollowUp(engine, 'and shanghai?', `${q} ${'very '.repeat(120)}`)).toBeUndefined();
  });

  it('takes every period phrase the question reader knows out of the previous question', () => {
    const q = (period: string) => `what was jiangsu's gdp ${period}`;
    for (const period of [
      'in the first quarter of 2024',
      'in q3 2023',
      'in h1 2024',
      'in the first half',
      'in the first three quarters of 2024',
      'in the first 10 months',
      'from january to march 2024',
      'in april 2024',
      'this year',
      'last year',
      'in 2021-2023',
    ]) {
      const merged = mergeFollowUp(engine, 'what about 2019?', q(period))!;
      expect(askedSpan(merged.replace('2019', '')), period).toBeUndefined();
      expect(merged, period).toContain('gdp');
    }
  });

  it('answers with the previous question’s reading, and says so', () => {
    const [first, second, third] = chat(
      "what was jiangsu's gdp in 2023?",
      'what about q1 2024?',
      'and industrial value added?',
    );
    expect(first!.found).toBe(false);
    expect(second!.found).toBe(true);
    expect(second!.said).toContain('Read with your previous question:');
    expect(second!.said).toContain('Understood: GDP · Jiangsu · Q1 2024.');
    expect(second!.said).toContain('3.1 trillion yuan');
    expect(second!.zh).toContain('结合你上一个问题理解');
    expect(third!.said).toContain('Industrial value added · Jiangsu · Q1 2024');
    expect(third!.said).not.toContain('3.1 trillion yuan');
  });

  it('“source?” gives the passages the previous answer cited, whole, in either language', () => {
    const [, source] = chat('how many research institutes are in da zero bay', 'source?');
    expect(source!.found).toBe(true);
    expect(source!.said).toContain('The passage my last answer cited:');
    expect(source!.said).toContain('nearly 200 national and municipal R&D institutions');
    expect(source!.said).toContain('cctv-2024-05-productive-forces#p13');
    expect(source!.zh).toContain('我上一个回答引用的段落');
    const [, nothing] = chat("what was jiangsu's gdp in 2023?", 'where is that from?');
    expect(nothing!.found).toBe(false);
    expect(nothing!.said).toContain('My last answer cited no passage');
  });

  it('without a previous question, a follow-up is a question like any other', () => {
    const alone = askInContext(engine, 'and shanghai?');
    expect(toText(alone.answer, 'en')).not.toContain('previous question');
    expect(alone.context.question).toBe('and shanghai?');
  });
});

describe('follow-ups and hostile input', () => {
  it('any message after any question is answered within limits, pinging no one, and the context stays bounded', () => {
    fc.assert(
      fc.property(hostileText(600), hostileText(600), (first, next) => {
        const before = askInContext(engine, first);
        const after = askInContext(engine, next, before.context);
        expect(after.context.question.length).toBeLessThanOrEqual(500);
        const reply = toDiscordReply(after.answer, { ephemeral: false, locale: 'en' });
        expect(reply.content.length).toBeLessThanOrEqual(limits.content);
        expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
      }),
      { numRuns: 100 },
    );
  });
});

describe('the window of recent answers', () => {
  const context: AskContext = { question: 'q', cited: [] };

  it('forgets an answer once its few minutes are over', () => {
    let now = 0;
    const window = new FollowUpWindow(() => now, 1_000);
    window.remember({ channel: 'c', user: 'u', answer: 'a', heard: now }, context);
    now = 999;
    expect(window.recall({ channel: 'c', user: 'u' })).toBe(context);
    expect(window.recall({ channel: 'c', user: 'x', repliedTo: 'a' })).toBe(context);
    now = 1_000;
    expect(window.recall({ channel: 'c', user: 'u' })).toBeUndefined();
    expect(window.isAnswer('a')).toBe(false);
    expect(window.size).toBe(0);
  });

  it('holds at most its bound, forgetting the oldest first; keys never cross channels or askers', () => {
    const window = new FollowUpWindow(() => 0, 60_000, 3);
    for (let i = 0; i < 10; i++)
      window.remember({ channel: 'c', user: `u${i}`, answer: `a${i}`, heard: 0 }, { question: `q${i}`, cited: [] });
    expect(window.size).toBe(3);
    expect(window.recall({ channel: 'c', user: 'u0' })).toBeUndefined();
    expect(window.recall({ channel: 'c', user: 'u9' })?.question).toBe('q9');
    expect(window.recall({ channel: 'other', user: 'u9' })).toBeUndefined();
    expect(window.recall({ channel: 'c', user: 'u1', repliedTo: 'a8' })?.question).toBe('q8');
  });
});
