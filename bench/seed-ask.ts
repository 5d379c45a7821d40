import { loadQuestions, FRESH_FILE } from '../eval/ask.ts';
import { openEngine } from '../src/app/open.ts';
import { askAnswer } from '../src/answers/ask/ask.ts';
import { toDiscordReply } from '../src/render/discord.ts';

const ROUNDS = 20;

/**
 * /ask on the real seed corpus, over every question of both question sets, as the router
 * runs it (answer and Discord rendering): the figure issue 5 asks for.
 */
export async function seedAskLatency(corpusDir: string): Promise<{ n: number; p50: number; p95: number; p99: number }> {
  const engine = await openEngine(corpusDir);
  const questions = [...loadQuestions(), ...loadQuestions(FRESH_FILE)].map((q) => q.question);
  for (const q of questions) askAnswer(engine, q);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of questions) {
      const started = performance.now();
      toDiscordReply(askAnswer(engine, q), { ephemeral: false, locale: 'en' });
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  return { n: times.length, p50: at(50), p95: at(95), p99: at(99) };
}
