import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { encodeAction, type ChatService, type Conversation, type Reply } from '../../core/index.ts';

export interface ConsoleChatOptions {
  chat: ChatService;
  input: Readable;
  output: Writable;
  /** Interactive: a prompt and a welcome line. Otherwise each input line is answered and the chat ends at end of input. */
  interactive: boolean;
}

const WHO: Conversation = { platform: 'console', scope: 'console', id: 'console', thread: 'console' };
const QUIT = new Set(['/quit', '/exit', '/q']);

/** Renders a reply as plain text, its buttons as a numbered list the user can pick by typing the number. */
function render(chat: ChatService, reply: Reply): string {
  const text = chat.bot.plain(reply);
  const buttons = reply.buttons.flat();
  if (buttons.length === 0) return text;
  const list = buttons.map((button, i) => `[${i + 1}] ${button.label}`).join('  ');
  return `${text}\n\n${chat.bot.t(reply.lang, 'console.buttonsHint', { list })}`;
}

/** The console chat: try the bot with no Discord or Telegram token. Resolves when the user leaves. */
export async function runConsoleChat({ chat, input, output, interactive }: ConsoleChatOptions): Promise<void> {
  const rl = readline.createInterface({ input, output, terminal: interactive, crlfDelay: Infinity });
  // Taken at once: lines read while the first replies are awaited wait in the iterator instead of being lost.
  const lines = rl[Symbol.asyncIterator]();
  // Output closed early (`npm start | head`): stop quietly instead of crashing on EPIPE.
  let closed = false;
  output.on('error', () => {
    closed = true;
    rl.close();
  });
  const write = (text: string) => !closed && output.write(`${text}\n\n`);
  const prompt = async () => interactive && rl.setPrompt(chat.bot.t(await chat.language(WHO), 'console.prompt'));
  let buttons: string[] = [];

  const respond = (line: string): Promise<Reply> => {
    const picked = /^\d+$/.test(line) ? buttons[Number(line) - 1] : undefined;
    if (picked) return chat.action(WHO, picked);
    const command = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
    return command ? chat.command(WHO, command[1]!, command[2]) : chat.question(WHO, line);
  };

  if (interactive) write(chat.bot.t(await chat.language(WHO), 'console.welcome'));
  await prompt();
  if (interactive) rl.prompt();
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const raw = next.value;
    const line = raw.trim();
    if (QUIT.has(line.toLowerCase())) break;
    if (line || !interactive) {
      const reply = await respond(line);
      buttons = reply.buttons.flat().map((b) => encodeAction(b.action));
      write(render(chat, reply));
    }
    await prompt();
    if (interactive) rl.prompt();
  }
  if (interactive) write(chat.bot.t(await chat.language(WHO), 'console.bye'));
  rl.close();
}
