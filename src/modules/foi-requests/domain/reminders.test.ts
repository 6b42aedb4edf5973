import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import { OFFICIAL_CALENDAR_YEARS } from '../../../kernel/official-calendar.ts';
import { WorkingDayCalendar } from '../../../kernel/working-days.ts';
import { planReminders, reminderDue, reminderMessage, type StoredReminder } from './reminders.ts';
import { replyDeadline } from './reply-deadline.ts';
import type { RequestEvent } from './request-events.ts';

const calendar = new WorkingDayCalendar(OFFICIAL_CALENDAR_YEARS);
const d = localDate;
// Received Friday 2025-09-26: 20 工作日 across 国庆 → due 2025-10-30 (HOLIDAYS.md §7).
const deadlineOn = (today: string, events: RequestEvent[] = []) => replyDeadline(d('2025-09-26'), events, calendar, d(today));

describe('reminderDue (条例 Art. 33)', () => {
  it('warrants nothing while more than 5 工作日 are left, due-soon at 5 left, overdue after the due date', () => {
    expect(reminderDue(deadlineOn('2025-10-22'))).toBeUndefined(); // 6 left
    expect(reminderDue(deadlineOn('2025-10-23'))).toEqual({ kind: 'due-soon', dueOn: '2025-10-30', isProvisional: false, workingDaysLeft: 5 });
    expect(reminderDue(deadlineOn('2025-10-30'))).toMatchObject({ kind: 'due-soon', workingDaysLeft: 0 });
    expect(reminderDue(deadlineOn('2025-10-31'))).toEqual({ kind: 'overdue', dueOn: '2025-10-30', isProvisional: false, workingDaysLeft: 0 });
  });

  it('warrants nothing for a replied case, one awaiting 补正, or one paused by a consultation', () => {
    expect(reminderDue(deadlineOn('2025-11-05', [{ type: 'replied', on: d('2025-10-31'), outcome: 'disclosed' }]))).toBeUndefined();
    expect(reminderDue(deadlineOn('2025-11-05', [{ type: 'correction-requested', on: d('2025-09-29'), items: ['年度'], correctionDueOn: d('2025-10-20') }]))).toBeUndefined();
    expect(reminderDue(deadlineOn('2025-10-28', [{ type: 'consultation-started', on: d('2025-10-27'), party: 'third-party', name: '某公司' }]))).toBeUndefined();
  });

  it('follows the extended due date (Art. 33 para 2)', () => {
    const extended = deadlineOn('2025-10-31', [{ type: 'extension-approved', on: d('2025-10-20'), workingDays: 10, approvedBy: '负责人' }]);
    expect(reminderDue(extended)).toBeUndefined();
    expect(reminderDue(deadlineOn('2025-11-07', [{ type: 'extension-approved', on: d('2025-10-20'), workingDays: 10, approvedBy: '负责人' }]))).toMatchObject({ kind: 'due-soon', dueOn: '2025-11-13' });
  });
});

describe('planReminders', () => {
  const stored = (id: string, kind: 'due-soon' | 'overdue', dueOn: string, extra: Partial<StoredReminder> = {}): StoredReminder => ({ id, kind, dueOn: d(dueOn), acknowledgedAt: null, resolvedAt: null, ...extra });
  const soon = { kind: 'due-soon' as const, dueOn: d('2025-10-30'), isProvisional: false, workingDaysLeft: 3 };

  it('raises a reminder once per kind and due date, acknowledged or not', () => {
    expect(planReminders(soon, [])).toEqual({ raise: soon, resolve: [] });
    expect(planReminders(soon, [stored('a', 'due-soon', '2025-10-30')])).toEqual({ raise: undefined, resolve: [] });
    expect(planReminders(soon, [stored('a', 'due-soon', '2025-10-30', { acknowledgedAt: '2025-10-24T01:00:00Z' })])).toEqual({ raise: undefined, resolve: [] });
  });

  it('raises again for a new due date and resolves the unread reminder of the old one', () => {
    const later = { ...soon, dueOn: d('2025-11-13') };
    expect(planReminders(later, [stored('a', 'due-soon', '2025-10-30'), stored('b', 'due-soon', '2025-10-20', { acknowledgedAt: 'x' })])).toEqual({ raise: later, resolve: ['a'] });
  });

  it('resolves the due-soon reminder when the case turns overdue, and everything unread when it closes', () => {
    const overdue = { kind: 'overdue' as const, dueOn: d('2025-10-30'), isProvisional: false, workingDaysLeft: 0 };
    expect(planReminders(overdue, [stored('a', 'due-soon', '2025-10-30')])).toEqual({ raise: overdue, resolve: ['a'] });
    expect(planReminders(undefined, [stored('a', 'due-soon', '2025-10-30'), stored('b', 'overdue', '2025-10-30'), stored('c', 'overdue', '2025-10-01', { resolvedAt: 'y' })])).toEqual({ raise: undefined, resolve: ['a', 'b'] });
  });
});

describe('reminderMessage', () => {
  it('names the due date and says when it is provisional', () => {
    expect(reminderMessage({ kind: 'due-soon', dueOn: d('2027-01-08'), isProvisional: true, workingDaysLeft: 3, trackingCode: 'YSQ-2026-000001' })).toBe('YSQ-2026-000001 答复期限为 2027-01-08（暂定，放假安排公布后重新计算），剩余3个工作日，请按期答复（条例第三十三条）。');
    expect(reminderMessage({ kind: 'overdue', dueOn: d('2025-10-30'), isProvisional: false, workingDaysLeft: 0, trackingCode: 'YSQ-2025-000002' })).toBe('YSQ-2025-000002 已超过答复期限 2025-10-30，请立即答复（条例第三十三条）。');
  });
});
