import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { buildTestPdf } from '../../../../test/support/pdf.ts';
import { testDialects } from '../../../../test/support/test-database.ts';

function multipart(filename: string, bytes: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----gongkai' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

// A PDF that opens: the publication gate refuses attachments that do not (issue 6).
const PDF = buildTestPdf(['附件正文'], { marker: 'UNIQUE-PDF-MARKER' });

describe.each(await testDialects())('attachments on %s', (dialect) => {
  let t: TestApp;
  let itemId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    itemId = (await t.api('editor', 'POST', '/api/v1/items', { title: '附件测试', disclosureAttribute: 'proactive', writtenOn: '2026-11-20', topic: '科技', genre: '通知公告' })).json().id;
  });
  afterAll(() => t.close());

  const upload = (role: 'editor' | 'auditor', filename: string, bytes: Buffer, type?: string) => {
    const m = multipart(filename, bytes, type);
    return t.app.inject({ method: 'POST', url: `/api/v1/items/${itemId}/attachments`, headers: { authorization: `Bearer ${t.tokens[role]}`, 'content-type': m.contentType }, payload: m.payload });
  };

  it('stores a PDF under its SHA-256 with a cleaned name, whatever path the browser sent', async () => {
    const res = await upload('editor', '../../../etc/关于印发方案的通知.exe', PDF, 'application/x-msdownload');
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a.filename).toBe('关于印发方案的通知.pdf');
    expect(a.mediaType).toBe('application/pdf');
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.sizeBytes).toBe(PDF.length);
  });

  it('refuses content that is not an allowed type, whatever its name says', async () => {
    const res = await upload('editor', '通知.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.file.code).toBe('attachment-type-not-allowed');
  });

  it('lets read-only roles not upload', async () => {
    expect((await upload('auditor', 'a.pdf', PDF)).statusCode).toBe(403);
  });

  it('serves the attachment publicly only while it belongs to the published edition', async () => {
    const detail = (await t.api('editor', 'GET', `/api/v1/items/${itemId}`)).json();
    const attachmentId = detail.attachments[0].id;
    const url = `/xxgk/content/${itemId}/files/${attachmentId}`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    await t.api('editor', 'POST', `/api/v1/items/${itemId}/submit`);
    await t.api('leader', 'POST', `/api/v1/items/${itemId}/approve`, { note: '同意' });
    await t.api('officer', 'POST', `/api/v1/items/${itemId}/publish`, {});
    const file = await t.app.inject({ method: 'GET', url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/xxgk/content/${itemId}/files/${attachmentId.replace(/.$/, (c: string) => (c === '0' ? '1' : '0'))}` })).statusCode).toBe(404);
    await t.api('officer', 'POST', `/api/v1/items/${itemId}/retract`, { reason: '撤回测试' });
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});

describe.each(await testDialects())('audit log pages on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('lets the auditor browse, verify and export; editors may not', async () => {
    const auditor = await t.signIn('auditor');
    const page = await t.app.inject({ method: 'GET', url: '/console/audit?verify=1', headers: { cookie: auditor.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/哈希链完整，已校验 \d+ 条记录/);
    expect(page.body).toContain('user.create');
    const csv = await t.app.inject({ method: 'GET', url: '/console/audit.csv', headers: { cookie: auditor.cookie } });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF序号,时间,操作人,操作')).toBe(true);
    const editor = await t.signIn('editor');
    expect((await t.app.inject({ method: 'GET', url: '/console/audit', headers: { cookie: editor.cookie } })).statusCode).toBe(403);
    expect((await t.api('auditor', 'GET', '/api/v1/audit/verify')).json()).toMatchObject({ checked: expect.any(Number) });
  });
});
