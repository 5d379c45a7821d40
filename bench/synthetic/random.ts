/**
 * A seeded generator (mulberry32), so a size always yields the same corpus and
 * two runs of the benchmark measure the same thing.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /**
   * Zipf-like: the first items are picked far more often than the last, as a few
   * provinces and industries dominate real news while the long tail still appears.
   */
  zipf<T>(list: readonly T[], exponent = 1): T {
    const weights = zipfWeights(list.length, exponent);
    let r = this.next() * weights.total;
    for (let i = 0; i < list.length; i++) {
      r -= weights.each[i]!;
      if (r <= 0) return list[i]!;
    }
    return list[list.length - 1]!;
  }

  /** Distinct items, in random order. */
  sample<T>(list: readonly T[], count: number): T[] {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < count && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
}

const cache = new Map<string, { each: number[]; total: number }>();
function zipfWeights(n: number, exponent: number) {
  const key = `${n}:${exponent}`;
  let weights = cache.get(key);
  if (!weights) {
    const each = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** exponent);
    weights = { each, total: each.reduce((a, b) => a + b, 0) };
    cache.set(key, weights);
  }
  return weights;
}
