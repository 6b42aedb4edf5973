import { sql } from 'kysely';
import type { Database } from './database.ts';
import { migrations } from './migrations/index.ts';

/**
 * Applies pending migrations, each in its own transaction. On PostgreSQL an advisory lock keeps
 * several instances starting at once from migrating twice.
 */
export async function migrate(database: Database, log: (line: string) => void = () => {}): Promise<string[]> {
  const { db, dialect } = database;
  const applied: string[] = [];
  const run = async () => {
    await db.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    for (const [name, migration] of migrations) {
      await db.transaction().execute(async (trx) => {
        const t = trx as any;
        const done = await t.selectFrom('schema_migrations').select('name').where('name', '=', name).executeTakeFirst();
        if (done) return;
        await migration.up(t, dialect);
        await t.insertInto('schema_migrations').values({ name, applied_at: new Date().toISOString() }).execute();
        applied.push(name);
        log(`applied ${name}`);
      });
    }
  };
  if (dialect !== 'postgres') {
    await run();
    return applied;
  }
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(20261129)`.execute(conn);
    try {
      await run();
    } finally {
      await sql`select pg_advisory_unlock(20261129)`.execute(conn);
    }
  });
  return applied;
}
