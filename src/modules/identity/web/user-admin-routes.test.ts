import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader, createTestApp, csrfFrom, postForm, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { systemActor } from '../identity-service.ts';

const SETUP = systemActor('测试准备');
const FIRST_PASSWORD = 'Chushi-mima-2026';

describe.each(await testDialects())('user management routes on %s', (dialect) => {
  let t: TestApp;
  let address = 0;
  /** Each sign-in from its own address, so the per-address throttle stays out of the way. */
  const nextAddress = () => `198.51.100.${++address}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const [username, displayName, role] of [
      ['zhangsan', '张三', 'editor'],
      ['chenqi', '陈七', 'officer'],
      ['liuba', '刘八', 'leader'],
    ] as const)
      await t.services.identity.createUser(SETUP, { username, displayName, role, organCode: t.organCode, password: FIRST_PASSWORD });
  });
  afterAll(() => t.close());

  const signInRaw = async (username: string, password: string) => {
    const form = await t.app.inject({ method: 'GET', url: '/login' });
    const payload = new URLSearchParams({ _csrf: csrfFrom(form.body), username, password }).toString();
    return t.app.inject({ method: 'POST', url: '/login', remoteAddress: nextAddress(), headers: { cookie: cookieHeader(form), 'content-type': 'application/x-www-form-urlencoded' }, payload });
  };
  /** A signed-in console session for any user (test-app's signIn knows only the t-* users). */
  const sessionOf = async (username: string, password = FIRST_PASSWORD) => {
    const res = await signInRaw(username, password);
    expect(res.statusCode).toBe(303);
    const cookie = cookieHeader(res);
    const page = await t.app.inject({ method: 'GET', url: '/console/users', headers: { cookie } });
    return { cookie, csrf: csrfFrom(page.body) };
  };
  const tokenOf = async (username: string) => (await t.services.identity.createApiToken(SETUP, username, '测试')).secret;
  const bearer = (token: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const audit = (action: string, username: string) =>
    t.database.db.selectFrom('audit_log').innerJoin('users', 'users.id', 'audit_log.subject_id').selectAll('audit_log').where('audit_log.action', '=', action).where('users.username', '=', username).execute();

  describe('用户与令牌 and the user page', () => {
    it('links each user to their page for the administrator only, and everyone to 修改我的密码', async () => {
      const admin = await t.signIn('admin');
      const list = await t.app.inject({ method: 'GET', url: '/console/users', headers: { cookie: admin.cookie } });
      expect(list.body).toContain('<a href="/console/users/zhangsan">管理 zhangsan</a>');
      expect(list.body).toContain('href="/console/me/password"');
      const officer = await t.signIn('officer');
      const readOnly = await t.app.inject({ method: 'GET', url: '/console/users', headers: { cookie: officer.cookie } });
      expect(readOnly.body).toContain('<td>zhangsan</td>');
      expect(readOnly.body).not.toContain('href="/console/users/zhangsan"');
    });

    it('shows a user with the disable button and the reset form; others may not open it', async () => {
      const admin = await t.signIn('admin');
      const page = await t.app.inject({ method: 'GET', url: '/console/users/zhangsan', headers: { cookie: admin.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('action="/console/users/zhangsan/disable"');
      expect(page.body).toContain('action="/console/users/zhangsan/password"');
      for (const role of ['officer', 'editor', 'auditor'] as const) {
        const session = await t.signIn(role);
        expect((await t.app.inject({ method: 'GET', url: '/console/users/zhangsan', headers: { cookie: session.cookie } })).statusCode).toBe(403);
      }
      expect((await t.app.inject({ method: 'GET', url: '/console/users/nobody', headers: { cookie: admin.cookie } })).statusCode).toBe(404);
    });

    it('offers no disable button or reset form on the administrator’s own page', async () => {
      const admin = await t.signIn('admin');
      const page = await t.app.inject({ method: 'GET', url: '/console/users/t-admin', headers: { cookie: admin.cookie } });
      expect(page.body).not.toContain('action="/console/users/t-admin/disable"');
      expect(page.body).not.toContain('action="/console/users/t-admin/password"');
      expect(page.body).toContain('href="/console/me/password"');
      const res = await postForm(t.app, '/console/users/t-admin/disable', admin, {});
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('不能停用自己的账号。');
    });
  });

  describe('disabling and enabling', () => {
    /** Made while the user is active: no token can be created for a disabled user. */
    let token: string;

    it('disables from the console: sign-in, the open session and the token all stop working', async () => {
      token = await tokenOf('zhangsan');
      const own = await sessionOf('zhangsan');
      const admin = await t.signIn('admin');
      const res = await postForm(t.app, '/console/users/zhangsan/disable', admin, {});
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/console/users/zhangsan?notice=user-was-disabled');
      const page = await t.app.inject({ method: 'GET', url: res.headers.location!, headers: { cookie: admin.cookie } });
      expect(page.body).toContain('用户已停用');
      expect(page.body).toContain('action="/console/users/zhangsan/enable"');

      const signIn = await signInRaw('zhangsan', FIRST_PASSWORD);
      expect(signIn.statusCode).toBe(401);
      expect(signIn.body).toContain('用户名或密码错误');
      const stale = await t.app.inject({ method: 'GET', url: '/console/users', headers: { cookie: own.cookie } });
      expect(stale.statusCode).toBe(303);
      expect(stale.headers.location).toMatch(/^\/login/);
      const api = await bearer(token, 'GET', '/api/v1/me');
      expect(api.statusCode).toBe(401);
      expect(api.json().error.code).toBe('invalid-token');
    });

    it('enables through the API: sign-in and the unrevoked token work again', async () => {
      expect((await bearer(token, 'GET', '/api/v1/me')).statusCode).toBe(401);
      const res = await t.api('admin', 'POST', '/api/v1/users/zhangsan/enable');
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ username: 'zhangsan', isDisabled: false });
      expect((await bearer(token, 'GET', '/api/v1/me')).json()).toMatchObject({ username: 'zhangsan' });
      expect((await signInRaw('zhangsan', FIRST_PASSWORD)).statusCode).toBe(303);
    });

    it('disables and enables through the API, refusing oneself, unknown users, the editor and the auditor', async () => {
      const disabled = await t.api('admin', 'POST', '/api/v1/users/liuba/disable');
      expect(disabled.json().user).toMatchObject({ username: 'liuba', isDisabled: true });
      expect((await signInRaw('liuba', FIRST_PASSWORD)).statusCode).toBe(401);
      const self = await t.api('admin', 'POST', '/api/v1/users/t-admin/disable');
      expect(self.statusCode).toBe(409);
      expect(self.json().error.code).toBe('cannot-disable-self');
      expect((await t.api('admin', 'POST', '/api/v1/users/nobody/enable')).json().error.code).toBe('user-not-found');
      for (const role of ['editor', 'auditor', 'officer'] as const) {
        for (const action of ['enable', 'disable']) {
          const refused = await t.api(role, 'POST', `/api/v1/users/liuba/${action}`);
          expect(refused.statusCode).toBe(403);
          expect(refused.json().error.code).toBe('forbidden');
        }
      }
      const session = await t.signIn('editor');
      expect((await postForm(t.app, '/console/users/liuba/enable', session, {})).statusCode).toBe(403);
      expect((await t.services.identity.findUserByUsername('liuba'))?.isDisabled).toBe(true);
      expect((await t.api('admin', 'POST', '/api/v1/users/liuba/enable')).json().user.isDisabled).toBe(false);
    });

    it('audits each disable and enable, by the administrator', async () => {
      const admin = await t.services.identity.findUserByUsername('t-admin');
      const disables = await audit('user.disable', 'zhangsan');
      const enables = await audit('user.enable', 'zhangsan');
      expect(disables).toHaveLength(1);
      expect(enables).toHaveLength(1);
      expect(disables[0]).toMatchObject({ actor_id: admin!.id, actor_name: '测试admin' });
      expect(JSON.parse(enables[0]!.after_json!)).toEqual({ isDisabled: false });
    });
  });

  describe('passwords', () => {
    it('resets a password from the console, with the policy and confirmation errors beside the fields', async () => {
      const admin = await t.signIn('admin');
      const mismatch = await postForm(t.app, '/console/users/chenqi/password', admin, { password: 'Xin-mima-2026-a', passwordConfirmation: 'Xin-mima-2026-b' });
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.body).toMatch(/id="passwordConfirmation-error" role="alert">两次输入的新密码不一致/);
      const short = await postForm(t.app, '/console/users/chenqi/password', admin, { password: 'duan-1', passwordConfirmation: 'duan-1' });
      expect(short.statusCode).toBe(400);
      expect(short.body).toMatch(/id="password-error" role="alert">密码至少需要10个字符/);
      expect(short.body).not.toContain('duan-1');
      const digits = await postForm(t.app, '/console/users/chenqi/password', admin, { password: '2026112701', passwordConfirmation: '2026112701' });
      expect(digits.body).toMatch(/id="password-error" role="alert">密码不能全部由数字组成/);
      const other = await sessionOf('chenqi');
      const ok = await postForm(t.app, '/console/users/chenqi/password', admin, { password: 'Chongzhi-mima-1', passwordConfirmation: 'Chongzhi-mima-1' });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/console/users/chenqi?notice=password-was-reset');
      expect((await t.app.inject({ method: 'GET', url: '/console/users', headers: { cookie: other.cookie } })).statusCode).toBe(303);
      expect((await signInRaw('chenqi', FIRST_PASSWORD)).statusCode).toBe(401);
      expect((await signInRaw('chenqi', 'Chongzhi-mima-1')).statusCode).toBe(303);
    });

    it('resets a password through the API with field codes, refusing the editor and the auditor', async () => {
      const bad = await t.api('admin', 'PUT', '/api/v1/users/chenqi/password', { password: 'chenqi' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({ code: 'invalid-input', fields: { password: { code: 'password-too-short', message: '密码至少需要10个字符。' } } });
      expect((await t.api('admin', 'PUT', '/api/v1/users/chenqi/password', { password: 'x'.repeat(201) })).json().error.fields.password.code).toBe('password-too-long');
      expect((await t.api('admin', 'PUT', '/api/v1/users/chenqi/password', { password: 'Chongzhi-mima-2', role: 'admin' })).json().error.fields.role.code).toBe('unknown-field');
      for (const role of ['editor', 'auditor'] as const) expect((await t.api(role, 'PUT', '/api/v1/users/chenqi/password', { password: 'Yuequan-mima-1' })).statusCode).toBe(403);
      expect((await t.api('admin', 'PUT', '/api/v1/users/nobody/password', { password: 'Chongzhi-mima-2' })).statusCode).toBe(404);
      const ok = await t.api('admin', 'PUT', '/api/v1/users/chenqi/password', { password: 'Chongzhi-mima-2' });
      expect(ok.statusCode).toBe(204);
      expect((await signInRaw('chenqi', 'Chongzhi-mima-2')).statusCode).toBe(303);
      expect((await signInRaw('chenqi', 'Yuequan-mima-1')).statusCode).toBe(401);
    });

    it('changes one’s own password in the console: current password required, this session kept, others ended', async () => {
      const current = await sessionOf('chenqi', 'Chongzhi-mima-2');
      const elsewhere = await sessionOf('chenqi', 'Chongzhi-mima-2');
      const form = await t.app.inject({ method: 'GET', url: '/console/me/password', headers: { cookie: current.cookie } });
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('name="currentPassword"');
      const wrong = await postForm(t.app, '/console/me/password', current, { currentPassword: 'Cuowu-mima-1', password: 'Ziji-mima-2026', passwordConfirmation: 'Ziji-mima-2026' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toMatch(/id="currentPassword-error" role="alert">当前密码不正确/);
      const same = await postForm(t.app, '/console/me/password', current, { currentPassword: 'Chongzhi-mima-2', password: 'chenqi', passwordConfirmation: 'chenqi' });
      expect(same.body).toMatch(/id="password-error" role="alert">密码至少需要10个字符/);
      const ok = await postForm(t.app, '/console/me/password', current, { currentPassword: 'Chongzhi-mima-2', password: 'Ziji-mima-2026', passwordConfirmation: 'Ziji-mima-2026' });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/console/users?notice=password-was-changed');
      const after = await t.app.inject({ method: 'GET', url: ok.headers.location!, headers: { cookie: current.cookie } });
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain('密码已修改');
      expect((await t.app.inject({ method: 'GET', url: '/console/users', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(303);
      expect((await signInRaw('chenqi', 'Ziji-mima-2026')).statusCode).toBe(303);
    });

    it('changes one’s own password through the API, whatever the role', async () => {
      const token = await tokenOf('liuba');
      const wrong = await bearer(token, 'PUT', '/api/v1/me/password', { currentPassword: 'Cuowu-mima-1', password: 'Lingdao-mima-2026' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields).toEqual({ currentPassword: { code: 'wrong-current-password', message: '当前密码不正确。' } });
      const missing = await bearer(token, 'PUT', '/api/v1/me/password', { password: 'Lingdao-mima-2026' });
      expect(missing.json().error.fields.currentPassword.code).toBe('required');
      const ok = await bearer(token, 'PUT', '/api/v1/me/password', { currentPassword: FIRST_PASSWORD, password: 'Lingdao-mima-2026' });
      expect(ok.statusCode).toBe(204);
      expect((await bearer(token, 'GET', '/api/v1/me')).statusCode).toBe(200);
      expect((await signInRaw('liuba', 'Lingdao-mima-2026')).statusCode).toBe(303);
      expect((await t.app.inject({ method: 'PUT', url: '/api/v1/me/password', payload: { currentPassword: 'x', password: 'y' } })).statusCode).toBe(401);
    });

    it('audits every password change without the password', async () => {
      const resets = await audit('user.set-password', 'chenqi');
      expect(resets).toHaveLength(3);
      const text = JSON.stringify(resets);
      for (const secret of ['Chongzhi-mima', 'Ziji-mima', 'scrypt$']) expect(text).not.toContain(secret);
      expect(await audit('user.set-password', 'liuba')).toHaveLength(1);
    });
  });

  it('describes the endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/users/{username}/disable', '/api/v1/users/{username}/enable', '/api/v1/users/{username}/password', '/api/v1/me/password']));
    expect(doc.paths['/api/v1/me/password'].put.requestBody.content['application/json'].schema.required).toEqual(['currentPassword', 'password']);
  });
});
