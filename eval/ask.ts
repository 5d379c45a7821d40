import Fuse from 'fuse.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { askAnswer, THRESHOLDS, type Thresholds } from '../src/answers/ask/ask.ts';
import type { Engine } from '../src/engine/engine.ts';
import { toText } from '../src/render/text.ts';

export const QuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  intent: z.enum(['figure', 'who-said', 'who-is', 'what-is', 'overview', 'why-how']),
  answerable: z.boolean(),
  mustContain: z.array(z.string()),
  passage: z.string().optional(),
  alsoAccept: z.array(z.string()).optional(),
  heldOut: z.boolean(),
  near: z.string().optional(),
  /** At least one must appear too (the text writes "three", an answer may say "3"). */
  mustContainAny: z.array(z.string()).optional(),
  note: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof QuestionSchema>;

export const QUESTIONS_FILE = path.resolve(import.meta.dirname, '../tests/fixtures/questions.json');
/** Written after the thresholds were chosen, by someone who had not seen the engine: never tuned on. */
export const FRESH_FILE = path.resolve(import.meta.dirname, '../tests/fixtures/questions-fresh.json');
/**
 * 52 chat-style questions about the seed, typed as Discord members type, written by someone who
 * had read neither the engine nor the other sets: scored, never tuned on.
 */
export const CHAT_FILE = path.resolve(import.meta.dirname, '../tests/fixtures/questions-chat.json');

export function loadQuestions(file = QUESTIONS_FILE): EvalQuestion[] {
  return z.array(QuestionSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** What a system said to one question: whether it answered, its text, the passages it cited in order. */
export interface Reply {
  found: boolean;
  text: string;
  cited: string[];
}

export interface Scores {
  questions: number;
  answer: number;
  citation: number;
  refusal: number;
  hit1: number;
  hit3: number;
}

export interface Outcome {
  question: EvalQuestion;
  reply: Reply;
  answerRight: boolean;
  citationRight: boolean;
  refusalRight: boolean;
}

export function ours(engine: Engine, thresholds: Thresholds = THRESHOLDS): (question: string) => Reply {
  return (question) => {
    const answer = askAnswer(engine, question, thresholds);
    return {
      found: answer.found,
      text: toText(answer, 'en'),
      cited: answer.items.flatMap((i) => (i.kind === 'note' ? [] : [i.citation.passage])),
    };
  };
}

/** The baseline the issue asks for: Fuse.js with default options over whole passages; its best passage is its answer. */
export function plainFuse(engine: Engine): (question: string) => Reply {
  const fuse = new Fuse(engine.corpus.passages, { keys: ['text'] });
  return (question) => {
    const hits = fuse.search(question);
    return { found: hits.length > 0, text: hits[0]?.item.text ?? '', cited: hits.map((h) => h.item.id) };
  };
}

export function judge(question: EvalQuestion, reply: Reply): Outcome {
  const text = reply.text.toLowerCase();
  const accepted = [question.passage, ...(question.alsoAccept ?? [])].filter(Boolean);
  return {
    question,
    reply,
    answerRight:
      question.answerable &&
      reply.found &&
      question.mustContain.every((s) => text.includes(s.toLowerCase())) &&
      (!question.mustContainAny || question.mustContainAny.some((s) => text.includes(s.toLowerCase()))),
    citationRight: question.answerable && reply.found && reply.cited.some((id) => accepted.includes(id)),
    refusalRight: reply.found === question.answerable,
  };
}

export function score(outcomes: Outcome[]): Scores {
  const answerable = outcomes.filter((o) => o.question.answerable);
  const share = (list: Outcome[], ok: (o: Outcome) => boolean) =>
    list.length ? list.filter(ok).length / list.length : NaN;
  const hit = (k: number) => (o: Outcome) =>
    o.reply.found &&
    o.reply.cited.slice(0, k).some((id) => [o.question.passage, ...(o.question.alsoAccept ?? [])].includes(id));
  return {
    questions: outcomes.length,
    answer: share(answerable, (o) => o.answerRight),
    citation: share(answerable, (o) => o.citationRight),
    refusal: share(outcomes, (o) => o.refusalRight),
    hit1: share(answerable, hit(1)),
    hit3: share(answerable, hit(3)),
  };
}

export function evaluate(questions: EvalQuestion[], system: (question: string) => Reply): Outcome[] {
  return questions.map((q) => judge(q, system(q.question)));
}
