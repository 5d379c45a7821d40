/** Whether an ascending list holds the value: a binary search. */
export function holds(list: Uint32Array, value: number): boolean {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return list[low] === value;
}

/** The lists stored under any of the keys. */
export function listsOf(byKey: ReadonlyMap<string, Uint32Array>, keys: Iterable<string>): Uint32Array[] {
  return [...keys].map((key) => byKey.get(key)).filter((list) => list !== undefined);
}

/** The union of ascending position lists, ascending, without repeats; `size` bounds every position. */
export function union(lists: readonly Uint32Array[], size: number): Uint32Array {
  if (lists.length <= 1) return lists[0] ?? new Uint32Array(0);
  const total = lists.reduce((n, list) => n + list.length, 0);
  // A mark per position is cheaper than sorting when the union is large.
  if (total > size / 32) {
    const marked = new Uint8Array(size);
    let distinct = 0;
    for (const list of lists)
      for (let i = 0; i < list.length; i++) {
        distinct += 1 - marked[list[i]!]!;
        marked[list[i]!] = 1;
      }
    const out = new Uint32Array(distinct);
    let filled = 0;
    for (let at = 0; at < size; at++) if (marked[at]) out[filled++] = at;
    return out;
  }
  const positions = new Uint32Array(total);
  let filled = 0;
  for (const list of lists) {
    positions.set(list, filled);
    filled += list.length;
  }
  positions.sort();
  let kept = 0;
  for (let i = 0; i < positions.length; i++)
    if (i === 0 || positions[i] !== positions[i - 1]) positions[kept++] = positions[i]!;
  return positions.subarray(0, kept);
}

/** Of ascending `list`, the values not in ascending `without`: one pass over each. */
export function difference(list: Uint32Array, without: Uint32Array): Uint32Array {
  const out = new Uint32Array(list.length);
  let kept = 0;
  for (let i = 0, q = 0; i < list.length; i++) {
    while (q < without.length && without[q]! < list[i]!) q++;
    if (q >= without.length || without[q] !== list[i]) out[kept++] = list[i]!;
  }
  return out.subarray(0, kept);
}

/** Positions grouped by key, each list ascending: the shape of every by-region and by-metric index. */
export function groupPositions<T>(
  items: readonly T[],
  keysOf: (item: T) => Iterable<string>,
): Map<string, Uint32Array> {
  const lists = new Map<string, number[]>();
  items.forEach((item, at) => {
    for (const key of keysOf(item)) {
      const list = lists.get(key);
      if (list) list.push(at);
      else lists.set(key, [at]);
    }
  });
  return new Map([...lists].map(([key, list]) => [key, Uint32Array.from(list)]));
}
