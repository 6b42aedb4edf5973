import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database, type Dialect } from '../../src/db/database.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import { createServices, type Services } from '../../src/services.ts';
import { createTestDatabase } from './test-database.ts';

/**
 * Two app instances on one database, as two processes of `gongkai serve --workers 2` or two servers behind a
 * balancer: each with its own connections (SQLite: a file both open; PostgreSQL: a schema both pools use).
 */
export async function twoInstances(dialect: Dialect, now = '2026-12-05T02:00:00Z'): Promise<{ a: Services; b: Services; database: Database; close(): Promise<void> }> {
  const clock = fixedClock(now);
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-instances-'));
  const first = dialect === 'sqlite' ? openDatabase(join(dataDir, 'gongkai.sqlite')) : await createTestDatabase('postgres');
  const a = await createServices({ database: first, dataDir, clock, instanceId: 'a' });
  const second = openDatabase(dialect === 'sqlite' ? join(dataDir, 'gongkai.sqlite') : (first as Database & { url: string }).url);
  const b = await createServices({ database: second, dataDir, clock, instanceId: 'b' });
  return {
    a,
    b,
    database: first,
    async close() {
      await second.destroy();
      if ('drop' in first) await (first as { drop(): Promise<void> }).drop();
      else await first.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
