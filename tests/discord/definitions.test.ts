import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands, messageCommands } from '../../commands/index.ts';
import { ApplicationIntegrationType as Install, InteractionContextType as Context } from 'discord-api-types/v10';
import { definitionProblems, withInstallContexts } from '../../src/discord/definitions.ts';

describe('command definitions', () => {
  it('satisfy Discord’s rules', () => {
    expect(definitionProblems(commands.map((c) => c.data))).toEqual([]);
  });

  it('carry zh-CN names and descriptions for every command and option, valid under Discord’s rules', () => {
    const all = [...commands.map((c) => c.data), ...messageCommands.map((c) => c.data)];
    expect(definitionProblems(all)).toEqual([]);
    for (const { data } of commands) {
      expect(data.name_localizations?.['zh-CN'], `/${data.name}`).toMatch(/\p{Script=Han}/u);
      expect(data.description_localizations?.['zh-CN'], `/${data.name}`).toMatch(/\p{Script=Han}/u);
      for (const o of data.options ?? []) {
        expect(o.name_localizations?.['zh-CN'], `/${data.name} ${o.name}`).toMatch(
          /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u,
        );
        expect(o.description_localizations?.['zh-CN']?.length, `/${data.name} ${o.name}`).toBeGreaterThan(0);
      }
    }
    for (const { data } of messageCommands) expect(data.name_localizations?.['zh-CN'], data.name).toBeTruthy();
  });

  it('give every answering command a hide option (/gaps answers privately, always)', () => {
    for (const c of commands.filter((c) => c.data.name !== 'gaps')) {
      expect(
        c.data.options?.some((o) => o.name === 'hide' && o.type === ApplicationCommandOptionType.Boolean),
        `/${c.data.name}`,
      ).toBe(true);
    }
  });

  it('offer autocomplete only where the command answers it', () => {
    for (const c of commands) {
      const completes = c.data.options?.some((o) => 'autocomplete' in o && o.autocomplete) ?? false;
      expect(completes, `/${c.data.name}`).toBe(Boolean(c.autocomplete));
    }
  });

  it('give every answering command a mention option (a member) and /stat and /compare a format option', () => {
    // /gaps answers privately, always: there is nobody to address it to.
    for (const c of commands.filter((c) => c.data.name !== 'gaps')) {
      expect(
        c.data.options?.some((o) => o.name === 'mention' && o.type === ApplicationCommandOptionType.User),
        `/${c.data.name}`,
      ).toBe(true);
      const format = c.data.options?.find((o) => o.name === 'format');
      expect(Boolean(format), `/${c.data.name}`).toBe(['stat', 'compare'].includes(c.data.name));
      if (format && 'choices' in format) expect(format.choices?.map((o) => o.value)).toEqual(['text', 'csv', 'json']);
    }
  });

  it('deploy the read-only commands to user installs too, and keep the moderators’ in servers', () => {
    const deployed = [...commands, ...messageCommands].map((c) => withInstallContexts(c.data));
    expect(definitionProblems(deployed)).toEqual([]);
    const where = Object.fromEntries(deployed.map((d) => [d.name, [d.integration_types, d.contexts]]));
    const everywhere = [
      [Install.GuildInstall, Install.UserInstall],
      [Context.Guild, Context.BotDM, Context.PrivateChannel],
    ];
    const serversOnly = [[Install.GuildInstall], [Context.Guild]];
    for (const name of ['ask', 'region', 'stat', 'search', 'source', 'articles', 'help', 'Find sources'])
      expect(where[name], name).toEqual(everywhere);
    for (const name of ['summary', 'reload', 'gaps']) expect(where[name], name).toEqual(serversOnly);
    expect(
      definitionProblems([
        { ...withInstallContexts(commands.find((c) => c.data.name === 'gaps')!.data), contexts: [1] },
      ]),
    ).toEqual(['gaps: a moderator command must stay in servers that installed the app']);
  });

  it('gate /summary behind Manage Messages', () => {
    const summary = commands.find((c) => c.data.name === 'summary')!;
    expect(summary.data.default_member_permissions).toBe('8192');
  });

  it('catch what Discord would refuse', () => {
    const problems = definitionProblems([
      {
        name: 'Bad Name',
        description: '',
        name_localizations: { 'zh-CN': '带 空格' },
        description_localizations: { 'zh-CN': '长'.repeat(101) },
        options: [
          { name: 'b', description: 'optional', type: ApplicationCommandOptionType.String },
          { name: 'a', description: 'x'.repeat(101), type: ApplicationCommandOptionType.String, required: true },
        ],
      },
    ]);
    expect(problems).toEqual([
      '/Bad Name: the name must be 1–32 lowercase letters, digits, - or _',
      '/Bad Name (zh-CN name “带 空格”): the name must be 1–32 lowercase letters, digits, - or _',
      '/Bad Name: the description must be 1–100 characters',
      '/Bad Name (zh-CN description): the description must be 1–100 characters',
      '/Bad Name a: the description must be 1–100 characters',
      '/Bad Name a: required options must come before optional ones',
    ]);
  });
});
