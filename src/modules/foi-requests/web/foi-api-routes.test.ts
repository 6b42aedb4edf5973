import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { anApplicationBody, creditCode, ZHANG_SAN_ID } from '../testing/foi-builders.ts';

const dialects = await testDialects();

describe.each(dialects)('依申请公开 API (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const create = async (overrides: Record<string, unknown> = {}) => {
    const res = await t.api('officer', 'POST', '/api/v1/foi-requests', anApplicationBody(overrides));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; trackingCode: string; status: string; replyDueOn: string | null; isProvisional: boolean };
  };
  const event = (id: string, body: Record<string, unknown>, role: 'officer' | 'leader' | 'auditor' = 'officer') => t.api(role, 'POST', `/api/v1/foi-requests/${id}/events`, body);
  const get = async (id: string) => (await t.api('officer', 'GET', `/api/v1/foi-requests/${id}`)).json();

  it('registers an application: 201 with exactly the fixed fields, the clock running on real dates', async () => {
    const res = await t.api('officer', 'POST', '/api/v1/foi-requests', anApplicationBody());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['id', 'isProvisional', 'replyDueOn', 'status', 'trackingCode']);
    // Friday 2025-09-26 → 20 工作日 across 国庆 with the 9-28 and 10-11 调休 Saturdays/Sundays.
    expect(body).toMatchObject({ status: 'received', replyDueOn: '2025-10-30', isProvisional: false });
    expect(body.trackingCode).toMatch(/^YSQ-2026-\d{6}$/);
  });

  it('shows working days used and left and the explanation line by line', async () => {
    const { id } = await create({ receivedOn: '2026-11-20' });
    const body = await get(id);
    expect(body).toMatchObject({ status: 'received', receivedOn: '2026-11-20', workingDaysUsed: 5, workingDaysLeft: 15, isOverdue: false });
    expect(body.explanation[0]).toContain('2026-11-20');
    expect(body.explanation).toContain('2026-11-23 第1个工作日');
    expect(body.applicant.identityNumberMasked).toBe(`${ZHANG_SAN_ID.slice(0, 4)}**********${ZHANG_SAN_ID.slice(-4)}`);
    expect(JSON.stringify(body)).not.toContain(ZHANG_SAN_ID);
  });

  it('refuses a receipt date in the future (400) and malformed bodies (400)', async () => {
    const future = await t.api('officer', 'POST', '/api/v1/foi-requests', anApplicationBody({ receivedOn: '2026-11-28' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.receivedOn.code).toBe('receipt-date-in-future');
    expect((await t.api('officer', 'POST', '/api/v1/foi-requests', anApplicationBody({ channel: 'pigeon' }))).statusCode).toBe(400);
    const badId = await t.api('officer', 'POST', '/api/v1/foi-requests', anApplicationBody({ applicant: { kind: 'natural-person', name: '李四', idType: 'resident-id', idNumber: '330102199001011230' } }));
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.fields['applicant.idNumber'].code).toBe('id-number-check-digit');
  });

  it('registers an organisation, and a letter with items missing (never refused for gaps)', async () => {
    const org = await create({ applicant: { kind: 'legal-services', name: '某律师事务所', creditCode: creditCode('31330000MD000001'.padEnd(17, '0')), legalRepresentative: '王五', contactName: '赵六', phone: '0571-88880000' } });
    expect((await get(org.id)).applicant).toMatchObject({ kind: 'legal-services', kindLabel: '法律服务机构' });
    const sparse = await create({ applicant: { kind: 'natural-person', name: '钱七' } });
    const body = await get(sparse.id);
    expect(body.missing).toEqual(expect.arrayContaining(['applicant.idNumber', 'applicant.phone']));
    expect(body.applicant.identityNumberMasked).toBeNull();
  });

  it('requires foi.register to register and foi.read to read', async () => {
    expect((await t.api('editor', 'POST', '/api/v1/foi-requests', anApplicationBody())).statusCode).toBe(403);
    const { id } = await create();
    expect((await t.api('editor', 'GET', `/api/v1/foi-requests/${id}`)).statusCode).toBe(403);
    expect((await t.api('auditor', 'GET', `/api/v1/foi-requests/${id}`)).statusCode).toBe(200);
  });

  it('补正: the clock stops, then restarts on the day the corrected application arrives (Art. 30)', async () => {
    const { id } = await create();
    let res = await event(id, { type: 'correction-requested', on: '2025-09-29', items: ['请说明所需信息的年度'], correctionDueOn: '2025-10-20' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'awaiting-correction', replyDueOn: null });
    res = await event(id, { type: 'correction-received', on: '2025-10-10' });
    // Restart from 2025-10-10: 20 working days (10-11 is a 调休 Saturday) → 2025-11-06.
    expect(res.json()).toMatchObject({ status: 'received', replyDueOn: '2025-11-06' });
    const again = await event(id, { type: 'correction-requested', on: '2025-10-13', items: ['再次补正'], correctionDueOn: '2025-10-20' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('correction-already-requested');
  });

  it('consultation pauses the clock; one extension, approved by the office head; then a reply with its 告知书', async () => {
    const { id } = await create();
    let res = await event(id, { type: 'consultation-started', on: '2025-10-09', party: 'third-party', name: '某科技有限公司' });
    expect(res.json().status).toBe('consulting');
    res = await event(id, { type: 'consultation-ended', on: '2025-10-15' });
    // 10-10, 10-11 (调休), 10-13, 10-14, 10-15 do not count: five working days later than 2025-10-30.
    expect(res.json()).toMatchObject({ status: 'received', replyDueOn: '2025-11-06' });
    expect((await event(id, { type: 'extension-approved', on: '2025-10-16', workingDays: 10 }, 'auditor')).statusCode).toBe(403);
    expect((await event(id, { type: 'extension-approved', on: '2025-10-16', workingDays: 21 })).json().error.code).toBe('extension-out-of-range');
    res = await event(id, { type: 'extension-approved', on: '2025-10-16', workingDays: 10 }, 'leader');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ replyDueOn: '2025-11-20', limitWorkingDays: 30 });
    expect(res.json().events.at(-1)).toMatchObject({ type: 'extension-approved', approvedBy: '测试leader' });
    expect((await event(id, { type: 'extension-approved', on: '2025-10-17', workingDays: 5 })).json().error.code).toBe('extension-already-approved');
    expect((await event(id, { type: 'replied', on: '2025-10-20', outcome: 'disclosed' }, 'leader')).statusCode).toBe(403);
    res = await event(id, { type: 'replied', on: '2025-10-20', outcome: 'partially-disclosed', reason: '涉及第三方商业秘密的部分不予公开' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'replied', outcome: 'partially-disclosed', annualReportRow: 'partially-disclosed', deadlineStatus: 'replied-on-time' });
    const docx = await t.api('officer', 'GET', `/api/v1/foi-requests/${id}/notice.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const again = await event(id, { type: 'replied', on: '2025-10-21', outcome: 'disclosed' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('not-allowed-in-state');
  });

  it('fee notice and payment; reply guards from the outcome list', async () => {
    const { id } = await create();
    let res = await event(id, { type: 'fee-notified', on: '2025-10-09', amount: 200 });
    expect(res.json()).toMatchObject({ status: 'awaiting-payment' });
    expect(res.json().events.at(-1)).toMatchObject({ method: 'per-piece', amount: 200 });
    expect((await event(id, { type: 'replied', on: '2025-10-10', outcome: 'disclosed' })).json().error.code).toBe('not-allowed-in-state');
    res = await event(id, { type: 'fee-paid', on: '2025-10-13' });
    expect(res.json().status).toBe('received');
    expect((await event(id, { type: 'replied', on: '2025-10-14', outcome: 'withheld-state-secret' })).json().error.code).toBe('reason-required');
    expect((await event(id, { type: 'replied', on: '2025-10-14', outcome: 'other-fee-unpaid' })).json().error.code).toBe('outcome-only-by-abandonment');
    expect((await event(id, { type: 'replied', on: '2025-10-14', outcome: 'unavailable-not-responsible', reason: '由县发改委制作' })).json().error.code).toBe('responsible-organ-required');
    res = await event(id, { type: 'replied', on: '2025-10-14', outcome: 'unavailable-not-responsible', reason: '该信息由县发展和改革局制作并保存', responsibleOrgan: { name: '县发展和改革局', contact: '0571-00000002' } });
    expect(res.json()).toMatchObject({ status: 'replied', outcome: 'unavailable-not-responsible', annualReportRow: 'unavailable-not-held' });
  });

  it('abandoned records other-no-correction after 补正 and other-fee-unpaid after a fee notice', async () => {
    const a = await create();
    await event(a.id, { type: 'correction-requested', on: '2025-09-29', items: ['请说明所需信息的年度'], correctionDueOn: '2025-10-20' });
    const early = await event(a.id, { type: 'abandoned', on: '2025-10-20' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('correction-period-not-passed');
    const res = await event(a.id, { type: 'abandoned', on: '2025-10-21' });
    expect(res.json()).toMatchObject({ status: 'abandoned', outcome: 'other-no-correction', annualReportRow: 'other-no-correction' });
    expect((await t.api('officer', 'GET', `/api/v1/foi-requests/${a.id}/notice.docx`)).statusCode).toBe(200);

    const b = await create();
    await event(b.id, { type: 'fee-notified', on: '2025-09-29', amount: 100, method: 'per-volume' });
    expect((await event(b.id, { type: 'abandoned', on: '2025-10-31' })).json().error.code).toBe('payment-period-not-passed');
    expect((await event(b.id, { type: 'abandoned', on: '2025-11-04' })).json()).toMatchObject({ status: 'abandoned', outcome: 'other-fee-unpaid' });

    const c = await create();
    expect((await event(c.id, { type: 'abandoned', on: '2025-10-21' })).json().error.code).toBe('not-allowed-in-state');
    expect((await event(c.id, { type: 'withdrawn', on: '2025-10-09', reason: '申请人已自行获取' })).json()).toMatchObject({ status: 'withdrawn', outcome: 'other' });
    expect((await t.api('officer', 'GET', `/api/v1/foi-requests/${c.id}/notice.docx`)).statusCode).toBe(404);
  });

  it('refuses malformed events with 400 and events in the future or before receipt with 409', async () => {
    const { id } = await create();
    expect((await event(id, { type: 'teleported', on: '2025-10-09' })).statusCode).toBe(400);
    expect((await event(id, { type: 'correction-requested', on: '2025-09-29' })).statusCode).toBe(400);
    expect((await event(id, { type: 'consultation-started', on: '2025-09-29', party: 'third-party' })).statusCode).toBe(400);
    expect((await event(id, { type: 'withdrawn', on: '2025-09-25' })).json().error.code).toBe('event-before-receipt');
    expect((await event(id, { type: 'withdrawn', on: '2026-11-28' })).json().error.code).toBe('event-in-future');
    expect((await event(id, { type: 'consultation-ended', on: '2025-10-09' })).json().error.code).toBe('not-allowed-in-state');
    expect((await event(id, { type: 'withdrawn', on: '2025-10-09', version: 99 })).json().error.code).toBe('stale-version');
  });

  it('records reviews against the request', async () => {
    const { id } = await create();
    const res = await t.api('officer', 'POST', `/api/v1/foi-requests/${id}/reviews`, { kind: 'reconsideration', result: 'pending', filedOn: '2025-11-10' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'reconsideration', result: 'pending', decidedOn: null });
    const decided = await t.api('officer', 'POST', `/api/v1/foi-requests/${id}/reviews`, { kind: 'litigation-after-reconsideration', result: 'upheld', filedOn: '2025-12-01', decidedOn: '2026-03-02' });
    expect(decided.statusCode).toBe(201);
    expect((await t.api('officer', 'POST', `/api/v1/foi-requests/${id}/reviews`, { kind: 'appeal', result: 'upheld', filedOn: '2025-12-01' })).statusCode).toBe(400);
    expect((await t.api('officer', 'POST', `/api/v1/foi-requests/${id}/reviews`, { kind: 'reconsideration', result: 'pending', filedOn: '2025-12-01', decidedOn: '2025-12-05' })).statusCode).toBe(400);
  });

  it('marks duplicates, never drops them', async () => {
    const first = await create({ receivedOn: '2026-11-02', description: '关于2026年科技项目验收结果的文件' });
    const second = await create({ receivedOn: '2026-11-10', description: '关于2026年科技项目验收结果的文件。' });
    const other = await create({ receivedOn: '2026-11-10', description: '县科技局2025年部门预算' });
    expect((await get(second.id)).duplicateOf).toBe(first.id);
    expect((await get(other.id)).duplicateOf).toBeNull();
    expect((await get(first.id)).duplicateOf).toBeNull();
  });

  it('lists due-soon and overdue requests', async () => {
    const overdue = await create({ receivedOn: '2026-10-09', description: '逾期测试' });
    const soon = await create({ receivedOn: '2026-10-30', description: '即将到期测试' });
    const fresh = await create({ receivedOn: '2026-11-26', description: '新收到测试' });
    const ids = async (q: string) => ((await t.api('officer', 'GET', `/api/v1/foi-requests${q}`)).json().items as { id: string }[]).map((i) => i.id);
    expect(await ids('?due=overdue')).toContain(overdue.id);
    expect(await ids('?due=overdue')).not.toContain(soon.id);
    expect(await ids('?due=soon')).toContain(soon.id);
    expect(await ids('?due=soon')).not.toContain(fresh.id);
    expect(await ids('')).toEqual(expect.arrayContaining([overdue.id, soon.id, fresh.id]));
  });
});
