/** 工作日 calendar (放假与调休): the data every 工作日 deadline is computed on (HOLIDAYS.md, REFERENCE.md §10). */
export {
  CALENDAR_VERSION_COUNTER,
  CalendarService,
  SHIPPED_CALENDAR_ACTOR,
  type AuditAppend,
  type CalendarActor,
  type CalendarListener,
  type CalendarServiceDeps,
  type CalendarYearRecord,
} from './calendar-service.ts';
/** `gongkai workdays add|between` commands and their Chinese messages. */
export { MAX_WORKING_DAYS, WORKDAYS_CLI_MESSAGES, workdaysAdd, workdaysBetween } from './workdays-cli.ts';
/** The pure calendar lives in the kernel (every module counts 工作日); re-exported here for convenience. */
export { OFFICIAL_CALENDAR_YEARS } from '../../kernel/official-calendar.ts';
export {
  PROVISIONAL_HOLIDAY_BASIS,
  validateCalendarYear,
  WorkingDayCalendar,
  type CalendarYear,
  type CalendarYearRefusal,
  type DayDescription,
  type DayReason,
} from '../../kernel/working-days.ts';
