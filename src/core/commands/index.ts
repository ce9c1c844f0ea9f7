import { about } from './about.ts';
import { ask } from './ask.ts';
import type { Command, CommandName } from './command.ts';
import { fact } from './fact.ts';
import { help } from './help.ts';
import { lang } from './lang.ts';
import { COMMAND_NAMES } from './names.ts';
import { start } from './start.ts';
import { topics } from './topics.ts';

const BY_NAME: Record<CommandName, Command> = { about, ask, fact, help, lang, start, topics };

/** Every command, in menu order: the Telegram menu, the Discord registration and /help come from this table. */
export const COMMANDS: readonly Command[] = COMMAND_NAMES.map((name) => BY_NAME[name]);

export const findCommand = (name: string): Command | undefined =>
  Object.hasOwn(BY_NAME, name) ? BY_NAME[name as CommandName] : undefined;

export type { Command, CommandInput, CommandName, CommandOption, CommandOutput } from './command.ts';
