import { sql } from 'kysely';
import type { Executor } from './database.ts';

/**
 * The next value of a named counter (索引号 serials, tracking codes). One atomic upsert: on
 * PostgreSQL the row lock makes concurrent transactions on several instances wait and take
 * distinct values; SQLite has a single writer.
 */
export async function nextCounterValue(trx: Executor, key: string): Promise<number> {
  const row = await trx
    .insertInto('counters')
    .values({ key, value: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
