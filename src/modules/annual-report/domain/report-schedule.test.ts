import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../kernel/local-date.ts';
import { reportDueOn, reportStanding } from './report-schedule.ts';

const day = (d: string) => d as LocalDate;

describe('条例 Art. 49 due date and standing', () => {
  it('falls on 31 January of the next year for a 部门, 31 March for a county government', () => {
    expect(reportDueOn(2025)).toBe('2026-01-31');
    expect(reportDueOn(2025, 'government')).toBe('2026-03-31');
  });

  it.each([
    [null, null, '2026-01-10', 'not-started', 21],
    ['draft', null, '2026-01-31', 'draft', 0],
    ['draft', null, '2026-02-01', 'overdue', -1],
    ['published', '2026-01-31', '2026-05-01', 'published', -90],
    ['published', '2026-02-01', '2026-05-01', 'published-late', -90],
  ] as const)('status %s published %s on %s → %s (%i days left)', (status, publishedOn, today, standing, daysLeft) => {
    expect(reportStanding({ year: 2025, status, publishedOn: publishedOn && day(publishedOn), today: day(today) })).toEqual({ dueOn: '2026-01-31', standing, daysLeft });
  });
});
