import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  CallbackQuery,
  Chat,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  Update,
  User,
  UserFromGetMe,
} from 'telegraf/types';

/**
 * A fake Telegram Bot API server for end-to-end tests: the real telegraf bot talks to it over HTTP through
 * `apiRoot`. It delivers updates by long polling (or posts them to the registered webhook), records every
 * call, rejects what Telegram rejects, and injects 429 / 5xx / connection faults on demand.
 */

export const FAKE_TOKEN = '123456789:AAFakeTokenForTestsOnly_abcdefghijklmn';

/** The parse result of a text as Telegram would see it. */
export type ParsedText = { ok: true; text: string } | { ok: false; error: string };

const ALLOWED_TAGS: Record<string, readonly string[]> = {
  b: [],
  strong: [],
  i: [],
  em: [],
  u: [],
  ins: [],
  s: [],
  strike: [],
  del: [],
  span: ['class'],
  'tg-spoiler': [],
  a: ['href'],
  'tg-emoji': ['emoji-id'],
  code: ['class'],
  pre: [],
  blockquote: ['expandable'],
};

const ENTITY = /^&(?:(lt|gt|amp|quot);|#(\d{1,7});|#x([0-9a-fA-F]{1,6});)/;
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))?)*)\s*>/;
const ATTRIBUTE = /([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g;

/** Parses Telegram's HTML parse mode strictly: only supported tags, balanced, with every `<`, `>` and `&` escaped. */
export function parseTelegramHtml(html: string): ParsedText {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const match = TAG.exec(html.slice(i));
      if (!match) return { ok: false, error: `Bad Request: can't parse entities: unsupported start tag at byte offset ${i}` };
      const [whole, closing, rawName, attributes] = match;
      const name = rawName!.toLowerCase();
      const allowed = ALLOWED_TAGS[name];
      if (!allowed) return { ok: false, error: `Bad Request: can't parse entities: unsupported start tag "${name}" at byte offset ${i}` };
      if (closing) {
        if (stack.pop() !== name) return { ok: false, error: `Bad Request: can't parse entities: unexpected end tag at byte offset ${i}` };
      } else {
        for (const [, attribute] of attributes!.matchAll(ATTRIBUTE)) {
          if (!allowed.includes(attribute!.toLowerCase())) {
            return { ok: false, error: `Bad Request: can't parse entities: unsupported attribute "${attribute}" at byte offset ${i}` };
          }
        }
        if (name === 'a' && stack.includes('a')) return { ok: false, error: "Bad Request: can't parse entities: nested links" };
        stack.push(name);
      }
      i += whole!.length;
    } else if (c === '&') {
      const match = ENTITY.exec(html.slice(i));
      if (!match) return { ok: false, error: `Bad Request: can't parse entities: unexpected & at byte offset ${i}` };
      const [whole, named, dec, hex] = match;
      text += named ? { lt: '<', gt: '>', amp: '&', quot: '"' }[named]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16));
      i += whole!.length;
    } else if (c === '>') {
      return { ok: false, error: `Bad Request: can't parse entities: unexpected > at byte offset ${i}` };
    } else {
      text += c;
      i += 1;
    }
  }
  if (stack.length) return { ok: false, error: `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  return { ok: true, text };
}

/** What Telegram does with a message text: parse it, then check it is neither empty nor too long. */
export function checkMessageText(text: unknown, parseMode: unknown): ParsedText {
  if (typeof text !== 'string') return { ok: false, error: 'Bad Request: message text is empty' };
  let parsed: ParsedText;
  if (parseMode === undefined) parsed = { ok: true, text };
  else if (parseMode === 'HTML') parsed = parseTelegramHtml(text);
  else return { ok: false, error: `fake server: parse mode ${String(parseMode)} is not emulated` };
  if (!parsed.ok) return parsed;
  if (parsed.text.trim() === '') return { ok: false, error: 'Bad Request: message text is empty' };
  if (parsed.text.length > 4096) return { ok: false, error: 'Bad Request: message is too long' };
  return parsed;
}

/** Checks an inline keyboard the way Telegram does; null when valid. */
export function checkKeyboard(markup: unknown): string | null {
  if (markup === undefined) return null;
  const rows = (markup as InlineKeyboardMarkup | null)?.inline_keyboard;
  if (!Array.isArray(rows)) return 'Bad Request: unsupported reply markup';
  let count = 0;
  for (const row of rows) {
    if (!Array.isArray(row) || row.length === 0) return 'Bad Request: inline keyboard rows must be non-empty arrays';
    if (row.length > 8) return 'Bad Request: reply markup is too long';
    for (const button of row as unknown as Array<Record<string, unknown>>) {
      count += 1;
      if (typeof button.text !== 'string' || button.text.trim() === '') return 'Bad Request: text buttons are unallowed in the inline keyboard';
      const data = button.callback_data;
      if (data === undefined && button.url === undefined) return 'Bad Request: inline keyboard button must have an action';
      if (data !== undefined && (typeof data !== 'string' || data.length === 0 || Buffer.byteLength(data, 'utf8') > 64)) {
        return 'Bad Request: BUTTON_DATA_INVALID';
      }
    }
  }
  if (count > 100) return 'Bad Request: reply markup is too long';
  return null;
}

/**
 * A fault to inject: an HTTP error before the call is executed (Telegram did nothing), or a dropped connection
 * before executing the call ('reset-before') or after executing it ('reset-after': delivered, but the client
 * cannot know).
 */
export type Fault = { status: 429; retryAfter: number } | { status: 500 | 502 | 503 } | { status: 403 } | 'reset-before' | 'reset-after';

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** HTTP status sent back, or 0 when the connection was reset. */
  status: number;
  error?: string;
  fault?: Fault;
  /** performance.now() when the call was answered. */
  at: number;
}

/** A message the bot sent (and possibly later edited). */
export interface BotMessage {
  message_id: number;
  chat_id: number;
  /** The text as sent (HTML). */
  html: string;
  /** The text as the user sees it. */
  text: string;
  reply_markup?: InlineKeyboardMarkup;
  reply_to?: number;
  thread?: number;
  at: number;
  edits: number;
}

export interface FakeUser extends User {
  /** The user's private chat with the bot. */
  chat: Chat.PrivateChat;
}

interface Waiter {
  wake: () => void;
  /** Set when a newer getUpdates request took this one's place, as Telegram does with a second poller. */
  conflict?: boolean;
}

export interface FakeBotApiOptions {
  token?: string;
  /**
   * Where webhook deliveries go instead of the registered URL's host (its path is kept): a TLS-terminating load
   * balancer in front of replicas registered with an https:// URL.
   */
  webhookOrigin?: string;
  /** Milliseconds before an update whose delivery got no 2xx is delivered again (Telegram retries; default 50). */
  redeliverAfterMs?: number;
}

type ApiResult = { status: number; body: unknown; fault?: Fault; reset?: 'before' | 'after' };

const ok = (result: unknown): ApiResult => ({ status: 200, body: { ok: true, result } });
const fail = (code: number, description: string, extra: Record<string, unknown> = {}): ApiResult => ({
  status: code >= 500 ? code : code === 429 ? 429 : code,
  body: { ok: false, error_code: code, description, ...extra },
});

export class FakeBotApi {
  readonly me: UserFromGetMe = {
    id: 7_000_001,
    is_bot: true,
    first_name: 'Silk Road Facts',
    username: 'silkroad_facts_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
  } as UserFromGetMe;

  readonly calls: RecordedCall[] = [];
  readonly botMessages: BotMessage[] = [];
  /** Menus registered with setMyCommands, by language code ('' for the default). */
  readonly commands = new Map<string, Array<{ command: string; description: string }>>();
  webhook: { url: string; secret?: string; maxConnections?: number } | undefined;
  /** Webhook deliveries: update id and HTTP status the bot answered. */
  readonly deliveries: Array<{ updateId: number; status: number }> = [];
  /** performance.now() at which each update was pushed, by update id. */
  readonly pushedAt = new Map<number, number>();

  private server?: http.Server;
  private queue: Update[] = [];
  /** Deliveries under way, and the deliveries waiting for one of them to end. */
  private delivering = 0;
  private readonly deliverySlots: Array<() => void> = [];
  /** Every update posted to the webhook, by id (to deliver one again). */
  private readonly delivered = new Map<number, Update>();
  private waiters = new Set<Waiter>();
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private nextUserId = 100;
  private nextQueryId = 1;
  private readonly knownChats = new Set<number>();
  private readonly messages = new Map<string, { from: 'bot' | 'user'; message: Message }>();
  private readonly callbackQueries = new Map<string, boolean>();
  private readonly inlineQueries = new Map<string, boolean>();
  private readonly faults: Array<{ method: string; fault: Fault }> = [];
  private closing = false;
  private revoked = false;
  private poll?: Waiter;
  readonly token: string;

  constructor(private readonly options: FakeBotApiOptions = {}) {
    this.token = options.token ?? FAKE_TOKEN;
  }

  /** The token is revoked (at @BotFather): from now on every call gets 401. */
  revoke(): void {
    this.revoked = true;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('fake Bot API is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const waiter of this.waiters) waiter.wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // ---- faults ----------------------------------------------------------------------------------------

  /** Makes the next `times` calls of `method` fail with `fault` (before doing anything, unless 'reset-after'). */
  inject(method: string, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ method, fault });
  }

  private takeFault(method: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.method === method);
    return index === -1 ? undefined : this.faults.splice(index, 1)[0]!.fault;
  }

  // ---- users, chats and updates -------------------------------------------------------------------

  user(first_name: string, language_code?: string): FakeUser {
    const id = this.nextUserId++;
    return { id, is_bot: false, first_name, ...(language_code && { language_code }), chat: { id, type: 'private', first_name } };
  }

  group(title: string): Chat.SupergroupChat {
    return { id: -1_000_000_000_000 - this.nextUserId++, type: 'supergroup', title };
  }

  /** The id of the update pushed last. */
  get lastUpdateId(): number {
    return this.nextUpdateId - 1;
  }

  /** Queues an update (or posts it to the webhook) and returns its id. */
  push(update: Omit<Update, 'update_id'>): number {
    const full = { ...update, update_id: this.nextUpdateId++ } as Update;
    this.pushedAt.set(full.update_id, performance.now());
    if (this.webhook) void this.deliver(full);
    else {
      this.queue.push(full);
      for (const waiter of this.waiters) waiter.wake();
    }
    return full.update_id;
  }

  /**
   * Posts an update to the webhook; without a 2xx it is delivered again (as Telegram does), until it gets one or
   * the fake closes.
   */
  private async deliver(update: Update): Promise<void> {
    // Telegram opens at most `max_connections` (default 40) connections to a webhook at once; the rest wait.
    while (this.delivering >= (this.webhook?.maxConnections ?? 40)) await new Promise<void>((resolve) => this.deliverySlots.push(resolve));
    this.delivering += 1;
    let status: number;
    try {
      status = await this.post(update);
    } finally {
      this.delivering -= 1;
      this.deliverySlots.shift()?.();
    }
    if ((status < 200 || status > 299) && !this.closing && this.webhook) {
      const delay = this.options.redeliverAfterMs ?? 50;
      setTimeout(() => void this.deliver(update), delay);
    }
  }

  /** Telegram delivers an update again although it got a 200 (it happens): the bot must not answer twice. */
  async redeliver(updateId: number): Promise<number> {
    const update = this.delivered.get(updateId);
    if (!update) throw new Error(`update ${updateId} was never delivered`);
    return this.post(update);
  }

  private async post(update: Update): Promise<number> {
    const { url: registered, secret } = this.webhook!;
    this.delivered.set(update.update_id, update);
    const origin = this.options.webhookOrigin;
    const target = origin ? new URL(new URL(registered).pathname + new URL(registered).search, origin).toString() : registered;
    let status = 0;
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret && { 'x-telegram-bot-api-secret-token': secret }) },
        body: JSON.stringify(update),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = 0;
    }
    this.deliveries.push({ updateId: update.update_id, status });
    return status;
  }

  /** Entities as Telegram computes them: a leading /command and every @mention. */
  static entities(text: string): MessageEntity[] {
    const entities: MessageEntity[] = [];
    const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
    if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
    for (const match of text.matchAll(/(?<![\w@])@[A-Za-z0-9_]{5,32}/g)) {
      if (match.index === 0 && command) continue;
      entities.push({ type: 'mention', offset: match.index!, length: match[0].length });
    }
    return entities;
  }

  /** A user writes `text` in a chat (their private chat by default); returns the message. */
  sendText(from: FakeUser, text: string, options: { chat?: Chat; replyTo?: BotMessage | Message } = {}): Message.TextMessage {
    const entities = FakeBotApi.entities(text);
    return this.userMessage(from, options, { text, ...(entities.length && { entities }) }) as Message.TextMessage;
  }

  /** A user sends a sticker, photo or voice message. */
  sendMedia(from: FakeUser, kind: 'sticker' | 'photo' | 'voice', options: { chat?: Chat; replyTo?: BotMessage | Message; caption?: string } = {}): Message {
    const file = { file_id: `file-${kind}`, file_unique_id: `u-${kind}` };
    const content =
      kind === 'sticker'
        ? { sticker: { ...file, type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } }
        : kind === 'photo'
          ? { photo: [{ ...file, width: 90, height: 90 }] }
          : { voice: { ...file, duration: 3 } };
    const caption = options.caption !== undefined ? { caption: options.caption, caption_entities: FakeBotApi.entities(options.caption) } : {};
    return this.userMessage(from, options, { ...content, ...caption });
  }

  private userMessage(from: FakeUser, options: { chat?: Chat; replyTo?: BotMessage | Message }, content: object): Message {
    const chat = options.chat ?? from.chat;
    this.knownChats.add(chat.id);
    const replied = options.replyTo ? this.messages.get(`${chat.id}:${options.replyTo.message_id}`)?.message : undefined;
    const { chat: _ownChat, ...user } = from;
    const message = {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: user,
      ...(replied && { reply_to_message: replied }),
      ...content,
    } as Message;
    this.messages.set(`${chat.id}:${message.message_id}`, { from: 'user', message });
    this.push({ message } as Omit<Update.MessageUpdate, 'update_id'>);
    return message;
  }

  /** A user presses a button of a bot message; returns the callback query id. */
  press(from: FakeUser, message: BotMessage, data: string): string {
    const id = `cq${this.nextQueryId++}`;
    const stored = this.messages.get(`${message.chat_id}:${message.message_id}`)!.message;
    const { chat: _chat, ...user } = from;
    const callback_query = { id, from: user, chat_instance: `ci${message.chat_id}`, message: stored, data } as CallbackQuery;
    this.callbackQueries.set(id, false);
    this.push({ callback_query } as Omit<Update.CallbackQueryUpdate, 'update_id'>);
    return id;
  }

  /** A user types `@bot query` in any chat; returns the inline query id. */
  inlineQuery(from: FakeUser, query: string): string {
    const id = `iq${this.nextQueryId++}`;
    const { chat: _chat, ...user } = from;
    this.inlineQueries.set(id, false);
    this.push({ inline_query: { id, from: user, query, offset: '' } } as Omit<Update.InlineQueryUpdate, 'update_id'>);
    return id;
  }

  // ---- observation -------------------------------------------------------------------------------

  /** Messages the bot sent to a chat, in order. */
  sentTo(chatId: number): BotMessage[] {
    return this.botMessages.filter((m) => m.chat_id === chatId);
  }

  /** Successful calls of a method. */
  succeeded(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Waits (polling every few ms) until `condition` holds; fails with `what` after `timeoutMs`. */
  async until(condition: () => boolean, what = 'condition', timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Waits until the chat has at least `count` bot messages and returns the newest `count` after `since`. */
  async replies(chatId: number, count: number, since = 0): Promise<BotMessage[]> {
    await this.until(() => this.sentTo(chatId).length >= since + count, `${since + count} messages in chat ${chatId}`);
    return this.sentTo(chatId).slice(since, since + count);
  }

  /** The answerCallbackQuery call for a query id, once it arrived. */
  async callbackAnswer(queryId: string): Promise<RecordedCall> {
    await this.until(() => this.succeeded('answerCallbackQuery').some((c) => c.payload.callback_query_id === queryId), `answer to ${queryId}`);
    return this.succeeded('answerCallbackQuery').find((c) => c.payload.callback_query_id === queryId)!;
  }

  async inlineAnswer(queryId: string): Promise<RecordedCall> {
    await this.until(() => this.succeeded('answerInlineQuery').some((c) => c.payload.inline_query_id === queryId), `answer to ${queryId}`);
    return this.succeeded('answerInlineQuery').find((c) => c.payload.inline_query_id === queryId)!;
  }

  // ---- HTTP ----------------------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    if (!match) return void res.writeHead(404).end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
    const method = match[2]!;
    let payload: Record<string, unknown> = {};
    try {
      payload = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return void res.writeHead(400).end(JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: invalid JSON' }));
    }
    let result: ApiResult;
    const fault = decodeURIComponent(match[1]!) === this.token ? this.takeFault(method) : undefined;
    if (decodeURIComponent(match[1]!) !== this.token || this.revoked) result = fail(401, 'Unauthorized');
    else if (fault === 'reset-before') result = { status: 0, body: null, fault, reset: 'before' };
    else if (fault && fault !== 'reset-after') {
      result =
        fault.status === 429
          ? fail(429, `Too Many Requests: retry after ${fault.retryAfter}`, { parameters: { retry_after: fault.retryAfter } })
          : fault.status === 403
            ? fail(403, 'Forbidden: bot was blocked by the user')
            : fail(fault.status, 'Internal Server Error');
      result.fault = fault;
    } else {
      result = method === 'getUpdates' ? await this.getUpdates(payload, res) : this.call(method, payload);
      if (fault === 'reset-after') result = { ...result, fault, reset: 'after' };
    }
    const body = result.body as { ok?: boolean; description?: string } | null;
    this.calls.push({
      method,
      payload,
      status: result.reset ? 0 : result.status,
      ...(body && body.ok === false && { error: body.description }),
      ...(result.fault && { fault: result.fault }),
      at: performance.now(),
    });
    if (result.reset) return void req.socket.destroy();
    if (res.writableEnded || req.socket.destroyed) return;
    res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
  }

  private async getUpdates(payload: Record<string, unknown>, res: http.ServerResponse): Promise<ApiResult> {
    if (this.webhook) return fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = typeof payload.offset === 'number' ? payload.offset : 0;
    const limit = typeof payload.limit === 'number' ? payload.limit : 100;
    const timeout = typeof payload.timeout === 'number' ? payload.timeout : 0;
    const allowed = Array.isArray(payload.allowed_updates) && payload.allowed_updates.length ? (payload.allowed_updates as string[]) : null;
    // A second poller: the request already waiting is terminated with 409, as Telegram does.
    if (this.poll) {
      this.poll.conflict = true;
      this.poll.wake();
    }
    // An offset confirms every earlier update; updates of kinds the bot did not ask for are dropped, as Telegram does.
    this.queue = this.queue.filter((u) => u.update_id >= offset && (!allowed || Object.keys(u).some((k) => allowed.includes(k))));
    if (this.queue.length === 0 && timeout > 0 && !this.closing) {
      const conflicted = await new Promise<boolean>((resolve) => {
        const waiter: Waiter = {
          wake: () => {
            if (this.poll === waiter) this.poll = undefined;
            this.waiters.delete(waiter);
            clearTimeout(timer);
            res.off('close', waiter.wake);
            resolve(waiter.conflict === true);
          },
        };
        const timer = setTimeout(waiter.wake, timeout * 1000);
        this.waiters.add(waiter);
        this.poll = waiter;
        // The client gave up (telegraf aborts its long poll on stop).
        res.once('close', waiter.wake);
      });
      if (conflicted) return fail(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
      this.queue = this.queue.filter((u) => !allowed || Object.keys(u).some((k) => allowed.includes(k)));
    }
    return ok(this.queue.slice(0, limit));
  }

  private call(method: string, p: Record<string, unknown>): ApiResult {
    switch (method) {
      case 'getMe':
        return ok(this.me);
      case 'deleteWebhook':
        this.webhook = undefined;
        return ok(true);
      case 'setWebhook': {
        if (typeof p.url !== 'string' || !/^https?:\/\//.test(p.url)) return fail(400, 'Bad Request: bad webhook: invalid URL');
        if (this.options.webhookOrigin && !p.url.startsWith('https://')) {
          return fail(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
        }
        const secret = p.secret_token;
        if (secret !== undefined && (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
          return fail(400, 'Bad Request: bad webhook: secret token contains unallowed characters');
        }
        const maxConnections = typeof p.max_connections === 'number' ? p.max_connections : undefined;
        this.webhook = { url: p.url, ...(typeof secret === 'string' && { secret }), ...(maxConnections !== undefined && { maxConnections }) };
        return ok(true);
      }
      case 'getWebhookInfo':
        return ok({ url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.queue.length });
      case 'setMyCommands':
        return this.setMyCommands(p);
      case 'sendMessage':
        return this.sendMessage(p);
      case 'editMessageText':
        return this.editMessageText(p);
      case 'answerCallbackQuery': {
        const id = String(p.callback_query_id);
        if (this.callbackQueries.get(id) !== false) return fail(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
        if (typeof p.text === 'string' && p.text.length > 200) return fail(400, 'Bad Request: MESSAGE_TOO_LONG');
        this.callbackQueries.set(id, true);
        return ok(true);
      }
      case 'answerInlineQuery':
        return this.answerInlineQuery(p);
      default:
        return fail(404, 'Not Found');
    }
  }

  private setMyCommands(p: Record<string, unknown>): ApiResult {
    const commands = p.commands as Array<{ command?: unknown; description?: unknown }> | undefined;
    if (!Array.isArray(commands) || commands.length > 100) return fail(400, 'Bad Request: commands must be a list of at most 100');
    for (const c of commands) {
      if (typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) return fail(400, 'Bad Request: BOT_COMMAND_INVALID');
      if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) {
        return fail(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
      }
    }
    if (p.language_code !== undefined && (typeof p.language_code !== 'string' || !/^[a-z]{2}$/.test(p.language_code))) {
      return fail(400, 'Bad Request: invalid language code');
    }
    this.commands.set(typeof p.language_code === 'string' ? p.language_code : '', commands as Array<{ command: string; description: string }>);
    return ok(true);
  }

  private sendMessage(p: Record<string, unknown>): ApiResult {
    const chatId = Number(p.chat_id);
    if (!this.knownChats.has(chatId)) return fail(400, 'Bad Request: chat not found');
    const parsed = checkMessageText(p.text, p.parse_mode);
    if (!parsed.ok) return fail(400, parsed.error);
    const keyboardError = checkKeyboard(p.reply_markup);
    if (keyboardError) return fail(400, keyboardError);
    const replyTo = (p.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined) ?? undefined;
    if (replyTo && !this.messages.has(`${chatId}:${replyTo.message_id}`) && !replyTo.allow_sending_without_reply) {
      return fail(400, 'Bad Request: message to be replied not found');
    }
    const record: BotMessage = {
      message_id: this.nextMessageId++,
      chat_id: chatId,
      html: p.text as string,
      text: parsed.text,
      ...(p.reply_markup !== undefined && { reply_markup: p.reply_markup as InlineKeyboardMarkup }),
      ...(replyTo?.message_id !== undefined && { reply_to: replyTo.message_id }),
      ...(typeof p.message_thread_id === 'number' && { thread: p.message_thread_id }),
      at: performance.now(),
      edits: 0,
    };
    this.botMessages.push(record);
    const message = {
      message_id: record.message_id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' },
      from: this.me,
      text: parsed.text,
      ...(record.reply_markup && { reply_markup: record.reply_markup }),
    } as unknown as Message;
    this.messages.set(`${chatId}:${record.message_id}`, { from: 'bot', message });
    return ok(message);
  }

  private editMessageText(p: Record<string, unknown>): ApiResult {
    const chatId = Number(p.chat_id);
    const stored = this.messages.get(`${chatId}:${Number(p.message_id)}`);
    if (!stored) return fail(400, 'Bad Request: message to edit not found');
    if (stored.from !== 'bot') return fail(400, "Bad Request: message can't be edited");
    const parsed = checkMessageText(p.text, p.parse_mode);
    if (!parsed.ok) return fail(400, parsed.error);
    const keyboardError = checkKeyboard(p.reply_markup);
    if (keyboardError) return fail(400, keyboardError);
    const record = this.botMessages.find((m) => m.chat_id === chatId && m.message_id === Number(p.message_id))!;
    if (record.html === p.text && JSON.stringify(record.reply_markup) === JSON.stringify(p.reply_markup)) {
      return fail(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same');
    }
    record.html = p.text as string;
    record.text = parsed.text;
    if (p.reply_markup === undefined) delete record.reply_markup;
    else record.reply_markup = p.reply_markup as InlineKeyboardMarkup;
    record.edits += 1;
    const message = { ...stored.message, text: parsed.text, reply_markup: record.reply_markup, edit_date: Math.floor(Date.now() / 1000) } as Message;
    stored.message = message;
    return ok(message);
  }

  private answerInlineQuery(p: Record<string, unknown>): ApiResult {
    const id = String(p.inline_query_id);
    if (this.inlineQueries.get(id) !== false) return fail(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
    const results = p.results as Array<Record<string, unknown>> | undefined;
    if (!Array.isArray(results) || results.length > 50) return fail(400, 'Bad Request: RESULTS_TOO_MUCH');
    const ids = new Set<string>();
    for (const result of results) {
      const resultId = result.id;
      if (typeof resultId !== 'string' || resultId === '' || Buffer.byteLength(resultId) > 64) return fail(400, 'Bad Request: RESULT_ID_INVALID');
      if (ids.has(resultId)) return fail(400, 'Bad Request: RESULT_ID_DUPLICATE');
      ids.add(resultId);
      if (result.type !== 'article' || typeof result.title !== 'string' || result.title.trim() === '') {
        return fail(400, 'Bad Request: RESULT_TITLE_EMPTY');
      }
      const content = result.input_message_content as Record<string, unknown> | undefined;
      const parsed = checkMessageText(content?.message_text, content?.parse_mode);
      if (!parsed.ok) return fail(400, parsed.error);
      const keyboardError = checkKeyboard(result.reply_markup);
      if (keyboardError) return fail(400, keyboardError);
    }
    this.inlineQueries.set(id, true);
    return ok(true);
  }
}
