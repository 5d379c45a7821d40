import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/text/period.ts';

describe('parsePeriod', () => {
  it('reads periods as people type them', () => {
    expect(parsePeriod('Q1 2024')).toBe('2024-Q1');
    expect(parsePeriod('first quarter of 2024')).toBe('2024-Q1');
    expect(parsePeriod('Q1–Q3 2023')).toBe('2023-Q1-Q3');
    expect(parsePeriod('Jan–Aug 2024')).toBe('2024-01/2024-08');
    expect(parsePeriod('2021-23')).toBe('2021/2023');
    expect(parsePeriod('first 8 months of 2024')).toBe('2024-01/2024-08');
    expect(parsePeriod('Sept. 2024')).toBe('2024-09');
    expect(parsePeriod('2024-05-21')).toBe('2024-05-21');
  });

  it('refuses a period with a word it cannot read rather than keep only the year', () => {
    for (const typed of ['Q5 2024', 'H3 2024', '2024-13', 'last week of 2024', '2024 Q1 foo'])
      expect({ typed, period: parsePeriod(typed) }).toEqual({ typed, period: undefined });
  });
});
