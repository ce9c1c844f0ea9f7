import 'dotenv/config';
import { runConsoleChat } from './adapters/console/console-chat.ts';
import { ConfigError, readConfig, type Config } from './config.ts';
import { ChatService, FactsBot, KnowledgeError, MemoryStore } from './core/index.ts';
import { createLogger, scrub, type Logger } from './log.ts';

interface Running {
  stop(): Promise<void>;
}

/** A chat bot could not start (bad token, unreachable API): reported in one line, secrets scrubbed. */
class StartError extends Error {
  override name = 'StartError';
}

/** Starts each chat bot whose token is configured; the platform libraries load only when used. */
async function startBots(config: Config, chat: ChatService, log: Logger, secrets: string[]): Promise<Running[]> {
  const running: Running[] = [];
  const start = async (platform: string, launch: () => Promise<Running>) => {
    try {
      running.push(await launch());
    } catch (error) {
      await Promise.allSettled(running.map((bot) => bot.stop()));
      throw new StartError(scrub(`${platform}: cannot start: ${(error as Error).message}`, secrets));
    }
    log.info(`${platform}: running`);
  };
  const { telegram, discord } = config;
  if (telegram) {
    const { startTelegram } = await import('./adapters/telegram/start.ts');
    await start('telegram', () => startTelegram({ config: telegram, chat, log }));
  }
  if (discord) {
    const { startDiscord } = await import('./adapters/discord/start.ts');
    await start('discord', () => startDiscord({ config: discord, chat, log }));
  }
  return running;
}

/** Starts the chat bots whose tokens are configured, or the console chat when there are none. */
async function main(): Promise<void> {
  const config = readConfig();
  const bot = new FactsBot();
  if (!config.telegram && !config.discord) {
    await runConsoleChat({
      chat: new ChatService(bot, new MemoryStore()),
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true,
    });
    return;
  }

  const secrets = [config.telegram?.token, config.telegram?.webhook?.secret, config.discord?.token].filter((s): s is string => !!s);
  const log = createLogger(secrets);
  const { SqliteStore } = await import('./store/sqlite-store.ts');
  const store = SqliteStore.open(config.dataDir);
  let running: Running[];
  try {
    running = await startBots(config, new ChatService(bot, store), log, secrets);
  } catch (error) {
    store.close();
    throw error;
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing replies in flight, then stopping`);
    await Promise.allSettled(running.map((r) => r.stop()));
    store.close();
    log.info('stopped');
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Errors a user can fix (configuration, data, start-up, store) print one line; anything else is a bug and prints in full. */
const EXPECTED = new Set(['ConfigError', 'KnowledgeError', 'StartError', 'StoreVersionError']);

main().catch((error: unknown) => {
  const secrets = [process.env.TELEGRAM_BOT_TOKEN, process.env.TELEGRAM_WEBHOOK_SECRET, process.env.DISCORD_TOKEN].filter((s): s is string => !!s);
  const expected = error instanceof ConfigError || error instanceof KnowledgeError || EXPECTED.has((error as Error | undefined)?.name ?? '');
  const text = expected ? `error: ${(error as Error).message}` : String((error as Error | undefined)?.stack ?? error);
  console.error(scrub(text, secrets));
  process.exitCode = 1;
});
