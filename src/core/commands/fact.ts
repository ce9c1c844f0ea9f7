import type { Command } from './command.ts';

export const fact: Command = {
  name: 'fact',
  options: [{ name: 'topic', kind: 'topic', required: false, autocomplete: true }],
  run: ({ bot, lang, arg }) => {
    if (!arg) return { reply: bot.randomFact(lang) };
    const topic = bot.findTopic(arg, lang);
    return { reply: topic ? bot.randomFact(lang, topic) : bot.topicsReply(lang, bot.t(lang, 'topics.unknown')) };
  },
};
