import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from './command.ts';

/** Every file in this folder is a command: adding one is adding a file (and its texts in `locales/`). */
const FOLDER = new URL('./commands/', import.meta.url);

/** What a command file must hold; anything else stops the start with a message naming the file. */
export class CommandTableError extends Error {
  override name = 'CommandTableError';
}

const isCommand = (value: unknown): value is Command =>
  typeof value === 'object' && value !== null && typeof (value as Command).name === 'string' && typeof (value as Command).run === 'function';

/** Loads every command of a folder, ordered by position; names and positions must be unique. */
export async function loadCommands(folder: URL): Promise<Command[]> {
  const files = fs.readdirSync(folder).filter((file) => /\.[cm]?[jt]s$/.test(file) && !file.endsWith('.d.ts')).sort();
  const where = (file: string) => path.relative(process.cwd(), fileURLToPath(new URL(file, folder)));
  const commands = await Promise.all(
    files.map(async (file) => {
      const exported: unknown = (await import(new URL(file, folder).href)).default;
      if (!isCommand(exported)) throw new CommandTableError(`${where(file)}: the default export is no command (export default defineCommand({ … }))`);
      return exported;
    }),
  );
  for (const [i, command] of commands.entries()) {
    const other = commands.findIndex((c) => c.name === command.name || c.position === command.position);
    if (other !== i) throw new CommandTableError(`${where(files[i]!)}: /${command.name} has the name or the position of /${commands[other]!.name}`);
  }
  return commands.sort((a, b) => a.position - b.position);
}

/** Every command, in menu order: the Telegram menu, the Discord registration and /help come from this table. */
export const COMMANDS: readonly Command[] = await loadCommands(FOLDER);

const BY_NAME = new Map(COMMANDS.map((command) => [command.name, command]));

export const findCommand = (name: string): Command | undefined => BY_NAME.get(name);
