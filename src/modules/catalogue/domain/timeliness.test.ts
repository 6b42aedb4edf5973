import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, localDate, type LocalDate } from '../../../kernel/local-date.ts';
import {
  assessTimeliness,
  DEFAULT_PUBLICATION_LIMIT_WORKING_DAYS,
  publicationDeadline,
  publicationLimitWorkingDays,
  type WorkingDays,
} from './timeliness.ts';

/** Mon–Fri are working days except `holidays`, plus the 调休 `makeUpDays`; dates from `provisionalFrom` on are provisional. */
function fakeCalendar(holidays: string[] = [], makeUpDays: string[] = [], provisionalFrom = '2999-01-01'): WorkingDays {
  const off = new Set(holidays);
  const on = new Set(makeUpDays);
  return {
    addWorkingDays(start: LocalDate, n: number) {
      let date = start;
      for (let counted = 0; counted < n; ) {
        date = addDays(date, 1);
        const weekday = dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6;
        if ((weekday && !off.has(date)) || on.has(date)) counted++;
      }
      return { date, isProvisional: date >= provisionalFrom };
    },
  };
}

const weekdays = fakeCalendar();
// 2025 National Day (国办发明电〔2024〕12号): 10月1日至8日 off, Sunday 9/28 and Saturday 10/11 worked (HOLIDAYS.md §4).
const national = fakeCalendar(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'], ['2025-09-28', '2025-10-11']);

describe('publicationDeadline', () => {
  it.each([
    ['2026-03-02', 20, '2026-03-30'], // Monday + 20 WD = 4 weeks later, a Monday
    ['2026-03-06', 20, '2026-04-03'], // Friday + 20 WD
    ['2026-03-07', 1, '2026-03-09'], // Saturday + 1 WD = Monday
    ['2026-03-02', 3, '2026-03-05'],
  ])('%s + %i WD → %s', (writtenOn, limit, dueOn) => {
    expect(publicationDeadline(localDate(writtenOn), limit, weekdays)).toEqual({ dueOn, isProvisional: false });
  });

  it('skips a holiday block and counts 调休 days (HOLIDAYS.md worked example: 2025-09-26 + 20 WD)', () => {
    expect(publicationDeadline(localDate('2025-09-26'), 20, national).dueOn).toBe('2025-10-30');
    expect(publicationDeadline(localDate('2025-09-26'), 20, weekdays).dueOn).toBe('2025-10-24');
  });

  it('passes on the calendar’s provisional flag', () => {
    expect(publicationDeadline(localDate('2026-12-20'), 20, fakeCalendar([], [], '2027-01-01'))).toEqual({ dueOn: '2027-01-15', isProvisional: true });
  });

  it.each([[0], [-1], [2.5]])('refuses a limit of %s working days', (limit) => {
    expect(() => publicationDeadline(localDate('2026-03-02'), limit, weekdays)).toThrow(RangeError);
  });
});

describe('publicationLimitWorkingDays', () => {
  it.each([
    [undefined, 20],
    [null, 20],
    [3, 3],
  ])('entry limit %s → %i', (entryLimit, expected) => {
    expect(publicationLimitWorkingDays(entryLimit)).toBe(expected);
  });
  it('defaults to Art. 26’s 20 working days', () => {
    expect(DEFAULT_PUBLICATION_LIMIT_WORKING_DAYS).toBe(20);
  });
});

describe('assessTimeliness', () => {
  const writtenOn = localDate('2026-03-02'); // due 2026-03-30
  it.each<[string | null, string, unknown]>([
    ['2026-03-02', '2026-04-30', { status: 'on-time' }],
    ['2026-03-30', '2026-04-30', { status: 'on-time' }],
    ['2026-03-31', '2026-04-30', { status: 'late', lateByDays: 1 }],
    ['2026-04-06', '2026-04-06', { status: 'late', lateByDays: 7 }],
    [null, '2026-03-02', { status: 'pending' }],
    [null, '2026-03-30', { status: 'pending' }],
    [null, '2026-03-31', { status: 'overdue', lateByDays: 1 }],
    [null, '2026-04-29', { status: 'overdue', lateByDays: 30 }],
  ])('published %s, today %s', (publishedOn, today, expected) => {
    const result = assessTimeliness(
      { writtenOn, publishedOn: publishedOn === null ? null : localDate(publishedOn), limitWorkingDays: 20, today: localDate(today) },
      weekdays,
    );
    expect(result).toEqual({ dueOn: '2026-03-30', isProvisional: false, ...(expected as object) });
  });

  it('uses a catalogue entry’s shorter limit', () => {
    const result = assessTimeliness({ writtenOn, publishedOn: localDate('2026-03-06'), limitWorkingDays: 3, today: localDate('2026-03-10') }, weekdays);
    expect(result).toEqual({ dueOn: '2026-03-05', isProvisional: false, status: 'late', lateByDays: 1 });
  });

  it('lets holidays move the deadline', () => {
    const input = { writtenOn: localDate('2025-09-26'), publishedOn: localDate('2025-10-30'), limitWorkingDays: 20, today: localDate('2025-11-10') };
    expect(assessTimeliness(input, weekdays)).toMatchObject({ status: 'late', lateByDays: 6 });
    expect(assessTimeliness(input, national)).toEqual({ status: 'on-time', dueOn: '2025-10-30', isProvisional: false });
  });
});
