import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { TransformedTelegram } from '../../../src/adapters/telegram/api.ts';
import { DEFAULT_RETRY_POLICY, retries, retryDelay } from '../../../src/adapters/telegram/retry.ts';

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
const apiError = (code: number, retryAfter?: number) =>
  new TelegramError({ error_code: code, description: 'x', ...(retryAfter !== undefined && { parameters: { retry_after: retryAfter } }) });
const networkError = (code: string) => Object.assign(new Error(`request failed, reason: ${code}`), { name: 'FetchError', code });
const half = () => 0.5;

describe('retryDelay', () => {
  it('GIVEN 429 THEN waits exactly retry_after, for any method', () => {
    expect(retryDelay('sendMessage', apiError(429, 3), 1, policy, half)).toBe(3000);
    expect(retryDelay('answerCallbackQuery', apiError(429, 1), 1, policy, half)).toBe(1000);
  });

  it('GIVEN a flood wait longer than the policy allows THEN gives up', () => {
    expect(retryDelay('sendMessage', apiError(429, 3600), 1, policy)).toBeNull();
  });

  it('GIVEN 5xx THEN backs off exponentially up to the cap', () => {
    expect(retryDelay('sendMessage', apiError(500), 1, policy, half)).toBe(100);
    expect(retryDelay('sendMessage', apiError(502), 3, policy, half)).toBe(400);
    expect(retryDelay('sendMessage', apiError(503), 4, { ...policy, maxAttempts: 10, maxDelayMs: 500 }, half)).toBe(500);
  });

  it('GIVEN a 4xx other than 429 THEN never retries', () => {
    expect(retryDelay('sendMessage', apiError(400), 1, policy)).toBeNull();
    expect(retryDelay('sendMessage', apiError(403), 1, policy)).toBeNull();
  });

  it('GIVEN a connection that was never made THEN retries even sendMessage', () => {
    expect(retryDelay('sendMessage', networkError('ECONNREFUSED'), 1, policy, half)).toBe(100);
    expect(retryDelay('sendMessage', networkError('EAI_AGAIN'), 1, policy, half)).toBe(100);
  });

  it('GIVEN a reset after the request may have arrived THEN retries idempotent methods only, never sendMessage', () => {
    expect(retryDelay('sendMessage', networkError('ECONNRESET'), 1, policy)).toBeNull();
    expect(retryDelay('answerCallbackQuery', networkError('ETIMEDOUT'), 1, policy)).toBeNull();
    expect(retryDelay('editMessageText', networkError('ECONNRESET'), 1, policy, half)).toBe(100);
    expect(retryDelay('setMyCommands', networkError('ECONNRESET'), 1, policy, half)).toBe(100);
  });

  it('GIVEN the last attempt THEN gives up', () => {
    expect(retryDelay('sendMessage', apiError(500), policy.maxAttempts, policy)).toBeNull();
  });

  it('GIVEN a programming error THEN does not retry', () => {
    expect(retryDelay('sendMessage', new TypeError('x'), 1, policy)).toBeNull();
  });
});

describe('the retries transformer on TransformedTelegram', () => {
  /** A client whose calls fail with `failures`, one each, then succeed, behind the retries transformer. */
  function client(failures: unknown[]) {
    const calls: string[] = [];
    const sleeps: number[] = [];
    const retried: string[] = [];
    const telegram = new TransformedTelegram('1:x', { apiRoot: 'http://127.0.0.1:9' })
      .use(retries(policy, { onRetry: (method) => retried.push(method), sleep: async (ms) => void sleeps.push(ms) }))
      // Stands in for the network: the innermost transformer never calls through.
      .use(async <T>(_call: () => Promise<T>, method: string): Promise<T> => {
        calls.push(method);
        const failure = failures.shift();
        if (failure) throw failure;
        return true as T;
      });
    return { calls, sleeps, retried, telegram };
  }

  it('GIVEN two failures THEN the third attempt succeeds, each retry reported with its wait', async () => {
    const { calls, sleeps, retried, telegram } = client([apiError(429, 2), apiError(500)]);
    await expect(telegram.setMyCommands([])).resolves.toBe(true);
    expect(calls).toEqual(['setMyCommands', 'setMyCommands', 'setMyCommands']);
    expect(sleeps[0]).toBe(2000);
    expect(retried).toEqual(['setMyCommands', 'setMyCommands']);
  });

  it('GIVEN an error on every attempt THEN it reaches the caller after the last one', async () => {
    const { calls, telegram } = client(Array.from({ length: 10 }, () => apiError(500)));
    await expect(telegram.deleteWebhook()).rejects.toThrow(TelegramError);
    expect(calls).toHaveLength(policy.maxAttempts);
  });

  it('GIVEN a 400 THEN it is not retried', async () => {
    const { calls, telegram } = client([apiError(400)]);
    await expect(telegram.deleteWebhook()).rejects.toThrow(TelegramError);
    expect(calls).toHaveLength(1);
  });
});
