import { describe, expect, it } from 'vitest';
import { MemoryStore, RateLimiter, type RateLimitOptions } from '../../src/core/index.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** A limiter over a memory store that shares its clock. */
function limiter(options: RateLimitOptions & { now: () => number }) {
  const store = new MemoryStore(options.now);
  return { store, limiter: new RateLimiter(store, options) };
}

describe('RateLimiter', () => {
  it('GIVEN 20 a minute THEN allows 20 and refuses the 21st with the wait until the oldest expires', async () => {
    const c = clock();
    const { limiter: l } = limiter({ limit: 20, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 20; i++) {
      expect((await l.take('u')).allowed).toBe(true);
      c.advance(1000);
    }
    expect(await l.take('u')).toEqual({ allowed: false, retryAfterSeconds: 40, firstRefusal: true });
  });

  it('GIVEN repeated refusals THEN only the first asks for a notice, and after the window the user is welcome again', async () => {
    const c = clock();
    const { limiter: l } = limiter({ limit: 2, windowMs: 10_000, now: c.now });
    await l.take('u');
    await l.take('u');
    expect(await l.take('u')).toMatchObject({ allowed: false, firstRefusal: true });
    expect(await l.take('u')).toMatchObject({ allowed: false, firstRefusal: false });
    c.advance(10_000);
    expect((await l.take('u')).allowed).toBe(true);
    await l.take('u');
    expect(await l.take('u')).toMatchObject({ allowed: false, firstRefusal: true });
  });

  it('GIVEN two users THEN their limits are independent', async () => {
    const { limiter: l } = limiter({ limit: 1, now: () => 0 });
    expect((await l.take('a')).allowed).toBe(true);
    expect((await l.take('b')).allowed).toBe(true);
    expect((await l.take('a')).allowed).toBe(false);
  });

  it('GIVEN a sub-second wait THEN reports at least one second', async () => {
    const c = clock();
    const { limiter: l } = limiter({ limit: 1, windowMs: 1000, now: c.now });
    await l.take('u');
    c.advance(999);
    expect(await l.take('u')).toMatchObject({ retryAfterSeconds: 1 });
  });

  it('GIVEN many users who went quiet THEN their windows expire from the store', async () => {
    const c = clock();
    const { store, limiter: l } = limiter({ limit: 5, windowMs: 1000, now: c.now });
    for (let i = 0; i < 5000; i++) await l.take(`user${i}`);
    c.advance(61_000);
    for (let i = 0; i < 10; i++) await l.take(`late${i}`);
    expect(store.size).toBeLessThan(1000);
  });
});
