import type pg from 'pg';
import { pgDriver } from './pg-driver.ts';

/** The channel of migration 202612050003's trigger: `<schema> <key> <value>` for every insert or update of `counters`. */
export const COUNTER_CHANNEL = 'gongkai_counters';

/** The watch connection's application_name (pg_stat_activity). */
export const COUNTER_WATCH_APPLICATION = 'gongkai-counter-watch';

const FENCE_TIMEOUT_MS = 2_000;
const RECONNECT_DELAY_MS = 1_000;

/**
 * PostgreSQL: every counter of `counters` as of a moment after the call, without reading the table.
 *
 * A dedicated connection LISTENs to the trigger's notifications (sent by PostgreSQL at commit, in
 * commit order) and keeps the values; `fence()` sends a bare Sync on it and waits for its
 * ReadyForQuery. A backend delivers the notifications it has been signalled before it answers a
 * Sync (postgres.c: ProcessNotifyInterrupt before ReadyForQuery while idle), and a committing
 * backend signals the listeners before its own commit is acknowledged. So once the fence is back,
 * every change committed before it was sent is in the values — as fresh as reading the row, for a
 * message that costs the database no statement, no snapshot and no table access.
 *
 * Until the connection has listened and read the table once, and whenever it is lost (it comes back
 * after a second), `ready` is false and callers read the table instead.
 */
export class CounterWatch {
  private client: pg.Client | undefined;
  private readonly values = new Map<string, number>();
  private fenceWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private state: 'idle' | 'connecting' | 'ready' | 'closed' = 'idle';
  private retry: NodeJS.Timeout | undefined;
  /** The schema whose counters this instance reads (notifications of other schemas of the database are ignored). */
  private schema = '';

  constructor(private readonly config: pg.ClientConfig) {}

  get ready(): boolean {
    return this.state === 'ready';
  }

  /** Starts listening (once; again after a loss). */
  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'connecting';
    void this.connect().catch(() => this.lost());
  }

  /** The counter's value as of the last fence (0 when it has no row). */
  value(key: string): number {
    return this.values.get(key) ?? 0;
  }

  /** Resolves once every change committed before this call is in `value` (rejects when the connection is lost). */
  fence(): Promise<void> {
    const client = this.client;
    if (this.state !== 'ready' || !client) return Promise.reject(new Error('counter watch not ready'));
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => this.lost(new Error('counter watch: no answer to Sync')), FENCE_TIMEOUT_MS);
      this.fenceWaiters.push({
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      // A bare Sync: the backend answers ReadyForQuery only (pg's client ignores one that no query of its awaits).
      (client as unknown as { connection: { sync(): void } }).connection.sync();
    });
  }

  async close(): Promise<void> {
    this.state = 'closed';
    clearTimeout(this.retry);
    this.failFences(new Error('counter watch closed'));
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new (pgDriver().Client)(this.config);
    this.client = client;
    client.on('error', (e) => this.lost(e));
    client.on('end', () => this.lost());
    client.on('notification', (n) => {
      if (n.channel !== COUNTER_CHANNEL || !n.payload) return;
      const [schema, ...rest] = n.payload.split(' ');
      const value = Number(rest.pop());
      if (schema !== this.schema || !Number.isFinite(value)) return;
      this.raise(rest.join(' '), value);
    });
    await client.connect();
    const { rows } = await client.query<{ schema: string; notifies: boolean }>(
      `select n.nspname as schema, exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'counters_notify') as notifies
       from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = 'counters'::regclass`,
    );
    // Without the trigger (a database not yet migrated) nothing would ever be notified: keep reading the table.
    if (!rows[0]?.notifies) throw new Error('counters are not notified (migration 202612050003 not applied)');
    this.schema = rows[0].schema;
    await client.query(`listen ${COUNTER_CHANNEL}`);
    // Listening first, then reading: a commit between the two is in both, and the larger value wins.
    for (const r of (await client.query<{ key: string; value: string | number }>('select key, value from counters')).rows) this.raise(r.key, Number(r.value));
    if (this.client !== client || this.state !== 'connecting') return;
    // Only this connection's answers settle fences (a lost one's late message must not settle the next one's).
    (client as unknown as { connection: NodeJS.EventEmitter }).connection.on('readyForQuery', () => {
      if (this.client === client) this.fenceWaiters.shift()?.resolve();
    });
    this.state = 'ready';
  }

  /** The connection failed or was lost: fences fail, callers read the table, and a new connection is tried after a second. */
  private lost(error: Error = new Error('counter watch connection lost')): void {
    if (this.state === 'closed' || this.state === 'idle') return;
    this.state = 'idle';
    this.failFences(error);
    const client = this.client;
    this.client = undefined;
    this.values.clear();
    client?.removeAllListeners();
    client?.on('error', () => undefined);
    void client?.end().catch(() => undefined);
    this.retry = setTimeout(() => this.start(), RECONNECT_DELAY_MS);
    this.retry.unref();
  }

  /** Counters only grow: a value older than the one kept (a notification and the first read may overlap) is ignored. */
  private raise(key: string, value: number): void {
    if (value > (this.values.get(key) ?? -Infinity)) this.values.set(key, value);
  }

  private failFences(error: Error): void {
    const waiting = this.fenceWaiters;
    this.fenceWaiters = [];
    for (const w of waiting) w.reject(error);
  }
}
