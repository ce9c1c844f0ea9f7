import { isLang, LANGS } from '../types.ts';
import type { Command } from './command.ts';

export const lang: Command = {
  name: 'lang',
  options: [{ name: 'language', kind: 'language', required: false }],
  run: ({ bot, lang: current, arg }) => {
    const wanted = arg.toLowerCase();
    if (isLang(wanted)) return { reply: { ...bot.languageSet(wanted), effect: { setLang: wanted } } };
    const buttons = [LANGS.map((l) => ({ label: bot.t(l, `languageNames.${l}`), action: { type: 'set-lang' as const, lang: l } }))];
    const body = arg ? `${bot.t(current, 'lang.unknown')}` : bot.t(current, 'lang.choose');
    return { reply: { lang: current, body, sources: [], buttons } };
  },
};
