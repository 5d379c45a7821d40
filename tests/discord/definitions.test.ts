import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { definitionProblems } from '../../src/discord/definitions.ts';

describe('command definitions', () => {
  it('satisfy Discord’s rules', () => {
    expect(definitionProblems(commands.map((c) => c.data))).toEqual([]);
  });

  it('give every answering command a hide option', () => {
    for (const c of commands) {
      expect(c.data.options?.some((o) => o.name === 'hide' && o.type === ApplicationCommandOptionType.Boolean), `/${c.data.name}`).toBe(true);
    }
  });

  it('offer autocomplete only where the command answers it', () => {
    for (const c of commands) {
      const completes = c.data.options?.some((o) => 'autocomplete' in o && o.autocomplete) ?? false;
      expect(completes, `/${c.data.name}`).toBe(Boolean(c.autocomplete));
    }
  });

  it('gate /summary behind Manage Messages', () => {
    const summary = commands.find((c) => c.data.name === 'summary')!;
    expect(summary.data.default_member_permissions).toBe('8192');
  });

  it('catch what Discord would refuse', () => {
    const problems = definitionProblems([
      { name: 'Bad Name', description: '', options: [
        { name: 'b', description: 'optional', type: ApplicationCommandOptionType.String },
        { name: 'a', description: 'x'.repeat(101), type: ApplicationCommandOptionType.String, required: true },
      ] },
    ]);
    expect(problems).toEqual([
      '/Bad Name: the name must be 1–32 lowercase letters, digits, - or _',
      '/Bad Name: the description must be 1–100 characters',
      '/Bad Name a: the description must be 1–100 characters',
      '/Bad Name a: required options must come before optional ones',
    ]);
  });
});
