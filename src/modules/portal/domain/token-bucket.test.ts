import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket.ts';

describe('token buckets', () => {
  it('allows a burst, then refuses with the seconds until one token is back', () => {
    const b = new TokenBuckets({ capacity: 3, refillPerSecond: 0.5 });
    expect([1, 2, 3].map(() => b.take('1.2.3.4', 0).allowed)).toEqual([true, true, true]);
    expect(b.take('1.2.3.4', 0)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(b.take('1.2.3.4', 1_000)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(b.take('1.2.3.4', 2_000).allowed).toBe(true);
  });

  it('keeps one bucket per client', () => {
    const b = new TokenBuckets({ capacity: 1, refillPerSecond: 1 });
    expect(b.take('a', 0).allowed).toBe(true);
    expect(b.take('a', 0).allowed).toBe(false);
    expect(b.take('b', 0).allowed).toBe(true);
  });

  it('never refills above capacity and ignores clocks that go back', () => {
    const b = new TokenBuckets({ capacity: 2, refillPerSecond: 10 });
    b.take('a', 0);
    expect(b.take('a', 3_600_000)).toEqual({ allowed: true, remaining: 1 });
    expect(b.take('a', 0)).toEqual({ allowed: true, remaining: 0 });
    expect(b.take('a', 0).allowed).toBe(false);
  });

  it('stays within its key budget, forgetting idle (full) buckets first', () => {
    const b = new TokenBuckets({ capacity: 2, refillPerSecond: 1 }, 3);
    b.take('busy', 0);
    b.take('busy', 0);
    b.take('idle1', 0);
    b.take('idle2', 0);
    b.take('new', 5_000);
    expect(b.size).toBeLessThanOrEqual(3);
    expect(b.take('busy', 5_000).allowed).toBe(true);
  });

  it('refuses a policy that could never allow a request', () => {
    expect(() => new TokenBuckets({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
    expect(() => new TokenBuckets({ capacity: 1, refillPerSecond: 0 })).toThrow(RangeError);
  });
});
