import { ChatService, FactsBot, MemoryStore, type Reply, type Store } from '../../../src/core/index.ts';
import { renderReply } from '../../../src/adapters/telegram/render.ts';
import type { FatalPlatformError, RunningBot } from '../../../src/adapters/running.ts';
import { startTelegram, type TelegramOptions } from '../../../src/adapters/telegram/start.ts';
import type { Metrics } from '../../../src/ops/metrics.ts';
import type { Cleanup } from '../../helpers/cleanup.ts';
import { testDeps } from '../../helpers/deps.ts';
import { FakeBotApi, type BotMessage, type FakeUser, type RecordedCall } from './fake-bot-api.ts';

let shared: FactsBot | undefined;

/** One knowledge base per test file (loading takes a moment); /fact always picks the first fact of its pool. */
export function factsBot(): FactsBot {
  return (shared ??= new FactsBot({ random: () => 0 }));
}

export interface Harness {
  api: FakeBotApi;
  bot: RunningBot;
  chat: ChatService;
  /** Everything the bot logged, one line each. */
  logs: string[];
  metrics: Metrics;
  /** Fatal errors the bot reported. */
  fatal: FatalPlatformError[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  api?: FakeBotApi;
  store?: Store;
  webhook?: { url: string; port: number; secret?: string };
  rateLimit?: TelegramOptions['rateLimit'];
  retry?: TelegramOptions['retry'];
  polling?: TelegramOptions['polling'];
}

/** Starts a fake Bot API (unless given) and the real telegraf bot against it; with `cleanup`, stops them after the test. */
export async function startHarness(options: HarnessOptions = {}, cleanup?: Cleanup): Promise<Harness> {
  const api = options.api ?? (await new FakeBotApi().start());
  const store = options.store ?? new MemoryStore();
  const chat = new ChatService(factsBot(), store);
  const deps = testDeps([api.token]);
  const bot = await startTelegram({
    ...deps,
    config: { token: api.token, apiRoot: api.url, ...(options.webhook && { webhook: options.webhook }) },
    chat,
    store,
    retry: { baseDelayMs: 5, maxDelayMs: 50, ...options.retry },
    ...(options.rateLimit && { rateLimit: options.rateLimit }),
    ...(options.polling && { polling: options.polling }),
  });
  const harness: Harness = {
    api,
    bot,
    chat,
    logs: deps.logs,
    metrics: deps.metrics,
    fatal: deps.fatal,
    stop: async () => {
      await bot.stop();
      if (!options.api) await api.close();
    },
  };
  cleanup?.push(() => harness.stop());
  return harness;
}

/** What the bot should send for a core reply, computed independently of the adapter's handlers. */
export function expected(reply: Reply): { text: string; buttons: string[][] } {
  const rendered = renderReply(reply, factsBot().t);
  return { text: rendered.text, buttons: (rendered.reply_markup?.inline_keyboard ?? []).map((row) => row.map((b) => b.text)) };
}

/** The labels of a bot message's buttons, row by row. */
export const buttonsOf = (message: BotMessage): string[][] => (message.reply_markup?.inline_keyboard ?? []).map((row) => row.map((b) => b.text));

/** The callback data of the button labelled `label` (the first one when no label is given). */
export function dataOf(message: BotMessage, label?: string): string {
  const button = message.reply_markup?.inline_keyboard.flat().find((b) => label === undefined || b.text === label);
  if (!button || !('callback_data' in button)) throw new Error(`no button ${label ?? ''} in message ${message.message_id}`);
  return button.callback_data;
}

/** A conversation as the core sees a private chat, for computing expected replies. */
export const privateChat = (user: FakeUser) => ({
  platform: 'telegram' as const,
  scope: 'telegram-chat' as const,
  id: String(user.id),
  thread: String(user.id),
  ...(user.language_code && ['en', 'ru', 'kk'].includes(user.language_code) && { localeHint: user.language_code as 'en' | 'ru' | 'kk' }),
});

/** A user sends `text` (in their private chat unless `chat` is given) and the bot's next message there is returned. */
export async function say(api: FakeBotApi, user: FakeUser, text: string, options: Parameters<FakeBotApi['sendText']>[2] = {}): Promise<BotMessage> {
  const chatId = options.chat?.id ?? user.id;
  const before = api.sentTo(chatId).length;
  api.sendText(user, text, options);
  const [reply] = await api.replies(chatId, 1, before);
  return reply!;
}

/** A user presses a button; waits until the query is answered and returns the bot's next message (new or edited). */
export async function press(api: FakeBotApi, user: FakeUser, message: BotMessage, data: string): Promise<{ answer: RecordedCall; reply: BotMessage }> {
  const before = api.sentTo(message.chat_id).length;
  const edits = message.edits;
  const id = api.press(user, message, data);
  const answer = await api.callbackAnswer(id);
  await api.until(() => api.sentTo(message.chat_id).length > before || message.edits > edits, `a reply to button ${data}`);
  const reply = message.edits > edits ? message : api.sentTo(message.chat_id)[before]!;
  return { answer, reply };
}
