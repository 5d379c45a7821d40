/**
 * A function's results kept for the keys asked most recently, at most `limit` of them per
 * owner: what a question reads of a passage or figure is asked again by the next question,
 * but a cache of every passage of a 250k corpus would outgrow the bot's memory. The owner
 * (the engine a passage belongs to) holds its own cache, so a reload's new engine starts
 * afresh and the old corpus is freed with the old engine. Arguments after the owner help
 * compute a value but do not tell values apart.
 */
export function memo<K, O extends object, A extends unknown[], V>(
  compute: (key: K, owner: O, ...args: A) => V,
  limit = 4096,
): (key: K, owner: O, ...args: A) => V {
  const caches = new WeakMap<O, Map<K, V>>();
  return (key, owner, ...args) => {
    let kept = caches.get(owner);
    if (!kept) caches.set(owner, (kept = new Map()));
    if (kept.has(key)) return kept.get(key)!;
    if (kept.size >= limit) kept.delete(kept.keys().next().value as K);
    const value = compute(key, owner, ...args);
    kept.set(key, value);
    return value;
  };
}
