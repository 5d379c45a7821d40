import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyStep, normalize } from '../../src/text/normalize.ts';

describe('normalize', () => {
  it('gives what every step gives, plain ASCII or not', () => {
    // Spaces of every kind, runs of them, the backtick and the quotes folded, letters with marks.
    const unit = fc.constantFrom(...' \t\n\u00a0\u3000aZ9`\'"-.é’“—ｆ'.split(''), ' ', '  ');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 16 }), fc.string({ maxLength: 16 })), (text) => {
        expect(normalize(text)).toBe(everyStep(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('folds case, quotes, dashes, marks and spaces', () => {
    expect(normalize('  Jiāngsū’s  GDP — ｑ1 ')).toBe("jiangsu's gdp - q1");
    expect(normalize('Plain ASCII Text')).toBe('plain ascii text');
  });
});
