import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTelegram, TelegramStartError } from '../../../src/adapters/telegram/start.ts';
import { ConfigError, readConfig } from '../../../src/config.ts';
import { ChatService, MemoryStore } from '../../../src/core/index.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { testDeps } from '../../helpers/deps.ts';
import { FAKE_TOKEN, FakeBotApi } from './fake-bot-api.ts';
import { dataOf, expected, factsBot, press, privateChat, say, startHarness, type Harness, type HarnessOptions } from './harness.ts';
import { freePort } from '../../helpers/net.ts';
import { cleanupAfterEach } from '../../helpers/cleanup.ts';

const bot = factsBot();
const t = bot.t;
const QUESTIONS = bot.facts.slice(0, 40).map((f) => f.en.questions[0]!);

const cleanup = cleanupAfterEach();

const harness = (options: HarnessOptions = {}): Promise<Harness> => startHarness(options, cleanup);

describe('GIVEN Bot API faults', () => {
  it('WHEN sendMessage meets 429 and 5xx THEN every reply arrives exactly once, in order', async () => {
    const h = await harness();
    h.api.inject('sendMessage', { status: 429, retryAfter: 1 });
    h.api.inject('sendMessage', { status: 500 }, 2);
    h.api.inject('sendMessage', { status: 502 });
    h.api.inject('sendMessage', { status: 503 });
    h.api.inject('sendMessage', { status: 429, retryAfter: 1 });
    const users = Array.from({ length: 4 }, (_, i) => h.api.user(`user${i}`, 'en'));
    const sent = new Map(users.map((u) => [u.id, [] as string[]]));
    for (let i = 0; i < 20; i++) {
      const user = users[i % users.length]!;
      h.api.sendText(user, QUESTIONS[i]!);
      sent.get(user.id)!.push(QUESTIONS[i]!);
    }
    for (const user of users) {
      const replies = await h.api.replies(user.id, 5);
      const mirror = new ChatService(bot, new MemoryStore());
      const wanted: string[] = [];
      for (const q of sent.get(user.id)!) wanted.push(expected(await mirror.question(privateChat(user), q)).text);
      expect(replies.map((r) => r.html)).toEqual(wanted);
    }
    await h.bot.stop();
    expect(h.api.botMessages).toHaveLength(20);
    expect(h.api.calls.filter((c) => c.fault).map((c) => c.status)).toEqual([429, 500, 500, 502, 503, 429]);
    expect(h.logs.filter((l) => l.includes('WARN Telegram sendMessage failed'))).toHaveLength(6);
    expect(h.logs.join('')).not.toContain(FAKE_TOKEN.split(':')[1]);
  });

  it('WHEN a connection drops after Telegram delivered a message THEN it is not sent again, and the bot goes on', async () => {
    const h = await harness();
    const user = h.api.user('Ann', 'en');
    h.api.inject('sendMessage', 'reset-after');
    h.api.sendText(user, QUESTIONS[0]!);
    h.api.sendText(user, QUESTIONS[1]!);
    await h.api.replies(user.id, 2);
    await h.bot.stop();
    expect(h.api.sentTo(user.id).map((m) => m.html)).toEqual(QUESTIONS.slice(0, 2).map((q) => expected(bot.ask(q).reply).text));
    expect(h.logs.some((l) => l.includes('ERROR Telegram update') && l.includes('FetchError'))).toBe(true);
  });

  it('WHEN an idempotent call (editing the language picker) loses its connection THEN it is retried', async () => {
    const h = await harness();
    const user = h.api.user('Ben', 'en');
    const picker = await say(h.api, user, '/lang');
    h.api.inject('editMessageText', 'reset-before');
    h.api.inject('answerCallbackQuery', { status: 500 });
    const { reply } = await press(h.api, user, picker, dataOf(picker, 'Русский'));
    expect(reply).toBe(picker);
    expect(picker.html).toBe(expected(bot.languageSet('ru')).text);
    expect(h.api.sentTo(user.id)).toHaveLength(1);
    expect(h.api.succeeded('answerCallbackQuery')).toHaveLength(1);
  });

  it('WHEN an edit was applied but its connection dropped THEN the retry finds it done and nothing else is sent', async () => {
    const h = await harness();
    const user = h.api.user('Bea', 'en');
    const picker = await say(h.api, user, '/lang');
    h.api.inject('editMessageText', 'reset-after');
    await press(h.api, user, picker, dataOf(picker, 'Қазақша'));
    await h.bot.stop();
    expect(picker.edits).toBe(1);
    expect(picker.html).toBe(expected(bot.languageSet('kk')).text);
    expect(h.api.sentTo(user.id)).toHaveLength(1);
    expect(h.api.calls.filter((c) => c.method === 'editMessageText').map((c) => c.status)).toEqual([0, 400]);
  });

  it('WHEN handling an update fails (the user blocked the bot) THEN it is logged and the next update is handled', async () => {
    const h = await harness();
    const user = h.api.user('Cat', 'en');
    h.api.inject('sendMessage', { status: 403 });
    h.api.sendText(user, QUESTIONS[0]!);
    h.api.sendText(user, QUESTIONS[1]!);
    await h.api.replies(user.id, 1);
    await h.bot.stop();
    expect(h.api.sentTo(user.id).map((m) => m.html)).toEqual([expected(bot.ask(QUESTIONS[1]!).reply).text]);
    expect(h.logs.filter((l) => l.includes('ERROR Telegram update') && l.includes('403'))).toHaveLength(1);
  });

  it('WHEN getUpdates fails (5xx, a dropped connection, a conflict with another instance) THEN polling goes on', async () => {
    const h = await harness();
    h.api.inject('getUpdates', { status: 502 });
    h.api.inject('getUpdates', 'reset-before');
    h.api.inject('getUpdates', { status: 429, retryAfter: 0 });
    const user = h.api.user('Poll', 'en');
    // The long poll already waiting gets this message; the requests after it meet the faults.
    await say(h.api, user, QUESTIONS[3]!);
    await h.api.until(() => h.api.calls.filter((c) => c.method === 'getUpdates' && c.fault).length === 3, 'the three faults');
    const answer = await say(h.api, user, QUESTIONS[4]!);
    expect(answer.html).toBe(expected(bot.ask(QUESTIONS[4]!).reply).text);
    expect(h.logs.filter((l) => l.includes('WARN Telegram getUpdates failed'))).toHaveLength(3);
  });

  it('WHEN stop() is called right after start THEN it resolves promptly', async () => {
    const h = await startHarness();
    await h.stop();
    expect(h.logs.at(-1)).toContain('Telegram bot stopped');
  });

  it('WHEN stop() is called while a reply waits out a 429 THEN stop resolves after that reply was delivered', async () => {
    const h = await startHarness();
    const user = h.api.user('Dan', 'en');
    h.api.inject('sendMessage', { status: 429, retryAfter: 1 });
    h.api.sendText(user, QUESTIONS[2]!);
    await h.api.until(() => h.api.calls.some((c) => c.status === 429), 'the 429');
    await h.bot.stop();
    expect(h.api.sentTo(user.id)).toHaveLength(1);
    await h.api.close();
  });
});

describe('GIVEN a restart', () => {
  it('WHEN a chat chose a language THEN the choice survives in the SQLite store, and no update is handled twice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-tg-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const api = await new FakeBotApi().start();
    cleanup.push(() => api.close());
    const user = api.user('Aruzhan', 'en');

    const store1 = SqliteStore.open(dir);
    const first = await startHarness({ api, store: store1 });
    const picker = await say(api, user, '/lang');
    await press(api, user, picker, dataOf(picker, 'Қазақша'));
    await first.stop();
    await store1.close();

    const store2 = SqliteStore.open(dir);
    cleanup.push(() => store2.close());
    const second = await startHarness({ api, store: store2 });
    cleanup.push(() => second.stop());
    const answer = await say(api, user, QUESTIONS[0]!);
    expect(answer.html).toBe(expected(bot.ask(QUESTIONS[0]!, { lang: 'kk' }).reply).text);
    expect(api.sentTo(user.id)).toHaveLength(2);
    expect(api.succeeded('answerCallbackQuery')).toHaveLength(1);
  });
});

describe('GIVEN the per-user rate limit', () => {
  it('WHEN a user asks too fast THEN one polite localized notice, further requests are dropped, other users unaffected', async () => {
    const h = await harness({ rateLimit: { limit: 3, windowMs: 60_000 } });
    const user = h.api.user('Speedy', 'ru');
    for (let i = 0; i < 6; i++) h.api.sendText(user, QUESTIONS[i]!);
    const calm = h.api.user('Calm', 'en');
    await say(h.api, calm, QUESTIONS[0]!);
    await h.api.until(() => h.api.sentTo(user.id).length >= 4, 'notice');
    const last = await say(h.api, calm, QUESTIONS[1]!);
    expect(last.text.length).toBeGreaterThan(0);
    const messages = h.api.sentTo(user.id);
    expect(messages).toHaveLength(4);
    const notices = Array.from({ length: 60 }, (_, i) => t('ru', 'rateLimited', { count: i + 1 }));
    expect(notices).toContain(messages[3]!.text);

    const { answer } = await (async () => {
      const id = h.api.press(user, messages[0]!, dataOf(messages[0]!));
      return { answer: await h.api.callbackAnswer(id) };
    })();
    expect(notices).toContain(answer.payload.text);
  });
});

describe('GIVEN webhook mode', () => {
  async function webhookHarness(secret?: string) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    const h = await harness({ webhook: { url, port, ...(secret && { secret }) } });
    return { h, url, port };
  }

  it('WHEN Telegram posts an update with the secret THEN it is answered; without it, with a wrong one or to another path THEN 403', async () => {
    const { h, url, port } = await webhookHarness('s3cret-token_for-tests');
    expect(h.api.webhook).toEqual({ url, secret: 's3cret-token_for-tests' });
    expect(h.api.succeeded('setWebhook')[0]!.payload).toMatchObject({ allowed_updates: ['message', 'callback_query', 'inline_query'] });
    const user = h.api.user('Hook', 'en');
    const answer = await say(h.api, user, QUESTIONS[0]!);
    expect(answer.html).toBe(expected(bot.ask(QUESTIONS[0]!).reply).text);
    // The bot answers the webhook request once the update is handled, so after the reply.
    await h.api.until(() => h.api.deliveries.length === 1, 'the webhook response');
    expect(h.api.deliveries.map((d) => d.status)).toEqual([200]);

    const update = (id: number) => JSON.stringify({ update_id: id, message: { message_id: 9, date: 0, chat: user.chat, from: { id: user.id, is_bot: false, first_name: 'x' }, text: QUESTIONS[1] } });
    const post = (target: string, headers: Record<string, string>, id: number) =>
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: update(id) }).then((r) => r.status);
    expect(await post(url, {}, 50_001)).toBe(403);
    expect(await post(url, { 'x-telegram-bot-api-secret-token': 'wrong' }, 50_002)).toBe(403);
    expect(await post(`http://127.0.0.1:${port}/other`, { 'x-telegram-bot-api-secret-token': 's3cret-token_for-tests' }, 50_003)).toBe(403);
    // Health checks live on OPS_PORT (see the ops tests), not beside the webhook.
    expect(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status)).toBe(403);

    // Telegram redelivers an update it thinks failed: answered once.
    expect(await post(url, { 'x-telegram-bot-api-secret-token': 's3cret-token_for-tests' }, 50_004)).toBe(200);
    expect(await post(url, { 'x-telegram-bot-api-secret-token': 's3cret-token_for-tests' }, 50_004)).toBe(200);
    await h.bot.stop();
    expect(h.api.sentTo(user.id)).toHaveLength(2);
    expect(h.api.calls.filter((c) => c.method === 'getUpdates')).toEqual([]);
    await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow();
  });

  it('WHEN no secret is configured THEN a random one is registered and required', async () => {
    const { h, url } = await webhookHarness();
    expect(h.api.webhook?.secret).toMatch(/^[0-9a-f]{64}$/);
    const user = h.api.user('Hook2', 'ru');
    const reply = await say(h.api, user, '/about');
    expect(reply.html).toBe(expected(bot.about('ru')).text);
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(403);
  });
});

describe('GIVEN a configuration problem', () => {
  it('WHEN the token or a URL is malformed THEN readConfig names the variables, one line each, never the values', () => {
    const secret = 'Xk9vQ2mZ7rT4wL1pB8nC6dF3gH5jK0sA';
    let error: unknown;
    try {
      readConfig({ TELEGRAM_BOT_TOKEN: `12345-${secret}`, TELEGRAM_WEBHOOK_URL: `ftp://bot${secret}@x`, TELEGRAM_API_ROOT: 'nope' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(3);
    expect(message).toMatch(/^TELEGRAM_BOT_TOKEN: /m);
    expect(message).toMatch(/^TELEGRAM_WEBHOOK_URL: /m);
    expect(message).not.toContain(secret);
    expect(String((error as Error).stack)).not.toContain(secret);
  });

  it('WHEN Telegram refuses the token THEN start fails with a clear error and the token is not in it or in the log', async () => {
    const api = await new FakeBotApi().start();
    cleanup.push(() => api.close());
    const token = '987654321:AAWrongTokenWrongTokenWrongToken1234';
    const deps = testDeps([token]);
    const lines = deps.logs;
    const store = new MemoryStore();
    const start = startTelegram({ ...deps, config: { token, apiRoot: api.url }, chat: new ChatService(bot, store), store });
    await expect(start).rejects.toThrow(TelegramStartError);
    const message = await start.catch((e: Error) => `${e.message}\n${e.stack}`);
    expect(message).toContain('401');
    expect(message).not.toContain(token.split(':')[1]);
    expect(lines.join('')).not.toContain(token.split(':')[1]);
  });

  it('WHEN the Bot API cannot be reached THEN start retries, then fails without printing the token', async () => {
    const port = await freePort();
    const deps = testDeps();
    const lines = deps.logs;
    const store = new MemoryStore();
    const start = startTelegram({
      ...deps,
      config: { token: FAKE_TOKEN, apiRoot: `http://127.0.0.1:${port}` },
      chat: new ChatService(bot, store),
      store,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    const error = await start.then(
      () => null,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(TelegramStartError);
    expect(error!.message).toContain('ECONNREFUSED');
    expect(`${error!.message}${error!.stack}`).not.toContain(FAKE_TOKEN.split(':')[1]);
    // Even a logger that was not told the token does not print it: the retry warnings carry no URLs.
    expect(lines.filter((l) => l.includes('WARN Telegram getMe failed (ECONNREFUSED)'))).toHaveLength(4);
    expect(lines.join('')).not.toContain(FAKE_TOKEN.split(':')[1]);
  });
});
