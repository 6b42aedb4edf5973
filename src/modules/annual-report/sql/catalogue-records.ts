/**
 * Read-only queries on the 政府信息目录 for the report (table 二, narrative counts) and the self-inspection (timeliness,
 * 基本目录 coverage). Retracted items are left out: what was taken off the site is not reported as published.
 */
import type { Executor } from '../../../db/database.ts';
import type { LocalDate } from '../../../kernel/local-date.ts';
import type { CatalogueDocument } from '../domain/compute-tables.ts';

const start = (year: number) => `${year}-01-01`;
const end = (year: number) => `${year}-12-31`;

/** A 主动公开 item as the timeliness indicator needs it. */
export interface TimelinessRecord {
  id: string;
  title: string;
  writtenOn: LocalDate;
  publishedOn: LocalDate | null;
  /** The 基本目录 row's own 公开时限 in 工作日, when the item fulfils a row that sets one. */
  entryLimitWorkingDays: number | null;
}

/** One 基本目录 row and how many items filed under it were first published in the year. */
export interface EntryCoverage {
  id: string;
  name: string;
  itemsInYear: number;
}

export const catalogueRecords = {
  /** 规章 and 行政规范性文件 of the organ (lead issuer) ever published, with 有效性 and its dates (table 二). */
  async documents(db: Executor, organId: string, year: number): Promise<CatalogueDocument[]> {
    const rows = await db
      .selectFrom('items')
      .select(['genre_code', 'published_on', 'validity', 'repealed_on', 'expired_on'])
      .where('organ_id', '=', organId)
      .where('genre_code', 'in', ['regulation', 'normative-document'])
      .where('current_edition', 'is not', null)
      .where('retracted_at', 'is', null)
      .where('published_on', '<=', end(year))
      .execute();
    return rows.map((r) => ({
      genre: r.genre_code,
      publishedOn: r.published_on as LocalDate,
      validity: r.validity as CatalogueDocument['validity'],
      repealedOn: r.repealed_on as LocalDate | null,
      expiredOn: r.expired_on as LocalDate | null,
    }));
  },

  /** 主动公开 items first published in the year (the report's own item excluded by genre). */
  async countPublished(db: Executor, organId: string, year: number): Promise<number> {
    const row = await db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organ_id', '=', organId)
      .where('disclosure', '=', 'proactive')
      .where('current_edition', 'is not', null)
      .where('retracted_at', 'is', null)
      .where('genre_code', '!=', 'annual-report')
      .where('published_on', '>=', start(year))
      .where('published_on', '<=', end(year))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /**
   * 主动公开 items whose 条例 Art. 26 clock concerns the year: first published in it, or made by its end and still
   * unpublished (the caller decides which of those were already overdue on 31 December).
   */
  async timeliness(db: Executor, organId: string, year: number): Promise<TimelinessRecord[]> {
    const rows = await db
      .selectFrom('items')
      .leftJoin('catalogue_entries as e', 'e.id', 'items.catalogue_entry_id')
      .select(['items.id', 'items.title', 'items.written_on', 'items.published_on', 'e.time_limit_working_days'])
      .where('items.organ_id', '=', organId)
      .where('items.disclosure', '=', 'proactive')
      .where('items.retracted_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('items.published_on', '>=', start(year)), eb('items.published_on', '<=', end(year))]),
          eb.and([eb('items.published_on', 'is', null), eb('items.written_on', '<=', end(year))]),
          eb.and([eb('items.published_on', '>', end(year)), eb('items.written_on', '<=', end(year))]),
        ]),
      )
      .orderBy('items.written_on')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      writtenOn: r.written_on as LocalDate,
      publishedOn: (r.published_on as LocalDate | null) ?? null,
      entryLimitWorkingDays: r.time_limit_working_days ?? null,
    }));
  },

  /** Every 基本目录 row of the organ with the number of its items first published in the year. */
  async coverage(db: Executor, organId: string, year: number): Promise<EntryCoverage[]> {
    const entries = await db.selectFrom('catalogue_entries').select(['id', 'level1', 'level2', 'sort_order']).where('organ_id', '=', organId).orderBy('sort_order').execute();
    const counts = await db
      .selectFrom('items')
      .select(['catalogue_entry_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('organ_id', '=', organId)
      .where('disclosure', '=', 'proactive')
      .where('current_edition', 'is not', null)
      .where('retracted_at', 'is', null)
      .where('catalogue_entry_id', 'is not', null)
      .where('published_on', '>=', start(year))
      .where('published_on', '<=', end(year))
      .groupBy('catalogue_entry_id')
      .execute();
    const byEntry = new Map(counts.map((c) => [c.catalogue_entry_id, Number(c.n)]));
    return entries.map((e) => ({ id: e.id, name: `${e.level1}／${e.level2}`, itemsInYear: byEntry.get(e.id) ?? 0 }));
  },
};
