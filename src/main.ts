import 'dotenv/config';
import { runConsoleChat } from './adapters/console/console-chat.ts';
import { runBots } from './app.ts';
import { ChatService, FactsBot, MemoryStore } from './core/index.ts';
import { runProcess } from './entry.ts';

/** Starts the chat bots whose tokens are configured, or the console chat when there are none. */
await runProcess(async (config, log) => {
  if (config.telegram || config.discord) return void (await runBots(config, ['telegram', 'discord'], log));
  await runConsoleChat({
    chat: new ChatService(new FactsBot(), new MemoryStore(), { conversationTtlMs: config.conversationTtlMs }),
    input: process.stdin,
    output: process.stdout,
    interactive: process.stdin.isTTY === true,
  });
});
