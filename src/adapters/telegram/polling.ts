import { TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../log.ts';
import { FatalPlatformError } from '../running.ts';
import { backoff, describeApiError, type RetryPolicy } from './retry.ts';

/** Seconds Telegram holds a getUpdates request open when there is nothing to deliver. */
const LONG_POLL_SECONDS = 50;

/**
 * A 409 within this long of starting means this process is the second poller: it stands down. The poller that
 * was there first gets a 409 too (the newcomer's request ended its long poll) but retries, and its retry ends
 * the newcomer's request within about a second, so the newcomer is the one that stands down.
 */
const CONFLICT_WINDOW_MS = 10_000;

export interface PollingOptions {
  token: string;
  apiRoot: string;
  handle: (update: Update) => Promise<void>;
  log: Logger;
  policy: RetryPolicy;
  allowedUpdates: readonly string[];
  /** Polling cannot go on (a refused token, another poller): the process should stop. */
  onFatal: (error: FatalPlatformError) => void;
  /** Overrides the conflict window (tests shorten it). */
  conflictWindowMs?: number;
}

/**
 * One getUpdates request, made with `fetch` rather than telegraf's client so that stopping can abort the long
 * poll at once (telegraf's `callApi` takes only its polyfill's signal type). Errors are telegraf's own.
 */
async function getUpdates(options: PollingOptions, payload: object, signal?: AbortSignal): Promise<Update[]> {
  const response = await fetch(new URL(`./bot${options.token}/getUpdates`, options.apiRoot), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    ...(signal && { signal }),
  });
  if (response.status >= 500) throw new TelegramError({ error_code: response.status, description: response.statusText }, { method: 'getUpdates', payload });
  const data = (await response.json()) as { ok: true; result: Update[] } | { ok: false; error_code: number; description: string; parameters?: object };
  if (!data.ok) throw new TelegramError(data, { method: 'getUpdates', payload });
  return data.result;
}

/**
 * Long polling. telegraf's own loop gives up on the first error it does not know; this one keeps going with
 * backoff, so a network outage does not leave a silent bot. A refused token (401) or a second poller on the
 * same token (409) ends it through `onFatal`. Each batch is handled before the next request confirms it, so
 * an update is never lost: after a crash Telegram delivers it again.
 */
export class LongPolling {
  private readonly abort = new AbortController();
  private offset = 0;
  private running?: Promise<void>;
  private healthy = false;
  private readonly startedAt = Date.now();

  constructor(private readonly options: PollingOptions) {}

  /** Starts polling; the promise settles when polling ends. */
  start(): Promise<void> {
    return (this.running ??= this.loop());
  }

  /** The last request for updates succeeded (or is waiting for updates). */
  get isHealthy(): boolean {
    return this.healthy && !this.abort.signal.aborted;
  }

  /** Stops asking for updates, waits for the current batch and confirms it to Telegram. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    const { log, policy, allowedUpdates } = this.options;
    let failures = 0;
    while (!this.abort.signal.aborted) {
      let updates: Update[];
      try {
        this.healthy = failures === 0;
        updates = await getUpdates(this.options, { offset: this.offset, timeout: LONG_POLL_SECONDS, allowed_updates: allowedUpdates }, this.abort.signal);
        failures = 0;
        this.healthy = true;
      } catch (error) {
        if (this.abort.signal.aborted) break;
        this.healthy = false;
        const fatal = this.fatal(error);
        if (fatal) {
          this.options.onFatal(fatal);
          return;
        }
        failures += 1;
        const retryAfter = error instanceof TelegramError ? error.parameters?.retry_after : undefined;
        const delay = retryAfter !== undefined ? retryAfter * 1000 : backoff(failures, policy);
        log.warn(`Telegram getUpdates failed; retrying in ${Math.round(delay)} ms`, describeApiError(error));
        await this.sleep(delay);
        continue;
      }
      try {
        await Promise.all(updates.map((update) => this.options.handle(update)));
      } catch (error) {
        // The store did not answer: the batch is fetched again (updates already answered are skipped by their claims).
        failures += 1;
        const delay = backoff(failures, policy);
        log.error(`could not handle a batch of updates; fetching it again in ${Math.round(delay)} ms`, error);
        await this.sleep(delay);
        continue;
      }
      const last = updates.at(-1);
      if (last) this.offset = last.update_id + 1;
    }
    await this.confirm();
  }

  /** The error as a reason to stop for good, or undefined when polling should retry. */
  private fatal(error: unknown): FatalPlatformError | undefined {
    if (!(error instanceof TelegramError)) return undefined;
    if (error.code === 401) return new FatalPlatformError('Telegram refused the bot token (401 Unauthorized): it was revoked or is wrong; check TELEGRAM_BOT_TOKEN');
    if (error.code === 409 && Date.now() - this.startedAt < (this.options.conflictWindowMs ?? CONFLICT_WINDOW_MS)) {
      return new FatalPlatformError(
        `another process is already taking this bot's updates (Telegram answered 409: ${error.description}); ` +
          'stop it, or run several replicas in webhook mode (TELEGRAM_WEBHOOK_URL)',
      );
    }
    return undefined;
  }

  /** Confirms the last batch, so a restart does not fetch it again. */
  private async confirm(): Promise<void> {
    if (this.offset === 0) return;
    await getUpdates(this.options, { offset: this.offset, limit: 1, timeout: 0 }).catch((error: unknown) => {
      this.options.log.warn('could not confirm the last updates to Telegram', describeApiError(error));
    });
  }

  private sleep(ms: number): Promise<void> {
    const signal = this.abort.signal;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
