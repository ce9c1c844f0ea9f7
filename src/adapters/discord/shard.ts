import { ConfigError, readConfig } from '../../config.ts';
import { ChatService, FactsBot } from '../../core/index.ts';
import { createLogger } from '../../log.ts';
import { SqliteStore } from '../../store/sqlite-store.ts';
import { startDiscord } from './start.ts';

/**
 * One shard's process under `npm run start:sharded`: the Discord bot only. The ShardingManager passes the
 * token and this shard's id and count through the environment; discord.js reads them.
 */
async function main(): Promise<void> {
  const config = readConfig();
  if (!config.discord) throw new ConfigError('DISCORD_TOKEN: is required');
  const log = createLogger([config.discord.token]);
  // Every shard opens the same SQLite file; WAL mode lets several processes share it.
  const store = SqliteStore.open(config.dataDir);
  const running = await startDiscord({ config: config.discord, chat: new ChatService(new FactsBot(), store), log }).catch((error: unknown) => {
    store.close();
    throw error;
  });
  const shutdown = async () => {
    await running.stop();
    store.close();
    // The IPC channel to the ShardingManager would keep this process alive.
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`error: ${error.message}`);
  else createLogger([process.env.DISCORD_TOKEN ?? '']).error('discord: shard failed to start', error);
  process.exitCode = 1;
});
