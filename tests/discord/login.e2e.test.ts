import { GatewayIntentBits } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { botEnv, runScript } from '../support/bot.ts';
import { runCli } from '../support/cli.ts';
import { FakeDiscord, type FakeDiscordOptions } from '../support/fake-discord.ts';

/** `npm start` against a Discord that refuses it: one line naming the setting, exit 1, no stack and no token. */
describe('npm start when Discord refuses the login', { timeout: 120_000 }, () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.stop();
    fake = undefined;
  });

  const start = async (options: FakeDiscordOptions, env: Record<string, string>) => {
    fake = await FakeDiscord.start({ token: 'the-right-token', ...options });
    const run = await runScript('src/main.ts', botEnv(fake, env));
    const said = run.stderr.split('\n').filter((line) => line && !line.startsWith('{'));
    return { code: run.code, said, stderr: run.stderr };
  };

  it('a wrong token (REST 401, gateway 4004)', async () => {
    const { code, said, stderr } = await start({}, { DISCORD_TOKEN: 'a-wrong-token' });
    expect(code).toBe(1);
    expect(said).toEqual([expect.stringMatching(/^Discord refused DISCORD_TOKEN: .*Reset Token\.$/)]);
    expect(stderr).not.toContain('a-wrong-token');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a token with a line break inside it', async () => {
    const { code, said, stderr } = await start({}, { DISCORD_TOKEN: 'the-right\ntoken' });
    expect(code).toBe(1);
    expect(said).toEqual([expect.stringMatching(/^DISCORD_TOKEN holds a space or a line break/)]);
    expect(stderr).not.toContain('the-right');
  });

  it('the Message Content intent switched off in the Developer Portal (close 4014) with ANSWER_MENTIONS=true', async () => {
    const { code, said } = await start(
      { privilegedIntents: GatewayIntentBits.GuildMembers },
      { DISCORD_TOKEN: 'the-right-token', ANSWER_MENTIONS: 'true' },
    );
    expect(code).toBe(1);
    expect(said).toEqual([expect.stringMatching(/ANSWER_MENTIONS=true.*Message Content Intent.*Developer Portal/)]);
  });
});

describe('npm start without DISCORD_TOKEN', { timeout: 120_000 }, () => {
  it('says on stderr it is the local console, names a misspelt token setting, and answers piped commands', async () => {
    const run = await runCli(
      'src/main.ts',
      [],
      { DISCORD_TOKEN: '', DISCORD_BOT_TOKEN: 'secret-value', 'DISCORD_TOKEN ': 'another-secret', LOG_LEVEL: 'warn' },
      '/stat gdp\n',
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('No DISCORD_TOKEN found, so this is the local console');
    expect(run.stderr).toContain('Set but not read: DISCORD_BOT_TOKEN, DISCORD_TOKEN . Did you mean DISCORD_TOKEN?');
    expect(run.stderr).not.toContain('secret');
    expect(run.stdout).toContain('3.1 trillion yuan');
  });

  it('names no setting when none looks like the token', async () => {
    const run = await runCli('src/main.ts', [], { DISCORD_TOKEN: '', GITHUB_TOKEN: 'x' }, '');
    expect(run.stderr).toContain('No DISCORD_TOKEN found');
    expect(run.stderr).not.toContain('Set but not read');
  });
});
