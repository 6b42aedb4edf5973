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
