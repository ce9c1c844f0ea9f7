import { defineCommand } from '../command.ts';

export default defineCommand({
  name: 'start',
  position: 80,
  private: true,
  options: [],
  run: ({ bot, lang }) => ({ reply: bot.greeting(lang) }),
});
