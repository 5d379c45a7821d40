import { describe, expect, it } from 'vitest';
import { report, soak } from '../../bench/soak.ts';

/**
 * `npm run bench:soak`, shortened to what CI can spend: 10k passages, 15 seconds. It starts the
 * bot as `npm start` does, and this checks the run reaches every kind of interaction in its mix,
 * loses none, and reports the bot's memory. The bound on RSS is a sanity bound, not the target
 * (the bot at 10k passages holds about 300 MB in service; the 500 MB target is at 250k, an hour).
 */
describe('the soak benchmark, shortened', () => {
  it('serves a mix of every kind of interaction and reports the real bot’s RSS and heap', async () => {
    const result = await soak({ size: 10_000, seconds: 15, rate: 10, inFlight: 8, users: 500, sampleMs: 1000 });
    expect(result.passages).toBeGreaterThanOrEqual(10_000);
    expect(Object.keys(result.kinds)).toEqual(
      expect.arrayContaining([
        'autocomplete',
        '/ask',
        '/region',
        '/stat',
        'page ▶',
        'share',
        '@mention',
        'Find sources',
      ]),
    );
    for (const [kind, latency] of Object.entries(result.kinds)) {
      expect(latency.lost, kind).toBe(0);
      expect(latency.count, kind).toBeGreaterThan(0);
    }
    expect(result.samples.length).toBeGreaterThanOrEqual(10);
    expect(result.login.rssMB).toBeGreaterThan(50);
    expect(result.login.heapUsedMB).toBeGreaterThan(0);
    expect(result.maxRssMB).toBeGreaterThanOrEqual(result.login.rssMB);
    expect(result.maxRssMB).toBeLessThan(1500);
    expect(report(result, 500).join('\n')).toMatch(
      /RSS: login \d+ MB, p50 \d+ MB, p95 \d+ MB, max \d+ MB.*limit 500 MB: (within|EXCEEDED)/,
    );
  }, 120_000);
});
