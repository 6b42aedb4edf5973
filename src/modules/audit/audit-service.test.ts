import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/test-database.ts';
import { fixedClock } from '../../kernel/clock.ts';
import { createAuditLog, listAudit, verifyAuditChain } from './audit-service.ts';

describe.each(await testDialects())('audit log on %s', (dialect) => {
  let database: TestDatabase;
  const clock = fixedClock('2026-11-29T08:00:00Z');
  const audit = createAuditLog(clock);
  const actor = { id: 'u1', name: '王办公室' };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    for (let i = 1; i <= 5; i++)
      await database.db.transaction().execute((trx) => audit.append(trx, { actor, action: 'item.create', subjectType: 'item', subjectId: `item-${i}`, after: { title: `标题${i}` } }));
  });
  afterAll(() => database.drop());

  it('chains appended records and verifies them', async () => {
    const result = await verifyAuditChain(database.db);
    expect(result).toEqual({ checked: 5 });
    const rows = await listAudit(database.db, { limit: 2 });
    expect(rows.map((r) => r.seq)).toEqual([5, 4]);
    expect(JSON.parse(rows[0]!.afterJson!)).toEqual({ title: '标题5' });
  });

  it('keeps the chain when a transaction rolls back', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await audit.append(trx, { actor, action: 'item.publish', subjectType: 'item', subjectId: 'x' });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect(await verifyAuditChain(database.db)).toEqual({ checked: 5 });
  });

  it('refuses updates and deletes at the database level', async () => {
    await expect(sql`update audit_log set actor_name = 'x' where seq = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('names the first tampered record', async () => {
    // Simulate someone with direct database access removing the guard and editing record 3.
    if (dialect === 'sqlite') await sql`drop trigger audit_log_no_update`.execute(database.db);
    else await sql`drop trigger audit_log_append_only on audit_log`.execute(database.db);
    await sql`update audit_log set after_json = '{"title":"篡改"}' where seq = 3`.execute(database.db);
    const result = await verifyAuditChain(database.db);
    expect(result.firstBreak).toEqual({ seq: 3, problem: 'hash-mismatch' });
    expect(result.checked).toBe(2);
  });
});
