/**
 * `npm run eval:shared`: the shared development set scored in one process.
 *   npm run eval:shared -- [--verbose] [--only NN]
 */
import { parseArgs } from 'node:util';
import { askShared, scoreShared, sharedEngine, sharedQuestions, type SharedOutcome } from './shared-set.ts';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, only: { type: 'string' } } });
const { engine, dispose } = await sharedEngine(values.only);
const questions = sharedQuestions().filter((q) => !values.only || q.article.startsWith(values.only));
const outcomes: SharedOutcome[] = [];
const started = performance.now();
for (const q of questions) outcomes.push(await askShared(engine, q));
const ms = (performance.now() - started) / Math.max(1, questions.length);
await dispose();

if (values.verbose) {
  for (const o of outcomes) {
    const line = o.text.replace(/\n/g, ' ').slice(0, 160);
    if (o.question.kind === 'none' && !o.refused) console.log(`  not refused: ${o.question.q} → ${line}`);
    if (o.question.kind !== 'none' && !o.right) console.log(`  wrong: ${o.question.q} [${o.question.answer_contains?.join(', ') ?? o.question.answer_any?.join('|')}] → ${line}`);
    else if (o.question.kind !== 'none' && !o.cited) console.log(`  cited elsewhere: ${o.question.q}`);
  }
}
const s = scoreShared(outcomes);
const fx = (share: number, of: number) => `${share.toFixed(2)} (${Math.round(share * of)}/${of})`;
console.log(`ask (${questions.length} questions): answers ${fx(s.answers, s.answerable)}, right passage cited ${fx(s.cited, s.answerable)}, refusals ${fx(s.refusals, s.none)}, ${ms.toFixed(1)} ms/question`);
