import { decodeAction } from './actions.ts';
import { findCommand } from './commands/index.ts';
import type { FactsBot } from './facts-bot.ts';
import type { Platform, PreferenceScope, Store } from './store.ts';
import type { AskResult, Lang, Reply, Suggestion } from './types.ts';

/** Who is talking, as an adapter knows it. */
export interface Conversation {
  platform: Platform;
  /** Where a `/lang` choice is stored: per chat on Telegram, per user on Discord. */
  scope: PreferenceScope;
  /** The chat or user id within that scope. */
  id: string;
  /** The platform's language for this user (Telegram `language_code`, Discord `locale`), if en, ru or kk. */
  localeHint?: Lang;
}

/**
 * Everything both chat adapters do with the core: resolve the reply language, run commands, answer
 * questions and button presses, persist `/lang` choices and log declined questions.
 */
export class ChatService {
  constructor(
    readonly bot: FactsBot,
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The stored `/lang` choice, if any. */
  chosenLanguage(who: Conversation): Lang | undefined {
    return this.store.getLanguage(who.scope, who.id);
  }

  /** The language for menus and command replies: the stored choice, else the locale, else English. */
  language(who: Conversation): Lang {
    return this.chosenLanguage(who) ?? who.localeHint ?? 'en';
  }

  /** Answers free text: the stored choice wins, else the question's own language, else the locale. */
  question(who: Conversation, text: string): Reply {
    const chosen = this.chosenLanguage(who);
    const result = this.bot.ask(text, { ...(chosen && { lang: chosen }), ...(who.localeHint && { localeHint: who.localeHint }) });
    this.logIfDeclined(who, text, result);
    return result.reply;
  }

  /** Runs a command by name; an unknown command gets a localized hint. */
  command(who: Conversation, name: string, arg = ''): Reply {
    const lang = this.language(who);
    const command = findCommand(name.toLowerCase());
    if (!command) return this.bot.message(lang, this.bot.t(lang, 'unknownCommand', { command: name }));
    const chosenLang = this.chosenLanguage(who);
    const output = command.run({
      bot: this.bot,
      lang,
      arg: arg.trim(),
      ...(chosenLang && { chosenLang }),
      ...(who.localeHint && { localeHint: who.localeHint }),
    });
    if (output.ask) this.logIfDeclined(who, arg, output.ask);
    if (output.reply.effect) this.store.setLanguage(who.scope, who.id, output.reply.effect.setLang);
    return output.reply;
  }

  /** Handles a pressed button's data; stale or forged data gets the "fact not found" hint. */
  action(who: Conversation, data: string): Reply {
    const action = decodeAction(data);
    const lang = action?.lang ?? this.language(who);
    switch (action?.type) {
      case 'fact':
        return this.bot.factById(action.factId, action.lang) ?? this.bot.message(lang, this.bot.t(lang, 'factNotFound'));
      case 'topic':
        return this.bot.topicReply(action.topic, action.lang);
      case 'topics':
        return this.bot.topicsReply(action.lang);
      case 'random':
        return this.bot.randomFact(action.lang);
      case 'set-lang':
        this.store.setLanguage(who.scope, who.id, action.lang);
        return this.bot.languageSet(action.lang);
      default:
        return this.bot.message(lang, this.bot.t(lang, 'factNotFound'));
    }
  }

  /** The language for what a user typed: the stored choice, else the text's own language, as `question` does. */
  private textLanguage(who: Conversation, text: string): Lang {
    return this.chosenLanguage(who) ?? this.bot.detect(text, who.localeHint);
  }

  /** Autocomplete suggestions in the user's language. */
  suggest(who: Conversation, partial: string, limit: number): Suggestion[] {
    return this.bot.suggest(partial, this.textLanguage(who, partial), limit);
  }

  /** Facts matching a partial question, each as a full fact reply in the user's language (inline search). */
  searchFacts(who: Conversation, partial: string, limit: number): Reply[] {
    const lang = this.textLanguage(who, partial);
    return this.bot.suggest(partial, lang, limit).flatMap((s) => this.bot.factById(s.factId, lang) ?? []);
  }

  private logIfDeclined(who: Conversation, text: string, result: AskResult): void {
    if (result.status !== 'declined') return;
    this.store.logDeclined({ text: text.trim(), lang: result.lang, platform: who.platform, at: this.now() });
  }
}
