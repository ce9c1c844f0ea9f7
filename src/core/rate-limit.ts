import type { Store } from './store.ts';

/** The outcome of one request against a rate limit. */
export type RateDecision =
  | { allowed: true }
  | {
      allowed: false;
      /** Whole seconds until the next request will be allowed (at least 1). */
      retryAfterSeconds: number;
      /** True for the first refusal since the last allowed request: notify the user once, then stay quiet. */
      firstRefusal: boolean;
    };

export interface RateLimitOptions {
  /** Requests allowed per window (default 20). */
  limit?: number;
  /** Window length in milliseconds (default one minute). */
  windowMs?: number;
  now?: () => number;
}

/** One key's window as stored: times of allowed requests, oldest first, and whether the user was told. */
interface Bucket {
  times: number[];
  notified: boolean;
}

function readBucket(value: string | undefined): Bucket {
  if (value === undefined) return { times: [], notified: false };
  const parsed = JSON.parse(value) as Partial<Bucket>;
  return { times: Array.isArray(parsed.times) ? parsed.times : [], notified: parsed.notified === true };
}

/**
 * A sliding-window limit per key (a chat user): at most `limit` requests in any `windowMs`. The windows live in
 * the store, each read and written in one atomic step, so the limit holds across every replica sharing it;
 * a window expires from the store once it is empty.
 */
export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    options: RateLimitOptions = {},
  ) {
    this.limit = options.limit ?? 20;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Counts one request for `key` if the limit allows it. */
  take(key: string): Promise<RateDecision> {
    const now = this.now();
    return this.store.updateEntry('rate', key, (current) => {
      const bucket = readBucket(current);
      const windowStart = now - this.windowMs;
      bucket.times = bucket.times.filter((time) => time > windowStart);
      let decision: RateDecision;
      if (bucket.times.length < this.limit) {
        bucket.times.push(now);
        bucket.notified = false;
        decision = { allowed: true };
      } else {
        const retryAfterSeconds = Math.max(1, Math.ceil((bucket.times[0]! + this.windowMs - now) / 1000));
        decision = { allowed: false, retryAfterSeconds, firstRefusal: !bucket.notified };
        bucket.notified = true;
      }
      return { result: decision, write: { value: JSON.stringify(bucket), expiresAt: new Date(bucket.times.at(-1)! + this.windowMs) } };
    });
  }
}
