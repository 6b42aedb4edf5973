/**
 * The working-day periods of 依申请公开, each counted on the 工作日 calendar from the day after its trigger
 * (HOLIDAYS.md §7; REFERENCE.md §10 counting convention [U]: `addWorkingDays` does not count the start day).
 */
import type { LocalDate } from '../../../kernel/local-date.ts';
import type { WorkingDayCalendar } from '../../../kernel/working-days.ts';

/** 条例 Art. 33 para 2: reply within 20 工作日 of 收到申请之日. */
export const REPLY_WORKING_DAYS = 20;

/** 条例 Art. 33 para 2: one extension, approved by the 工作机构负责人, of at most 20 工作日. */
export const MAX_EXTENSION_WORKING_DAYS = 20;

/** 条例 Art. 30: the 补正 notice goes out within 7 工作日 of 收到申请之日, once. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;

/** 条例 Art. 32 and Art. 34: the third party or co-maker answers within 15 工作日 of receiving the 征求意见书. */
export const CONSULTEE_WORKING_DAYS = 15;

/** 国办函〔2020〕109号: the fee is paid within 20 工作日 from the day after the 收费通知 is received. */
export const FEE_PAYMENT_WORKING_DAYS = 20;

/** A date computed on the calendar, provisional when the count touched a year without a holiday notice. */
export interface CalendarDue {
  date: LocalDate;
  isProvisional: boolean;
}

/** 条例 Art. 30: the last day on which the one-time 补正 notice may be sent (7 工作日 after receipt). */
export function correctionNoticeDueOn(receivedOn: LocalDate, calendar: WorkingDayCalendar): CalendarDue {
  return calendar.addWorkingDays(receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
}

/**
 * 条例 Art. 32/34: the consultee's last day (15 工作日). Counted from the day the consultation starts, as the brief
 * fixes; the statute counts from the consultee's receipt of the 征求意见书, which the platform does not record yet.
 */
export function consulteeDueOn(startedOn: LocalDate, calendar: WorkingDayCalendar): CalendarDue {
  return calendar.addWorkingDays(startedOn, CONSULTEE_WORKING_DAYS);
}

/** 国办函〔2020〕109号: the last day to pay, 20 工作日 from the day after the 收费通知 (`notifiedOn` = its receipt). */
export function feePaymentDueOn(notifiedOn: LocalDate, calendar: WorkingDayCalendar): CalendarDue {
  return calendar.addWorkingDays(notifiedOn, FEE_PAYMENT_WORKING_DAYS);
}
