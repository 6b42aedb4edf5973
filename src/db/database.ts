import SQLite from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import type { Schema } from './schema.ts';
import { CoalescedRead } from './coalesced-read.ts';
import { COUNTER_WATCH_APPLICATION, CounterWatch } from './pg-counter-watch.ts';
import { pgDriver } from './pg-driver.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Schema>;
export type Trx = Transaction<Schema>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Kysely<Schema> | Transaction<Schema>;

export interface Database {
  readonly db: Db;
  readonly dialect: Dialect;
  /**
   * The committed value of one row of `counters` (0 when absent) as of a moment after the call, read
   * on a hot path (the public version, once per portal request) without Kysely: one statement
   * prepared once for the process. Concurrent callers share a read made after all of them asked: on
   * PostgreSQL the next round trip (a Sync fence on a connection that listens to the counters'
   * notifications, CounterWatch; a read of the row until it listens), on SQLite one read per turn of
   * the event loop, skipped while no transaction has committed since the last (CommitWatch).
   */
  readCounter(key: string): Promise<number>;
  destroy(): Promise<void>;
}

const COUNTER_SQL = 'select value from counters where key = ';

/** Opens SQLite (a file path or `sqlite:` URL, `:memory:`) or PostgreSQL (`postgres://…`). */
export function openDatabase(url: string, options: { schema?: string; poolSize?: number } = {}): Database {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options);
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  // A second, read-only connection for counters: it sees only committed rows (WAL lets it read
  // while the main connection writes), never a transaction in progress on the main connection.
  // An in-memory database exists on one connection only, so it reads there.
  const reader = file === ':memory:' ? sqlite : new SQLite(file, { readonly: true, fileMustExist: true });
  let counter: SQLite.Statement<[string], number> | undefined;
  const commits = file === ':memory:' ? undefined : new CommitWatch(`${file}-shm`);
  const seen = new Map<string, { at: Buffer; value: number }>();
  const readNow = (key: string): number => {
    // The header is read before the value: a commit between the two changes the header, so the next read looks again.
    const at = commits?.header();
    const last = seen.get(key);
    if (at && last?.at.equals(at)) return last.value;
    counter ??= reader.prepare<[string], number>(`${COUNTER_SQL}?`).pluck();
    const value = Number(counter.get(key) ?? 0);
    if (at) seen.set(key, { at: Buffer.from(at), value });
    return value;
  };
  // Callers of one turn of the event loop share one read, made in its check phase (setImmediate):
  // after every request read from the sockets in that turn arrived, so as fresh as a read per caller.
  const waiting = new Map<string, { resolve: (v: number) => void; reject: (e: unknown) => void }[]>();
  const readWaiting = () => {
    const batch = [...waiting];
    waiting.clear();
    for (const [key, callers] of batch) {
      let value: number;
      try {
        value = readNow(key);
      } catch (error) {
        for (const c of callers) c.reject(error);
        continue;
      }
      for (const c of callers) c.resolve(value);
    }
  };
  const readCounter = (key: string): Promise<number> =>
    new Promise((resolve, reject) => {
      if (waiting.size === 0) setImmediate(readWaiting);
      const callers = waiting.get(key);
      if (callers) callers.push({ resolve, reject });
      else waiting.set(key, [{ resolve, reject }]);
    });
  return {
    db,
    dialect: 'sqlite',
    readCounter,
    async destroy() {
      await db.destroy();
      commits?.close();
      if (reader !== sqlite) reader.close();
    },
  };
}

/**
 * Whether any transaction has committed, in any process, since the last look: the wal-index header,
 * the first 96 bytes of the database's `-shm` file (two copies of a 48-byte header whose change
 * counter `iChange`, last frame `mxFrame`, salts and checksums change with every commit; the second
 * copy is written first; https://www.sqlite.org/walformat.html §2.1), read with one pread. This is
 * how SQLite itself decides that its page cache is still valid. While the header reads the same, a
 * value read after it was read is still current — no SQLite read transaction (two fcntl locks on
 * the -shm file per statement, ≈ 40 % of a cached page's cost under load) is needed to know it.
 */
class CommitWatch {
  private fd: number | undefined;
  private readonly buffer = Buffer.alloc(96);

  constructor(private readonly shm: string) {}

  /** The current header (a view reused by the next call), or undefined when the -shm file cannot be read (then every call reads SQLite). */
  header(): Buffer | undefined {
    try {
      this.fd ??= openSync(this.shm, 'r');
      return readSync(this.fd, this.buffer, 0, 96, 0) === 96 ? this.buffer : undefined;
    } catch {
      return undefined;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function openPostgres(url: string, options: { schema?: string; poolSize?: number }): Database {
  const connection = { connectionString: url, ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}) };
  const pg = pgDriver();
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  // int8 (count(*)) as number: our counts stay far below 2^53.
  pg.types.setTypeParser(20, (v) => Number(v));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  // Counters as notified to a listening connection, fenced per batch of callers (pg-counter-watch.ts);
  // until it listens, or when it is lost, a named statement on the pool (each pooled connection parses
  // and plans it once). Either way callers arriving while a read is under way share the next one: one
  // round trip per batch, never a stale value.
  const watch = new CounterWatch({ ...connection, application_name: COUNTER_WATCH_APPLICATION });
  const reads = new Map<string, CoalescedRead<number>>();
  const readCounter = (key: string): Promise<number> => {
    let read = reads.get(key);
    if (!read) {
      read = new CoalescedRead(async () => {
        if (watch.ready)
          try {
            await watch.fence();
            return watch.value(key);
          } catch {
            // Lost while fencing: read the table.
          }
        watch.start();
        const { rows } = await pool.query<{ value: number | string }>({ name: 'gongkai-read-counter', text: `${COUNTER_SQL}$1`, values: [key] });
        return Number(rows[0]?.value ?? 0);
      });
      reads.set(key, read);
    }
    return read.get();
  };
  return {
    db,
    dialect: 'postgres',
    readCounter,
    async destroy() {
      await watch.close();
      await db.destroy();
    },
  };
}

/** `Database.readCounter` through Kysely, for databases opened by hand (bench tools) where speed does not matter. */
export function kyselyCounterReader(db: Db): (key: string) => Promise<number> {
  return async (key) => Number((await db.selectFrom('counters').select('value').where('key', '=', key).executeTakeFirst())?.value ?? 0);
}
