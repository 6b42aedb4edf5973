import type { Clock } from '../../../kernel/clock.ts';
import { TooManyRequests } from '../../../kernel/errors.ts';

/**
 * A light fixed-window limit per client address for the public form and the status check (one instance's memory:
 * enough against a script hammering the form; sign-in throttling, which must hold across instances, uses the DB).
 */
export class RateLimiter {
  readonly #hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt for `key`; throws 429 once the window's limit is used up. */
  hit(key: string): void {
    const now = this.clock.now().getTime();
    if (this.#hits.size > 10_000) for (const [k, v] of this.#hits) if (now - v.windowStart >= this.windowMs) this.#hits.delete(k);
    const entry = this.#hits.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      this.#hits.set(key, { windowStart: now, count: 1 });
      return;
    }
    entry.count++;
    if (entry.count > this.limit) throw new TooManyRequests('too-many-requests', Math.ceil((entry.windowStart + this.windowMs - now) / 1000));
  }
}
