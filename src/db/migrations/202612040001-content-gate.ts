import { sql, type Kysely } from 'kysely';

/**
 * The publication gate (issue 6): attachment texts read once per file content, leaders' overrides of 确定 findings,
 * and the gate's record kept with each published edition. Findings and keys are JSON text on both databases.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Keyed by the file's SHA-256 (attachments are content-addressed): the same bytes always read the same.
  await db.schema
    .createTable('attachment_texts')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('problem', 'text')
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reader', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addCheckConstraint('attachment_texts_status', sql`status in ('text', 'no-text', 'unreadable', 'not-checked')`)
    .execute();
  await db.schema
    .createTable('item_check_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('overridden_at', 'text', (c) => c.notNull())
    .addColumn('overridden_by', 'text', (c) => c.notNull())
    .addColumn('overridden_by_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('finding_keys_json', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addCheckConstraint('item_check_overrides_reason', sql`length(trim(reason)) > 0`)
    .execute();
  await db.schema.createIndex('item_check_overrides_item').on('item_check_overrides').columns(['item_id', 'overridden_at']).execute();
  await db.schema
    .createTable('item_edition_checks')
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('edition_no', 'integer', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('timeliness_status', 'text')
    .addColumn('late_by_days', 'integer')
    .addColumn('due_on', 'text')
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addColumn('override_ids_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_edition_checks_pk', ['item_id', 'edition_no'])
    .execute();
}
