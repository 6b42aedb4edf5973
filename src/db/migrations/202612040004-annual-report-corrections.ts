import { sql, type Kysely } from 'kysely';

/**
 * 更正 of a published 年度报告: every publication of a report is kept as an edition (the first, then one per
 * correction with its 更正说明), and the report row records whether a correction is open. Reports published before
 * this migration get their first edition from the row itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('annual_reports').addColumn('correction_opened_at', 'text').execute();
  await db.schema.alterTable('annual_reports').addColumn('correction_opened_by', 'text').execute();
  await db.schema
    .createTable('annual_report_editions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('annual_reports.id'))
    .addColumn('edition_no', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.references('items.id'))
    .addColumn('item_edition_no', 'integer')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('correction_note', 'text')
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('figures_json', 'text', (c) => c.notNull())
    .addColumn('tables_json', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_report_editions_report_edition', ['report_id', 'edition_no'])
    .addCheckConstraint('annual_report_editions_edition_no', sql`edition_no >= 1`)
    // The first edition is the publication; every later one is a 更正 and must say what changed.
    .addCheckConstraint('annual_report_editions_correction_note', sql`(edition_no = 1 and correction_note is null) or (edition_no > 1 and correction_note is not null and length(correction_note) > 0)`)
    .execute();
  await sql`
    insert into annual_report_editions (id, report_id, edition_no, item_id, item_edition_no, published_at, published_by, correction_note, sections_json, figures_json, tables_json, findings_json)
    select id || '-1', id, 1, published_item_id, 1, coalesce(published_at, updated_at), coalesce(published_by, ''), null, sections_json, figures_json, tables_json, findings_json
    from annual_reports where status = 'published'
  `.execute(db);
}
