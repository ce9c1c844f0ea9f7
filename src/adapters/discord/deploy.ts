import { pathToFileURL } from 'node:url';
import { DiscordAPIError, REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { ConfigError, readConfig, type Config } from '../../config.ts';
import { FactsBot } from '../../core/index.ts';
import { scrub } from '../../log.ts';
import { buildCommands } from './commands.ts';

export interface DeployResult {
  /** `global`, or the server id the commands were registered to. */
  scope: 'global' | { guildId: string };
  /** The registered command names, as Discord returned them. */
  names: string[];
}

/**
 * Registers the slash commands: to `DISCORD_GUILD_ID` when set (updates show at once, for development),
 * else globally. A bulk overwrite (PUT), so running it again changes nothing and removed commands disappear.
 */
export async function deployCommands(config: Config, bot: Pick<FactsBot, 't'> = new FactsBot()): Promise<DeployResult> {
  const discord = config.discord;
  if (!discord) throw new ConfigError('DISCORD_TOKEN: is required to register the slash commands');
  if (!discord.clientId) throw new ConfigError('DISCORD_CLIENT_ID: is required to register the slash commands (the application id)');
  const rest = new REST(discord.apiRoot ? { api: discord.apiRoot } : {}).setToken(discord.token);
  try {
    const route = discord.guildId
      ? Routes.applicationGuildCommands(discord.clientId, discord.guildId)
      : Routes.applicationCommands(discord.clientId);
    const registered = (await rest.put(route, { body: buildCommands(bot.t, { global: !discord.guildId }) })) as RESTPutAPIApplicationCommandsResult;
    return { scope: discord.guildId ? { guildId: discord.guildId } : 'global', names: registered.map((command) => command.name) };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** One line for an expected failure (bad configuration, Discord saying no), never the token. */
export function describeDeployError(error: unknown, secrets: readonly string[]): string {
  if (error instanceof ConfigError) return error.message.split('\n').map((line) => `error: ${line}`).join('\n');
  if (error instanceof DiscordAPIError) {
    const hint = error.status === 401 ? ' (check DISCORD_TOKEN)' : error.status === 404 || error.status === 403 ? ' (check DISCORD_CLIENT_ID and DISCORD_GUILD_ID)' : '';
    return scrub(`error: Discord rejected the commands: ${error.status} ${error.message}${hint}`, secrets);
  }
  return scrub(`error: could not register the commands: ${error instanceof Error ? error.message : String(error)}`, secrets);
}

async function main(): Promise<void> {
  (await import('dotenv')).config({ quiet: true });
  const secrets = [process.env.DISCORD_TOKEN ?? ''];
  try {
    const { scope, names } = await deployCommands(readConfig());
    const where = scope === 'global' ? 'globally' : `to server ${scope.guildId}`;
    console.log(`Registered ${names.length} commands ${where}: ${names.map((name) => `/${name}`).join(' ')}`);
  } catch (error) {
    console.error(describeDeployError(error, secrets));
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
