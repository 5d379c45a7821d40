import fc from 'fast-check';

/** Pieces of text that have broken bots: mentions, markdown, invisible marks, control characters, halves of emoji. */
const nasty = [
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '<@!1>',
  '**',
  '__',
  '~~',
  '`',
  '```',
  '||',
  '> ',
  '# ',
  '-# ',
  '[link](https://example.com)',
  '\\',
  '\u200B',
  '\u200D',
  '\u202E',
  '\u200F',
  '\u2066',
  '\uFEFF',
  '\u0000',
  '\u0007',
  '\r\n',
  '\n',
  '\uD83D',
  '\uDE00',
  '😀',
  '👨‍👩‍👧‍👦',
  '🇨🇳',
  '江苏',
  '地区生产总值',
  'Jiāngsū',
  'jiangsu',
  'gdp',
  'rocket',
  '3.1 trillion',
];

/** Text a hostile or careless user might send, up to maxLength UTF-16 units. */
export function hostileText(maxLength: number): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom(...nasty),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );
  const long = fc
    .tuple(fc.constantFrom(...nasty), fc.integer({ min: 1, max: maxLength }))
    .map(([p, n]) => p.repeat(Math.ceil(n / p.length)).slice(0, n));
  return fc.oneof(
    fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('').slice(0, maxLength)),
    long,
  );
}
