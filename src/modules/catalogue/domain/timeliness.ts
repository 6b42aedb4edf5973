/**
 * 条例 Art. 26: 属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开;
 * a law, or the item's row in the 主动公开基本目录 (its 公开时限), may set another limit (REFERENCE.md §2, §9).
 * Status is derived from dates at read time, never stored (STYLE.md §3).
 */
import { daysBetween, type LocalDate } from '../../../kernel/local-date.ts';

/** Art. 26 default: 20 工作日. */
export const DEFAULT_PUBLICATION_LIMIT_WORKING_DAYS = 20;

/**
 * The one calendar operation this module needs; the kernel's WorkingDayCalendar satisfies it structurally.
 * The start day is not counted; the result is provisional when it relies on a year without a holiday notice.
 */
export interface WorkingDays {
  addWorkingDays(start: LocalDate, n: number): { date: LocalDate; isProvisional: boolean };
}

/** The limit that applies: the catalogue entry's own 公开时限 in 工作日 when it sets one, else Art. 26's 20. */
export function publicationLimitWorkingDays(catalogueEntryLimitWorkingDays?: number | null): number {
  return catalogueEntryLimitWorkingDays ?? DEFAULT_PUBLICATION_LIMIT_WORKING_DAYS;
}

/**
 * The last day to publish: `limitWorkingDays` 工作日 after the 形成/变更 date. For a 变更 (a revised edition)
 * pass the change date as `writtenOn`.
 */
export function publicationDeadline(
  writtenOn: LocalDate,
  limitWorkingDays: number,
  calendar: WorkingDays,
): { dueOn: LocalDate; isProvisional: boolean } {
  if (!Number.isInteger(limitWorkingDays) || limitWorkingDays < 1) {
    throw new RangeError(`publication limit must be a whole number of working days >= 1, got ${limitWorkingDays}`);
  }
  const { date, isProvisional } = calendar.addWorkingDays(writtenOn, limitWorkingDays);
  return { dueOn: date, isProvisional };
}

/** on-time / late once published; pending / overdue while not yet published. */
export type TimelinessStatus = 'on-time' | 'late' | 'pending' | 'overdue';

/** An item's standing under Art. 26; `lateByDays` counts calendar days past `dueOn` (to publication, or to today). */
export interface Timeliness {
  dueOn: LocalDate;
  isProvisional: boolean;
  status: TimelinessStatus;
  lateByDays?: number;
}

/** Compares the publication date (or, while unpublished, today) with the Art. 26 deadline. */
export function assessTimeliness(
  input: { writtenOn: LocalDate; publishedOn: LocalDate | null; limitWorkingDays: number; today: LocalDate },
  calendar: WorkingDays,
): Timeliness {
  const { dueOn, isProvisional } = publicationDeadline(input.writtenOn, input.limitWorkingDays, calendar);
  const reference = input.publishedOn ?? input.today;
  const lateByDays = daysBetween(dueOn, reference);
  const isPublished = input.publishedOn !== null;
  if (lateByDays <= 0) return { dueOn, isProvisional, status: isPublished ? 'on-time' : 'pending' };
  return { dueOn, isProvisional, status: isPublished ? 'late' : 'overdue', lateByDays };
}
