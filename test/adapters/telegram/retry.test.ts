import { TelegramError, type Telegram } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, installRetries, retryDelay } from '../../../src/adapters/telegram/retry.ts';
import { createLogger } from '../../../src/log.ts';

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

describe('installRetries', () => {
  function fakeTelegram(failures: unknown[]) {
    const calls: string[] = [];
    const telegram = {
      callApi: async (method: string) => {
        calls.push(method);
        const failure = failures.shift();
        if (failure) throw failure;
        return 'ok';
      },
    };
    return { calls, telegram: telegram as unknown as Telegram };
  }
  const lines: string[] = [];
  const log = createLogger([], (line) => lines.push(line));
  const sleeps: number[] = [];
  const sleep = async (ms: number) => void sleeps.push(ms);

  it('GIVEN two failures THEN the third attempt succeeds, each retry logged', async () => {
    const { calls, telegram } = fakeTelegram([apiError(429, 2), apiError(500)]);
    installRetries(telegram, log, policy, sleep);
    await expect(telegram.callApi('sendMessage', {} as never)).resolves.toBe('ok');
    expect(calls).toHaveLength(3);
    expect(sleeps[0]).toBe(2000);
    expect(lines.filter((l) => l.includes('WARN Telegram sendMessage failed'))).toHaveLength(2);
  });

  it('GIVEN getUpdates THEN leaves it to the polling loop', async () => {
    const { calls, telegram } = fakeTelegram([apiError(500)]);
    installRetries(telegram, log, policy, sleep);
    await expect(telegram.callApi('getUpdates', {} as never)).rejects.toThrow(TelegramError);
    expect(calls).toHaveLength(1);
  });

  it('GIVEN it is installed twice THEN calls are not retried twice over', async () => {
    const { calls, telegram } = fakeTelegram([apiError(500), apiError(500), apiError(500), apiError(500), apiError(500), apiError(500)]);
    installRetries(telegram, log, policy, sleep);
    installRetries(telegram, log, policy, sleep);
    await expect(telegram.callApi('sendMessage', {} as never)).rejects.toThrow(TelegramError);
    expect(calls).toHaveLength(policy.maxAttempts);
  });
});
