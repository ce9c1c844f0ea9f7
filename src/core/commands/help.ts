import { defineCommand, describeCommand } from '../command.ts';

export default defineCommand({
  name: 'help',
  position: 70,
  private: true,
  options: [],
  run: ({ bot, lang, commands }) => {
    // Canonical names: they are what Telegram and the console accept typed.
    const lines = commands.map((command) => `/${command.name} — ${describeCommand(bot.t, lang, command).description}`);
    return { reply: bot.message(lang, [bot.t(lang, 'help.intro'), ...lines, '', bot.t(lang, 'help.footer')].join('\n')) };
  },
});
