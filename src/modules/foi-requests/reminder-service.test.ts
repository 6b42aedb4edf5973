import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { testDialects } from '../../../test/support/test-database.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { addDays, localDate, type LocalDate } from '../../kernel/local-date.ts';
import { FOI_REMINDER_JOB } from './reminder-service.ts';
import { anApplicationBody } from './testing/foi-builders.ts';

/** 02:00 UTC is 10:00 in China: the clock on the morning of `day`. */
const morningOf = (day: string) => `${day}T02:00:00Z`;

async function registerIn(t: TestContext, receivedOn: string, description: string) {
  const body = anApplicationBody({ receivedOn, description, applicant: { kind: 'natural-person', name: description.slice(0, 4) } });
  return t.services.foi.requests.register(t.actors.officer, { ...body, channel: 'letter', applicant: body.applicant as Record<string, unknown> });
}

async function remindersOf(t: TestContext, requestId: string) {
  return t.database.db.selectFrom('foi_reminders').selectAll().where('request_id', '=', requestId).orderBy('raised_at').orderBy('kind').execute();
}

async function auditActions(t: TestContext, requestId: string) {
  return (await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', requestId).orderBy('seq').execute()).map((a) => a.action).filter((a) => a.startsWith('foi.reminder.'));
}

describe.each(await testDialects())('依申请公开 reminders on %s (条例 Art. 33)', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect);
  });
  afterAll(() => t.close());
  const register = (receivedOn: string, description: string) => registerIn(t, receivedOn, description);

  it('raises at registration when the request is already overdue or due soon, not when it is fresh', async () => {
    const overdue = await register('2026-10-09', '逾期登记测试');
    const soon = await register('2026-10-30', '即将到期登记测试');
    const fresh = await register('2026-11-26', '新收到登记测试');
    expect((await remindersOf(t, overdue.request.id)).map((r) => [r.kind, r.due_on])).toEqual([['overdue', overdue.deadline.dueOn]]);
    expect((await remindersOf(t, soon.request.id)).map((r) => [r.kind, r.due_on, r.working_days_left])).toEqual([['due-soon', soon.deadline.dueOn, soon.deadline.workingDaysLeft]]);
    expect(await remindersOf(t, fresh.request.id)).toEqual([]);
    expect(await auditActions(t, overdue.request.id)).toEqual(['foi.reminder.raise']);
  });

  it('the daily sweep raises due-soon on the day 5 working days are left and overdue the day after the due date, each once', async () => {
    t.clock.set(morningOf('2026-11-27'));
    const view = await register('2026-11-27', '每日检查测试');
    const calendar = t.services.calendar.current();
    const dueOn = view.deadline.dueOn!;
    const expectedSoonOn = calendar.addWorkingDays(localDate('2026-11-27'), 15).date;
    for (let day = localDate('2026-11-28'); day <= addDays(dueOn, 3); day = addDays(day, 1)) {
      t.clock.set(morningOf(day));
      await t.services.foi.reminders.sweep();
      // A second run the same day (a retry, another instance) raises nothing.
      expect(await t.services.foi.reminders.sweep()).toEqual({ raised: 0, resolved: 0 });
    }
    const rows = await remindersOf(t, view.request.id);
    expect(rows.map((r) => ({ kind: r.kind, dueOn: r.due_on, raisedOn: r.raised_on, resolved: r.resolved_at !== null }))).toEqual([
      { kind: 'due-soon', dueOn, raisedOn: expectedSoonOn, resolved: true },
      { kind: 'overdue', dueOn, raisedOn: addDays(dueOn, 1), resolved: false },
    ]);
    expect(await auditActions(t, view.request.id)).toEqual(['foi.reminder.raise', 'foi.reminder.resolve', 'foi.reminder.raise']);
    t.clock.set(morningOf('2026-11-27'));
  });

  it('an extension retires the unread reminder at once and the new due date is reminded again (Art. 33 para 2)', async () => {
    const view = await register('2026-10-30', '延期后重新提醒测试');
    const [first] = await remindersOf(t, view.request.id);
    expect(first).toMatchObject({ kind: 'due-soon', due_on: view.deadline.dueOn, resolved_at: null });
    const extended = await t.services.foi.requests.addEvent(t.actors.officer, view.request.id, { type: 'extension-approved', on: '2026-11-27', workingDays: 10 });
    expect(extended.deadline.status).toBe('running');
    expect((await remindersOf(t, view.request.id)).map((r) => r.resolved_at !== null)).toEqual([true]);
    // Once 5 working days are left of the extended limit, the new due date is reminded.
    const day = t.services.calendar.current().addWorkingDays(localDate('2026-11-27'), extended.deadline.workingDaysLeft - 5).date;
    t.clock.set(morningOf(day));
    await t.services.foi.reminders.sweep();
    const rows = await remindersOf(t, view.request.id);
    expect(rows.map((r) => [r.kind, r.due_on])).toEqual([
      ['due-soon', view.deadline.dueOn],
      ['due-soon', extended.deadline.dueOn],
    ]);
    expect(extended.deadline.dueOn).not.toBe(view.deadline.dueOn);
    t.clock.set(morningOf('2026-11-27'));
  });

  it('a reply resolves the unread reminders; the open list no longer shows them, the full list does', async () => {
    await t.services.foi.reminders.sweep(); // settle what the earlier tests' time travel left
    const view = await register('2026-10-09', '答复后不再提醒测试');
    await t.services.foi.requests.addEvent(t.actors.officer, view.request.id, { type: 'replied', on: '2026-11-27', outcome: 'disclosed' });
    const [row] = await remindersOf(t, view.request.id);
    expect(row!.resolved_at).not.toBeNull();
    const open = await t.services.foi.reminders.list(t.actors.officer);
    expect(open.some((v) => v.reminder.requestId === view.request.id)).toBe(false);
    const all = await t.services.foi.reminders.list(t.actors.auditor, { all: true });
    expect(all.find((v) => v.reminder.requestId === view.request.id)).toMatchObject({ reminder: { kind: 'overdue' }, request: { state: 'replied' } });
    expect(await t.services.foi.reminders.sweep()).toEqual({ raised: 0, resolved: 0 });
  });

  it('已读 is audited on the request, refused a second time (409), for unknown ids (404) and without foi.process (403)', async () => {
    const view = await register('2026-10-09', '已读测试');
    const [row] = await remindersOf(t, view.request.id);
    await expect(t.services.foi.reminders.acknowledge(t.actors.leader, row!.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(t.services.foi.reminders.acknowledge(t.actors.editor, row!.id)).rejects.toMatchObject({ code: 'forbidden' });
    const before = await t.services.foi.reminders.countOpen(t.actors.officer);
    const acknowledged = await t.services.foi.reminders.acknowledge(t.actors.officer, row!.id);
    expect(acknowledged.reminder).toMatchObject({ acknowledgedBy: t.actors.officer.id, acknowledgedByName: t.actors.officer.displayName });
    expect(await t.services.foi.reminders.countOpen(t.actors.officer)).toBe(before - 1);
    await expect(t.services.foi.reminders.acknowledge(t.actors.officer, row!.id)).rejects.toMatchObject({ code: 'foi-reminder-already-acknowledged', status: 409 });
    await expect(t.services.foi.reminders.acknowledge(t.actors.officer, 'no-such-reminder')).rejects.toMatchObject({ code: 'foi-reminder-not-found', status: 404 });
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('subject_id', '=', view.request.id).where('action', '=', 'foi.reminder.acknowledge').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: t.actors.officer.id });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ reminderId: row!.id, kind: 'overdue' });
    // Acknowledged is not forgotten: the same due date is not reminded again.
    expect(await t.services.foi.reminders.sweep()).toEqual({ raised: 0, resolved: 0 });
    expect(await remindersOf(t, view.request.id)).toHaveLength(1);
  });
});

describe.each(await testDialects())('依申请公开 reminders on two instances sharing one %s database', (dialect) => {
  let a: TestContext;
  let b: TestContext;
  beforeAll(async () => {
    a = await createTestContext(dialect, { instanceId: 'instance-a' });
    // SQLite in memory: the same database object; PostgreSQL: a second pool on the same schema, as a second process.
    const second = dialect === 'postgres' ? openDatabase(a.database.url) : a.database;
    const shared = { ...second, url: a.database.url, drop: async () => {}, destroy: dialect === 'postgres' ? () => second.destroy() : async () => {} };
    b = await createTestContext(dialect, { database: shared, instanceId: 'instance-b' });
  });
  afterAll(async () => {
    await b.close();
    await b.database.destroy();
    await a.close();
  });

  it('raises each reminder once when both sweep at the same time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await registerIn(a, '2026-11-27', `并发提醒测试${i}`)).request.id);
    const dueOn = (await a.services.foi.requests.get(a.actors.officer, ids[0]!)).deadline.dueOn!;
    const overdueDay = addDays(dueOn, 1);
    a.clock.set(morningOf(overdueDay));
    b.clock.set(morningOf(overdueDay));
    const [ra, rb] = await Promise.all([a.services.foi.reminders.sweep(), b.services.foi.reminders.sweep()]);
    expect(ra.raised + rb.raised).toBe(6);
    const rows = await a.database.db.selectFrom('foi_reminders').select(['request_id', 'kind']).where('request_id', 'in', ids).execute();
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['overdue']));
    const raises = await a.database.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'foi.reminder.raise').where('subject_id', 'in', ids).execute();
    expect(raises).toHaveLength(6);
  });

  it('runs the daily job once whichever instance polls, and offers the next day once', async () => {
    const day: LocalDate = localDate('2027-01-11');
    a.clock.set(morningOf(day));
    b.clock.set(morningOf(day));
    const view = await registerIn(a, '2026-12-01', '定时提醒任务测试');
    await a.database.db.deleteFrom('foi_reminders').where('request_id', '=', view.request.id).execute();
    await Promise.all([a.services.foi.reminders.ensureScheduled(a.services.scheduler), b.services.foi.reminders.ensureScheduled(b.services.scheduler)]);
    const [ranA, ranB] = await Promise.all([a.services.scheduler.runDue(), b.services.scheduler.runDue()]);
    expect(ranA + ranB).toBe(1);
    expect((await remindersOf(a, view.request.id)).map((r) => r.kind)).toEqual(['overdue']);
    const jobs = await a.database.db.selectFrom('scheduled_jobs').selectAll().where('kind', '=', FOI_REMINDER_JOB).orderBy('subject_id').execute();
    expect(jobs.map((j) => [j.subject_id, j.done_at !== null, j.error])).toEqual([
      [`daily:${day}`, true, null],
      [`daily:${addDays(day, 1)}`, false, null],
    ]);
    // The next day's run is due shortly after midnight, China time.
    expect(jobs[1]!.run_at).toBe(new Date(`${addDays(day, 1)}T00:10:00+08:00`).toISOString());
    // Offering today's run again (a restart) adds nothing; nothing more runs today.
    await a.services.foi.reminders.ensureScheduled(a.services.scheduler);
    expect(await b.services.scheduler.runDue()).toBe(0);
  });
});

describe('依申请公开 reminders with a provisional due date', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext('sqlite', { now: morningOf('2026-12-28') });
  });
  afterAll(() => t.close());

  it('says the due date is provisional when it runs into a year without a holiday notice', async () => {
    const view = await registerIn(t, '2026-12-07', '暂定期限提醒测试');
    expect(view.deadline).toMatchObject({ status: 'due-soon', isProvisional: true });
    const [reminder] = (await t.services.foi.reminders.list(t.actors.officer)).filter((v) => v.reminder.requestId === view.request.id);
    expect(reminder!.reminder).toMatchObject({ kind: 'due-soon', isProvisional: true, dueOn: view.deadline.dueOn });
    expect(reminder!.message).toContain(`答复期限为 ${view.deadline.dueOn}（暂定`);
  });
});
