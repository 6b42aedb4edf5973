import { sql, type Kysely } from 'kysely';

/**
 * 年度报告 (条例 Art. 49–50) and the self-inspection (自查) of the 政务公开 indicator system.
 * Figures, narrative and findings are JSON text (identical on SQLite and PostgreSQL); one report per organ and year.
 * Percentages are stored as hundredths of a percent (400 = 4 %), so no floating point reaches the schema.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('annual_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('drafts_json', 'text', (c) => c.notNull())
    .addColumn('figures_json', 'text', (c) => c.notNull())
    .addColumn('tables_json', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addColumn('problems_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('published_item_id', 'text', (c) => c.references('items.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_organ_year', ['organ_id', 'year'])
    .addCheckConstraint('annual_reports_status', sql`status in ('draft', 'published')`)
    .execute();
  await db.schema
    .createTable('inspection_plans')
    .addColumn('organ_id', 'text', (c) => c.primaryKey().references('organs.id'))
    .addColumn('appraisal_weight_bp', 'integer', (c) => c.notNull())
    .addColumn('weights_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    // 国办 seed plan §二(五)3: 政务公开 weighs at least 4 % of the performance appraisal.
    .addCheckConstraint('inspection_plans_appraisal_weight', sql`appraisal_weight_bp >= 400 and appraisal_weight_bp <= 10000`)
    .execute();
  await db.schema
    .createTable('inspection_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('remedies', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_reports_organ_year', ['organ_id', 'year'])
    .execute();
}
