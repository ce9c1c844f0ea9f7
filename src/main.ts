import 'dotenv/config';
import { runConsoleChat } from './adapters/console/console-chat.ts';
import { ConfigError, readConfig } from './config.ts';
import { ChatService, FactsBot, KnowledgeError, MemoryStore } from './core/index.ts';

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
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof KnowledgeError) {
    console.error(`error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
