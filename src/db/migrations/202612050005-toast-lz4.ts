import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/** The columns that hold a document's text, each stored out of line (TOAST) once past ≈ 2 KB. */
const LONG_TEXT: readonly [table: string, column: string][] = [
  ['items', 'body_html'],
  ['item_editions', 'snapshot_json'],
  ['item_search', 'body_seg'],
  ['item_search', 'tsv'],
  ['item_search_docs', 'body_text'],
  ['attachment_texts', 'text'],
];

/**
 * PostgreSQL only: long text compressed with lz4 instead of pglz (PostgreSQL ≥ 14 built with lz4, as
 * Debian's and the official packages are). Every body is written four times (item, edition, search
 * index, snippet text), so compression is a measured share of publishing and importing: 100,000
 * items loaded in 54.2 / 55.9 s instead of 58.4 s (bench/RESULTS.md, sixth session); reading is
 * faster too. Values already stored keep their compression until rewritten. A server without lz4
 * keeps pglz: the change is skipped, not failed.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  const statements = LONG_TEXT.map(([table, column]) => `alter table ${table} alter column ${column} set compression lz4;`).join('\n    ');
  await sql
    .raw(
      `do $$
  begin
    ${statements}
  exception when feature_not_supported or invalid_parameter_value then
    raise notice 'lz4 is not available on this server: long text stays compressed with pglz';
  end $$`,
    )
    .execute(db);
}
