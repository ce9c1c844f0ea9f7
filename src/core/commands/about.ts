import { defineCommand } from '../command.ts';

export default defineCommand({
  name: 'about',
  position: 60,
  private: false,
  options: [],
  run: ({ bot, lang }) => ({ reply: bot.about(lang) }),
});
