import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postForm, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { ZHANG_SAN_ID } from '../testing/foi-builders.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\n名单 FOI-RELEASED\n%%EOF');

function multipart(filename: string, bytes: Buffer) {
  const boundary = '----gongkai' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`);
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(await testDialects())('依申请公开 console (%s)', (dialect) => {
  let t: TestApp;
  let officer: { cookie: string; csrf: string };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.signIn('officer');
  });
  afterAll(async () => t.close());

  const get = (url: string, session = officer) => t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  const registration = {
    channel: 'letter',
    letterKind: 'signed-for',
    receivedOn: '2025-09-26',
    'applicant.kind': 'natural-person',
    'applicant.name': '张三',
    'applicant.idType': 'resident-id',
    'applicant.idNumber': ZHANG_SAN_ID,
    'applicant.phone': '13800001234',
    description: '2025年度科技创新券兑付企业名单',
  };
  const register = async (fields: Record<string, string> = {}) => {
    const res = await postForm(t.app, '/console/foi', officer, { ...registration, ...fields });
    expect(res.statusCode, res.body.slice(0, 800)).toBe(303);
    return res.headers.location!.split('?')[0]!.split('/').pop()!;
  };
  const recordEvent = async (id: string, fields: Record<string, string>) => {
    const res = await postForm(t.app, `/console/foi/${id}/events`, officer, fields);
    expect(res.statusCode).toBe(303);
    return res.headers.location!;
  };

  it('lists requests in the console navigation, for readers only', async () => {
    const res = await get('/console/foi');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/console/foi"');
    expect(res.body).toContain('登记申请');
    const editor = await t.signIn('editor');
    expect((await get('/console/foi', editor)).statusCode).toBe(403);
    expect((await get('/console', editor)).body).not.toContain('href="/console/foi"');
  });

  it('registers a letter with its Art. 31 sign-for date, refusing a future one and a letter without its kind', async () => {
    const future = await postForm(t.app, '/console/foi', officer, { ...registration, receivedOn: '2026-11-28' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('收到申请之日不能晚于今天');
    const noKind = await postForm(t.app, '/console/foi', officer, { ...registration, letterKind: '' });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.body).toContain('请选择信函是否需要签收');
    const id = await register();
    const page = await get(`/console/foi/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('邮寄，以行政机关签收之日为收到申请之日');
    expect(page.body).toContain('2025-10-30');
    expect(page.body).toContain('2025-10-01至2025-10-08 国庆节放假，不计');
    expect(page.body).not.toContain(ZHANG_SAN_ID);
    expect(page.body).toContain(`${ZHANG_SAN_ID.slice(0, 4)}**********`);
  });

  it('takes an officer through 补正, consultation, extension and reply, then the 告知书', async () => {
    const id = await register();
    await recordEvent(id, { type: 'correction-requested', on: '2025-09-29', items: '请说明所需名单的年度\n请提供联系地址', correctionDueOn: '2025-10-20' });
    let page = (await get(`/console/foi/${id}`)).body;
    expect(page).toContain('待补正');
    expect(page).toContain('请说明所需名单的年度；请提供联系地址');
    await recordEvent(id, { type: 'correction-received', on: '2025-10-10' });
    await recordEvent(id, { type: 'consultation-started', on: '2025-10-13', party: 'third-party', name: '某科技有限公司' });
    await recordEvent(id, { type: 'consultation-ended', on: '2025-10-17' });
    await recordEvent(id, { type: 'extension-approved', on: '2025-10-20', workingDays: '15', approvedBy: '办公室主任李明' });
    const refused = await recordEvent(id, { type: 'extension-approved', on: '2025-10-21', workingDays: '5', approvedBy: '办公室主任李明' });
    expect(decodeURIComponent(refused)).toContain('error=extension-already-approved');
    expect((await get(refused)).body).toContain('答复期限只能延长一次');
    const upload = multipart('名单.pdf', PDF);
    const up = await t.app.inject({ method: 'POST', url: `/console/foi/${id}/documents?_csrf=${encodeURIComponent(officer.csrf)}`, headers: { cookie: officer.cookie, 'content-type': upload.contentType }, payload: upload.payload });
    expect(up.headers.location).toContain('notice=attached');
    await recordEvent(id, { type: 'replied', on: '2025-10-22', outcome: 'disclosed' });
    page = (await get(`/console/foi/${id}`)).body;
    expect(page).toContain('已答复');
    expect(page).toContain('办公室主任李明同意');
    expect(page).toContain('附件：1.名单.pdf');
    expect(page).toContain('行政复议');
    const docx = await get(`/console/foi/${id}/notice.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const zip = await get(`/console/foi/${id}/case-file.zip`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
  });

  it('records reviews and promotes a disclosed answer to a published catalogue item', async () => {
    const id = await register({ description: '转主动公开' });
    await recordEvent(id, { type: 'replied', on: '2025-10-09', outcome: 'disclosed' });
    let res = await postForm(t.app, `/console/foi/${id}/reviews`, officer, { kind: 'reconsideration', result: 'pending', filedOn: '2025-11-03' });
    expect(res.headers.location).toContain('notice=review');
    expect((await get(`/console/foi/${id}`)).body).toContain('行政复议：2025-11-03 提起，尚未审结');
    res = await postForm(t.app, `/console/foi/${id}/promote`, officer, { title: '2025年度科技创新券兑付企业名单', topicCode: 't11-01', genreCode: 'notice', summary: '依申请公开后转为主动公开', body: '名单如下。' });
    expect(res.statusCode).toBe(303);
    const itemId = res.headers.location!.split('?')[0]!.split('/').pop()!;
    expect((await t.api('officer', 'GET', `/api/v1/items/${itemId}`)).json()).toMatchObject({ state: 'published', disclosureAttribute: 'proactive' });
    expect((await get(`/console/foi/${id}`)).body).toContain('已转为主动公开');
  });

  it('lets the office edit a template, and shows readers without forms', async () => {
    const page = await get('/console/foi/templates');
    expect(page.body).toContain('{申请人}');
    const saved = await postForm(t.app, '/console/foi/templates/unavailable-not-held', officer, { title: '政府信息不存在告知书', body: '经检索，本机关未制作、获取您申请的政府信息。', version: '0' });
    expect(saved.statusCode).toBe(303);
    expect((await get('/console/foi/templates')).body).toContain('经检索，本机关未制作、获取您申请的政府信息。');
    const bad = await postForm(t.app, '/console/foi/templates/unavailable-not-held', officer, { title: '标题', body: '{未知}', version: '1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('未定义的占位符');
    const auditor = await t.signIn('auditor');
    const id = await register({ description: '只读测试' });
    const view = await get(`/console/foi/${id}`, auditor);
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toContain(`action="/console/foi/${id}/events"`);
    expect(view.body).toContain('导出完整案卷');
  });
});
