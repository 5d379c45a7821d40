import { beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../src/app/open.ts';
import { askAnswer } from '../../src/answers/ask/ask.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { toText } from '../../src/render/text.ts';
import { asksForAim, speaksOfAim } from '../../src/text/aims.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await openEngine('corpus');
});

const text = (question: string) => {
  const a = askAnswer(engine, question);
  return { found: a.found, said: toText(a, 'en') };
};

describe('a near miss is offered as close, never as the answer', () => {
  it('refuses a month or half inside no figure the corpus gives, naming the figure that is close', () => {
    for (const q of ["What was Jiangsu's GDP in April 2024?", "What was Jiangsu's GDP in the first half of 2024?"]) {
      const a = text(q);
      expect(a.found, q).toBe(false);
      expect(a.said).toContain('Close, but not what you asked: GDP for Jiangsu (Q1 2024)');
    }
    expect(text("What was Jiangsu's GDP in Q1 2024?").found).toBe(true);
  });

  it('refuses a place the metric is not given for, naming where it is', () => {
    const a = text("What was Shanghai's GDP in Q1 2024?");
    expect(a.found).toBe(false);
    expect(a.said).toContain('Close, but not what you asked: GDP for Jiangsu');
  });
});

describe('targets are not outcomes', () => {
  it('tells a stated aim from what happened, and a question about one from a question about the other', () => {
    expect(speaksOfAim('Shanxi province aims to achieve GDP growth of approximately 5 percent')).toBe(true);
    expect(speaksOfAim('Tianjin has set itself a target of about four percent')).toBe(true);
    expect(speaksOfAim('the GDP grew 5.3 percent year on year')).toBe(false);
    expect(asksForAim("What is Shanxi's GDP growth target for 2025?")).toBe(true);
    expect(asksForAim("What was Shanxi's GDP growth in 2024?")).toBe(false);
  });
});
