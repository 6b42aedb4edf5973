/** The columns of the 信息公开专栏 as the portal shows them, with each one's public item count and newest date. */
import type { Executor } from '../../../db/database.ts';
import type { LocalDate } from '../../../kernel/local-date.ts';
import { ANNUAL_REPORT_GENRE, annualReportEntries, rulesEntries } from '../../portal/domain/standard-columns.ts';
import { COLUMN_TYPE_NAMES, COLUMN_TYPES, type ColumnType } from '../domain/freshness.ts';
import { columnTypeOfEntry, type SiteColumn } from '../domain/site-columns.ts';

type Tally = { n: number; newest: LocalDate | null };
const none: Tally = { n: 0, newest: null };

async function tallyBy(db: Executor, column: 'catalogue_entry_id' | 'column_type', asOf: LocalDate): Promise<Map<string, Tally>> {
  const rows = await db
    .selectFrom('public_items')
    .select([column, (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('published_on').as('newest')])
    .where('published_on', '<=', asOf)
    .where(column, 'is not', null)
    .groupBy(column)
    .execute();
  return new Map(rows.map((r) => [String(r[column]), { n: Number(r.n), newest: (r.newest as LocalDate | null) ?? null }]));
}

async function tallyWhere(db: Executor, asOf: LocalDate, filter: { genres?: string[]; entries?: string[] }): Promise<Tally> {
  const genres = filter.genres ?? [];
  const entries = filter.entries ?? [];
  if (genres.length === 0 && entries.length === 0 && (filter.genres || filter.entries)) return none;
  const row = await db
    .selectFrom('public_items')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('published_on').as('newest')])
    .where('published_on', '<=', asOf)
    .$if(genres.length > 0 || entries.length > 0, (q) =>
      q.where((eb) => eb.or([...(genres.length > 0 ? [eb('genre_code', 'in', genres)] : []), ...(entries.length > 0 ? [eb('catalogue_entry_id', 'in', entries)] : [])])),
    )
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), newest: (row.newest as LocalDate | null) ?? null };
}

/** The newest publication date of any public item (what the home page and the 专栏 front page list first). */
export async function newestPublicDate(db: Executor, asOf: LocalDate): Promise<LocalDate | null> {
  return (await tallyWhere(db, asOf, {})).newest;
}

const col = (key: string, kind: SiteColumn['kind'], name: string, columnType: ColumnType, path: string, fixUrl: string, t: Tally): SiteColumn => ({ key, kind, name, columnType, path, fixUrl, itemCount: t.n, newestOn: t.newest });

/**
 * Standard columns with item lists (制度, 法定主动公开内容, 年报; the 指南 page is generated and 依申请公开 is static),
 * one column per 基本目录 row and one per 栏目类型 the 专栏 shows (only types with items are shown).
 */
export async function scanColumns(db: Executor, asOf: LocalDate): Promise<SiteColumn[]> {
  const entries = await db.selectFrom('catalogue_entries').select(['id', 'level1', 'level2']).orderBy('sort_order').orderBy('id').execute();
  const byEntry = await tallyBy(db, 'catalogue_entry_id', asOf);
  const byType = await tallyBy(db, 'column_type', asOf);
  const rules = await tallyWhere(db, asOf, { entries: rulesEntries(entries).map((e) => e.id) });
  const reports = await tallyWhere(db, asOf, { genres: [ANNUAL_REPORT_GENRE], entries: annualReportEntries(entries).map((e) => e.id) });
  const all = await tallyWhere(db, asOf, {});
  return [
    col('standard:rules', 'standard', '信息公开制度', 'other', '/xxgk/rules', '/console/catalogue', rules),
    col('standard:list', 'standard', '法定主动公开内容', 'other', '/xxgk/list', '/console/items/new', all),
    col('standard:annual-reports', 'standard', '信息公开年报', 'other', '/xxgk/annual-reports', '/console/annual-reports', reports),
    ...entries.map((e) => col(`entry:${e.id}`, 'catalogue-entry', e.level2 || e.level1, columnTypeOfEntry(e), `/xxgk/catalogue/${encodeURIComponent(e.id)}`, `/console/catalogue/${encodeURIComponent(e.id)}`, byEntry.get(e.id) ?? none)),
    ...COLUMN_TYPES.filter((t) => (byType.get(t)?.n ?? 0) > 0).map((t) => col(`type:${t}`, 'column-type', `${COLUMN_TYPE_NAMES[t].replace(/类$/, '')}（按栏目类型）`, t, `/xxgk/list?column=${t}`, '/console/items/new', byType.get(t)!)),
  ];
}
