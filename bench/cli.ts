import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npm run bench:cli`: the wall time of one whole one-shot CLI process, median of N runs,
 * beside a bare `node -e 0`, `npm --version` and `npm run` of a script that does nothing
 * (`true`), measured in the same run, so the ratios hold on a busy machine where the
 * absolute times do not, and what npm itself costs is in the table.
 */
const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 5);
const line = '/stat gdp';
// A package whose one script does nothing: what `npm run` costs before our code starts.
const empty = mkdtempSync(path.join(tmpdir(), 'footnote-npm-floor-'));
writeFileSync(
  path.join(empty, 'package.json'),
  JSON.stringify({ name: 'floor', private: true, scripts: { noop: 'true' } }),
);

const ways: [label: string, command: string, args: string[], cwd: string][] = [
  ['node -e 0 (floor)', process.execPath, ['-e', '0'], root],
  ['npm --version (npm alone)', 'npm', ['--version'], root],
  ['npm run --silent of `true` (npm run alone)', 'npm', ['run', '--silent', 'noop'], empty],
  ['npm run --silent query', 'npm', ['run', '--silent', 'query', '--', line], root],
  ['node bin/footnote.mjs query', process.execPath, ['bin/footnote.mjs', 'query', line], root],
  ['tsx src/console/query.ts (uncompiled)', process.execPath, ['--import', 'tsx', 'src/console/query.ts', line], root],
];

function wallMs(command: string, args: string[], cwd = root): number {
  const started = performance.now();
  execFileSync(command, args, { cwd, stdio: 'ignore' });
  return performance.now() - started;
}

try {
  // One untimed run first: it compiles dist/ if stale and warms the file cache.
  wallMs(process.execPath, ['bin/footnote.mjs', 'query', line]);
  const medians = ways.map(([label, command, args, cwd]) => {
    const times = Array.from({ length: runs }, () => wallMs(command, args, cwd)).sort((a, b) => a - b);
    return { label, median: times[Math.floor(times.length / 2)]! };
  });
  const floor = medians[0]!.median;
  console.log(`one-shot "${line}", median of ${runs} whole processes`);
  for (const { label, median } of medians) {
    console.log(`${label.padEnd(44)} ${(median / 1000).toFixed(3)} s  ${(median / floor).toFixed(1)}× node -e 0`);
  }
} finally {
  rmSync(empty, { recursive: true, force: true });
}
