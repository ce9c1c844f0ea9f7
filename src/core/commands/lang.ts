import { defineCommand } from '../command.ts';
import { choiceConfirmed, languagePicker, readChoice } from '../language-choice.ts';

/** `/lang`: the current setting and the picker; `/lang kk` chooses; `/lang auto` forgets the choice. */
export default defineCommand({
  name: 'lang',
  position: 50,
  private: true,
  options: [{ name: 'language', kind: 'language', required: false }],
  run: ({ bot, lang, chosenLang, args }) => {
    if (!args.language) return { reply: languagePicker(bot, lang, chosenLang) };
    const choice = readChoice(args.language);
    if (!choice) return { reply: languagePicker(bot, lang, chosenLang, bot.t(lang, 'lang.unknown')) };
    return { reply: choiceConfirmed(bot, choice, lang), language: choice === 'auto' ? null : choice };
  },
});
