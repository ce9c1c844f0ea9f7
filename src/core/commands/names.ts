import type { CommandName } from './command.ts';

/** Command names in menu order; `index.ts` maps each to its definition. */
export const COMMAND_NAMES: readonly CommandName[] = ['ask', 'topics', 'fact', 'lang', 'about', 'help', 'start'];
