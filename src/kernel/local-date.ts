/**
 * Calendar dates without time or zone ("2026-11-29"). Deadlines in the 条例 are counted in
 * dates, so the domain never touches Date objects for them.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30. */
export function parseLocalDate(text: string): LocalDate | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return text as LocalDate;
}

export function localDate(text: string): LocalDate {
  const parsed = parseLocalDate(text);
  if (!parsed) throw new RangeError(`not a date: ${text}`);
  return parsed;
}

export function isLocalDate(text: unknown): text is LocalDate {
  return typeof text === 'string' && parseLocalDate(text) !== undefined;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtc(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10) as LocalDate;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtc(toUtc(date) + days * 86_400_000);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toUtc(date)).getUTCDay();
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

/** The date in China (UTC+8, no daylight saving) at an instant. */
export function chinaDateOf(instant: Date): LocalDate {
  return fromUtc(instant.getTime() + 8 * 3_600_000 - ((instant.getTime() + 8 * 3_600_000) % 86_400_000));
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 2026年11月29日 */
export function formatChineseDate(date: LocalDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export function weekdayName(date: LocalDate): string {
  return `星期${WEEKDAYS[dayOfWeek(date)]}`;
}
