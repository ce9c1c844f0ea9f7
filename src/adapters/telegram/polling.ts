import { TelegramError, type Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../log.ts';
import type { RetryPolicy } from './retry.ts';

/** Seconds Telegram holds a getUpdates request open when there is nothing to deliver. */
const LONG_POLL_SECONDS = 50;

/**
 * Long polling. telegraf's own loop gives up on the first error it does not know (and a conflict with another
 * instance); this one keeps going with backoff, so a network outage or a deploy that briefly runs two
 * instances does not leave a silent bot. Only a refused token (401) ends it. Each batch is handled before the
 * next request confirms it, so an update is never lost: after a crash Telegram delivers it again.
 */
export class LongPolling {
  private readonly abort = new AbortController();
  private offset = 0;
  private running?: Promise<void>;

  constructor(
    private readonly telegram: Telegram,
    private readonly handle: (update: Update) => Promise<void>,
    private readonly log: Logger,
    private readonly policy: RetryPolicy,
    private readonly allowedUpdates: readonly string[],
  ) {}

  /** Starts polling; the promise settles when polling ends (after `stop()`, or on a refused token). */
  start(): Promise<void> {
    return (this.running ??= this.loop());
  }

  /** Stops asking for updates, waits for the current batch and confirms it to Telegram. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      let updates: Update[];
      try {
        updates = (await this.telegram.callApi(
          'getUpdates',
          { offset: this.offset, timeout: LONG_POLL_SECONDS, allowed_updates: this.allowedUpdates as never },
          { signal: this.abort.signal as never },
        )) as Update[];
        failures = 0;
      } catch (error) {
        if (this.abort.signal.aborted) break;
        if (error instanceof TelegramError && error.code === 401) {
          this.log.error('Telegram refused the bot token; long polling stopped', error);
          return;
        }
        failures += 1;
        const retryAfter = error instanceof TelegramError ? error.parameters?.retry_after : undefined;
        const delay = retryAfter !== undefined ? retryAfter * 1000 : Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (failures - 1));
        // 409: another instance polls with this token, or someone set a webhook. Keep trying: it may end.
        this.log.warn(`Telegram getUpdates failed; retrying in ${delay} ms`, error instanceof TelegramError ? `${error.code} ${error.description}` : error);
        await this.sleep(delay);
        continue;
      }
      await Promise.all(updates.map((update) => this.handle(update)));
      const last = updates.at(-1);
      if (last) this.offset = last.update_id + 1;
    }
    if (this.offset > 0) {
      // Confirm the last batch, so a restart does not handle it again.
      await this.telegram.callApi('getUpdates', { offset: this.offset, limit: 1, timeout: 0 }).catch((error: unknown) => {
        this.log.warn('could not confirm the last updates to Telegram', error);
      });
    }
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
