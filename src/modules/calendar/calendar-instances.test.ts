import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-database.ts';
import { twoInstances } from '../../../test/support/two-instances.ts';
import { systemActor } from '../identity/index.ts';
import { buildGongkaiApp } from '../../web-app.ts';
import { localDate as d } from '../../kernel/local-date.ts';

const ADMIN = { id: null, name: '日历测试' };
const YEAR_2027 = {
  year: 2027,
  notice: '测试数据（非官方）2027年放假安排',
  issuedOn: '2026-11-01',
  source: null,
  off: [
    ['2027-01-01', '2027-01-03'],
    ['2027-02-05', '2027-02-13'],
    ['2027-10-01', '2027-10-07'],
  ],
  work: ['2027-02-20', '2027-09-26', '2027-10-09'],
};

/** 工作日 deadlines on every instance follow a calendar change made on any one of them (HOLIDAYS.md §6). */
describe.each(await testDialects())('the working-day calendar shared by instances on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof twoInstances>>;
  beforeAll(async () => {
    ctx = await twoInstances(dialect);
  });
  afterAll(() => ctx.close());

  it("reloads another instance's change on its next fresh(), and only then", async () => {
    expect(ctx.b.calendar.current().lastKnownYear).toBe(2026);
    const fresh = ctx.b.calendar.current();
    expect(await ctx.b.calendar.fresh()).toBe(fresh); // nothing changed: the same calendar, not reloaded
    await ctx.a.calendar.saveYear(ADMIN, YEAR_2027, 0);
    expect(ctx.b.calendar.current().lastKnownYear).toBe(2026);
    const after = await ctx.b.calendar.fresh();
    expect(after.lastKnownYear).toBe(2027);
    expect(after.isWorkingDay(d('2027-02-08'))).toBe(false);
    expect(ctx.b.calendar.current()).toBe(after);
  });

  it("answers every request with the calendar as stored, whichever instance changed it", async () => {
    const organ = await ctx.b.identity.createOrgan(systemActor('测试准备'), { name: '某县科学技术局', code: '11331023002657129U', creditCode: '11331023002657129U', isMain: true });
    await ctx.b.identity.createUser(systemActor('测试准备'), { username: 't-officer', displayName: '测试办公室', role: 'officer', organCode: organ.code, password: 'Test-password-2026' } as never);
    const token = (await ctx.b.identity.createApiToken(systemActor('测试准备'), 't-officer', '测试')).secret;
    const app = await buildGongkaiApp(ctx.b);
    const add = async () => (await app.inject({ method: 'GET', url: '/api/v1/calendar/add?date=2027-02-04&n=1', headers: { authorization: `Bearer ${token}` } })).json();
    expect(await add()).toEqual({ date: '2027-02-15', isProvisional: false }); // 2027 from the first test: 2-05…2-13 off, 2-14 a Sunday
    await ctx.a.calendar.saveYear(ADMIN, { ...YEAR_2027, off: [['2027-01-01', '2027-01-03'], ['2027-10-01', '2027-10-07']], work: ['2027-09-26', '2027-10-09'] }, 1);
    expect(await add()).toEqual({ date: '2027-02-05', isProvisional: false });
    await app.close();
  });

  it('runs scheduled jobs on the calendar as stored', async () => {
    const seen: boolean[] = [];
    ctx.b.scheduler.register('test.calendar-probe', async () => {
      seen.push(ctx.b.calendar.current().isWorkingDay(d('2027-10-08')));
    });
    await ctx.a.calendar.saveYear(ADMIN, { ...YEAR_2027, off: [['2027-10-01', '2027-10-08']], work: ['2027-09-26', '2027-10-09'] }, 2);
    await ctx.b.scheduler.schedule(ctx.b.database.db, 'test.calendar-probe', 'probe', new Date('2026-12-05T01:00:00Z'));
    expect(await ctx.b.scheduler.runDue()).toBe(1);
    expect(seen).toEqual([false]);
  });
});
