import { sql, type Kysely } from 'kysely';

/**
 * Site health (国办秘函〔2019〕19号 indicators): one row per check run with its verdicts, and the run's findings.
 * A scheduled run names the day it was scheduled for; the unique index lets only one instance record that day's run.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('site_health_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checked_on', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('scheduled_for', 'text')
    .addColumn('triggered_by', 'text', (c) => c.notNull())
    .addColumn('is_vetoed', 'integer', (c) => c.notNull())
    .addColumn('finding_count', 'integer', (c) => c.notNull())
    .addColumn('verdicts_json', 'text', (c) => c.notNull())
    .addColumn('stats_json', 'text', (c) => c.notNull())
    .addCheckConstraint('site_health_runs_trigger', sql`"trigger" in ('scheduled', 'manual')`)
    .execute();
  await db.schema.createIndex('site_health_runs_scheduled_for').on('site_health_runs').column('scheduled_for').unique().execute();
  await db.schema.createIndex('site_health_runs_checked').on('site_health_runs').columns(['checked_on', 'started_at']).execute();
  await db.schema
    .createTable('site_health_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('site_health_runs.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('fix_url', 'text', (c) => c.notNull())
    .addUniqueConstraint('site_health_findings_run_seq', ['run_id', 'seq'])
    .execute();
}
