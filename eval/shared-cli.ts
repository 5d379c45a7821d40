/**
 * `npm run eval:shared`: the shared development set scored in one process.
 *   npm run eval:shared -- [--verbose] [--only NN] [--sweep]
 * --sweep varies the refusal thresholds over the shared set and the team's development
 * questions together, so neither set alone chooses them.
 */
import { parseArgs } from 'node:util';
import { askShared, scoreShared, sharedEngine, sharedQuestions, type SharedOutcome } from './shared-set.ts';
import { evaluate, loadQuestions, ours, score } from './ask.ts';
import { openEngine } from '../src/app/open.ts';
import { THRESHOLDS } from '../src/answers/ask/ask.ts';

const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    only: { type: 'string' },
    sweep: { type: 'boolean', default: false },
  },
});
const { engine, dispose } = await sharedEngine(values.only);
const questions = sharedQuestions().filter((q) => !values.only || q.article.startsWith(values.only));
const outcomes: SharedOutcome[] = [];
const started = performance.now();
for (const q of questions) outcomes.push(await askShared(engine, q));
const ms = (performance.now() - started) / Math.max(1, questions.length);
if (values.sweep) await sweep();
await dispose();

if (values.verbose) {
  for (const o of outcomes) {
    const line = o.text.replace(/\n/g, ' ').slice(0, 160);
    if (o.question.kind === 'none' && !o.refused) console.log(`  not refused: ${o.question.q} → ${line}`);
    if (o.question.kind !== 'none' && !o.right)
      console.log(
        `  wrong: ${o.question.q} [${o.question.answer_contains?.join(', ') ?? o.question.answer_any?.join('|')}] → ${line}`,
      );
    else if (o.question.kind !== 'none' && !o.cited) console.log(`  cited elsewhere: ${o.question.q}`);
  }
}
const s = scoreShared(outcomes);
const fx = (share: number, of: number) => `${share.toFixed(2)} (${Math.round(share * of)}/${of})`;
console.log(
  `ask (${questions.length} questions): answers ${fx(s.answers, s.answerable)}, right passage cited ${fx(s.cited, s.answerable)}, refusals ${fx(s.refusals, s.none)}, ${ms.toFixed(1)} ms/question`,
);

/** One threshold varied at a time; the one in use is marked. Both sets' refusals and answers weigh alike. */
async function sweep(): Promise<void> {
  const seed = await openEngine('corpus');
  const dev = loadQuestions().filter((q) => !q.heldOut);
  const pct = (n: number) => `${(n * 100).toFixed(1).padStart(5)}%`;
  console.log(
    `threshold  value   shared: answer refuse   dev: answer refuse   (in use: ${JSON.stringify(THRESHOLDS)})`,
  );
  for (const [key, values] of [
    ['answer', [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]],
    ['figure', [0.5, 0.6, 0.67, 0.75, 0.8, 1]],
    ['beyond', [0.25, 0.34, 0.5, 0.67, 0.75, 1]],
  ] as const) {
    for (const value of values) {
      const thresholds = { ...THRESHOLDS, [key]: value };
      const shared: SharedOutcome[] = [];
      for (const q of questions) shared.push(await askShared(engine, q, thresholds));
      const s = scoreShared(shared);
      const d = score(evaluate(dev, ours(seed, thresholds)));
      const mark = THRESHOLDS[key] === value ? '  ← in use' : '';
      console.log(
        `${key.padEnd(9)}  ${value.toFixed(2).padStart(5)}         ${pct(s.answers)} ${pct(s.refusals)}        ${pct(d.answer)} ${pct(d.refusal)}${mark}`,
      );
    }
  }
}
