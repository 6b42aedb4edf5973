import type { Executor } from '../../../db/database.ts';
import type { CatalogueEntryRow } from '../../../db/schema.ts';
import { Conflict } from '../../../kernel/errors.ts';
import type { CatalogueEntry } from '../domain/catalogue-entry.ts';

export function entryFromRow(r: CatalogueEntryRow): CatalogueEntry {
  return {
    id: r.id,
    organId: r.organ_id,
    sortOrder: Number(r.sort_order),
    level1: r.level1,
    level2: r.level2,
    content: r.content,
    basis: JSON.parse(r.basis_json),
    timeLimitWorkingDays: r.time_limit_working_days === null ? null : Number(r.time_limit_working_days),
    timeLimitText: r.time_limit_text,
    subject: r.subject,
    channels: JSON.parse(r.channels_json),
    audience: JSON.parse(r.audience_json),
    methods: JSON.parse(r.methods_json),
    levels: JSON.parse(r.levels_json),
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function entryToRow(e: CatalogueEntry): CatalogueEntryRow {
  return {
    id: e.id,
    organ_id: e.organId,
    sort_order: e.sortOrder,
    level1: e.level1,
    level2: e.level2,
    content: e.content,
    basis_json: JSON.stringify(e.basis),
    time_limit_working_days: e.timeLimitWorkingDays,
    time_limit_text: e.timeLimitText,
    subject: e.subject,
    channels_json: JSON.stringify(e.channels),
    audience_json: JSON.stringify(e.audience),
    methods_json: JSON.stringify(e.methods),
    levels_json: JSON.stringify(e.levels),
    version: e.version,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
  };
}

export const catalogueEntryRepository = {
  async insert(db: Executor, e: CatalogueEntry): Promise<void> {
    await db.insertInto('catalogue_entries').values(entryToRow(e)).execute();
  },
  /** Optimistic concurrency: the stored version must still be `e.version - 1`. */
  async update(db: Executor, e: CatalogueEntry): Promise<void> {
    const r = await db.updateTable('catalogue_entries').set(entryToRow(e)).where('id', '=', e.id).where('version', '=', e.version - 1).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new Conflict('stale-version');
  },
  async findById(db: Executor, id: string): Promise<CatalogueEntry | undefined> {
    const row = await db.selectFrom('catalogue_entries').selectAll().where('id', '=', id).executeTakeFirst();
    return row && entryFromRow(row);
  },
  async list(db: Executor, organId?: string): Promise<CatalogueEntry[]> {
    let q = db.selectFrom('catalogue_entries').selectAll();
    if (organId) q = q.where('organ_id', '=', organId);
    const rows = await q.orderBy('sort_order').orderBy('id').execute();
    return rows.map(entryFromRow);
  },
  /** Items linked to each entry, and how many of them are public. */
  async itemCounts(db: Executor): Promise<Map<string, { total: number }>> {
    const rows = await db
      .selectFrom('items')
      .select(['catalogue_entry_id', (eb) => eb.fn.countAll<number>().as('total')])
      .where('catalogue_entry_id', 'is not', null)
      .groupBy('catalogue_entry_id')
      .execute();
    return new Map(rows.map((r) => [r.catalogue_entry_id!, { total: Number(r.total) }]));
  },
};
