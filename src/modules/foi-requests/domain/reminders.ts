/**
 * Reply-deadline reminders (条例 Art. 33 para 2: reply within 20 工作日, or the extended limit). A reminder is raised
 * once per request, kind and due date: when the case becomes due soon (the due-soon status of `replyDeadline`, ≤ the
 * setting `foiDueSoonWorkingDays` 工作日 left, 5 unless set) and when it becomes overdue. A new due date (补正 restart, consultation pause, extension,
 * a calendar change) is a new key, so the reminder is raised again; one that no longer fits the case is resolved.
 */
import type { LocalDate } from '../../../kernel/local-date.ts';
import type { ReplyDeadline } from './reply-deadline.ts';

export const REMINDER_KINDS = ['due-soon', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  'due-soon': '即将到期',
  overdue: '已超期',
};

/** The reminder a case warrants today: which kind, for which due date. */
export interface ReminderDue {
  kind: ReminderKind;
  dueOn: LocalDate;
  isProvisional: boolean;
  workingDaysLeft: number;
}

/** What the planner needs of a stored reminder. */
export interface StoredReminder {
  id: string;
  kind: ReminderKind;
  dueOn: LocalDate;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}

/** The reminder an open case's deadline warrants, if any (closed, paused and awaiting-补正 cases warrant none). */
export function reminderDue(deadline: Pick<ReplyDeadline, 'status' | 'dueOn' | 'isProvisional' | 'workingDaysLeft'>): ReminderDue | undefined {
  if (!deadline.dueOn) return undefined;
  if (deadline.status !== 'due-soon' && deadline.status !== 'overdue') return undefined;
  return { kind: deadline.status, dueOn: deadline.dueOn, isProvisional: deadline.isProvisional, workingDaysLeft: deadline.workingDaysLeft };
}

const sameKey = (a: { kind: ReminderKind; dueOn: LocalDate }, b: { kind: ReminderKind; dueOn: LocalDate }) => a.kind === b.kind && a.dueOn === b.dueOn;

/**
 * What to store for one case: the warranted reminder unless one with its key exists already (acknowledged or not:
 * once per key), and the unread reminders that no longer fit (closed case, new due date, due-soon turned overdue).
 */
export function planReminders(current: ReminderDue | undefined, stored: readonly StoredReminder[]): { raise: ReminderDue | undefined; resolve: string[] } {
  const raise = current && !stored.some((r) => sameKey(r, current)) ? current : undefined;
  const resolve = stored.filter((r) => !r.acknowledgedAt && !r.resolvedAt && !(current && sameKey(r, current))).map((r) => r.id);
  return { raise, resolve };
}

/** The reminder's text for the office; a provisional due date (a year without a holiday notice) says so. */
export function reminderMessage(r: { kind: ReminderKind; dueOn: LocalDate; isProvisional: boolean; workingDaysLeft: number; trackingCode: string }): string {
  const due = `${r.dueOn}${r.isProvisional ? '（暂定，放假安排公布后重新计算）' : ''}`;
  if (r.kind === 'overdue') return `${r.trackingCode} 已超过答复期限 ${due}，请立即答复（条例第三十三条）。`;
  return `${r.trackingCode} 答复期限为 ${due}，剩余${r.workingDaysLeft}个工作日，请按期答复（条例第三十三条）。`;
}
