import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';

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
