import { COMMAND_NAMES } from './names.ts';
import type { Command } from './command.ts';

export const help: Command = {
  name: 'help',
  options: [],
  run: ({ bot, lang }) => {
    const lines = COMMAND_NAMES.map((name) => `/${name} — ${bot.t(lang, `commands.${name}.description`)}`);
    return { reply: bot.message(lang, [bot.t(lang, 'help.intro'), ...lines, '', bot.t(lang, 'help.footer')].join('\n')) };
  },
};
