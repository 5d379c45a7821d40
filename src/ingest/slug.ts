/** A lowercase slug of ASCII letters and digits, as corpus ids are: "Wang Qingxian" → "wang-qingxian". */
export function slugify(text: string, maxWords = 8): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

/** Per set of taken ids, the suffix to try next for each base: a thousand figures of one kind would otherwise retry 2, 3, 4… each time. */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function uniqueId(base: string, taken: Set<string>): string {
  let next = nextSuffix.get(taken);
  if (!next) nextSuffix.set(taken, (next = new Map()));
  let id = base;
  let n = next.get(base) ?? 2;
  if (taken.has(id)) for (; taken.has((id = `${base}-${n}`)); n++);
  next.set(base, taken.has(base) ? n + 1 : n);
  taken.add(id);
  return id;
}
