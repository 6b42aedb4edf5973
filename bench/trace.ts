/**
 * Where one request's time goes: builds the app in-process on a loaded bench database with a Kysely that
 * logs every statement, sends the request twice (cold, then warm: render cache), and prints each statement
 * with its duration, the slowest first, and its query plan.
 *
 *   npx tsx bench/trace.ts --db bench/.cache/sqlite-…/gongkai.sqlite '/search?q=公开' '/xxgk/list?page=7'
 *   npx tsx bench/trace.ts --db 'postgres://postgres@127.0.0.1:5432/test?options=-c%20search_path%3Dbench_…' '/search?q=公开'
 */
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { kyselyCounterReader, openDatabase, type Database } from '../src/db/database.ts';
import type { Schema } from '../src/db/schema.ts';
import { systemClock } from '../src/kernel/clock.ts';
import { createServices } from '../src/services.ts';
import { buildGongkaiApp } from '../src/web-app.ts';

const i = process.argv.indexOf('--db');
const url = i >= 0 ? process.argv[i + 1]! : '';
const paths = process.argv.slice(2).filter((a, k, all) => a !== '--db' && all[k - 1] !== '--db');
if (!url || paths.length === 0) throw new Error("usage: trace.ts --db <sqlite file | postgres url> '/path?query' …");

let statements: { sql: string; parameters: readonly unknown[]; ms: number }[] = [];
const log = (e: LogEvent): void => {
  statements.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
};

let sqliteHandle: SQLite.Database | undefined;
let pgPool: pg.Pool | undefined;

function open(): Database {
  if (/^postgres/.test(url)) {
    openDatabase(url).destroy(); // installs the app's pg type parsers
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    pgPool = pool;
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), log });
    return { db, dialect: 'postgres', readCounter: kyselyCounterReader(db), destroy: () => db.destroy() };
  }
  const handle = new SQLite(url);
  sqliteHandle = handle;
  for (const p of ['journal_mode = WAL', 'foreign_keys = ON', 'busy_timeout = 5000', 'synchronous = NORMAL']) handle.pragma(p);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: handle }), log });
  return { db, dialect: 'sqlite', readCounter: kyselyCounterReader(db), destroy: () => db.destroy() };
}

const database = open();
process.env.PUBLIC_API_RATE_LIMIT = '0';
const services = await createServices({ database, dataDir: '/tmp/gongkai-trace', clock: systemClock, instanceId: 'trace' });
const app = await buildGongkaiApp(services);
const short = (text: string) => text.replace(/\s+/g, ' ').slice(0, 400);
for (const path of paths) {
  for (const round of ['cold', 'warm']) {
    statements = [];
    const t = performance.now();
    const r = await app.inject({ method: 'GET', url: path });
    const total = performance.now() - t;
    const dbMs = statements.reduce((s, x) => s + x.ms, 0);
    console.log(`\n${path} (${round}): ${r.statusCode}, ${r.body.length} bytes, ${total.toFixed(1)} ms, ${statements.length} statements taking ${dbMs.toFixed(1)} ms`);
    if (round === 'warm') continue;
    for (const s of [...statements].sort((a, b) => b.ms - a.ms).slice(0, 8)) {
      console.log(`  ${s.ms.toFixed(1).padStart(8)} ms  ${short(s.sql)}  ${JSON.stringify(s.parameters).slice(0, 120)}`);
      if (s.ms < 5) continue;
      const params = s.parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p));
      const plan: string[] = sqliteHandle
        ? (sqliteHandle.prepare(`explain query plan ${s.sql}`).all(...params) as { detail: string }[]).map((p) => p.detail)
        : (await pgPool!.query(`explain (analyze, buffers) ${s.sql}`, params as unknown[])).rows.map((r: Record<string, string>) => r['QUERY PLAN']!);
      for (const line of plan.slice(0, 25)) console.log(`              ${line}`);
    }
  }
}
await app.close();
await services.close();
