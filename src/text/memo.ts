/**
 * A function's results kept for the keys asked most recently, at most `limit` of them:
 * what a question reads of a passage or figure is asked again by the next question, but a
 * cache of every passage of a 250k corpus would outgrow the bot's memory. Arguments after
 * the key help compute a value but do not tell values apart (a passage's engine).
 */
export function memo<K, A extends unknown[], V>(
  compute: (key: K, ...args: A) => V,
  limit = 4096,
): (key: K, ...args: A) => V {
  const kept = new Map<K, V>();
  return (key, ...args) => {
    if (kept.has(key)) return kept.get(key)!;
    if (kept.size >= limit) kept.delete(kept.keys().next().value as K);
    const value = compute(key, ...args);
    kept.set(key, value);
    return value;
  };
}
