import { TelegramError, type Context, type NarrowedContext, type Telegraf } from 'telegraf';
import type { Message, MessageEntity, Update, User, UserFromGetMe } from 'telegraf/types';
import {
  clip,
  findCommand,
  isLang,
  isLanguageChoice,
  type ChatService,
  type Conversation,
  type Lang,
  type RateLimiter,
  type Reply,
} from '../../core/index.ts';
import type { Logger } from '../../log.ts';
import type { Metrics } from '../../ops/metrics.ts';
import { track, type Turn } from '../turn.ts';
import { KeyedQueue } from './flow.ts';
import { renderInlineResult, renderReply } from './render.ts';

/**
 * The updates the bot asks Telegram for. Edited messages are deliberately not among them: an edit usually
 * fixes a typo after the answer was already given, and answering again would look like a duplicate reply
 * (and in a group, like spam). Whoever wants a new answer sends the question again.
 */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/** Inline mode lists at most this many facts. */
export const INLINE_RESULTS = 10;

export interface HandlerDeps {
  chat: ChatService;
  log: Logger;
  metrics: Metrics;
  limiter: RateLimiter;
}

type MessageContext = NarrowedContext<Context, Update.MessageUpdate>;
type CallbackContext = NarrowedContext<Context, Update.CallbackQueryUpdate>;
type InlineContext = NarrowedContext<Context, Update.InlineQueryUpdate>;

/** Telegram's `language_code` ("ru", "en-US") as one of the bot's languages, if it is one. */
export function localeOf(code: string | undefined): Lang | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return isLang(base) ? base : undefined;
}

/**
 * The core's view of a Telegram chat: `/lang` is stored, and a conversation held, per chat (a group talks with the
 * bot as one); a private chat's id is the user's id.
 */
export function conversation(chatId: number, from: User | undefined): Conversation {
  const localeHint = localeOf(from?.language_code);
  const id = String(chatId);
  return { platform: 'telegram', scope: 'telegram-chat', id, thread: id, ...(localeHint && { localeHint }) };
}

export interface ParsedCommand {
  name: string;
  arg: string;
  /** False for `/cmd@another_bot`. */
  forUs: boolean;
}

/** `/name[@bot] [argument]` at the start of a message, or null. */
export function parseCommand(text: string, username: string): ParsedCommand | null {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?=\s|$)([\s\S]*)$/.exec(text);
  if (!match) return null;
  const target = match[2];
  return { name: match[1]!.toLowerCase(), arg: match[3]!.trim(), forUs: !target || target.toLowerCase() === username.toLowerCase() };
}

/** The entity in which a group message addresses the bot by @username or by a text mention, if any. */
export function findMention(text: string, entities: readonly MessageEntity[] | undefined, me: UserFromGetMe): MessageEntity | undefined {
  return entities?.find(
    (e) =>
      (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${me.username.toLowerCase()}`) ||
      (e.type === 'text_mention' && e.user.id === me.id),
  );
}

const MEDIA_HINTS = [
  ['sticker', 'sticker'],
  ['photo', 'photo'],
  ['voice', 'voice'],
  ['video_note', 'voice'],
  ['audio', 'other'],
  ['video', 'other'],
  ['animation', 'other'],
  ['document', 'other'],
  ['location', 'other'],
  ['contact', 'other'],
  ['poll', 'other'],
  ['dice', 'other'],
] as const;

function mediaHint(message: Message): string | undefined {
  return MEDIA_HINTS.find(([field]) => field in message)?.[1];
}

/** The turn of the update a context belongs to (set by the first middleware). */
const turnOf = (ctx: Context): Turn => ctx.state.turn as Turn;

/**
 * Wires every Telegram update the bot handles to the core. Returns the queue of in-flight updates, so a
 * shutdown can wait for their replies.
 */
export function attachHandlers(bot: Telegraf, deps: HandlerDeps): KeyedQueue {
  const { chat, log, limiter } = deps;
  const t = chat.bot.t;
  const queue = new KeyedQueue();

  const send = async (ctx: Context, reply: Reply, replyTo?: number) => {
    const { text, reply_markup } = renderReply(reply, t);
    await ctx.reply(text, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(reply_markup && { reply_markup }),
      // In groups the answer quotes its question, so it is clear whom it answers.
      ...(replyTo !== undefined && { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }),
    });
  };

  const rateNotice = (lang: Lang, seconds: number) => t(lang, 'rateLimited', { count: seconds });

  /** Counts a request against the user's limit; on the first refusal sends the notice. */
  const admit = async (ctx: MessageContext, who: Conversation, replyTo?: number): Promise<boolean> => {
    const decision = await limiter.take(String(ctx.message.from?.id ?? ctx.message.chat.id));
    if (decision.allowed) return true;
    const lang = await chat.language(who);
    turnOf(ctx).rateLimited(lang);
    if (decision.firstRefusal) await send(ctx, chat.bot.message(lang, rateNotice(lang, decision.retryAfterSeconds)), replyTo);
    return false;
  };

  const onMessage = async (ctx: MessageContext) => {
    const message = ctx.message;
    const me = ctx.botInfo;
    const isPrivate = message.chat.type === 'private';
    const who = conversation(message.chat.id, message.from);
    const replyTo = isPrivate ? undefined : message.message_id;
    const repliesToBot = 'reply_to_message' in message && message.reply_to_message?.from?.id === me.id;

    if ('text' in message) {
      const command = parseCommand(message.text, me.username);
      if (command) {
        // In groups an unknown command is probably meant for another bot: stay silent.
        if (!command.forUs || (!isPrivate && !findCommand(command.name))) return;
        if (await admit(ctx, who, replyTo)) await send(ctx, turnOf(ctx).replied(await chat.command(who, command.name, command.arg)), replyTo);
        return;
      }
      const mention = isPrivate ? undefined : findMention(message.text, message.entities, me);
      // In groups the bot answers only when addressed; other chatter is not for it.
      if (!isPrivate && !mention && !repliesToBot) return;
      const question = mention
        ? `${message.text.slice(0, mention.offset)} ${message.text.slice(mention.offset + mention.length)}`.trim()
        : message.text;
      if (await admit(ctx, who, replyTo)) await send(ctx, turnOf(ctx).replied(await chat.question(who, question), question), replyTo);
      return;
    }

    const hint = mediaHint(message);
    const captionMention = 'caption' in message && !!message.caption && !!findMention(message.caption, message.caption_entities, me);
    if (!hint || !(isPrivate || repliesToBot || captionMention)) return;
    if (!(await admit(ctx, who, replyTo))) return;
    const lang = await chat.language(who);
    await send(ctx, turnOf(ctx).replied({ ...chat.bot.message(lang, t(lang, `telegram:media.${hint}`)), outcome: 'smalltalk' }), replyTo);
  };

  const answerQuery = async (ctx: CallbackContext, text?: string) => {
    try {
      await ctx.answerCbQuery(text && clip(text, 200));
    } catch (error) {
      // A query left over from before a restart may be too old to answer; the reply itself still matters.
      log.warn('could not answer a callback query', error);
    }
  };

  const onCallback = async (ctx: CallbackContext) => {
    const query = ctx.callbackQuery;
    const chatId = query.message?.chat.id;
    if (!('data' in query) || chatId === undefined) return answerQuery(ctx);
    const who = conversation(chatId, query.from);
    const decision = await limiter.take(String(query.from.id));
    if (!decision.allowed) {
      const lang = await chat.language(who);
      turnOf(ctx).rateLimited(lang);
      return answerQuery(ctx, rateNotice(lang, decision.retryAfterSeconds));
    }
    // Answer first: the button stops spinning at once, whatever happens next.
    await answerQuery(ctx);
    const reply = turnOf(ctx).replied(await chat.action(who, query.data));
    if (isLanguageChoice(query.data)) {
      // The language picker turns into the confirmation, so its buttons cannot be pressed twice.
      const { text, reply_markup } = renderReply(reply, t);
      try {
        await ctx.editMessageText(text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(reply_markup && { reply_markup }) });
        return;
      } catch (error) {
        // "Not modified": an earlier attempt was applied before its connection dropped (see retry.ts).
        if (error instanceof TelegramError && /message is not modified/i.test(error.description)) return;
        log.warn('could not edit the language picker; sending the confirmation instead', error);
      }
    }
    await send(ctx, reply);
  };

  const onInline = async (ctx: InlineContext) => {
    const query = ctx.inlineQuery;
    // Inline queries have no chat: the user's own choice is the one stored for their private chat with the bot.
    const who = conversation(query.from.id, query.from);
    const results = (await chat.searchFacts(who, query.query, INLINE_RESULTS)).map((reply, i) => renderInlineResult(reply, t, i));
    await ctx.answerInlineQuery(results, { cache_time: 30, is_personal: true });
  };

  bot.use((ctx, next) => {
    const chatId = ctx.chat?.id;
    // The turn starts on arrival, so its latency includes waiting behind earlier messages of the chat.
    return track('telegram', log, deps.metrics, (turn) => {
      ctx.state.turn = turn;
      return queue.run(chatId === undefined ? undefined : String(chatId), () => next());
    });
  });
  bot.on('message', onMessage);
  bot.on('callback_query', onCallback);
  bot.on('inline_query', onInline);
  return queue;
}
