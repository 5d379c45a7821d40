import { describe, expect, it } from 'vitest';
import { parseWrittenNumber } from '../../src/text/numbers.ts';

describe('parseWrittenNumber', () => {
  it.each([
    ['3.1 trillion', 3.1e12],
    ['436.4 billion', 436.4e9],
    ['40,000', 40000],
    ['1,234,567.5', 1234567.5],
    ['6.2%', 6.2],
    ['70', 70],
    ['two', 2],
    ['Three', 3],
    ['3.1万亿', 3.1e12],
    ['5000万', 5e7],
    ['12.5亿', 1.25e9],
  ])('reads %s as %d', (written, value) => {
    expect(parseWrittenNumber(written)).toBe(value);
  });

  it('finds no number in words without one', () => {
    expect(parseWrittenNumber('several')).toBeUndefined();
  });
});
