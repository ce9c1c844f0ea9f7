import type { FactsBot } from '../facts-bot.ts';
import type { AskResult, Lang, Reply } from '../types.ts';

export type CommandName = 'start' | 'help' | 'ask' | 'lang' | 'topics' | 'fact' | 'about';

/** An option a command takes; platforms render it (Discord option, Telegram argument). */
export interface CommandOption {
  name: string;
  kind: 'text' | 'language' | 'topic';
  required: boolean;
  maxLength?: number;
  autocomplete?: boolean;
}

export interface CommandInput {
  bot: FactsBot;
  /** The language for this user: the stored choice, else the platform locale, else English. */
  lang: Lang;
  /** The stored `/lang` choice, if any: it overrides the language of a question. */
  chosenLang?: Lang;
  localeHint?: Lang;
  /** The argument text after the command, trimmed; '' when there is none. */
  arg: string;
}

export interface CommandOutput {
  reply: Reply;
  /** Present when the command asked a question (so declines can be logged). */
  ask?: AskResult;
}

/** A chat command: its definition and its handler side by side. Descriptions live in `locales/` under `commands.<name>`. */
export interface Command {
  name: CommandName;
  options: readonly CommandOption[];
  run(input: CommandInput): CommandOutput;
}
