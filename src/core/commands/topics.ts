import { defineCommand } from '../command.ts';

export default defineCommand({
  name: 'topics',
  position: 20,
  private: true,
  options: [],
  run: ({ bot, lang }) => ({ reply: bot.topicsReply(lang) }),
});
