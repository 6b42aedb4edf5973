import { describe, expect, it } from 'vitest';
import { addDays, localDate, type LocalDate } from '../../../kernel/local-date.ts';
import { OFFICIAL_CALENDAR_YEARS } from '../../../kernel/official-calendar.ts';
import { WorkingDayCalendar } from '../../../kernel/working-days.ts';
import { countedDayLine, holidayName, rangeLine, restDayLabel } from './deadline-explanation.ts';

const calendar = new WorkingDayCalendar(OFFICIAL_CALENDAR_YEARS);
const d = localDate;

/** The festival of every 放假 block of the shipped notices, as HOLIDAYS.md §3–§5 name them. */
const BLOCK_NAMES: Record<string, string> = {
  '2024-01-01': '元旦',
  '2024-02-10': '春节',
  '2024-04-04': '清明节',
  '2024-05-01': '劳动节',
  '2024-06-10': '端午节',
  '2024-09-15': '中秋节',
  '2024-10-01': '国庆节',
  '2025-01-01': '元旦',
  '2025-01-28': '春节',
  '2025-04-04': '清明节',
  '2025-05-01': '劳动节',
  '2025-05-31': '端午节',
  '2025-10-01': '国庆节', // 国庆节、中秋节 together
  '2026-01-01': '元旦',
  '2026-02-15': '春节',
  '2026-04-04': '清明节',
  '2026-05-01': '劳动节',
  '2026-06-19': '端午节',
  '2026-09-25': '中秋节',
  '2026-10-01': '国庆节',
};

describe('holidayName', () => {
  const blocks = OFFICIAL_CALENDAR_YEARS.flatMap((year) => year.off);

  it('knows every block of 2024–2026', () => {
    expect(blocks.map(([start]) => start).sort()).toEqual(Object.keys(BLOCK_NAMES).sort());
  });

  it.each(blocks)('names every day of %s–%s alike', (start, end) => {
    for (let day: LocalDate = start; day <= end; day = addDays(day, 1)) expect(holidayName(day)).toBe(BLOCK_NAMES[start]);
  });

  it.each([
    ['2027-01-01', '元旦'],
    ['2027-05-03', '劳动节'],
    ['2027-10-03', '国庆节'],
    ['2018-12-31', '元旦'],
    ['2026-07-15', '法定节假日'],
  ])('%s → %s', (date, name) => {
    expect(holidayName(d(date))).toBe(name);
  });
});

describe('line wording', () => {
  it.each([
    ['2025-10-04', '国庆节放假，不计'],
    ['2025-10-12', '周末，不计'],
    ['2027-10-01', '国庆节放假（暂按法定日期，待当年放假通知发布），不计'],
    ['2027-10-09', '周末，不计'],
  ])('%s: %s', (date, label) => {
    expect(restDayLabel(d(date), calendar.describeDay(d(date)))).toBe(label);
  });

  it.each([
    ['2025-10-11', 6, '2025-10-11 第6个工作日（调休上班）'],
    ['2025-10-13', 7, '2025-10-13 第7个工作日'],
    ['2027-01-04', 13, '2027-01-04 第13个工作日（暂定）'],
  ])('%s as day %i: %s', (date, ordinal, line) => {
    expect(countedDayLine(d(date), ordinal, calendar.describeDay(d(date)))).toBe(line);
  });

  it('writes a one-day run as a date', () => {
    expect(rangeLine(d('2024-06-10'), d('2024-06-10'), '端午节放假，不计')).toBe('2024-06-10 端午节放假，不计');
    expect(rangeLine(d('2025-10-01'), d('2025-10-08'), '国庆节放假，不计')).toBe('2025-10-01至2025-10-08 国庆节放假，不计');
  });
});
