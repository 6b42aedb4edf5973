import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * PostgreSQL only: every insert or update of `counters` notifies channel `gongkai_counters` with
 * `<schema> <key> <value>` (sent at commit, in commit order), which `CounterWatch`
 * (src/db/pg-counter-watch.ts) listens to so that the public version is known without reading the
 * table for every batch of portal requests. The schema is in the payload: several installations
 * (and the tests' schemas) may share one database, and its channels.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`create function gongkai_counter_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('gongkai_counters', tg_table_schema || ' ' || new.key || ' ' || new.value);
      return null;
    end $$`.execute(db);
  await sql`create trigger counters_notify after insert or update on counters for each row execute function gongkai_counter_notify()`.execute(db);
}
