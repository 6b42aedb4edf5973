import type { LocalDate } from './local-date.ts';
import type { CalendarYear } from './working-days.ts';

const d = (text: string): LocalDate => text as LocalDate;
const range = (start: string, end: string): [LocalDate, LocalDate] => [d(start), d(end)];

/**
 * The shipped 放假与调休 calendar, copied from the 国务院办公厅 notices as recorded in HOLIDAYS.md §6
 * (cross-checked there against NateScarlet/holiday-cn). Seeded into `calendar_years`; administrators add later years.
 */
export const OFFICIAL_CALENDAR_YEARS: CalendarYear[] = [
  {
    year: 2024,
    notice: '国办发明电〔2023〕7号',
    issuedOn: d('2023-10-25'),
    source: 'https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm',
    off: [
      range('2024-01-01', '2024-01-01'),
      range('2024-02-10', '2024-02-17'),
      range('2024-04-04', '2024-04-06'),
      range('2024-05-01', '2024-05-05'),
      range('2024-06-10', '2024-06-10'),
      range('2024-09-15', '2024-09-17'),
      range('2024-10-01', '2024-10-07'),
    ],
    work: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'].map(d),
  },
  {
    year: 2025,
    notice: '国办发明电〔2024〕12号',
    issuedOn: d('2024-11-12'),
    source: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    off: [
      range('2025-01-01', '2025-01-01'),
      range('2025-01-28', '2025-02-04'),
      range('2025-04-04', '2025-04-06'),
      range('2025-05-01', '2025-05-05'),
      range('2025-05-31', '2025-06-02'),
      range('2025-10-01', '2025-10-08'),
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'].map(d),
  },
  {
    year: 2026,
    notice: '国办发明电〔2025〕7号',
    issuedOn: d('2025-11-04'),
    source: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    off: [
      range('2026-01-01', '2026-01-03'),
      range('2026-02-15', '2026-02-23'),
      range('2026-04-04', '2026-04-06'),
      range('2026-05-01', '2026-05-05'),
      range('2026-06-19', '2026-06-21'),
      range('2026-09-25', '2026-09-27'),
      range('2026-10-01', '2026-10-07'),
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'].map(d),
  },
];
