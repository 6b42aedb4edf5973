import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDialects } from '../../../test/support/test-database.ts';
import { anApplicationBody } from './testing/foi-builders.ts';

/** 即将到期 is a bureau's choice (系统设置), not the law's: the lists, the banner and the reminders follow it. */
describe.each(await testDialects())('the 依申请公开 due-soon threshold on %s', (dialect) => {
  let t: TestApp;
  let id = '';
  beforeAll(async () => {
    t = await createTestApp(dialect); // today 2026-11-27
    // Received 2026-11-05: due 2026-12-03, four working days left today.
    const body = anApplicationBody({ receivedOn: '2026-11-05', description: '即将到期阈值测试', applicant: { kind: 'natural-person', name: '阈值测试' } });
    const view = await t.services.foi.requests.register(t.actors.officer, { ...body, channel: 'letter', applicant: body.applicant as Record<string, unknown> });
    expect(view.deadline).toMatchObject({ dueOn: '2026-12-03', workingDaysLeft: 4, status: 'due-soon' });
    id = view.request.id;
  });
  afterAll(() => t.close());

  const dueSoonIds = async () => ((await t.api('officer', 'GET', '/api/v1/foi-requests?due=soon')).json().items as { id: string }[]).map((r) => r.id);

  it('is 5 working days unless set: four left is due soon, in the list, the banner and a reminder', async () => {
    expect(await dueSoonIds()).toContain(id);
    const officer = await t.signIn('officer');
    const page = await t.app.inject({ method: 'GET', url: '/console/foi', headers: { cookie: officer.cookie } });
    expect(page.body).toContain('5个工作日内到期 1 件');
    const reminders = await t.database.db.selectFrom('foi_reminders').select('kind').where('request_id', '=', id).execute();
    expect(reminders.map((r) => r.kind)).toEqual(['due-soon']);
  });

  it('set to 3 in 系统设置, four left is no longer due soon; set to 4, it is again', async () => {
    const current = (await t.api('admin', 'GET', '/api/v1/settings')).json();
    expect(current.foiDueSoonWorkingDays).toBe(5);
    expect((await t.api('admin', 'PUT', '/api/v1/settings', { ...current, foiDueSoonWorkingDays: 3 })).statusCode).toBe(200);
    expect((await t.api('officer', 'GET', `/api/v1/foi-requests/${id}`)).json().deadlineStatus).toBe('running');
    expect(await dueSoonIds()).not.toContain(id);
    const officer = await t.signIn('officer');
    const page = await t.app.inject({ method: 'GET', url: '/console/foi', headers: { cookie: officer.cookie } });
    expect(page.body).not.toContain('个工作日内到期 1 件');
    expect(page.body).toContain('3个工作日内到期');
    expect((await t.api('admin', 'PUT', '/api/v1/settings', { ...current, foiDueSoonWorkingDays: 4 })).statusCode).toBe(200);
    expect(await dueSoonIds()).toContain(id);
    const { foiDueSoonWorkingDays: _left, ...older } = current;
    expect((await t.api('admin', 'PUT', '/api/v1/settings', { ...older, siteName: '旧客户端' })).json().foiDueSoonWorkingDays).toBe(4);
    const refused = await t.api('admin', 'PUT', '/api/v1/settings', { ...current, foiDueSoonWorkingDays: 20 });
    expect(refused.json().error.fields.foiDueSoonWorkingDays.code).toBe('invalid-due-soon');
    await t.api('admin', 'PUT', '/api/v1/settings', current);
  });
});
