import type { Command } from './command.ts';

export const start: Command = {
  name: 'start',
  options: [],
  run: ({ bot, lang }) => ({ reply: bot.greeting(lang) }),
};
