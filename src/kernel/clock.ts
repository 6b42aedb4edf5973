import { chinaDateOf, type LocalDate } from './local-date.ts';

/** Time enters the application only through a Clock, so tests can fix it. */
export interface Clock {
  now(): Date;
  /** Today's date in China. */
  today(): LocalDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => chinaDateOf(new Date()),
};

export function fixedClock(instant: string | Date): Clock & { set(instant: string | Date): void; advance(ms: number): void } {
  let current = new Date(instant);
  return {
    now: () => new Date(current),
    today: () => chinaDateOf(current),
    set(next) {
      current = new Date(next);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * The system clock, which a one-off job (loading historic demo data) may set to another
 * instant for a while; `override(undefined)` returns to real time.
 */
export function overridableClock(): Clock & { override(instant: Date | undefined): void } {
  let fixed: Date | undefined;
  return {
    now: () => (fixed ? new Date(fixed) : new Date()),
    today: () => chinaDateOf(fixed ?? new Date()),
    override(instant) {
      fixed = instant;
    },
  };
}
