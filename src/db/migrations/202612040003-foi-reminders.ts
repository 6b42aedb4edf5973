import { sql, type Kysely } from 'kysely';

/**
 * 依申请公开 reminders (条例 Art. 33: reply within the limit): one row per request, kind (`due-soon`, `overdue`) and
 * reply due date, raised by the daily sweep, acknowledged (已读) by the office. The unique key makes raising
 * idempotent across runs and instances; a changed due date (extension, calendar) is a new key, so it is raised again.
 * The daily sweep's job is one per day: a partial unique index lets every instance offer it and one row win.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('foi_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('foi_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('is_provisional', 'integer', (c) => c.notNull())
    .addColumn('working_days_left', 'integer', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_by_name', 'text')
    .addColumn('resolved_at', 'text')
    .addUniqueConstraint('foi_reminders_once', ['request_id', 'kind', 'due_on'])
    .execute();
  await db.schema.createIndex('foi_reminders_open').on('foi_reminders').columns(['acknowledged_at', 'resolved_at']).execute();
  await sql`create unique index scheduled_jobs_foi_reminders_daily on scheduled_jobs (kind, subject_id) where kind = 'foi.reminders'`.execute(db);
}
