import { describe, expect, it } from 'vitest';
import { derivedWebhookSecret } from '../../../src/adapters/telegram/start.ts';
import { MemoryStore, type EntryChange, type EntryNamespace } from '../../../src/core/index.ts';
import { FakeBotApi } from './fake-bot-api.ts';
import { factsBot, say, startHarness, type Harness, type HarnessOptions } from './harness.ts';
import { freePort } from '../../helpers/net.ts';
import { cleanupAfterEach } from '../../helpers/cleanup.ts';

const QUESTION = factsBot().facts[0]!.en.questions[0]!;

const cleanup = cleanupAfterEach();

const harness = (options: HarnessOptions = {}): Promise<Harness> => startHarness(options, cleanup);

describe('GIVEN a token revoked while the bot runs', () => {
  it('WHEN polling THEN the bot reports a fatal error naming TELEGRAM_BOT_TOKEN, without the token', async () => {
    const h = await harness();
    await say(h.api, h.api.user('Ann', 'en'), QUESTION);
    h.api.revoke();
    h.api.sendText(h.api.user('Ben', 'en'), QUESTION);
    await h.api.until(() => h.fatal.length > 0, 'the fatal error');
    expect(h.fatal[0]!.message).toMatch(/401.*TELEGRAM_BOT_TOKEN/);
    expect(h.fatal[0]!.message).not.toContain(h.api.token.split(':')[1]);
  });

  it('WHEN a reply is refused with 401 in webhook mode THEN the bot reports a fatal error', async () => {
    const port = await freePort();
    const h = await harness({ webhook: { url: `http://127.0.0.1:${port}/hook`, port } });
    h.api.revoke();
    h.api.sendText(h.api.user('Cat', 'en'), QUESTION);
    await h.api.until(() => h.fatal.length > 0, 'the fatal error');
    expect(h.fatal[0]!.message).toContain('401');
    expect(await h.metrics.expose()).toMatch(/facts_bot_api_failures_total\{platform="telegram"\} [1-9]/);
  });
});

describe('GIVEN a second poller on the same token', () => {
  it('THEN the newcomer stands down with a clear message and the first goes on answering', async () => {
    const api = await new FakeBotApi().start();
    cleanup.push(() => api.close());
    const first = await harness({ api, polling: { conflictWindowMs: 100 } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await harness({ api, polling: { conflictWindowMs: 10_000 } });
    await api.until(() => second.fatal.length > 0, "the newcomer's fatal error");
    expect(second.fatal[0]!.message).toMatch(/another process is already taking this bot's updates.*webhook mode/);
    expect(first.fatal).toEqual([]);
    await second.stop();
    const reply = await say(api, api.user('Dan', 'en'), QUESTION);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(first.logs.some((line) => line.includes('WARN Telegram getUpdates failed') && line.includes('409'))).toBe(true);
  });
});

describe('GIVEN webhook mode without a configured secret', () => {
  it('THEN the secret is derived from the token: every replica registers the same one', async () => {
    const port = await freePort();
    const h = await harness({ webhook: { url: `http://127.0.0.1:${port}/hook`, port } });
    expect(h.api.webhook?.secret).toBe(derivedWebhookSecret(h.api.token));
    expect(derivedWebhookSecret('1:other-token-of-another-bot')).not.toBe(derivedWebhookSecret(h.api.token));
  });
});

describe('GIVEN handled messages', () => {
  it('THEN each is one log line with platform, outcome, language and latency, and counted in the metrics', async () => {
    const h = await harness({ rateLimit: { limit: 2 } });
    const user = h.api.user('Eve', 'ru');
    await say(h.api, user, QUESTION);
    await say(h.api, user, 'how do I bake sourdough bread?');
    await say(h.api, user, QUESTION);
    // A turn is logged once its reply is sent: the reply may arrive a moment before the line is written.
    const handledLines = () => h.logs.filter((line) => line.includes('message handled'));
    await h.api.until(() => handledLines().length >= 3, 'the third log line');
    const handled = handledLines();
    expect(handled).toHaveLength(3);
    expect(handled[0]).toMatch(/platform=telegram outcome=answered lang=en ms=[\d.]+/);
    expect(handled[1]).toMatch(/outcome=declined/);
    expect(handled[2]).toMatch(/outcome=rate_limited lang=ru/);
    // The question text appears only at debug level, which these test loggers have on.
    expect(handled[0]).toContain(`text=${QUESTION}`);
    const metrics = await h.metrics.expose();
    expect(metrics).toContain('facts_bot_messages_total{platform="telegram",outcome="answered"} 1');
    expect(metrics).toContain('facts_bot_messages_total{platform="telegram",outcome="rate_limited"} 1');
    expect(metrics).toMatch(/facts_bot_reply_seconds_count\{platform="telegram"\} 3/);
  });

  it('WHEN a call is retried THEN the retry is counted', async () => {
    const h = await harness();
    h.api.inject('sendMessage', { status: 502 });
    await say(h.api, h.api.user('Fay', 'en'), QUESTION);
    expect(await h.metrics.expose()).toContain('facts_bot_api_retries_total{platform="telegram"} 1');
  });
});

describe('GIVEN a store that fails for a moment while polling', () => {
  it('THEN the batch is fetched again and every update answered once', async () => {
    /** Fails the first two claims, as a database restarting would. */
    class FlakyStore extends MemoryStore {
      failures = 2;
      override updateEntry<T>(namespace: EntryNamespace, key: string, change: (current: string | undefined) => EntryChange<T>): Promise<T> {
        if (namespace === 'telegram-update' && this.failures-- > 0) return Promise.reject(new Error('connection lost'));
        return super.updateEntry(namespace, key, change);
      }
    }
    const h = await harness({ store: new FlakyStore() });
    const user = h.api.user('Gus', 'en');
    h.api.sendText(user, QUESTION);
    h.api.sendText(user, 'hi');
    await h.api.replies(user.id, 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.api.sentTo(user.id)).toHaveLength(2);
    expect(h.logs.some((line) => line.includes('ERROR could not handle a batch of updates'))).toBe(true);
  });
});

