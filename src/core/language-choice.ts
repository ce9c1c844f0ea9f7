import type { FactsBot } from './facts-bot.ts';
import type { Translate } from './i18n.ts';
import { LANGS, type Lang, type Reply } from './types.ts';

/** What `/lang` takes: a language, or `auto`: the language of each question, as when nothing was chosen. */
export type LanguageChoice = Lang | 'auto';
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = [...LANGS, 'auto'];

/** A choice as typed ("RU", " auto "), or undefined when it is none. */
export function readChoice(text: string): LanguageChoice | undefined {
  const wanted = text.trim().toLowerCase();
  return LANGUAGE_CHOICES.find((choice) => choice === wanted);
}

/** How a choice is labelled for a reader of `lang`: each language by its own name, automatic choice in `lang`. */
export function choiceLabel(t: Translate, lang: Lang, choice: LanguageChoice): string {
  return choice === 'auto' ? t(lang, 'lang.autoButton') : t(choice, `languageNames.${choice}`);
}

/**
 * The language picker, in `lang`: the current setting (or `notice` instead), then a button per language and one for
 * automatic choice.
 */
export function languagePicker(bot: FactsBot, lang: Lang, chosen: Lang | undefined, notice?: string): Reply {
  const t = bot.t;
  const current = chosen ? t(lang, 'lang.current', { language: t(lang, `languageNamesIn.${chosen}`) }) : t(lang, 'lang.currentAuto');
  const body = notice ?? [current, t(lang, 'lang.choose')].join('\n');
  return bot.compose.message(lang, body, [
    LANGS.map((l) => ({ label: choiceLabel(t, lang, l), action: { type: 'set-lang' as const, lang: l } })),
    [{ label: choiceLabel(t, lang, 'auto'), action: { type: 'auto-lang' as const, lang } }],
  ]);
}

/** Confirms a choice: a language in itself, automatic choice in `lang` (the language the user was reading). */
export function choiceConfirmed(bot: FactsBot, choice: LanguageChoice, lang: Lang): Reply {
  return choice === 'auto' ? bot.message(lang, bot.t(lang, 'lang.autoSet')) : bot.languageSet(choice);
}
