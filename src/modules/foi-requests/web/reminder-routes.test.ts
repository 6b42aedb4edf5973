import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postForm, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { anApplicationBody } from '../testing/foi-builders.ts';

describe.each(await testDialects())('依申请公开 reminders: API and console (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  /** Registered 2026-10-09, the request is overdue on the test clock's 2026-11-27: a reminder is raised at once. */
  const anOverdueRequest = async (description: string) => {
    const res = await t.api('officer', 'POST', '/api/v1/foi-requests', anApplicationBody({ receivedOn: '2026-10-09', description, applicant: { kind: 'natural-person', name: description.slice(0, 3) } }));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; trackingCode: string; replyDueOn: string };
  };
  const reminders = async (query = '') => {
    const res = await t.api('officer', 'GET', `/api/v1/foi-reminders${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: Array<Record<string, unknown> & { id: string; requestId: string }> };
  };

  it('lists the open reminders with the case, and 已读 removes one from the list (audited; twice is 409)', async () => {
    const request = await anOverdueRequest('接口提醒测试');
    const mine = (await reminders()).items.filter((r) => r.requestId === request.id);
    expect(mine).toHaveLength(1);
    const reminder = mine[0]!;
    expect(reminder).toMatchObject({
      trackingCode: request.trackingCode,
      kind: 'overdue',
      kindLabel: '已超期',
      dueOn: request.replyDueOn,
      isProvisional: false,
      acknowledgedAt: null,
      resolvedAt: null,
      request: { status: 'received', deadlineStatus: 'overdue', replyDueOn: request.replyDueOn },
    });
    expect(reminder.message).toBe(`${request.trackingCode} 已超过答复期限 ${request.replyDueOn}，请立即答复（条例第三十三条）。`);

    expect((await t.api('editor', 'GET', '/api/v1/foi-reminders')).statusCode).toBe(403);
    expect((await t.api('leader', 'POST', `/api/v1/foi-reminders/${reminder.id}/acknowledge`)).statusCode).toBe(403);
    const ack = await t.api('officer', 'POST', `/api/v1/foi-reminders/${reminder.id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ id: reminder.id, acknowledgedBy: '测试officer', acknowledgedAt: expect.stringMatching(/^2026-11-27T/) });
    const again = await t.api('officer', 'POST', `/api/v1/foi-reminders/${reminder.id}/acknowledge`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'foi-reminder-already-acknowledged', message: '该提醒已标记为已读。' });
    const unknown = await t.api('officer', 'POST', '/api/v1/foi-reminders/no-such-id/acknowledge');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('foi-reminder-not-found');

    expect((await reminders()).items.some((r) => r.id === reminder.id)).toBe(false);
    expect((await reminders('?status=all')).items.find((r) => r.id === reminder.id)).toMatchObject({ acknowledgedBy: '测试officer' });
    expect((await t.api('officer', 'GET', '/api/v1/foi-reminders?status=unread')).statusCode).toBe(400);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_name']).where('subject_id', '=', request.id).where('action', 'like', 'foi.reminder.%').orderBy('seq').execute();
    expect(audit).toEqual([
      { action: 'foi.reminder.raise', actor_name: '系统（答复期限提醒）' },
      { action: 'foi.reminder.acknowledge', actor_name: '测试officer' },
    ]);
  });

  it('describes both endpoints in /api/openapi.json', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.paths['/api/v1/foi-reminders'].get.responses['200']).toBeDefined();
    expect(spec.paths['/api/v1/foi-reminders/{id}/acknowledge'].post.responses['409']).toBeDefined();
    expect(JSON.stringify(spec.paths['/api/v1/foi-reminders'].get)).toContain('due-soon');
  });

  it('shows the count on the request list and the 提醒 page, where 已读 takes it off', async () => {
    const request = await anOverdueRequest('后台提醒测试');
    const officer = await t.signIn('officer');
    const open = (await reminders()).total;
    const list = await t.app.inject({ method: 'GET', url: '/console/foi', headers: { cookie: officer.cookie } });
    expect(list.body).toContain(`<a href="/console/foi/reminders">未读提醒 ${open} 条</a>`);

    let page = await t.app.inject({ method: 'GET', url: '/console/foi/reminders', headers: { cookie: officer.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>答复期限提醒</h1>');
    expect(page.body).toContain(`${request.trackingCode} 已超过答复期限 ${request.replyDueOn}`);
    const id = (await reminders()).items.find((r) => r.requestId === request.id)!.id;
    expect(page.body).toContain(`action="/console/foi/reminders/${id}/acknowledge"`);

    const res = await postForm(t.app, `/console/foi/reminders/${id}/acknowledge`, officer, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/console/foi/reminders?notice=acknowledged');
    page = await t.app.inject({ method: 'GET', url: res.headers.location, headers: { cookie: officer.cookie } });
    expect(page.body).toContain('提醒已标记为已读。');
    expect(page.body).not.toContain(`action="/console/foi/reminders/${id}/acknowledge"`);
    const twice = await postForm(t.app, `/console/foi/reminders/${id}/acknowledge`, officer, {});
    expect(twice.headers.location).toBe('/console/foi/reminders?error=foi-reminder-already-acknowledged');
    const all = await t.app.inject({ method: 'GET', url: '/console/foi/reminders?all=1', headers: { cookie: officer.cookie } });
    expect(all.body).toContain('已读（测试officer，2026-11-27）');

    // The leader reads the list but has no 已读 button; an editor may not see it.
    const leader = await t.signIn('leader');
    const leaderPage = await t.app.inject({ method: 'GET', url: '/console/foi/reminders', headers: { cookie: leader.cookie } });
    expect(leaderPage.statusCode).toBe(200);
    expect(leaderPage.body).not.toContain('/acknowledge"');
    const editor = await t.signIn('editor');
    expect((await t.app.inject({ method: 'GET', url: '/console/foi/reminders', headers: { cookie: editor.cookie } })).statusCode).toBe(403);
  });
});
