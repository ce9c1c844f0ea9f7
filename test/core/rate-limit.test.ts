import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/core/index.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  it('GIVEN 20 a minute THEN allows 20 and refuses the 21st with the wait until the oldest expires', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 20, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 20; i++) {
      expect(limiter.take('u').allowed).toBe(true);
      c.advance(1000);
    }
    expect(limiter.take('u')).toEqual({ allowed: false, retryAfterSeconds: 40, firstRefusal: true });
  });

  it('GIVEN repeated refusals THEN only the first asks for a notice, and after the window the user is welcome again', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 2, windowMs: 10_000, now: c.now });
    limiter.take('u');
    limiter.take('u');
    expect(limiter.take('u')).toMatchObject({ allowed: false, firstRefusal: true });
    expect(limiter.take('u')).toMatchObject({ allowed: false, firstRefusal: false });
    c.advance(10_000);
    expect(limiter.take('u').allowed).toBe(true);
    limiter.take('u');
    expect(limiter.take('u')).toMatchObject({ allowed: false, firstRefusal: true });
  });

  it('GIVEN two users THEN their limits are independent', () => {
    const limiter = new RateLimiter({ limit: 1, now: () => 0 });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('GIVEN a sub-second wait THEN reports at least one second', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000, now: c.now });
    limiter.take('u');
    c.advance(999);
    expect(limiter.take('u')).toMatchObject({ retryAfterSeconds: 1 });
  });

  it('GIVEN many users who went quiet THEN their buckets are swept', () => {
    const c = clock();
    const limiter = new RateLimiter({ limit: 5, windowMs: 1000, now: c.now });
    for (let i = 0; i < 5000; i++) limiter.take(`user${i}`);
    c.advance(2000);
    for (let i = 0; i < 10; i++) limiter.take(`late${i}`);
    expect(limiter.size).toBeLessThan(1000);
  });
});
