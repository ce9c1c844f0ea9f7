import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { FactsBot } from '../core/facts-bot.ts';
import { isLang } from '../core/types.ts';
import { answer, ConversationRun } from './answer.ts';
import { runCli, UsageError } from './run.ts';

const USAGE = [
  'usage: npm run ask -- [--json] [--dialogue] [--lang en|ru|kk] [question …]',
  '  no question: one per line of standard input',
  '  --dialogue: standard input is one conversation, a message per line; a line "---" starts a new one',
].join('\n');

/** A line that ends one conversation and starts the next (`--dialogue`). */
const NEW_CONVERSATION = '---';

function parseArguments() {
  try {
    return parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        dialogue: { type: 'boolean', default: false },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

await runCli(async () => {
  const { values, positionals } = parseArguments();
  if (values.help) return console.log(USAGE);
  if (values.lang !== undefined && !isLang(values.lang)) throw new UsageError(`--lang must be en, ru or kk\n${USAGE}`);
  const lang = values.lang;
  const bot = new FactsBot();
  const conversation = values.dialogue ? new ConversationRun(bot) : undefined;
  const options = lang ? { lang } : {};
  const print = (question: string) => {
    const record = conversation ? conversation.answer(question, options) : answer(bot, question, options);
    console.log(values.json ? JSON.stringify(record) : `${record.text}\n`);
  };
  if (positionals.length > 0) return print(positionals.join(' '));
  for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (conversation && line.trim() === NEW_CONVERSATION) conversation.reset();
    else print(line);
  }
});
