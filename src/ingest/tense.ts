/** Irregular past forms that news uses for figures. */
const PAST = new Set(
  'rose grew fell hit stood saw made took drew brought won built sold spent became began led set put kept held met paid sent bought got gave went came ran shrank swung struck broke overtook'.split(
    ' ',
  ),
);
const PRESENT = new Set(
  'is are has have remains remain stands ranks accounts holds hosts houses employs boasts tops exceeds covers'.split(
    ' ',
  ),
);
const PAST_AUX = new Set(['was', 'were', 'had', 'did']);
const FUTURE = new Set(['will', 'shall', "'ll"]);
/** Words ending in -ed that are adjectives in this genre ("above designated size", "advanced manufacturing"). */
const NOT_VERBS =
  /^(designated|advanced|integrated|listed|related|based|funded|skilled|detailed|united|limited|red|need|speed|hundred|feed|seed|bed|shed|proceed|indeed|embedded|dedicated|sophisticated|specialized|specialised|automated|connected|invested|owned|named|called|so-called|added|combined|expected|planned|estimated|registered|scheduled)$/;

export type Tense = 'past' | 'present' | 'future' | undefined;

/**
 * The tense of the verb that governs a figure: the nearest verb before it in its
 * sentence. An auxiliary decides for the participle after it ("is positioned",
 * "have jointly built"), and a verb after "and" shares the tense of the one before.
 */
export function tenseBefore(text: string): Tense {
  const words = text
    .toLowerCase()
    .split(/[^a-z'’-]+/)
    .filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (FUTURE.has(w)) return 'future';
    if (PRESENT.has(w)) return 'present';
    if (PAST_AUX.has(w)) return 'past';
    if (PAST.has(w) || (w.length > 4 && w.endsWith('ed') && !NOT_VERBS.test(w))) {
      let j = i - 1;
      while (j >= 0 && (words[j]!.endsWith('ly') || words[j] === 'also' || words[j] === 'each' || words[j] === 'been'))
        j--;
      const aux = words[j];
      if (aux && (PRESENT.has(aux) || aux === 'be')) return 'present';
      if (aux && PAST_AUX.has(aux)) return 'past';
      if (aux && FUTURE.has(aux)) return 'future';
      // "have built 9 parks and opened …": the second verb shares the first one's auxiliary.
      if (aux === 'and' || aux === 'or') {
        const earlier = tenseBefore(words.slice(0, j).join(' '));
        if (earlier) return earlier;
      }
      return 'past';
    }
  }
  return undefined;
}
