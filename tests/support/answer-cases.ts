import { readFileSync } from 'node:fs';
import path from 'node:path';
import { commands } from '../../commands/index.ts';
import type { Engine } from '../../src/engine/engine.ts';
import type { Figure } from '../../src/answers/answer.ts';
import { runLine } from '../../src/console/session.ts';
import { toDiscordReply } from '../../src/render/discord.ts';
import { toText } from '../../src/render/text.ts';

/**
 * Every command with each option set, and every question of the question sets, as typed
 * at the console. Recorded before the catalogue-and-layout move; the move must not change
 * a word of any English answer.
 */
export function answerLines(): string[] {
  const fixtures = path.resolve(import.meta.dirname, '../fixtures');
  const questions = (file: string) =>
    (JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as { question: string }[]).map(
      (q) => `/ask ${q.question}`,
    );
  const lines = [
    '/help',
    '/help hide:true',
    '/help me',
    '/articles',
    '/articles hide:true',
    '/stat gdp',
    '/stat gdp region:jiangsu',
    '/stat gdp region:shanghai',
    '/stat gdp period:Q1 2024',
    '/stat gdp period:2023',
    '/stat gdp region:jiangsu period:first quarter of 2024',
    '/stat gpd',
    '/stat r&d institutions',
    '/stat nothing-like-it',
    '/stat gdp colour:red',
    '/stat',
    '/stat gdp hide:maybe',
    '/stat gdp hide:true',
    '/region jiangsu',
    '/region 江苏',
    '/region shanghai',
    '/region suzhou',
    '/region jiangsuu',
    '/region atlantis',
    '/region china',
    '/region',
    '/search rocket',
    '/search future industries',
    '/search Da Zero Bay',
    '/search rokcet',
    '/search xyzzy plugh',
    '/search',
    '/source p5',
    '/source cctv-2024-05-productive-forces#p2',
    '/source p99',
    '/source nope',
    '/summary jiangsu',
    '/summary cctv-2024-05-productive-forces',
    '/summary atlantis',
    '/summary shanghai hide:true',
    '/reload',
    '/nosuchcommand',
    '/ask',
    '/ask @everyone <@123> **bold** `code`',
    "/find-sources Jiangsu's GDP grew 8% in the first quarter",
    '/find-sources Jiangsu GDP exceeded 3.1 trillion yuan',
    '/find-sources nothing to see here',
  ];
  return [
    ...lines,
    ...questions('questions.json'),
    ...questions('questions-fresh.json'),
    ...sharedEvalQuestions(fixtures),
  ];
}

function sharedEvalQuestions(fixtures: string): string[] {
  const file = path.join(fixtures, 'answers-before.questions.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as string[]).map((q) => `/ask ${q}`);
}

export interface RecordedAnswer {
  line: string;
  text: string;
  discord: string;
  discordPrivate: string;
  figures: unknown[];
  citations: unknown[];
}

export async function recordAnswer(engine: Engine, line: string): Promise<RecordedAnswer> {
  const result = await runLine(engine, line);
  if (!result) return { line, text: '', discord: '', discordPrivate: '', figures: [], citations: [] };
  const { answer } = result;
  return {
    line,
    text: toText(answer, 'en'),
    discord: toDiscordReply(answer, { ephemeral: result.hide, locale: 'en' }).content,
    discordPrivate: toDiscordReply(answer, { ephemeral: true, locale: 'en' }).content,
    // The Chinese names figures carry since the catalogue move are not part of the English record.
    figures: answer.items.flatMap((i) => (i.kind === 'figure' ? [englishFigure(i.figure)] : [])),
    citations: answer.items.flatMap((i) => (i.kind === 'note' ? [] : [i.citation])),
  };
}

function englishFigure(figure: Figure): Omit<Figure, 'metricZh' | 'regionZh'> {
  const { metricZh: _metric, regionZh: _region, ...english } = figure;
  return english;
}

/** Autocomplete for every option that has it, with a few typed values. */
export function autocompleteCases(): { command: string; option: string; value: string }[] {
  const values = ['', 'j', 'jiangs', 'jiangsuu', '江苏', 'gd', 'r&d', 'rocket', 'p1', 'cctv', 'zzzz'];
  return commands.flatMap((c) =>
    (c.data.options ?? [])
      .filter((o) => 'autocomplete' in o && o.autocomplete)
      .flatMap((o) => values.map((value) => ({ command: c.data.name, option: o.name, value }))),
  );
}
