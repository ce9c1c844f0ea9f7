import type { Command } from './command.ts';

export const topics: Command = {
  name: 'topics',
  options: [],
  run: ({ bot, lang }) => ({ reply: bot.topicsReply(lang) }),
};
