import { REST, Routes } from 'discord.js';
import { commands, messageCommands } from '../../commands/index.ts';
import { ConfigError, loadConfig } from '../app/config.ts';
import { restOptions } from './bot.ts';
import { definitionProblems, withInstallContexts } from './definitions.ts';

/**
 * `npm run deploy`: registers the slash commands, to DISCORD_GUILD_ID when set
 * (instant, for testing) or globally (every server the bot is in). `-- --clear`
 * removes that set instead: a server that has both shows every command twice.
 */
async function deploy(): Promise<void> {
  const config = loadConfig();
  const missing = (['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const).filter((k) => !config[k]);
  if (missing.length) throw new ConfigError(`npm run deploy needs ${missing.join(' and ')} (see .env.example).`);
  const clear = process.argv.includes('--clear');
  const body = clear
    ? []
    : [...commands.map((c) => c.data), ...messageCommands.map((c) => c.data)].map(withInstallContexts);
  const problems = definitionProblems(body);
  if (problems.length)
    throw new ConfigError(`The command definitions break Discord's rules:\n  ${problems.join('\n  ')}`);

  const rest = new REST(restOptions(config)).setToken(config.DISCORD_TOKEN!);
  const app = config.DISCORD_APPLICATION_ID!;
  const guild = config.DISCORD_GUILD_ID;
  const route = guild ? Routes.applicationGuildCommands(app, guild) : Routes.applicationCommands(app);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  if (clear) {
    process.stdout.write(
      `Removed the commands registered ${guild ? `to server ${guild}` : 'globally'}; the ${guild ? 'global' : 'per-server'} ones stay.\n`,
    );
    return;
  }
  process.stdout.write(
    `Registered ${registered.length} commands ${guild ? `to server ${guild}` : 'globally (they can take up to an hour to appear)'}: ` +
      `${registered.map((c) => c.name).join(', ')}\n`,
  );
}

deploy().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Deploy failed: ${(error as Error)?.message ?? String(error)}`}\n`,
  );
  process.exitCode = 1;
});
