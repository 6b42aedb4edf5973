/**
 * Per-client token buckets for the public API and search: each client address may burst up to
 * `capacity` requests and then `refillPerSecond` requests a second. Time is passed in, so the
 * arithmetic is testable and the same for every instance (each instance keeps its own buckets).
 */

/** How many requests a client may make. */
export interface TokenBucketPolicy {
  capacity: number;
  refillPerSecond: number;
}

/** The verdict for one request; `retryAfterSeconds` is when one token will be back. */
export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  atMs: number;
}

/** A bounded map of buckets: when it is full, idle (refilled) buckets go first, then the oldest. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly policy: TokenBucketPolicy,
    private readonly maxKeys = 50_000,
  ) {
    if (!(policy.capacity >= 1) || !(policy.refillPerSecond > 0)) throw new RangeError('token bucket needs capacity ≥ 1 and a positive refill rate');
  }

  /** Takes one token for `key` at `nowMs`. */
  take(key: string, nowMs: number): TakeResult {
    const bucket = this.refilled(key, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.policy.refillPerSecond)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, nowMs: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.evict(nowMs);
      bucket = { tokens: this.policy.capacity, atMs: nowMs };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsedSeconds = Math.max(0, nowMs - bucket.atMs) / 1000;
    bucket.tokens = Math.min(this.policy.capacity, bucket.tokens + elapsedSeconds * this.policy.refillPerSecond);
    bucket.atMs = Math.max(bucket.atMs, nowMs);
    return bucket;
  }

  /** A full bucket carries no information, so forgetting it is free; if none is full, the oldest goes. */
  private evict(nowMs: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (Math.max(0, nowMs - b.atMs) / 1000) * this.policy.refillPerSecond >= this.policy.capacity) this.buckets.delete(key);
    }
    while (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
  }
}
