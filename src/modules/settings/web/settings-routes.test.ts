import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postForm, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { DEFAULT_SETTINGS } from '../settings-service.ts';

const MAIN_CODE = '11330000MB0000001X';
const NEW_PATTERN = '{机构代码}〔{YYYY}〕{serial:4}号';
const anItem = { title: '关于公布2026年度科技特派员名单的通知', disclosureAttribute: 'proactive', writtenOn: '2026-11-20', topic: '科技', genre: '其他文件' };
/** Settings as the console form posts them: the 工作机构 contacts as `disclosureOffice.<field>`. */
const asForm = (settings: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(settings).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? Object.entries(v).map(([f, x]) => [`${k}.${f}`, String(x)]) : [[k, String(v)]])));
const OFFICE = {
  name: '某县科学技术局办公室',
  address: '某县人民路1号科技大楼302室',
  officeHours: '工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）',
  phone: '0571-12345678',
  fax: '0571-12345670',
  email: 'kjj@example.gov.cn',
  website: 'https://kjj.example.gov.cn/ysqgk',
};

describe.each(await testDialects())('系统设置 routes on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const updates = () => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.update').orderBy('seq').execute();
  const stored = async () => (await t.api('admin', 'GET', '/api/v1/settings')).json();

  describe('console page', () => {
    it('shows the administrator the settings, the placeholders explained and an example 索引号', async () => {
      const admin = await t.signIn('admin');
      const page = await t.app.inject({ method: 'GET', url: '/console/settings', headers: { cookie: admin.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`value="${DEFAULT_SETTINGS.indexNumberPattern}"`);
      expect(page.body).toContain('name="defaultPublicationLimitWorkingDays" value="20"');
      expect(page.body).toContain('name="foiDueSoonWorkingDays" value="5"');
      for (const placeholder of ['{机构代码}', '{YYYY}', '{YYYYMM}', '{serial:N}']) expect(page.body).toContain(`<li>${placeholder}：`);
      expect(page.body).toContain('已经生成的索引号永远不会改变');
      expect(page.body).toContain(`本机关的索引号形如：${MAIN_CODE}/2026-00001`);
      expect(page.body).toContain('本机关在“机关与科室”中登记的网站标识码为 3300000001');
      expect(page.body).toContain('<a href="/console/settings" aria-current="page">系统设置</a>');
    });

    it.each(['officer', 'editor', 'leader', 'auditor'] as const)('refuses the %s the page and the post (403), and hides the link', async (role) => {
      const session = await t.signIn(role);
      expect((await t.app.inject({ method: 'GET', url: '/console/settings', headers: { cookie: session.cookie } })).statusCode).toBe(403);
      const post = await postForm(t.app, '/console/settings', session, asForm({ ...DEFAULT_SETTINGS, siteName: '越权修改' }));
      expect(post.statusCode).toBe(403);
      expect((await t.services.settings.get()).siteName).not.toBe('越权修改');
      const other = await t.app.inject({ method: 'GET', url: '/console/users', headers: { cookie: session.cookie } });
      expect(other.body).not.toContain('href="/console/settings"');
    });

    it('puts Chinese errors beside each bad field, keeps what was typed and saves nothing', async () => {
      const admin = await t.signIn('admin');
      const before = await updates();
      const res = await postForm(t.app, '/console/settings', admin, {
        siteName: '某县科技局',
        siteDomain: 'http://kjj.example.gov.cn/',
        siteIdCode: '331000',
        indexNumberPattern: '{机构代码}-{YYYY}',
        defaultPublicationLimitWorkingDays: '90',
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatch(/id="siteDomain-error" role="alert">网站域名格式不正确/);
      expect(res.body).toMatch(/id="siteIdCode-error" role="alert">网站标识码应为10位数字/);
      expect(res.body).toMatch(/id="indexNumberPattern-error" role="alert">索引号规则必须包含流水号 \{serial:N\}/);
      expect(res.body).toMatch(/id="defaultPublicationLimitWorkingDays-error" role="alert">默认公开时限应为1至60之间的整数/);
      expect(res.body).not.toContain('id="siteName-error"');
      expect(res.body).toContain('value="{机构代码}-{YYYY}"');
      expect(res.body).toContain('value="某县科技局"');
      const blank = await postForm(t.app, '/console/settings', admin, asForm({ ...DEFAULT_SETTINGS, defaultPublicationLimitWorkingDays: '' }));
      expect(blank.body).toMatch(/id="defaultPublicationLimitWorkingDays-error" role="alert">此项为必填项/);
      const unknown = await postForm(t.app, '/console/settings', admin, asForm({ ...DEFAULT_SETTINGS, indexNumberPattern: '{机构代码}/{年度}-{serial:5}' }));
      expect(unknown.body).toMatch(/id="indexNumberPattern-error" role="alert">索引号规则含有不支持的占位符/);
      expect(await updates()).toHaveLength(before.length);
      expect(await stored()).toEqual(DEFAULT_SETTINGS);
    });

    it('saves changes, auditing only the fields that changed; an unchanged form writes nothing', async () => {
      const admin = await t.signIn('admin');
      const res = await postForm(t.app, '/console/settings', admin, asForm({ ...DEFAULT_SETTINGS, siteName: '某县科学技术局政府信息公开', siteDomain: 'KJJ.example.gov.cn' }));
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/console/settings?notice=settings-saved');
      const page = await t.app.inject({ method: 'GET', url: res.headers.location!, headers: { cookie: admin.cookie } });
      expect(page.body).toContain('设置已保存');
      expect(page.body).toContain('value="kjj.example.gov.cn"');
      expect((await t.services.site()).siteName).toBe('某县科学技术局政府信息公开');
      const [update, ...more] = await updates();
      expect(more).toEqual([]);
      expect(update).toMatchObject({ actor_name: '测试admin', subject_type: 'settings' });
      expect(JSON.parse(update!.before_json!)).toEqual({ siteName: DEFAULT_SETTINGS.siteName, siteDomain: DEFAULT_SETTINGS.siteDomain });
      expect(JSON.parse(update!.after_json!)).toEqual({ siteName: '某县科学技术局政府信息公开', siteDomain: 'kjj.example.gov.cn' });
      const again = await postForm(t.app, '/console/settings', admin, asForm(await stored()));
      expect(again.headers.location).toBe('/console/settings?notice=settings-unchanged');
      expect(await updates()).toHaveLength(1);
    });

    it('sets the 工作机构 the 信息公开指南 names (条例 Art. 12), refusing a malformed e-mail beside its field', async () => {
      const admin = await t.signIn('admin');
      const current = await stored();
      const bad = await postForm(t.app, '/console/settings', admin, asForm({ ...current, disclosureOffice: { ...OFFICE, email: 'kjj.example.gov.cn', website: 'javascript:alert(1)' } }));
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toMatch(/id="disclosureOffice.email-error" role="alert">电子邮箱格式不正确/);
      expect(bad.body).toMatch(/id="disclosureOffice.website-error" role="alert">互联网联系方式应为以 http:\/\/ 或 https:\/\/ 开头的网址/);
      expect(bad.body).toContain('value="0571-12345670"');
      expect(await stored()).toEqual(current);

      const saved = await postForm(t.app, '/console/settings', admin, asForm({ ...current, disclosureOffice: OFFICE }));
      expect(saved.headers.location).toBe('/console/settings?notice=settings-saved');
      const form = await t.app.inject({ method: 'GET', url: '/console/settings', headers: { cookie: admin.cookie } });
      expect(form.body).toContain('name="disclosureOffice.officeHours" value="工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）"');
      const guide = await t.app.inject({ method: 'GET', url: '/xxgk/guide' });
      for (const text of [OFFICE.name, OFFICE.address, OFFICE.officeHours, OFFICE.fax, OFFICE.email, OFFICE.website]) expect(guide.body).toContain(text);
      const update = (await updates()).at(-1)!;
      expect(JSON.parse(update.after_json!)).toEqual({ disclosureOffice: OFFICE });

      // Cleared again, the guide falls back to the organ's own address and phone and says nothing of the rest.
      await postForm(t.app, '/console/settings', admin, asForm({ ...current }));
      const after = await t.app.inject({ method: 'GET', url: '/xxgk/guide' });
      expect(after.body).toContain('某县人民路1号');
      expect(after.body).not.toContain(OFFICE.email);
    });
  });

  describe('API', () => {
    it('takes the 工作机构 contacts whole, and keeps them when a client leaves them out', async () => {
      const current = await stored();
      expect(current.disclosureOffice).toEqual({ name: '', address: '', officeHours: '', phone: '', fax: '', email: '', website: '' });
      const res = await t.api('admin', 'PUT', '/api/v1/settings', { ...current, disclosureOffice: OFFICE });
      expect(res.statusCode).toBe(200);
      expect(res.json().disclosureOffice).toEqual(OFFICE);
      const { disclosureOffice: _left, ...older } = current;
      expect((await t.api('admin', 'PUT', '/api/v1/settings', { ...older, siteName: '旧客户端改的站名' })).json().disclosureOffice).toEqual(OFFICE);
      const partial = await t.api('admin', 'PUT', '/api/v1/settings', { ...current, disclosureOffice: { email: 'kjj@example.gov.cn' } });
      expect(partial.statusCode).toBe(400);
      const wrong = await t.api('admin', 'PUT', '/api/v1/settings', { ...current, disclosureOffice: { ...OFFICE, phone: '请拨打总机' } });
      expect(wrong.json().error.fields).toEqual({ 'disclosureOffice.phone': expect.objectContaining({ code: 'invalid-phone' }) });
      await t.api('admin', 'PUT', '/api/v1/settings', current);
      expect(await stored()).toEqual(current);
    });

    it.each(['editor', 'auditor', 'officer'] as const)('refuses the %s GET and PUT with 403', async (role) => {
      const current = await stored();
      for (const [method, body] of [['GET', undefined], ['PUT', { ...current, siteName: '越权修改' }]] as const) {
        const res = await t.api(role, method, '/api/v1/settings', body);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
      expect((await stored()).siteName).toBe(current.siteName);
    });

    it('refuses bad values with stable field codes', async () => {
      const current = await stored();
      const res = await t.api('admin', 'PUT', '/api/v1/settings', { ...current, siteDomain: 'kjj.example.gov.cn/xxgk', siteIdCode: '33100000AB', indexNumberPattern: '{机构代码}/{年份}-{serial:5}', defaultPublicationLimitWorkingDays: 61 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'invalid-input',
        fields: {
          siteDomain: { code: 'invalid-site-domain' },
          siteIdCode: { code: 'invalid-site-id-code' },
          indexNumberPattern: { code: 'unknown-placeholder' },
          defaultPublicationLimitWorkingDays: { code: 'invalid-publication-limit', message: '默认公开时限应为1至60之间的整数（工作日）。' },
        },
      });
      expect((await t.api('admin', 'PUT', '/api/v1/settings', { ...current, theme: 'red' })).json().error.fields).toEqual({ theme: expect.objectContaining({ code: 'unknown-field' }) });
      const { siteName: _omitted, ...partial } = current;
      expect((await t.api('admin', 'PUT', '/api/v1/settings', partial)).json().error.fields).toEqual({ siteName: expect.objectContaining({ code: 'required' }) });
      expect((await t.api('admin', 'PUT', '/api/v1/settings', { ...current, defaultPublicationLimitWorkingDays: '20' })).json().error.fields.defaultPublicationLimitWorkingDays.code).toBe('wrong-type');
      expect(await stored()).toEqual(current);
    });

    it('switches to monthly numbering or a shared counter without ever issuing a 索引号 twice', async () => {
      const current = await stored();
      const item = (title: string) => t.api('editor', 'POST', '/api/v1/items', { title, disclosureAttribute: 'proactive', writtenOn: '2026-11-20', topic: '科技', genre: '其他文件' });
      const before = (await item('旧规则下的信息')).json().indexNumber;
      expect((await t.api('admin', 'PUT', '/api/v1/settings', { ...current, indexNumberPattern: '{机构代码}-{YYYYMM}-{serial:3}' })).statusCode).toBe(200);
      const monthly = (await item('按月编号的信息')).json().indexNumber;
      expect(monthly).toMatch(/^.+-202611-\d{3}$/);
      expect((await t.api('admin', 'PUT', '/api/v1/settings', { ...current, indexNumberPattern: '{YYYY}-{serial:5}' })).statusCode).toBe(200);
      const shared = [(await item('共享计数一')).json().indexNumber, (await item('共享计数二')).json().indexNumber];
      expect(new Set([before, monthly, ...shared]).size).toBe(4);
      expect(shared.every((n) => /^2026-\d{5}$/.test(n))).toBe(true);
      await t.api('admin', 'PUT', '/api/v1/settings', current);
    });

    it('numbers the next item by the new pattern and leaves existing 索引号 as they were', async () => {
      const first = await t.api('editor', 'POST', '/api/v1/items', anItem);
      expect(first.statusCode).toBe(201);
      const oldNumber = first.json().indexNumber;
      expect(oldNumber).toMatch(new RegExp(`^${MAIN_CODE}/2026-\\d{5}$`));
      expect((await t.api('officer', 'GET', `/api/v1/items/${first.json().id}`)).json().timeliness.limitWorkingDays).toBe(20);

      const current = await stored();
      const res = await t.api('admin', 'PUT', '/api/v1/settings', { ...current, indexNumberPattern: NEW_PATTERN, defaultPublicationLimitWorkingDays: 15 });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ...current, indexNumberPattern: NEW_PATTERN, defaultPublicationLimitWorkingDays: 15 });

      const next = await t.api('editor', 'POST', '/api/v1/items', { ...anItem, title: '关于开展2026年度科技特派员考核的通知' });
      // Same counter (organ and year), new form: the serial carries on after the old pattern's.
      expect(next.json().indexNumber).toBe(`${MAIN_CODE}〔2026〕${String(Number(oldNumber.slice(-5)) + 1).padStart(4, '0')}号`);
      const old = await t.api('officer', 'GET', `/api/v1/items/${first.json().id}`);
      expect(old.json().indexNumber).toBe(oldNumber);
      expect(old.json().timeliness.limitWorkingDays).toBe(15);
      const last = (await updates()).at(-1)!;
      expect(JSON.parse(last.before_json!)).toEqual({ indexNumberPattern: DEFAULT_SETTINGS.indexNumberPattern, defaultPublicationLimitWorkingDays: 20 });
      expect(JSON.parse(last.after_json!)).toEqual({ indexNumberPattern: NEW_PATTERN, defaultPublicationLimitWorkingDays: 15 });
    });

    it('describes GET and PUT /api/v1/settings in the OpenAPI document', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      const put = doc.paths['/api/v1/settings'].put;
      expect(put.tags).toEqual(['settings']);
      expect(put.requestBody.content['application/json'].schema).toMatchObject({ additionalProperties: false, required: expect.arrayContaining(['indexNumberPattern', 'defaultPublicationLimitWorkingDays']) });
      expect(doc.paths['/api/v1/settings'].get).toBeDefined();
      expect(Object.keys(doc.paths)).not.toContain('/console/settings');
    });
  });
});
