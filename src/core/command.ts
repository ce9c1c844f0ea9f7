import type { FactsBot } from './facts-bot.ts';
import type { Translate } from './i18n.ts';
import type { AskResult, Lang, Reply } from './types.ts';

/**
 * An option a command takes, as platforms render it: a Discord option (a string; `language` as a choice of the
 * languages), the rest of the text after a Telegram or console command. Its localized name and description live in
 * `locales/` under `commands.<command>.options.<option>`.
 */
export interface CommandOption<Name extends string = string> {
  name: Name;
  kind: 'text' | 'language' | 'topic';
  required: boolean;
  maxLength?: number;
  autocomplete?: boolean;
}

/**
 * A handler's arguments, typed from its options: a required option is a string, an optional one may be missing.
 * Discord enforces required options; where the text after a command is all there is, a missing one is ''.
 */
export type CommandArgs<Options extends readonly CommandOption[]> = {
  [Option in Options[number] as Option['name']]: Option['required'] extends true ? string : string | undefined;
};

export interface CommandInput<Args = Readonly<Record<string, string | undefined>>> {
  bot: FactsBot;
  /** The language for this user: the stored choice, else the platform locale, else English. */
  lang: Lang;
  /** The stored `/lang` choice, if any: it overrides the language of a question. */
  chosenLang?: Lang;
  localeHint?: Lang;
  /** The options, trimmed; an empty one is missing. */
  args: Args;
  /** Answers text as the next message of the user's conversation: read against what came before, and remembered. */
  converse(text: string): Promise<AskResult>;
  /** Every command, in menu order. */
  commands: readonly Command[];
}

export interface CommandOutput {
  reply: Reply;
  /** The question the command answered, if it answered one: its status is the outcome of the message. */
  ask?: AskResult;
  /** A language choice to store; null forgets the stored one (the language of each question again). */
  language?: Lang | null;
  /** Facts the reply told, for the conversation to remember ("the second one", "tell me more" after a timeline). */
  told?: AskResult;
}

/**
 * A chat command: its definition and its handler side by side, one file in `commands/`; the Telegram menu, the
 * Discord registration and `/help` all come from these. Texts live in `locales/` under `commands.<name>`.
 */
export interface Command<Options extends readonly CommandOption[] = readonly CommandOption[]> {
  /** The canonical name: lower-case letters, digits and `_`, as both Telegram and Discord accept. */
  name: string;
  /** Where the command stands in menus and in `/help`: smaller first. */
  position: number;
  /** Where others could see the reply (a server channel), it is shown only to whoever ran the command: browsing and settings would clutter the channel. */
  private: boolean;
  options: Options;
  run(input: CommandInput<CommandArgs<Options>>): CommandOutput | Promise<CommandOutput>;
}

/**
 * A command for the table, with its handler's arguments typed from its options. A command file exports one as its
 * default export; it must not import the core's `index.ts`, which loads the table (the import would never finish).
 */
export function defineCommand<const Options extends readonly CommandOption[]>(command: Command<Options>): Command {
  return command as unknown as Command;
}

/** A command's texts in one language, from `locales/`: what the menus, the registration and `/help` show. */
export interface CommandTexts {
  name: string;
  description: string;
  options: ReadonlyArray<{ option: CommandOption; name: string; description: string }>;
}

export function describeCommand(t: Translate, lang: Lang, command: Command): CommandTexts {
  const key = `commands.${command.name}`;
  return {
    name: t(lang, `${key}.name`),
    description: t(lang, `${key}.description`),
    options: command.options.map((option) => ({
      option,
      name: t(lang, `${key}.options.${option.name}.name`),
      description: t(lang, `${key}.options.${option.name}.description`),
    })),
  };
}

/**
 * The arguments of a command typed as text after its name: each option but the last takes one word, the last the
 * rest (a question, a topic name).
 */
export function parseArgs(command: Command, text: string): Record<string, string | undefined> {
  const values: Record<string, string> = {};
  let rest = text.trim();
  command.options.forEach((option, i) => {
    const last = i === command.options.length - 1;
    const [, word = '', remainder = ''] = last ? ['', rest] : (/^(\S*)\s*([\s\S]*)$/.exec(rest) ?? []);
    values[option.name] = word;
    rest = remainder;
  });
  return namedArgs(command, values);
}

/**
 * Named arguments (Discord's options), trimmed, keeping only the command's own. A missing or empty one is
 * undefined, or '' when the option is required (see `CommandArgs`).
 */
export function namedArgs(command: Command, values: Readonly<Record<string, string | null | undefined>>): Record<string, string | undefined> {
  return Object.fromEntries(command.options.map((option) => [option.name, values[option.name]?.trim() || (option.required ? '' : undefined)]));
}
