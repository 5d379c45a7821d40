/**
 * `npm run eval`: how well /ask answers the question set, beside plain Fuse.js.
 *   npm run eval -- [--split dev|held-out|all|fresh|chat] [--failures] [--sweep]
 * --sweep tunes the refusal thresholds on the development questions only.
 */
import { parseArgs } from 'node:util';
import { openEngine } from '../src/app/open.ts';
import { THRESHOLDS } from '../src/answers/ask/ask.ts';
import {
  CHAT_FILE,
  FRESH_FILE,
  evaluate,
  loadQuestions,
  ours,
  plainFuse,
  score,
  type Outcome,
  type Scores,
} from './ask.ts';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'all' },
    failures: { type: 'boolean', default: false },
    sweep: { type: 'boolean', default: false },
  },
});
const engine = await openEngine('corpus');
const all = loadQuestions();
const splits: Record<string, typeof all> = {
  dev: all.filter((q) => !q.heldOut),
  'held-out': all.filter((q) => q.heldOut),
  all,
  fresh: loadQuestions(FRESH_FILE),
  chat: loadQuestions(CHAT_FILE),
};
const chosen = values.split === 'all' ? ['dev', 'held-out', 'all', 'fresh', 'chat'] : [values.split!];

const pct = (n: number) => (Number.isNaN(n) ? '   —  ' : `${(n * 100).toFixed(1).padStart(5)}%`);
const row = (name: string, s: Scores) =>
  `${name.padEnd(22)} ${String(s.questions).padStart(4)}  ${pct(s.answer)}  ${pct(s.citation)}  ${pct(s.refusal)}  ${pct(s.hit1)}  ${pct(s.hit3)}`;

console.log(`${'split / system'.padEnd(22)} ${'n'.padStart(4)}  answer   cite    refuse  hit@1   hit@3`);
let failures: Outcome[] = [];
for (const split of chosen) {
  const questions = splits[split];
  if (!questions) throw new Error(`unknown split ${split}`);
  const mine = evaluate(questions, ours(engine));
  console.log(row(`${split}: /ask`, score(mine)));
  console.log(row(`${split}: plain Fuse.js`, score(evaluate(questions, plainFuse(engine)))));
  if (split === chosen[0])
    failures = mine.filter((o) => !o.refusalRight || (o.question.answerable && (!o.answerRight || !o.citationRight)));
}
if (values.failures) {
  for (const f of failures) {
    console.log(
      `\n✗ ${f.question.id} [${f.question.intent}${f.question.answerable ? '' : ', unanswerable'}] ${f.question.question}`,
    );
    console.log(
      `  expected: ${f.question.answerable ? `${JSON.stringify(f.question.mustContain)} citing ${f.question.passage}` : 'a refusal'}`,
    );
    console.log(`  got: found=${f.reply.found} cited=${f.reply.cited.slice(0, 3).join(', ')}`);
    console.log(`  ${f.reply.text.split('\n').slice(0, 4).join('\n  ')}`);
  }
}

if (values.sweep) {
  console.log(
    `\nThreshold sweep on the development questions (in use: ${JSON.stringify(THRESHOLDS)}); one threshold varied at a time:`,
  );
  console.log('threshold  value   answer  refuse');
  for (const key of ['passage', 'place', 'figure'] as const) {
    for (const value of [0.34, 0.5, 0.6, 0.67, 0.75, 0.8, 1]) {
      const s = score(evaluate(splits.dev!, ours(engine, { ...THRESHOLDS, [key]: value })));
      console.log(
        `${key.padEnd(9)}  ${value.toFixed(2).padStart(5)}  ${pct(s.answer)}  ${pct(s.refusal)}${THRESHOLDS[key] === value ? '  ← in use' : ''}`,
      );
    }
  }
}
