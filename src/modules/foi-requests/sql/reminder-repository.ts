/** Stored reply-deadline reminders (foi_reminders): rows ↔ records, idempotent insert, conditional updates. */
import type { Executor } from '../../../db/database.ts';
import type { FoiReminderRow } from '../../../db/schema.ts';
import type { LocalDate } from '../../../kernel/local-date.ts';
import type { ReminderKind, StoredReminder } from '../domain/reminders.ts';

export interface ReminderRecord extends StoredReminder {
  requestId: string;
  isProvisional: boolean;
  /** 工作日 left when it was raised. */
  workingDaysLeft: number;
  raisedOn: LocalDate;
  raisedAt: string;
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
}

export interface ReminderFilters {
  /** Only unread reminders that still fit their case (the office's to-do list). */
  openOnly?: boolean | undefined;
  requestIds?: readonly string[] | undefined;
}

function fromRow(r: FoiReminderRow): ReminderRecord {
  return {
    id: r.id,
    requestId: r.request_id,
    kind: r.kind as ReminderKind,
    dueOn: r.due_on as LocalDate,
    isProvisional: Number(r.is_provisional) === 1,
    workingDaysLeft: Number(r.working_days_left),
    raisedOn: r.raised_on as LocalDate,
    raisedAt: r.raised_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedByName: r.acknowledged_by_name,
    resolvedAt: r.resolved_at,
  };
}

function toRow(r: ReminderRecord): FoiReminderRow {
  return {
    id: r.id,
    request_id: r.requestId,
    kind: r.kind,
    due_on: r.dueOn,
    is_provisional: r.isProvisional ? 1 : 0,
    working_days_left: r.workingDaysLeft,
    raised_on: r.raisedOn,
    raised_at: r.raisedAt,
    acknowledged_at: r.acknowledgedAt,
    acknowledged_by: r.acknowledgedBy,
    acknowledged_by_name: r.acknowledgedByName,
    resolved_at: r.resolvedAt,
  };
}

export const reminderRepository = {
  /** Inserts unless a reminder with the same request, kind and due date exists; true when this call stored it. */
  async insertOnce(db: Executor, reminder: ReminderRecord): Promise<boolean> {
    const result = await db.insertInto('foi_reminders').values(toRow(reminder)).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  async findById(db: Executor, id: string): Promise<ReminderRecord | undefined> {
    const row = await db.selectFrom('foi_reminders').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  },

  /** Newest first. */
  async list(db: Executor, f: ReminderFilters = {}): Promise<ReminderRecord[]> {
    if (f.requestIds && f.requestIds.length === 0) return [];
    let q = db.selectFrom('foi_reminders').selectAll();
    if (f.openOnly) q = q.where('acknowledged_at', 'is', null).where('resolved_at', 'is', null);
    if (f.requestIds) q = q.where('request_id', 'in', [...f.requestIds]);
    return (await q.orderBy('raised_at', 'desc').orderBy('id').execute()).map(fromRow);
  },

  async countOpen(db: Executor): Promise<number> {
    const row = await db.selectFrom('foi_reminders').select((eb) => eb.fn.countAll<number>().as('n')).where('acknowledged_at', 'is', null).where('resolved_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Marks it read unless it already is (or was resolved); true when this call did it. */
  async acknowledge(db: Executor, id: string, by: { id: string; name: string }, at: string): Promise<boolean> {
    const result = await db
      .updateTable('foi_reminders')
      .set({ acknowledged_at: at, acknowledged_by: by.id, acknowledged_by_name: by.name })
      .where('id', '=', id)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Resolves an unread reminder that no longer fits its case; true when this call did it. */
  async resolve(db: Executor, id: string, at: string): Promise<boolean> {
    const result = await db.updateTable('foi_reminders').set({ resolved_at: at }).where('id', '=', id).where('acknowledged_at', 'is', null).where('resolved_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
