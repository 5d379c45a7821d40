import { describe, expect, it } from 'vitest';
import { withoutChatter, withShortFormsExpanded } from '../../src/text/chatter.ts';
import { glossChinese } from '../../src/text/chinese.ts';
import { askedSpan, fit, spanOfPeriod } from '../../src/text/span.ts';
import { synonymsOf } from '../../src/text/synonyms.ts';

describe('reading a question as members type it', () => {
  it('drops mentions, greetings and emoji, and writes out short forms', () => {
    expect(withShortFormsExpanded(withoutChatter('<@123456> hey bot quick one — zhejiang gdp q1 yoy 🙏 thx'))).toBe(
      'zhejiang gdp first quarter year on year',
    );
    expect(withShortFormsExpanded('hotels n restaurants, r&d, unis')).toBe(
      'hotels and restaurants, research and development, universities',
    );
  });

  it('reads periods as spans: the first three quarters are not April', () => {
    const asked = askedSpan('foreign trade in the first three quarters of 2024')!;
    expect(asked.span).toEqual(spanOfPeriod('2024-Q1-Q3'));
    expect(fit(asked.span, [spanOfPeriod('2024-04')!])).toBe('other');
    expect(fit(askedSpan('gdp in 2024')!.span, [spanOfPeriod('2024-H1')!])).toBe('within');
    expect(askedSpan('jan-oct 2024')!.span).toEqual(spanOfPeriod('2024-01/2024-10'));
  });

  it('finds WordNet synonyms of the commonest sense', () => {
    expect(synonymsOf('put together')).toContain('assemble');
    expect(synonymsOf('car')).toContain('automobile');
  });

  it('glosses Chinese word by word through CC-CEDICT', () => {
    expect(glossChinese('湖南上半年第二产业增加值是多少').join(' ')).toMatch(/secondary industry.*value added/);
  });
});
