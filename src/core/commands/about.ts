import type { Command } from './command.ts';

export const about: Command = {
  name: 'about',
  options: [],
  run: ({ bot, lang }) => ({ reply: bot.about(lang) }),
};
