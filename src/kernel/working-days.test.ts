import { describe, expect, it } from 'vitest';
import { addDays, localDate, type LocalDate } from './local-date.ts';
import { OFFICIAL_CALENDAR_YEARS } from './official-calendar.ts';
import { validateCalendarYear, WorkingDayCalendar, type CalendarYear, type CalendarYearRefusal } from './working-days.ts';

const calendar = new WorkingDayCalendar(OFFICIAL_CALENDAR_YEARS);
const d = localDate;

describe('addWorkingDays: HOLIDAYS.md §7 worked examples and holiday blocks', () => {
  it.each([
    // [start, n, expected, provisional]
    ['2025-09-26', 7, '2025-10-13', false], // §7: 9/28 调休, 10/1–10/8 rest, 10/11 调休
    ['2025-09-26', 20, '2025-10-30', false], // §7
    ['2026-12-15', 20, '2027-01-13', true], // §7: runs into 2027 without a notice
    ['2026-12-15', 12, '2026-12-31', false], // the 12 days of 2026 in that example
    ['2026-12-15', 13, '2027-01-04', true], // 2027-01-01 excluded (元旦, fixed date)
    ['2025-09-26', 1, '2025-09-28', false], // Friday + 1 = 调休 Sunday
    ['2025-09-19', 1, '2025-09-22', false], // ordinary Friday + 1 = Monday
    // 春节 2025: off 1/28–2/4, 调休 1/26 (日) and 2/8 (六)
    ['2025-01-24', 1, '2025-01-26', false],
    ['2025-01-27', 1, '2025-02-05', false],
    ['2025-02-07', 1, '2025-02-08', false],
    // 春节 2026: off 2/15–2/23, 调休 2/14 (六) and 2/28 (六)
    ['2026-02-13', 1, '2026-02-14', false],
    ['2026-02-14', 1, '2026-02-24', false],
    ['2026-02-27', 1, '2026-02-28', false],
    // 国庆 2024: off 10/1–10/7, 调休 9/29 (日) and 10/12 (六)
    ['2024-09-27', 1, '2024-09-29', false],
    ['2024-09-30', 1, '2024-10-08', false],
    ['2024-10-11', 1, '2024-10-12', false],
    // 国庆 2026: off 10/1–10/7, 调休 9/20 (日) and 10/10 (六)
    ['2026-09-30', 1, '2026-10-08', false],
    ['2026-10-09', 1, '2026-10-10', false],
    // year boundaries with data on both sides
    ['2024-12-31', 1, '2025-01-02', false], // 2025-01-01 off
    ['2025-12-31', 1, '2026-01-04', false], // 2026-01-01..03 off, 1/4 (日) 调休
    ['2025-12-31', 2, '2026-01-05', false],
  ] as const)('%s + %i 工作日 = %s (provisional %s)', (start, n, expected, isProvisional) => {
    expect(calendar.addWorkingDays(d(start), n)).toEqual({ date: expected, isProvisional });
  });

  it('refuses n that is not an integer >= 1', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(() => calendar.addWorkingDays(d('2025-01-02'), n)).toThrow(RangeError);
  });

  it('is flagged provisional when it starts in a year without data before the first known year', () => {
    expect(calendar.addWorkingDays(d('2023-12-29'), 1)).toEqual({ date: '2024-01-02', isProvisional: true });
  });
});

describe('isWorkingDay and describeDay', () => {
  it.each([
    ['2026-10-10', true, 'make-up-working-day'], // 调休 Saturday
    ['2025-10-11', true, 'make-up-working-day'], // 调休 Saturday
    ['2024-02-04', true, 'make-up-working-day'], // 调休 Sunday
    ['2024-02-09', true, 'weekday'], // 除夕 2024 is not an official holiday
    ['2025-01-28', false, 'holiday'], // 除夕 2025 is (办法 Art. 2 as revised)
    ['2025-10-08', false, 'holiday'], // Wednesday inside 国庆/中秋 block
    ['2024-02-17', false, 'holiday'], // Saturday inside 春节 block
    ['2025-10-10', true, 'weekday'],
    ['2025-10-12', false, 'weekend'],
    ['2027-01-01', false, 'provisional-holiday'], // Friday, 元旦
    ['2027-01-04', true, 'provisional-weekday'],
    ['2027-01-02', false, 'provisional-weekend'],
    ['2027-05-03', true, 'provisional-weekday'], // Monday: only 5月1日、2日 are fixed
    ['2028-05-01', false, 'provisional-holiday'], // Monday
    ['2028-05-02', false, 'provisional-holiday'], // Tuesday: 劳动节 has 2 days since the 2024 revision
    ['2027-10-01', false, 'provisional-holiday'], // Friday
    ['2027-10-03', false, 'provisional-weekend'], // Sunday: no 补假 guessed
    ['2027-10-04', true, 'provisional-weekday'],
  ] as const)('%s is working %s (%s)', (date, isWorkingDay, reason) => {
    expect(calendar.isWorkingDay(d(date))).toBe(isWorkingDay);
    expect(calendar.describeDay(d(date)).reason).toBe(reason);
  });

  it('names the notice behind a holiday or 调休 day, and the 办法 article behind a provisional holiday', () => {
    expect(calendar.describeDay(d('2025-10-11')).holidayNotice).toBe('国办发明电〔2024〕12号');
    expect(calendar.describeDay(d('2026-02-16')).holidayNotice).toBe('国办发明电〔2025〕7号');
    expect(calendar.describeDay(d('2027-01-01')).holidayNotice).toContain('全国年节及纪念日放假办法');
    expect(calendar.describeDay(d('2025-10-10')).holidayNotice).toBeUndefined();
  });

  it('treats 2028-10-02 and -03 (Monday, Tuesday) as provisional holidays', () => {
    expect(calendar.workingDaysIn(d('2028-09-29'), d('2028-10-06'))).toEqual({ dates: ['2028-09-29', '2028-10-04', '2028-10-05', '2028-10-06'], isProvisional: true });
  });
});

describe('isProvisional and lastKnownYear', () => {
  it('knows 2024–2026 only', () => {
    expect(calendar.lastKnownYear).toBe(2026);
    expect(calendar.isProvisional(d('2026-12-31'))).toBe(false);
    expect(calendar.isProvisional(d('2024-01-01'))).toBe(false);
    expect(calendar.isProvisional(d('2027-01-01'))).toBe(true);
    expect(calendar.isProvisional(d('2023-12-31'))).toBe(true);
    expect(new WorkingDayCalendar([]).lastKnownYear).toBeUndefined();
  });
});

describe('countWorkingDays', () => {
  it.each([
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('%i has %i 工作日 (HOLIDAYS.md §3–5)', (year, days) => {
    // the day after 12-31 of the previous year is 1月1日: that year's data only, so not provisional (even for 2024)
    expect(calendar.countWorkingDays(d(`${year - 1}-12-31`), d(`${year}-12-31`))).toEqual({ days, isProvisional: false });
    expect(calendar.workingDaysIn(d(`${year}-01-01`), d(`${year}-12-31`)).dates).toHaveLength(days);
  });

  it.each([
    ['2025-09-26', '2025-10-13', 7, false],
    ['2025-09-26', '2025-10-30', 20, false],
    ['2025-09-30', '2025-10-08', 0, false], // the whole 国庆 block
    ['2025-10-13', '2025-10-13', 0, false], // upTo = after
    ['2025-10-13', '2025-10-01', 0, false], // upTo < after
    ['2026-12-15', '2027-01-13', 20, true],
    ['2026-12-31', '2027-01-04', 1, true],
  ] as const)('after %s up to %s: %i (provisional %s)', (after, upTo, days, isProvisional) => {
    expect(calendar.countWorkingDays(d(after), d(upTo))).toEqual({ days, isProvisional });
  });

  it('agrees with addWorkingDays for every start in 2025 and n up to 40', () => {
    for (let start = d('2025-01-01'); start <= '2025-12-31'; start = addDays(start, 7)) {
      for (const n of [1, 7, 15, 20, 40]) {
        const due = calendar.addWorkingDays(start, n);
        expect(calendar.countWorkingDays(start, due.date).days).toBe(n);
        expect(calendar.isWorkingDay(due.date)).toBe(true);
      }
    }
  });
});

describe('办法 Art. 7: no more than 6 consecutive 工作日 (true of the 2024–2026 data)', () => {
  it('never runs 7 working days in a row, and does reach 6 (2024-02-04..09)', () => {
    const { dates } = calendar.workingDaysIn(d('2024-01-01'), d('2026-12-31'));
    let run = 0;
    let longest = 0;
    let previous: LocalDate | undefined;
    for (const date of dates) {
      run = previous !== undefined && addDays(previous, 1) === date ? run + 1 : 1;
      longest = Math.max(longest, run);
      previous = date;
    }
    expect(longest).toBe(6);
    expect(calendar.workingDaysIn(d('2024-02-03'), d('2024-02-10')).dates).toEqual(['2024-02-04', '2024-02-05', '2024-02-06', '2024-02-07', '2024-02-08', '2024-02-09']);
  });
});

describe('validateCalendarYear', () => {
  const base = (): CalendarYear => structuredClone(OFFICIAL_CALENDAR_YEARS.find((y) => y.year === 2025)!);

  it('accepts every shipped year unchanged', () => {
    for (const year of OFFICIAL_CALENDAR_YEARS) expect(validateCalendarYear(year)).toEqual({ ok: true, value: year });
  });

  it('sorts ranges and work days and trims the notice', () => {
    const input = { ...base(), notice: ' 测试 ', off: [...base().off].reverse(), work: [...base().work].reverse() };
    const result = validateCalendarYear(input);
    expect(result.ok && result.value).toMatchObject({ notice: '测试', off: base().off, work: base().work, issuedOn: '2024-11-12' });
  });

  it.each<[string, (y: Record<string, unknown>) => unknown, CalendarYearRefusal]>([
    ['not an object', () => 'x', 'not-an-object'],
    ['off not an array', (y) => ({ ...y, off: {} }), 'not-an-object'],
    ['fractional year', (y) => ({ ...y, year: 2025.5 }), 'invalid-year'],
    ['year as text', (y) => ({ ...y, year: '2025' }), 'invalid-year'],
    ['blank notice', (y) => ({ ...y, notice: '  ' }), 'missing-notice'],
    ['bad issuedOn', (y) => ({ ...y, issuedOn: '2024-11-31' }), 'invalid-issued-on'],
    ['source not text', (y) => ({ ...y, source: 7 }), 'invalid-source'],
    ['impossible date', (y) => ({ ...y, off: [['2025-02-29', '2025-03-01']] }), 'invalid-date'],
    ['range of one date', (y) => ({ ...y, off: [['2025-01-01']] }), 'invalid-date'],
    ['bad work date', (y) => ({ ...y, work: ['2025/01/26'] }), 'invalid-date'],
    ['range crossing the year', (y) => ({ ...y, off: [['2025-12-31', '2026-01-01']] }), 'date-outside-year'],
    ['work day of another year', (y) => ({ ...y, work: ['2024-02-04'] }), 'date-outside-year'],
    ['reversed range', (y) => ({ ...y, off: [['2025-02-04', '2025-01-28']] }), 'range-reversed'],
    ['overlapping ranges', (y) => ({ ...y, off: [['2025-01-28', '2025-02-04'], ['2025-02-04', '2025-02-05']] }), 'ranges-overlap'],
    ['weekday as 调休', (y) => ({ ...y, work: ['2025-01-27'] }), 'work-day-not-weekend'],
    ['调休 inside 放假', (y) => ({ ...y, work: ['2025-02-01'] }), 'work-day-inside-off'],
    ['duplicate 调休', (y) => ({ ...y, work: ['2025-01-26', '2025-01-26'] }), 'duplicate-work-day'],
  ])('refuses %s', (_name, mutate, reason) => {
    const result = validateCalendarYear(mutate(base() as unknown as Record<string, unknown>));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it('the constructor refuses invalid records and duplicate years', () => {
    expect(() => new WorkingDayCalendar([{ ...base(), notice: '' }])).toThrow(/missing-notice/);
    expect(() => new WorkingDayCalendar([base(), base()])).toThrow(/twice/);
  });
});
