import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import type { Logger } from '../../log.ts';

/**
 * telegraf does not retry failed Bot API calls; this layer does, but only when a retry cannot send a
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

/** A network failure as node-fetch reports it (`FetchError` with the system error code). */
function networkCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== 'FetchError') return undefined;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/** Milliseconds to wait before retrying `method` after `error` on attempt `attempt` (1-based), or null for "do not retry". */
export function retryDelay(method: string, error: unknown, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const backoff = () => Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) * (0.75 + 0.5 * random());
  if (error instanceof TelegramError) {
    if (error.code === 429) {
      const seconds = error.parameters?.retry_after ?? 1;
      return seconds <= policy.maxRetryAfterSeconds ? seconds * 1000 : null;
    }
    return error.code >= 500 ? backoff() : null;
  }
  const code = networkCode(error);
  if (code === undefined) return null;
  return NOT_SENT_CODES.has(code) || IDEMPOTENT.has(method) ? backoff() : null;
}

function describe(error: unknown): string {
  if (error instanceof TelegramError) return `${error.code} ${error.description}`;
  const code = networkCode(error);
  return code ?? (error instanceof Error ? error.name : 'error');
}

const INSTALLED = Symbol('silkroad.retries');

/**
 * Wraps `telegram.callApi` with the retry policy above. telegraf makes a new `Telegram` per update, so this
 * is applied to the bot's own instance and, from a middleware, to every update's. `getUpdates` is left to
 * telegraf's polling loop, which has its own waits.
 */
export function installRetries(
  telegram: Telegram,
  log: Logger,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): void {
  const target = telegram as Telegram & { [INSTALLED]?: true };
  if (target[INSTALLED]) return;
  target[INSTALLED] = true;
  const callApi = telegram.callApi.bind(telegram);
  const withRetries = async (method: string, payload: unknown, options?: unknown) => {
    const call = () => (callApi as (m: string, p: unknown, o?: unknown) => Promise<unknown>)(method, payload, options);
    if (method === 'getUpdates') return call();
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const delay = retryDelay(method, error, attempt, policy);
        if (delay === null) throw error;
        log.warn(`Telegram ${method} failed (${describe(error)}); retry ${attempt} of ${policy.maxAttempts - 1} in ${Math.round(delay)} ms`);
        await sleep(delay);
      }
    }
  };
  telegram.callApi = withRetries as Telegram['callApi'];
}
