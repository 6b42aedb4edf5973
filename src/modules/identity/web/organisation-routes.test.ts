import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postForm, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { message } from '../../../web/messages.ts';

/** Check digits computed by GB 32100-2015 / GB 11714-1997; the credit code's 9th–17th characters are the organisation code. */
const EDUCATION = { name: '某县教育局', shortName: '县教育局', creditCode: '11331000002471658W', siteIdCode: '3310000002', address: '某县文化路2号', phone: '0570-7654321' };
const FINANCE = { name: '某县财政局', creditCode: '113310001234567880', code: '12345678-8' };
const MAIN_CODE = '11330000MB0000001X';

describe.each(await testDialects())('机关与科室 routes on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const auditRows = (action: string) => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
  const organCount = async () => (await t.database.db.selectFrom('organs').select('id').execute()).length;

  describe('console page', () => {
    it('shows organs and their units to the administrator, with both forms', async () => {
      const admin = await t.signIn('admin');
      const page = await t.app.inject({ method: 'GET', url: '/console/organisation', headers: { cookie: admin.cookie } });
      expect(page.statusCode).toBe(200);
      for (const heading of ['名称', '简称', '机构代码', '统一社会信用代码', '主机关', '网站标识码', '地址', '电话']) expect(page.body).toContain(`<th scope="col">${heading}</th>`);
      expect(page.body).toContain(`<td>${MAIN_CODE}</td>`);
      expect(page.body).toContain('<td>高新科</td>');
      expect(page.body).toContain('action="/console/organisation/organs"');
      expect(page.body).toContain('action="/console/organisation/units"');
      expect(page.body).toContain('<a href="/console/organisation" aria-current="page">机关与科室</a>');
    });

    it.each(['officer', 'auditor'] as const)('shows the %s (user.read) the tables without the forms', async (role) => {
      const session = await t.signIn(role);
      const page = await t.app.inject({ method: 'GET', url: '/console/organisation', headers: { cookie: session.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<td>${MAIN_CODE}</td>`);
      expect(page.body).not.toContain('action="/console/organisation/organs"');
      expect(page.body).not.toContain('action="/console/organisation/units"');
    });

    it.each(['editor', 'leader'] as const)('refuses the page to the %s and leaves it out of the navigation', async (role) => {
      const session = await t.signIn(role);
      const page = await t.app.inject({ method: 'GET', url: '/console/organisation', headers: { cookie: session.cookie } });
      expect(page.statusCode).toBe(403);
      const home = await t.app.inject({ method: 'GET', url: '/console/users', headers: { cookie: session.cookie } });
      expect(home.body).not.toContain('href="/console/organisation"');
    });

    it('puts check-digit errors beside the organ fields, keeping what was typed', async () => {
      const admin = await t.signIn('admin');
      const before = await organCount();
      const res = await postForm(t.app, '/console/organisation/organs', admin, { ...EDUCATION, creditCode: '11331000002471658X', code: '00247165-7', siteIdCode: '33100' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatch(/id="creditCode-error" role="alert">统一社会信用代码无效/);
      expect(res.body).toMatch(/id="code-error" role="alert">机构代码无效/);
      expect(res.body).toMatch(/id="siteIdCode-error" role="alert">网站标识码应为10位数字/);
      expect(res.body).toContain('value="某县教育局"');
      expect(res.body).toContain('aria-invalid="true"');
      expect(await organCount()).toBe(before);
    });

    it('refuses an overlong address beside the field, as the API would', async () => {
      const admin = await t.signIn('admin');
      const res = await postForm(t.app, '/console/organisation/organs', admin, { ...EDUCATION, address: '路'.repeat(201) });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(`id="address-error" role="alert">${message('too-long')}`);
    });

    it('adds an organ, then refuses its code a second time beside the code field', async () => {
      const admin = await t.signIn('admin');
      const res = await postForm(t.app, '/console/organisation/organs', admin, EDUCATION);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/console/organisation?notice=organ-created');
      const page = await t.app.inject({ method: 'GET', url: res.headers.location!, headers: { cookie: admin.cookie } });
      expect(page.body).toContain('机关已添加。');
      expect(page.body).toContain(`<td>${EDUCATION.creditCode}</td>`);
      expect(page.body).toContain('<td>某县文化路2号</td>');
      const again = await postForm(t.app, '/console/organisation/organs', admin, { ...EDUCATION, name: '某县教育体育局' });
      expect(again.statusCode).toBe(409);
      expect(again.body).toMatch(/id="code-error" role="alert">该机构代码已被其他机关使用/);
    });

    it('adds a unit to the chosen organ, with errors beside the unit fields', async () => {
      const admin = await t.signIn('admin');
      const blank = await postForm(t.app, '/console/organisation/units', admin, { organCode: MAIN_CODE, unitName: ' ', sortOrder: '' });
      expect(blank.statusCode).toBe(400);
      expect(blank.body).toMatch(/id="unitName-error" role="alert">此项为必填项/);
      const badOrder = await postForm(t.app, '/console/organisation/units', admin, { organCode: MAIN_CODE, unitName: '人事科', sortOrder: '第一' });
      expect(badOrder.statusCode).toBe(400);
      expect(badOrder.body).toMatch(/id="sortOrder-error" role="alert">排序号应为0至9999之间的整数/);
      const taken = await postForm(t.app, '/console/organisation/units', admin, { organCode: MAIN_CODE, unitName: '高新科' });
      expect(taken.statusCode).toBe(409);
      expect(taken.body).toMatch(/id="unitName-error" role="alert">本机关下已有同名科室/);
      const ok = await postForm(t.app, '/console/organisation/units', admin, { organCode: EDUCATION.creditCode, unitName: '基础教育科', sortOrder: '2' });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/console/organisation?notice=unit-created');
      const units = await t.api('auditor', 'GET', `/api/v1/organs/${EDUCATION.creditCode}/units`);
      expect(units.json().units).toEqual([expect.objectContaining({ name: '基础教育科', sortOrder: 2 })]);
    });

    it.each(['officer', 'editor', 'auditor'] as const)('refuses organ and unit posts from the %s with 403', async (role) => {
      const session = await t.signIn(role);
      const before = await organCount();
      expect((await postForm(t.app, '/console/organisation/organs', session, { name: '某县审计局', code: 'MB123456-2' })).statusCode).toBe(403);
      expect((await postForm(t.app, '/console/organisation/units', session, { organCode: MAIN_CODE, unitName: '越权科' })).statusCode).toBe(403);
      expect(await organCount()).toBe(before);
      expect((await t.api('admin', 'GET', `/api/v1/organs/${MAIN_CODE}/units`)).json().units.map((u: { name: string }) => u.name)).not.toContain('越权科');
    });
  });

  describe('API', () => {
    it('lists organs, main organ first, to user.read and refuses the editor', async () => {
      const res = await t.api('auditor', 'GET', '/api/v1/organs');
      expect(res.statusCode).toBe(200);
      expect(res.json().organs[0]).toMatchObject({ code: MAIN_CODE, isMain: true, name: '某县科学技术局' });
      const editor = await t.api('editor', 'GET', '/api/v1/organs');
      expect(editor.statusCode).toBe(403);
      expect(editor.json()).toMatchObject({ error: { code: 'forbidden' } });
    });

    it('refuses bad codes with field codes and unknown fields', async () => {
      const bad = await t.api('admin', 'POST', '/api/v1/organs', { ...FINANCE, creditCode: '113310001234567881', code: '12345678-9' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({ code: 'invalid-input', fields: { creditCode: { code: 'invalid-credit-code' }, code: { code: 'invalid-organ-code' } } });
      const mismatch = await t.api('admin', 'POST', '/api/v1/organs', { ...FINANCE, code: '00247165-8' });
      expect(mismatch.json().error.fields).toEqual({ code: { code: 'organ-code-mismatch', message: expect.stringContaining('不一致') } });
      const extra = await t.api('admin', 'POST', '/api/v1/organs', { ...FINANCE, isAdmin: true });
      expect(extra.json().error.fields).toMatchObject({ isAdmin: { code: 'unknown-field' } });
      const missing = await t.api('admin', 'POST', '/api/v1/organs', { code: FINANCE.code });
      expect(missing.json().error.fields).toMatchObject({ name: { code: 'required' } });
    });

    it.each(['editor', 'auditor'] as const)('refuses organ and unit creation to the %s with 403', async (role) => {
      const organ = await t.api(role, 'POST', '/api/v1/organs', FINANCE);
      expect(organ.statusCode).toBe(403);
      expect(organ.json().error.code).toBe('forbidden');
      expect((await t.api(role, 'POST', '/api/v1/units', { name: '越权科' })).statusCode).toBe(403);
    });

    it('creates an organ keyed by its organisation code, then its units; refuses duplicates', async () => {
      const created = await t.api('admin', 'POST', '/api/v1/organs', FINANCE);
      expect(created.statusCode).toBe(201);
      expect(created.json().organ).toMatchObject({ code: '12345678-8', creditCode: FINANCE.creditCode, shortName: '某县财政局', isMain: false, siteIdCode: null });
      expect((await t.api('admin', 'POST', '/api/v1/organs', { name: '重复', code: '123456788' })).json().error.code).toBe('organ-code-taken');
      const unit = await t.api('admin', 'POST', '/api/v1/units', { name: '预算科', organCode: '12345678-8', sortOrder: 1 });
      expect(unit.statusCode).toBe(201);
      expect(unit.json().unit).toMatchObject({ name: '预算科', organId: created.json().organ.id, sortOrder: 1 });
      const again = await t.api('admin', 'POST', '/api/v1/units', { name: '预算科', organCode: '12345678-8' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('unit-name-taken');
      // The organisation code is found however it is written.
      const listed = await t.api('officer', 'GET', '/api/v1/organs/123456788/units');
      expect(listed.json().units.map((u: { name: string }) => u.name)).toEqual(['预算科']);
    });

    it('answers unknown organs and bad unit input with codes', async () => {
      const unknown = await t.api('admin', 'GET', '/api/v1/organs/MB123456-2/units');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toMatchObject({ code: 'organ-not-found', message: '找不到该机关。' });
      const unit = await t.api('admin', 'POST', '/api/v1/units', { name: '人事科', organCode: 'MB123456-2' });
      expect(unit.json().error).toMatchObject({ code: 'invalid-input', fields: { organCode: { code: 'unknown-organ' } } });
      const order = await t.api('admin', 'POST', '/api/v1/units', { name: '人事科', sortOrder: -1 });
      expect(order.statusCode).toBe(400);
      expect(Object.keys(order.json().error.fields)).toEqual(['sortOrder']);
    });

    it('records every organ and unit created, by whom, and nothing for refusals', async () => {
      const admin = await t.services.identity.findUserByUsername('t-admin');
      const organs = await auditRows('organ.create');
      expect(organs.map((r) => JSON.parse(r.after_json!).name).sort()).toEqual(['某县教育局', '某县财政局']);
      for (const row of [...organs, ...(await auditRows('unit.create'))]) expect(row).toMatchObject({ actor_id: admin!.id, actor_name: '测试admin' });
      expect((await auditRows('unit.create')).map((r) => JSON.parse(r.after_json!).name).sort()).toEqual(['基础教育科', '预算科']);
    });

    it('describes the endpoints in the OpenAPI document', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/organs', '/api/v1/organs/{code}/units', '/api/v1/units']));
      expect(doc.paths['/api/v1/organs'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
      expect(Object.keys(doc.paths)).not.toContain('/console/organisation');
    });
  });
});
