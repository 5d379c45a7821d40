import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.ts';
import { evaluate, loadQuestions, ours, plainFuse, score } from '../../eval/ask.ts';
import { seedEngine } from '../support/corpus.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe('/ask on the question set', () => {
  const questions = loadQuestions();

  it('has at least 80 questions, 15 of them unanswerable, a fifth held out', () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(questions.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(15);
    expect(questions.filter((q) => q.heldOut).length).toBeGreaterThanOrEqual(Math.floor(questions.length / 5));
    for (const q of questions.filter((q) => q.answerable))
      expect(engine.corpus.passageById.has(q.passage!), q.id).toBe(true);
  });

  it('meets the floors: answer accuracy ≥ 0.95, refusal accuracy ≥ 0.9', () => {
    const s = score(evaluate(questions, ours(engine)));
    expect(s.answer).toBeGreaterThanOrEqual(0.95);
    expect(s.refusal).toBeGreaterThanOrEqual(0.9);
    expect(s.citation).toBeGreaterThanOrEqual(0.9);
  });

  it('beats plain Fuse.js over whole passages by a wide margin', () => {
    const mine = score(evaluate(questions, ours(engine)));
    const fuse = score(evaluate(questions, plainFuse(engine)));
    expect(mine.hit1).toBeGreaterThan(fuse.hit1 * 3);
    expect(mine.answer).toBeGreaterThan(fuse.answer * 3);
  });
});
