import { FactsBot } from '../../src/core/facts-bot.ts';

// Run in a fresh process by core.bench.ts: start-up time and resident memory of one bot, as `npm start` has it.
const start = performance.now();
const bot = new FactsBot();
const startupMs = performance.now() - start;
bot.ask('How many Confucius Institutes are there in Kazakhstan?');
process.stdout.write(JSON.stringify({ startupMs, rssMb: process.memoryUsage().rss / 2 ** 20 }));
