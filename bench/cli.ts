import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run bench:cli`: the wall time of one whole one-shot CLI process, median of N runs,
 * beside a bare `node -e 0` and `npm --version` measured in the same run, so the ratios
 * hold on a busy machine where the absolute times do not.
 */
const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 5);
const line = '/stat gdp';

const ways: [string, string, string[]][] = [
  ['node -e 0 (floor)', process.execPath, ['-e', '0']],
  ['npm --version (npm alone)', 'npm', ['--version']],
  ['npm run --silent query', 'npm', ['run', '--silent', 'query', '--', line]],
  ['node bin/footnote.mjs query', process.execPath, ['bin/footnote.mjs', 'query', line]],
  ['tsx src/console/query.ts (uncompiled)', process.execPath, ['--import', 'tsx', 'src/console/query.ts', line]],
];

function wallMs(command: string, args: string[]): number {
  const started = performance.now();
  execFileSync(command, args, { cwd: root, stdio: 'ignore' });
  return performance.now() - started;
}

// One untimed run first: it compiles dist/ if stale and warms the file cache.
wallMs(process.execPath, ['bin/footnote.mjs', 'query', line]);
const medians = ways.map(([label, command, args]) => {
  const times = Array.from({ length: runs }, () => wallMs(command, args)).sort((a, b) => a - b);
  return { label, median: times[Math.floor(times.length / 2)]! };
});
const floor = medians[0]!.median;
console.log(`one-shot "${line}", median of ${runs} whole processes`);
for (const { label, median } of medians) {
  console.log(`${label.padEnd(40)} ${(median / 1000).toFixed(3)} s  ${(median / floor).toFixed(1)}× node -e 0`);
}
