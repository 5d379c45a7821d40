import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.ts';
import type { CommandContext } from '../src/command/command.ts';
import type { Engine } from '../src/engine/engine.ts';
import { recordAnswer, type RecordedAnswer } from './support/answer-cases.ts';
import { seedEngine } from './support/corpus.ts';

// Recorded by tests/fixtures/record-answers.ts before the catalogue-and-layout move: every English
// answer (console text, Discord reply, figures and citations) must read exactly as it did.
const recorded = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/answers-before.json'), 'utf8')) as {
  answers: RecordedAnswer[];
  choices: { command: string; option: string; value: string; choices: unknown[] }[];
};

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe('English answers are unchanged', () => {
  it(`answers ${recorded.answers.length} command lines and questions as recorded`, async () => {
    for (const before of recorded.answers) expect(await recordAnswer(engine, before.line), before.line).toEqual(before);
  });

  it(`offers the recorded autocomplete choices in ${recorded.choices.length} cases`, () => {
    const context: CommandContext = { engine, caller: { canManageMessages: true }, commands };
    for (const { command, option, value, choices } of recorded.choices) {
      const now = commands.find((c) => c.data.name === command)!.autocomplete!({ name: option, value }, context);
      expect(now, `/${command} ${option}:${value}`).toEqual(choices);
    }
  });
});
