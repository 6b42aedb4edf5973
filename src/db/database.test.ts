import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, isPostgresAvailable, type TestDatabase } from '../../test/support/test-database.ts';
import { openDatabase, type Database } from './database.ts';
import { COUNTER_WATCH_APPLICATION } from './pg-counter-watch.ts';

/**
 * Database.readCounter on an SQLite file: it skips the read transaction while the wal-index header is
 * unchanged, so these check that every commit — by another connection, another process, after a
 * checkpoint restarts the WAL — is seen on the very next call, and an uncommitted one never.
 */
describe('readCounter on an SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-counter-'));
  const file = join(dir, 'db.sqlite');
  let a: Database;
  let b: Database;
  const set = (db: Database, value: number) => sql`update counters set value = ${value} where key = 'v'`.execute(db.db);

  beforeAll(async () => {
    a = openDatabase(file);
    await sql`create table counters (key text primary key, value integer not null)`.execute(a.db);
    await sql`create table other (n integer)`.execute(a.db);
    await sql`insert into counters (key, value) values ('v', 0)`.execute(a.db);
    b = openDatabase(file);
  });
  afterAll(async () => {
    await a.destroy();
    await b.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sees another connection's every commit on the next read, and nothing else changes it", async () => {
    for (let i = 1; i <= 200; i++) {
      await set(a, i);
      expect(await b.readCounter('v')).toBe(i);
      expect(await b.readCounter('v')).toBe(i);
      if (i % 7 === 0) {
        await sql`insert into other (n) values (${i})`.execute(a.db);
        expect(await b.readCounter('v')).toBe(i);
      }
    }
    expect(await b.readCounter('absent')).toBe(0);
  });

  it('answers callers of one turn with one read made after all of them asked', async () => {
    const early = Array.from({ length: 20 }, () => b.readCounter('v'));
    await set(a, 300);
    const late = b.readCounter('v');
    expect(await late).toBe(300);
    expect(new Set(await Promise.all(early)).size).toBe(1);
    await expect(b.readCounter('v')).resolves.toBe(300);
  });

  it('sees commits after a checkpoint has restarted the write-ahead log', async () => {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(a.db);
    await set(a, 500);
    expect(await b.readCounter('v')).toBe(500);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(b.db);
    await set(b, 501);
    expect(await a.readCounter('v')).toBe(501);
    expect(await b.readCounter('v')).toBe(501);
  });

  it("does not see its own connection's transaction until it commits", async () => {
    expect(await b.readCounter('v')).toBe(501);
    await b.db.transaction().execute(async (trx) => {
      await sql`update counters set value = 600 where key = 'v'`.execute(trx);
      expect(await b.readCounter('v')).toBe(501);
    });
    expect(await b.readCounter('v')).toBe(600);
  });

  it("sees another process's commit on the next read", async () => {
    expect(await b.readCounter('v')).toBe(600);
    const child = spawnSync(
      process.execPath,
      ['-e', `const S = require('better-sqlite3'); const d = new S(${JSON.stringify(file)}); d.prepare("update counters set value = 700 where key = 'v'").run(); d.close();`],
      { encoding: 'utf8' },
    );
    expect(child.status, child.stderr).toBe(0);
    expect(await b.readCounter('v')).toBe(700);
    expect(await a.readCounter('v')).toBe(700);
  });
});

/**
 * Database.readCounter on PostgreSQL: the counters' notifications on a listening connection, fenced
 * per batch of callers (CounterWatch), and the table while that connection is missing.
 */
describe.runIf(await isPostgresAvailable())('readCounter on PostgreSQL', () => {
  let shared: TestDatabase;
  let reader: Database;
  const set = (value: number) => sql`update counters set value = ${value} where key = 'v'`.execute(shared.db);
  const listeners = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from pg_stat_activity where application_name = ${COUNTER_WATCH_APPLICATION} and datname = current_database()`.execute(shared.db)).rows[0]!.n);
  const until = async (condition: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await condition()).toBe(true);
  };

  beforeAll(async () => {
    shared = await createTestDatabase('postgres');
    await sql`insert into counters (key, value) values ('v', 0)`.execute(shared.db);
    reader = openDatabase(shared.url);
  });
  afterAll(async () => {
    await reader.destroy();
    await shared.drop();
  });

  it("sees another connection's every commit on the next read once it listens, and no uncommitted one", async () => {
    expect(await reader.readCounter('v')).toBe(0);
    await until(async () => (await listeners()) > 0);
    for (let i = 1; i <= 300; i++) {
      await set(i);
      expect(await reader.readCounter('v')).toBe(i);
    }
    // Many callers at once share fences; each gets a value at least as new as its call.
    await set(301);
    expect(await Promise.all(Array.from({ length: 50 }, () => reader.readCounter('v')))).toEqual(Array(50).fill(301));
    await shared.db.transaction().execute(async (trx) => {
      await sql`update counters set value = 999 where key = 'v'`.execute(trx);
      expect(await reader.readCounter('v')).toBe(301);
    });
    expect(await reader.readCounter('v')).toBe(999);
    // A counter first inserted after the watch started is notified too; an absent one reads 0.
    await sql`insert into counters (key, value) values ('w', 5)`.execute(shared.db);
    expect(await reader.readCounter('w')).toBe(5);
    expect(await reader.readCounter('none')).toBe(0);
  });

  it('ignores the counters of another schema of the same database', async () => {
    const other = await createTestDatabase('postgres');
    try {
      await sql`insert into counters (key, value) values ('v', 123456)`.execute(other.db);
      await set(1000);
      expect(await reader.readCounter('v')).toBe(1000);
    } finally {
      await other.drop();
    }
  });

  it('reads the table while its listening connection is gone, and listens again', async () => {
    await until(async () => (await listeners()) > 0);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${COUNTER_WATCH_APPLICATION} and datname = current_database()`.execute(shared.db);
    for (let i = 2000; i < 2050; i++) {
      await set(i);
      expect(await reader.readCounter('v')).toBe(i);
    }
    await until(async () => (await listeners()) > 0);
    for (let i = 3000; i < 3050; i++) {
      await set(i);
      expect(await reader.readCounter('v')).toBe(i);
    }
  });
});
