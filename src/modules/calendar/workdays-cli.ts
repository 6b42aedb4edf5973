import { InvalidInput } from '../../kernel/errors.ts';
import { parseLocalDate } from '../../kernel/local-date.ts';
import type { WorkingDayCalendar } from '../../kernel/working-days.ts';

/** The largest 工作日 count `workdays add` accepts: far above any statutory period (条例 Art. 33: 20 + 20). */
export const MAX_WORKING_DAYS = 1000;

/** Chinese messages for the field codes these commands raise (the CLI prints these, never error.message). */
export const WORKDAYS_CLI_MESSAGES: Record<string, string> = {
  'invalid-date': '日期应为有效的 YYYY-MM-DD 格式，例如 2025-09-26',
  'invalid-working-days': `工作日数应为 1 至 ${MAX_WORKING_DAYS} 之间的整数`,
};

/**
 * `gongkai workdays add <date> <n>`: the date n 工作日 after `date`, the date itself not counted (HOLIDAYS.md §7),
 * e.g. `2025-10-30`, or `2027-01-13 provisional` when the count runs into a year without a notice.
 */
export function workdaysAdd(calendar: WorkingDayCalendar, dateText: string, nText: string): string {
  const start = parseLocalDate(dateText.trim());
  const n = /^\d+$/.test(nText.trim()) ? Number(nText.trim()) : Number.NaN;
  const fields: Record<string, string> = {};
  if (!start) fields.date = 'invalid-date';
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) fields.workingDays = 'invalid-working-days';
  if (!start || Object.keys(fields).length > 0) throw new InvalidInput(fields);
  const due = calendar.addWorkingDays(start, n);
  return due.isProvisional ? `${due.date} provisional` : due.date;
}

/**
 * `gongkai workdays between <a> <b>`: the number of 工作日 after `a` up to and including `b` (0 when b <= a),
 * followed by ` provisional` when a counted day lies in a year without a notice.
 */
export function workdaysBetween(calendar: WorkingDayCalendar, aText: string, bText: string): string {
  const after = parseLocalDate(aText.trim());
  const upTo = parseLocalDate(bText.trim());
  if (!after || !upTo) throw new InvalidInput({ ...(after ? {} : { from: 'invalid-date' }), ...(upTo ? {} : { to: 'invalid-date' }) });
  const counted = calendar.countWorkingDays(after, upTo);
  return counted.isProvisional ? `${counted.days} provisional` : String(counted.days);
}
