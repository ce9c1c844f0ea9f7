import { defineCommand } from '../command.ts';

export default defineCommand({
  name: 'fact',
  position: 30,
  private: false,
  options: [{ name: 'topic', kind: 'topic', required: false, autocomplete: true }],
  run: ({ bot, lang, args }) => {
    if (!args.topic) return { reply: bot.randomFact(lang) };
    const topic = bot.findTopic(args.topic, lang);
    return { reply: topic ? bot.randomFact(lang, topic) : bot.topicsReply(lang, bot.t(lang, 'topics.unknown')) };
  },
});
