import { existsSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
/**
 * Store and route tests run on SQLite always and on PostgreSQL when a server answers at
 * TEST_DATABASE_URL (default 127.0.0.1:5432, database `test`). With GONGKAI_REQUIRE_PG=1 (CI)
 * a missing server fails the suite instead of skipping it.
 */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
let postgresAvailable;
export function isPostgresAvailable() {
    postgresAvailable ??= (async () => {
        const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
        try {
            await client.connect();
            await client.query('select 1');
            return true;
        }
        catch (error) {
            if (process.env.GONGKAI_REQUIRE_PG === '1')
                throw new Error(`PostgreSQL is required (GONGKAI_REQUIRE_PG=1) but ${POSTGRES_URL} is unreachable: ${error}`);
            return false;
        }
        finally {
            await client.end().catch(() => { });
        }
    })();
    return postgresAvailable;
}
/** The dialects this run covers; use with describe.each. */
export async function testDialects() {
    return (await isPostgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}
/** A fresh database: SQLite in memory, or a new PostgreSQL schema; migrated unless `migrate: false` (migration tests). */
export async function createTestDatabase(dialect, options = {}) {
    if (dialect === 'sqlite') {
        const database = openDatabase(':memory:');
        if (options.migrate !== false)
            await migrate(database);
        return { ...database, url: ':memory:', drop: async () => { } };
    }
    const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = withSearchPath(POSTGRES_URL, schema);
    const database = openDatabase(url, options);
    if (options.migrate !== false)
        await migrate(database);
    return {
        ...database,
        url,
        async drop() {
            await database.destroy();
            const c = new pg.Client({ connectionString: POSTGRES_URL });
            await c.connect();
            await c.query(`drop schema if exists ${schema} cascade`);
            await c.end();
        },
    };
}
/** A postgres URL whose connections use `schema` first. */
export function withSearchPath(url, schema) {
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    return u.toString();
}
/** Whether Chromium can be driven here; GONGKAI_REQUIRE_BROWSER=1 (CI) turns absence into failure. */
export function chromiumPath() {
    const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
    for (const path of candidates) {
        if (existsSync(path))
            return path;
    }
    if (process.env.GONGKAI_REQUIRE_BROWSER === '1')
        throw new Error('Chromium is required (GONGKAI_REQUIRE_BROWSER=1) but not installed');
    return undefined;
}
