import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import { OFFICIAL_CALENDAR_YEARS } from '../../../kernel/official-calendar.ts';
import { WorkingDayCalendar } from '../../../kernel/working-days.ts';
import { consulteeDueOn, correctionNoticeDueOn, feePaymentDueOn } from './statutory-periods.ts';

const calendar = new WorkingDayCalendar(OFFICIAL_CALENDAR_YEARS);
const d = localDate;

describe('statutory periods on the 工作日 calendar', () => {
  it.each([
    ['补正 notice, HOLIDAYS.md §7', correctionNoticeDueOn, '2025-09-26', '2025-10-13', false],
    ['补正 notice across 春节 2026, due on a 调休 Saturday', correctionNoticeDueOn, '2026-02-12', '2026-02-28', false],
    ['third party, 15 工作日 across 国庆 2024', consulteeDueOn, '2024-09-27', '2024-10-23', false],
    ['fee payment from the day after the notice', feePaymentDueOn, '2025-11-05', '2025-12-03', false],
    ['fee payment into 2027', feePaymentDueOn, '2026-12-15', '2027-01-13', true],
  ] as const)('%s', (_name, period, start, date, isProvisional) => {
    expect(period(d(start), calendar)).toEqual({ date, isProvisional });
  });
});
