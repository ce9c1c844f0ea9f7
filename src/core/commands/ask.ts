import { MAX_QUESTION_LENGTH } from '../facts-bot.ts';
import type { Command } from './command.ts';

export const ask: Command = {
  name: 'ask',
  options: [{ name: 'question', kind: 'text', required: true, maxLength: MAX_QUESTION_LENGTH, autocomplete: true }],
  run: ({ bot, arg, chosenLang, localeHint }) => {
    const result = bot.ask(arg, { ...(chosenLang && { lang: chosenLang }), ...(localeHint && { localeHint }) });
    return { reply: result.reply, ask: result };
  },
};
