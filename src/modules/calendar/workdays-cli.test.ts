import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../kernel/errors.ts';
import { OFFICIAL_CALENDAR_YEARS } from '../../kernel/official-calendar.ts';
import { WorkingDayCalendar } from '../../kernel/working-days.ts';
import { WORKDAYS_CLI_MESSAGES, workdaysAdd, workdaysBetween } from './workdays-cli.ts';

const calendar = new WorkingDayCalendar(OFFICIAL_CALENDAR_YEARS);

describe('workdaysAdd', () => {
  it.each([
    ['2025-09-26', '7', '2025-10-13'],
    ['2025-09-26', '20', '2025-10-30'],
    ['2026-12-15', '20', '2027-01-13 provisional'],
    [' 2025-12-31 ', ' 1 ', '2026-01-04'],
  ])('%s + %s 工作日 → %s', (date, n, expected) => {
    expect(workdaysAdd(calendar, date, n)).toBe(expected);
  });

  it.each([
    ['2025-02-30', '7', { date: 'invalid-date' }],
    ['2025/09/26', '7', { date: 'invalid-date' }],
    ['2025-09-26', '0', { workingDays: 'invalid-working-days' }],
    ['2025-09-26', '-3', { workingDays: 'invalid-working-days' }],
    ['2025-09-26', '2.5', { workingDays: 'invalid-working-days' }],
    ['2025-09-26', '二十', { workingDays: 'invalid-working-days' }],
    ['2025-09-26', '1001', { workingDays: 'invalid-working-days' }],
    ['', '', { date: 'invalid-date', workingDays: 'invalid-working-days' }],
  ])('refuses %j + %j with %j', (date, n, fields) => {
    let thrown: unknown;
    try {
      workdaysAdd(calendar, date, n);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInput);
    expect((thrown as InvalidInput).fields).toEqual(fields);
    for (const code of Object.values(fields)) expect(WORKDAYS_CLI_MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('workdaysBetween', () => {
  it.each([
    ['2025-09-26', '2025-10-13', '7'],
    ['2025-09-26', '2025-10-30', '20'],
    ['2025-09-30', '2025-10-08', '0'],
    ['2025-10-30', '2025-09-26', '0'],
    ['2024-12-31', '2025-12-31', '248'],
    ['2026-12-15', '2027-01-13', '20 provisional'],
  ])('after %s up to %s → %s', (a, b, expected) => {
    expect(workdaysBetween(calendar, a, b)).toBe(expected);
  });

  it('names each invalid date field', () => {
    expect(() => workdaysBetween(calendar, 'x', '2025-10-13')).toThrow(InvalidInput);
    try {
      workdaysBetween(calendar, '2025-13-01', 'tomorrow');
    } catch (error) {
      expect((error as InvalidInput).fields).toEqual({ from: 'invalid-date', to: 'invalid-date' });
      return;
    }
    throw new Error('expected InvalidInput');
  });
});
