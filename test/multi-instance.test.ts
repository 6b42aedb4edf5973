import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { systemActor } from '../src/modules/identity/index.ts';
import { buildGongkaiApp } from '../src/web-app.ts';
import { createTestDatabase, isPostgresAvailable, type TestDatabase } from './support/test-database.ts';
import { cookieHeader, csrfFrom, TEST_PASSWORD } from './support/test-app.ts';
import { anItemInput, createTestContext, type TestContext } from './support/test-services.ts';

/**
 * A county runs several app instances behind a load balancer on one PostgreSQL (issue #2):
 * sessions, 索引号 counters and scheduled jobs must behave exactly as with one instance.
 */
describe.runIf(await isPostgresAvailable())('two instances on one PostgreSQL', () => {
  let shared: TestDatabase;
  let a: TestContext;
  let b: TestContext;

  beforeAll(async () => {
    shared = await createTestDatabase('postgres');
    a = await createTestContext('postgres', { database: shared, instanceId: 'instance-a' });
    // Instance B has its own connection pool on the same schema, as a second process would.
    const second = openDatabase(shared.url);
    b = await createTestContext('postgres', { database: { ...second, url: shared.url, drop: () => second.destroy() }, instanceId: 'instance-b' });
    await a.services.identity.createUser(systemActor('测试准备'), { username: 't-officer', displayName: '测试办公室', role: 'officer', organCode: a.organCode, password: TEST_PASSWORD } as never);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('never draws the same 索引号 serial twice when both create at once', async () => {
    const creations = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).services.items.create(a.actors.officer, anItemInput({ title: `并发创建 ${i}`, writtenOn: '2024-06-03', documentNumber: null })));
    const items = await Promise.all(creations);
    const serials = items.map((i) => i.indexSerial).sort((x, y) => x - y);
    expect(new Set(items.map((i) => i.indexNumber)).size).toBe(40);
    expect(serials).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('keeps one audit chain across both instances', async () => {
    const { verifyAuditChain } = await import('../src/modules/audit/index.ts');
    expect((await verifyAuditChain(b.database.db)).firstBreak).toBeUndefined();
  });

  it('runs each scheduled publication once, whichever instance polls', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const item = await a.services.items.create(a.actors.editor, anItemInput({ title: `定时发布 ${i}` }));
      await a.services.items.apply(a.actors.editor, item.id, 'submit');
      await a.services.items.apply(a.actors.leader, item.id, 'approve', { note: '同意' });
      await (i % 2 ? a : b).services.items.apply(a.actors.officer, item.id, 'schedule', { publishAt: new Date('2026-11-27T03:00:00Z') });
      ids.push(item.id);
    }
    a.clock.set('2026-11-27T03:00:05Z');
    b.clock.set('2026-11-27T03:00:05Z');
    const [ranA, ranB] = await Promise.all([a.services.scheduler.runDue(), b.services.scheduler.runDue()]);
    expect(ranA + ranB).toBe(6);
    const editions = await shared.db.selectFrom('item_editions').select(['item_id']).where('item_id', 'in', ids).execute();
    expect(editions.length).toBe(6);
    const publishes = await shared.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'item.publish').where('subject_id', 'in', ids).execute();
    expect(publishes.length).toBe(6);
  });

  it('honours a session signed in on one instance at the other', async () => {
    const appA = await buildGongkaiApp(a.services);
    const appB = await buildGongkaiApp(b.services);
    try {
      const form = await appA.inject({ method: 'GET', url: '/login' });
      const res = await appA.inject({ method: 'POST', url: '/login', headers: { cookie: cookieHeader(form), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrfFrom(form.body), username: 't-officer', password: TEST_PASSWORD }).toString() });
      expect(res.statusCode).toBe(303);
      const onB = await appB.inject({ method: 'GET', url: '/console/items', headers: { cookie: cookieHeader(res) } });
      expect(onB.statusCode).toBe(200);
      expect(onB.body).toContain('测试办公室');
    } finally {
      await appA.close();
      await appB.close();
    }
  });
});
