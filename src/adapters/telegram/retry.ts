import { TelegramError } from 'telegraf';
import type { ApiTransformer } from './api.ts';

/**
 * telegraf does not retry failed Bot API calls; this transformer does, but only when a retry cannot send a
 * message twice:
 * - 429 Too Many Requests: Telegram refused the call, so it did nothing. Wait `retry_after` and retry.
 * - 5xx: the Bot API answered that it failed to process the call; treated as not delivered and retried
 *   with exponential backoff.
 * - Network errors: retried for every method only when the connection was never made (refused, DNS,
 *   unreachable) — the request cannot have arrived. A reset or timeout after the request was sent may
 *   have been delivered, so it is retried only for idempotent methods; a `sendMessage` is then given up
 *   and logged rather than risking a duplicate reply.
 * Anything else (400 bad request, 403 blocked by the user) is final.
 */
export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** First backoff delay for 5xx and network errors; doubles each time. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer `retry_after` (a flood ban) is not waited out: the call fails and is logged. */
  maxRetryAfterSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 15_000, maxRetryAfterSeconds: 60 };

/** Connection errors raised before any byte of the request left this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);

/** Methods whose repetition changes nothing: safe to retry after any network error. */
const IDEMPOTENT = new Set([
  'getMe',
  'getWebhookInfo',
  'setWebhook',
  'deleteWebhook',
  'setMyCommands',
  'deleteMyCommands',
  'getMyCommands',
  'editMessageText',
  'editMessageReplyMarkup',
]);

/**
 * A network failure's system error code: as node-fetch reports it (telegraf's calls: `FetchError` with the code),
 * or as Node's `fetch` does (long polling: "fetch failed" with the code on its cause).
 */
export function networkCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  let code: unknown;
  if (error.name === 'FetchError') code = (error as Error & { code?: unknown }).code;
  else if (error.message === 'fetch failed') code = (error.cause as { code?: unknown } | undefined)?.code;
  else return undefined;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/**
 * The one backoff of the Telegram adapter, for calls and for long polling: exponential from `baseDelayMs`,
 * capped at `maxDelayMs`, with ±25% jitter so that replicas failing together do not retry together.
 */
export function backoff(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) * (0.75 + 0.5 * random());
}

/** Milliseconds to wait before retrying `method` after `error` on attempt `attempt` (1-based), or null for "do not retry". */
export function retryDelay(method: string, error: unknown, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number | null {
  if (attempt >= policy.maxAttempts) return null;
  if (error instanceof TelegramError) {
    if (error.code === 429) {
      const seconds = error.parameters?.retry_after ?? 1;
      return seconds <= policy.maxRetryAfterSeconds ? seconds * 1000 : null;
    }
    return error.code >= 500 ? backoff(attempt, policy, random) : null;
  }
  const code = networkCode(error);
  if (code === undefined) return null;
  return NOT_SENT_CODES.has(code) || IDEMPOTENT.has(method) ? backoff(attempt, policy, random) : null;
}

/** An error as one short phrase with no URL in it (node-fetch's messages carry the token). */
export function describeApiError(error: unknown): string {
  if (error instanceof TelegramError) return `${error.code} ${error.description}`;
  const code = networkCode(error);
  return code ?? (error instanceof Error ? error.name : 'error');
}

export interface RetryHooks {
  /** Told about each retry before waiting for it. */
  onRetry: (method: string, error: unknown, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** The retry policy above as an API transformer. */
export function retries(policy: RetryPolicy, hooks: RetryHooks): ApiTransformer {
  const sleep = hooks.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async (call, method) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const delay = retryDelay(method, error, attempt, policy);
        if (delay === null) throw error;
        hooks.onRetry(method, error, attempt, delay);
        await sleep(delay);
      }
    }
  };
}
