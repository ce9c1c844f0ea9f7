import { decodeAction } from './actions.ts';
import { namedArgs, parseArgs } from './command.ts';
import { COMMANDS, findCommand } from './command-table.ts';
import { Dialogue } from './conversation/dialogue.ts';
import { DEFAULT_CONVERSATION_TTL_MS, parseState, serializeState, type ConversationState } from './conversation/state.ts';
import type { FactsBot } from './facts-bot.ts';
import { choiceConfirmed } from './language-choice.ts';
import type { Platform, PreferenceScope, Store } from './store.ts';
import type { AskResult, AskStatus, Lang, Reply, Suggestion } from './types.ts';

/** Who is talking, as an adapter knows it. */
export interface Conversation {
  platform: Platform;
  /** Where a `/lang` choice is stored: per chat on Telegram, per user on Discord. */
  scope: PreferenceScope;
  /** The chat or user id within that scope. */
  id: string;
  /**
   * The conversation the message belongs to, within the platform: a Telegram chat, a Discord DM (the user) or a
   * user in a server channel, the console. What a follow-up refers to is remembered per thread.
   */
  thread: string;
  /** The platform's language for this user (Telegram `language_code`, Discord `locale`), if en, ru or kk. */
  localeHint?: Lang;
}

/** What became of a message, for logs and metrics. */
export type Outcome = 'answered' | 'declined' | 'smalltalk' | 'command' | 'rate_limited' | 'error';

/** A reply with the outcome of the message it answers. */
export interface ChatReply extends Reply {
  outcome: Outcome;
}

const OUTCOME_OF: Record<AskStatus, Outcome> = {
  answered: 'answered',
  list: 'answered',
  timeline: 'answered',
  compare: 'answered',
  compound: 'answered',
  declined: 'declined',
  clarify: 'declined',
  smalltalk: 'smalltalk',
  empty: 'smalltalk',
  'too-long': 'smalltalk',
};

export interface ChatOptions {
  /** The clock (tests set it). */
  now?: () => Date;
  /** A conversation forgets what it held after this much quiet. */
  conversationTtlMs?: number;
}

/**
 * Everything both chat adapters do with the core: resolve the reply language, run commands, answer
 * questions and button presses, persist `/lang` choices and log declined questions.
 */
export class ChatService {
  private current: { bot: FactsBot; dialogue: Dialogue };
  private readonly now: () => Date;
  private readonly conversationTtlMs: number;

  constructor(
    bot: FactsBot,
    private readonly store: Store,
    options: ChatOptions = {},
  ) {
    this.current = { bot, dialogue: new Dialogue(bot) };
    this.now = options.now ?? (() => new Date());
    this.conversationTtlMs = options.conversationTtlMs ?? DEFAULT_CONVERSATION_TTL_MS;
  }

  /** The knowledge in use. Each call below reads it once, so a reply in flight finishes on the knowledge it started with. */
  get bot(): FactsBot {
    return this.current.bot;
  }

  /** Puts new knowledge in use at once, for every message from now on (reloading `data/`). */
  replaceBot(bot: FactsBot): void {
    this.current = { bot, dialogue: new Dialogue(bot) };
  }

  private stateKey(who: Conversation): string {
    return `${who.platform}:${who.thread}`;
  }

  private async loadState(who: Conversation): Promise<ConversationState> {
    return parseState(await this.store.getEntry('conversation', this.stateKey(who)));
  }

  private async saveState(who: Conversation, state: ConversationState): Promise<void> {
    const expiresAt = new Date(this.now().getTime() + this.conversationTtlMs);
    await this.store.putEntry('conversation', this.stateKey(who), serializeState(state), expiresAt);
  }

  /**
   * Answers a message of a conversation, read against what came before it in the same thread, and remembers it:
   * the stored `/lang` choice wins, else the message's own language, else the conversation's, else the locale.
   */
  async converse(who: Conversation, text: string): Promise<AskResult> {
    const { dialogue } = this.current;
    const [chosen, state] = await Promise.all([this.chosenLanguage(who), this.loadState(who)]);
    const turn = dialogue.turn(state, text, { ...(chosen && { lang: chosen }), ...(who.localeHint && { localeHint: who.localeHint }) });
    await Promise.all([this.saveState(who, turn.state), this.logIfDeclined(who, text, turn.result)]);
    return turn.result;
  }

  /** The stored `/lang` choice, if any. */
  chosenLanguage(who: Conversation): Promise<Lang | undefined> {
    return this.store.getLanguage(who.scope, who.id);
  }

  /** The language for menus and command replies: the stored choice, else the locale, else English. */
  async language(who: Conversation): Promise<Lang> {
    return (await this.chosenLanguage(who)) ?? who.localeHint ?? 'en';
  }

  /** Answers free text, in its conversation (see `converse`). */
  async question(who: Conversation, text: string): Promise<ChatReply> {
    const result = await this.converse(who, text);
    return { ...result.reply, outcome: OUTCOME_OF[result.status] };
  }

  /**
   * Runs a command by name with its arguments: the text after the name (Telegram, the console) or the named options
   * (Discord). An unknown command gets a localized hint.
   */
  async command(who: Conversation, name: string, args: string | Readonly<Record<string, string | null | undefined>> = ''): Promise<ChatReply> {
    const bot = this.bot;
    const chosenLang = await this.chosenLanguage(who);
    const lang = chosenLang ?? who.localeHint ?? 'en';
    const command = findCommand(name.toLowerCase());
    if (!command) return { ...bot.message(lang, bot.t(lang, 'unknownCommand', { command: name })), outcome: 'command' };
    const output = await command.run({
      bot,
      lang,
      args: typeof args === 'string' ? parseArgs(command, args) : namedArgs(command, args),
      ...(chosenLang && { chosenLang }),
      ...(who.localeHint && { localeHint: who.localeHint }),
      converse: (text) => this.converse(who, text),
      commands: COMMANDS,
    });
    if (output.language !== undefined) await this.storeLanguage(who, output.language);
    if (output.told) await this.saveState(who, this.current.dialogue.remember(await this.loadState(who), output.told));
    return { ...output.reply, outcome: output.ask ? OUTCOME_OF[output.ask.status] : 'command' };
  }

  /** Stores a `/lang` choice; null forgets it. */
  private async storeLanguage(who: Conversation, lang: Lang | null): Promise<void> {
    if (lang) await this.store.setLanguage(who.scope, who.id, lang);
    else await this.store.clearLanguage(who.scope, who.id);
  }

  /** Handles a pressed button's data; stale or forged data gets the "fact not found" hint. */
  async action(who: Conversation, data: string): Promise<ChatReply> {
    return { ...(await this.actionReply(who, data)), outcome: 'command' };
  }

  private async actionReply(who: Conversation, data: string): Promise<Reply> {
    const bot = this.bot;
    const action = decodeAction(data);
    const lang = action?.lang ?? (await this.language(who));
    switch (action?.type) {
      case 'fact': {
        const reply = bot.factById(action.factId, action.lang);
        if (!reply) return bot.message(lang, bot.t(lang, 'factNotFound'));
        // A fact picked by a button is what "tell me more" or "who founded it?" now refers to.
        await this.saveState(who, this.current.dialogue.shown(await this.loadState(who), action.factId, action.lang));
        return reply;
      }
      case 'topic':
        return bot.topicReply(action.topic, action.lang);
      case 'topics':
        return bot.topicsReply(action.lang);
      case 'random':
        return bot.randomFact(action.lang);
      case 'set-lang':
        await this.storeLanguage(who, action.lang);
        return choiceConfirmed(bot, action.lang, action.lang);
      case 'auto-lang':
        await this.storeLanguage(who, null);
        return choiceConfirmed(bot, 'auto', action.lang);
      default:
        return bot.message(lang, bot.t(lang, 'factNotFound'));
    }
  }

  /** The language for what a user typed: the stored choice, else the text's own language, as `question` does. */
  private async textLanguage(bot: FactsBot, who: Conversation, text: string): Promise<Lang> {
    return (await this.chosenLanguage(who)) ?? bot.detect(text, who.localeHint);
  }

  /** Autocomplete suggestions in the user's language. */
  async suggest(who: Conversation, partial: string, limit: number): Promise<Suggestion[]> {
    const bot = this.bot;
    return bot.suggest(partial, await this.textLanguage(bot, who, partial), limit);
  }

  /** Facts matching a partial question, each as a full fact reply in the user's language (inline search). */
  async searchFacts(who: Conversation, partial: string, limit: number): Promise<Reply[]> {
    const bot = this.bot;
    const lang = await this.textLanguage(bot, who, partial);
    return bot.suggest(partial, lang, limit).flatMap((s) => bot.factById(s.factId, lang) ?? []);
  }

  private async logIfDeclined(who: Conversation, text: string, result: AskResult): Promise<void> {
    if (result.status !== 'declined') return;
    await this.store.logDeclined({ text: text.trim(), lang: result.lang, platform: who.platform, at: this.now() });
  }
}
