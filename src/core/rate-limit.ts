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

interface Bucket {
  /** Times of allowed requests in the current window, oldest first. */
  times: number[];
  notified: boolean;
}

/**
 * A sliding-window limit per key (a chat user): at most `limit` requests in any `windowMs`.
 * Memory stays bounded: keys idle for a whole window are swept.
 */
export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly buckets = new Map<string, Bucket>();
  private sweepAt = 1024;
  private lastSweep = -Infinity;

  constructor(options: RateLimitOptions = {}) {
    this.limit = options.limit ?? 20;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Counts one request for `key` if the limit allows it. */
  take(key: string): RateDecision {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      this.sweep(now);
      bucket = { times: [], notified: false };
      this.buckets.set(key, bucket);
    }
    const windowStart = now - this.windowMs;
    while (bucket.times.length > 0 && bucket.times[0]! <= windowStart) bucket.times.shift();
    if (bucket.times.length < this.limit) {
      bucket.times.push(now);
      bucket.notified = false;
      return { allowed: true };
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((bucket.times[0]! + this.windowMs - now) / 1000));
    const firstRefusal = !bucket.notified;
    bucket.notified = true;
    return { allowed: false, retryAfterSeconds, firstRefusal };
  }

  /** Keys currently tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    // Sweep when the map has doubled, or once per window: O(keys) at most that often.
    if (this.buckets.size < this.sweepAt && now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    const windowStart = now - this.windowMs;
    for (const [key, bucket] of this.buckets) {
      if ((bucket.times.at(-1) ?? -Infinity) <= windowStart) this.buckets.delete(key);
    }
    this.sweepAt = Math.max(1024, this.buckets.size * 2);
  }
}
