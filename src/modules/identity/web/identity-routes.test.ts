import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordOf, seedBureau, identityOn, type SeededBureau } from '../../../../test/support/identity-fixtures.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../../test/support/test-database.ts';
import { ANON_CSRF_COOKIE, buildApp, SESSION_COOKIE } from '../../../app.tsx';
import type { Role } from '../../../kernel/actor.ts';
import { actorOf, type IdentityService } from '../identity-service.ts';
import { identityRoutes, localRedirectTarget } from './identity-routes.tsx';

const SITE = { siteName: '某县科学技术局', siteDomain: 'kjj.example.gov.cn', siteIdCode: '3310000001', organName: '某县科学技术局', address: '某县人民路1号', phone: '0570-1234567' };

const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
const cookie = (res: LightMyRequestResponse, name: string) => res.cookies.find((c) => c.name === name);
const form = (fields: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

describe('localRedirectTarget', () => {
  it.each([
    ['/console/items?state=draft', '/console/items?state=draft'],
    ['/', '/'],
    ['//evil.example', '/console'],
    ['/\\evil.example', '/console'],
    ['https://evil.example/', '/console'],
    ['javascript:alert(1)', '/console'],
    ['/console\n/x', '/console'],
    [undefined, '/console'],
  ])('%j → %s', (next, target) => {
    expect(localRedirectTarget(next)).toBe(target);
  });
});

describe.each(await testDialects())('identity routes on %s', (dialect) => {
  let database: TestDatabase;
  let identity: IdentityService;
  let bureau: SeededBureau;
  let app: FastifyInstance;
  let address = 0;
  /** Each sign-in from its own address, so the per-address throttle stays out of unrelated tests. */
  const nextAddress = () => `192.0.2.${++address}`;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    identity = identityOn(database.db).identity;
    bureau = await seedBureau(identity);
    app = await buildApp({ auth: identity, routes: [identityRoutes({ identity, site: () => SITE, secureCookies: false })] });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  async function anonymousForm() {
    const res = await app.inject({ method: 'GET', url: '/login?next=/console/items' });
    return { csrf: csrfIn(res.body)!, anon: cookie(res, ANON_CSRF_COOKIE)!.value };
  }

  async function postLogin(fields: Record<string, string>, remoteAddress = nextAddress()) {
    const { csrf, anon } = await anonymousForm();
    return app.inject({ method: 'POST', url: '/login', cookies: { [ANON_CSRF_COOKIE]: anon }, remoteAddress, ...form({ _csrf: csrf, ...fields }) });
  }

  /** Signs in through the form and returns the session cookie and the session's CSRF token. */
  async function signInAs(role: Role) {
    const res = await postLogin({ username: bureau.users[role].username, password: passwordOf(role) });
    const session = cookie(res, SESSION_COOKIE)!.value;
    const page = await app.inject({ method: 'GET', url: '/console/users', cookies: { [SESSION_COOKIE]: session } });
    return { cookies: { [SESSION_COOKIE]: session }, csrf: csrfIn(page.body)!, page };
  }

  const sessionCount = async () => (await database.db.selectFrom('sessions').selectAll().execute()).length;

  describe('sign-in pages', () => {
    it('shows the sign-in form with the anonymous CSRF token', async () => {
      const res = await app.inject({ method: 'GET', url: '/login?next=/console/items' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('name="username"');
      expect(res.body).toContain('name="next" value="/console/items"');
      expect(csrfIn(res.body)).toBe(cookie(res, ANON_CSRF_COOKIE)!.value);
    });

    it.each([
      ['without a token', {}],
      ['with a forged token', { _csrf: 'f'.repeat(32) }],
    ])('refuses a post %s in Chinese and starts no session', async (_, extra) => {
      const { anon } = await anonymousForm();
      const before = await sessionCount();
      const res = await app.inject({ method: 'POST', url: '/login', cookies: { [ANON_CSRF_COOKIE]: anon }, ...form({ username: 'admin', password: passwordOf('admin'), ...extra }) });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('页面已过期或表单来源无法验证');
      expect(cookie(res, SESSION_COOKIE)).toBeUndefined();
      expect(await sessionCount()).toBe(before);
    });

    it('signs in, sets an httpOnly session cookie and goes to the requested page', async () => {
      const res = await postLogin({ username: 'WangFang', password: passwordOf('officer'), next: '/console/items' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/console/items');
      expect(cookie(res, SESSION_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      const page = await app.inject({ method: 'GET', url: '/console/users', cookies: { [SESSION_COOKIE]: cookie(res, SESSION_COOKIE)!.value } });
      expect(page.body).toContain('王芳（信息公开工作人员（办公室））');
    });

    it('never redirects off the site after signing in', async () => {
      const res = await postLogin({ username: 'wangfang', password: passwordOf('officer'), next: '//evil.example' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/console');
    });

    it.each([
      ['a wrong password', 'lisi', 'wrong-password-1'],
      ['an unknown user', 'nobody', 'wrong-password-1'],
    ])('answers %s with one message and status 401', async (_, username, password) => {
      const res = await postLogin({ username, password });
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('用户名或密码错误');
      expect(res.body).toContain(`value="${username}"`);
      expect(res.body).not.toContain(password);
      expect(cookie(res, SESSION_COOKIE)).toBeUndefined();
    });

    it('answers 429 with the throttling message once a username is locked', async () => {
      for (let i = 0; i < 5; i++) expect((await postLogin({ username: 'qianjc', password: `guess-number-${i}` })).statusCode).toBe(401);
      const res = await postLogin({ username: 'qianjc', password: passwordOf('auditor') });
      expect(res.statusCode).toBe(429);
      expect(res.headers['retry-after']).toBe('900');
      expect(res.body).toContain('登录失败次数过多');
    });

    it('signs out: the cookie is cleared and the session ends', async () => {
      const { cookies, csrf } = await signInAs('editor');
      const res = await app.inject({ method: 'POST', url: '/logout', cookies, ...form({ _csrf: csrf }) });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/login?notice=signed-out');
      expect(cookie(res, SESSION_COOKIE)?.value).toBe('');
      const after = await app.inject({ method: 'GET', url: '/console/users', cookies });
      expect(after.statusCode).toBe(303);
      expect(after.headers.location).toBe('/login?next=%2Fconsole%2Fusers');
    });
  });

  describe('用户与令牌 page', () => {
    it('shows the administrator the users and the create form', async () => {
      const { page } = await signInAs('admin');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<td>lisi</td>');
      expect(page.body).toContain('<td>政策法规科</td>');
      expect(page.body).toContain('action="/console/users"');
    });

    it('shows an editor only their own tokens', async () => {
      const { page } = await signInAs('editor');
      expect(page.body).not.toContain('<td>wangfang</td>');
      expect(page.body).not.toContain('action="/console/users"');
      expect(page.body).toContain('action="/console/tokens"');
    });

    it('creates a user, and puts errors beside the fields', async () => {
      const { cookies, csrf } = await signInAs('admin');
      const bad = await app.inject({ method: 'POST', url: '/console/users', cookies, ...form({ _csrf: csrf, username: 'lisi', displayName: '李四二', role: 'editor', password: 'kejiju-bianji-1' }) });
      expect(bad.statusCode).toBe(409);
      expect(bad.body).toMatch(/id="username-error" role="alert">该用户名已被使用/);
      expect(bad.body).not.toContain('kejiju-bianji-1');
      const ok = await app.inject({ method: 'POST', url: '/console/users', cookies, ...form({ _csrf: csrf, username: 'wuliu', displayName: '吴六', role: 'leader', unitName: '办公室', password: 'kejiju-lingdao-1' }) });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/console/users?notice=user-created');
      expect((await identity.findUserByUsername('wuliu'))?.role).toBe('leader');
    });

    it('refuses user creation to an editor', async () => {
      const { cookies, csrf } = await signInAs('editor');
      const res = await app.inject({ method: 'POST', url: '/console/users', cookies, ...form({ _csrf: csrf, username: 'zhouba', displayName: '周八', role: 'admin', password: 'kejiju-bianji-1' }) });
      expect(res.statusCode).toBe(403);
      expect(await identity.findUserByUsername('zhouba')).toBeUndefined();
    });

    it('shows a new token once, then revokes it', async () => {
      const { cookies, csrf } = await signInAs('editor');
      const created = await app.inject({ method: 'POST', url: '/console/tokens', cookies, ...form({ _csrf: csrf, name: '导出脚本' }) });
      expect(created.statusCode).toBe(201);
      const secret = /value="(gk_[A-Za-z0-9_-]{43})"/.exec(created.body)![1]!;
      expect(await identity.actorFromBearer(secret)).toMatchObject({ username: 'lisi' });
      const page = await app.inject({ method: 'GET', url: '/console/users', cookies });
      expect(page.body).toContain('导出脚本');
      expect(page.body).not.toContain(secret);
      const id = /action="\/console\/tokens\/([0-9a-z]+)\/revoke"/.exec(page.body)![1]!;
      const revoked = await app.inject({ method: 'POST', url: `/console/tokens/${id}/revoke`, cookies, ...form({ _csrf: csrf }) });
      expect(revoked.headers.location).toBe('/console/users?notice=token-revoked');
      expect(await identity.actorFromBearer(secret)).toBeUndefined();
    });
  });

  describe('API', () => {
    const bearer = async (role: Role) => ({ authorization: `Bearer ${(await identity.createApiToken(actorOf(bureau.users[role]), bureau.users[role].username, '测试')).secret}` });
    const postJson = async (url: string, role: Role, body: unknown) =>
      app.inject({ method: 'POST', url, headers: { ...(await bearer(role)), 'content-type': 'application/json' }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
    const newUser = { username: 'zhengjiu', displayName: '郑九', role: 'editor', password: 'kejiju-bianji-9' };

    it('GET /api/v1/me answers who the token belongs to', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers: await bearer('leader') });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(actorOf(bureau.users.leader));
    });

    it('refuses an unknown token and a missing one', async () => {
      const bad = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer gk_${'A'.repeat(43)}` } });
      expect(bad.statusCode).toBe(401);
      expect(bad.json()).toMatchObject({ error: { code: 'invalid-token' } });
      const none = await app.inject({ method: 'GET', url: '/api/v1/me' });
      expect(none.statusCode).toBe(401);
      expect(none.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    });

    it('refuses unknown fields with invalid-input', async () => {
      const res = await postJson('/api/v1/users', 'admin', { ...newUser, isAdmin: true });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid-input', fields: { isAdmin: { code: 'unknown-field' } } } });
    });

    it('refuses an editor with 403 forbidden', async () => {
      const res = await postJson('/api/v1/users', 'editor', newUser);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    });

    it('refuses malformed JSON', async () => {
      const res = await postJson('/api/v1/users', 'admin', '{"username": ');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'malformed-json' } });
    });

    it('creates a user, lists it, and refuses the same username again', async () => {
      const res = await postJson('/api/v1/users', 'admin', newUser);
      expect(res.statusCode).toBe(201);
      expect(res.json().user).toMatchObject({ username: 'zhengjiu', role: 'editor', isDisabled: false });
      expect(res.body).not.toContain('password');
      const again = await postJson('/api/v1/users', 'admin', newUser);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: { code: 'username-taken', message: '该用户名已被使用。' } });
      const list = await app.inject({ method: 'GET', url: '/api/v1/users', headers: await bearer('auditor') });
      expect(list.json().users.find((u: { username: string }) => u.username === 'zhengjiu')).toMatchObject({ organName: '某县科学技术局', unitName: null });
      expect(list.body).not.toContain('scrypt');
    });

    it('creates a token for oneself and revokes it', async () => {
      const res = await postJson('/api/v1/tokens', 'officer', { name: '数据导入' });
      expect(res.statusCode).toBe(201);
      const { id, token } = res.json();
      expect(token).toMatch(/^gk_/);
      const del = await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: { authorization: `Bearer ${token}` } });
      expect(del.statusCode).toBe(204);
      const after = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      expect(after.statusCode).toBe(401);
    });

    it('describes the endpoints in the OpenAPI document', async () => {
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      expect(doc.paths['/api/v1/users'].post.tags).toEqual(['identity']);
      expect(doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/tokens', '/api/v1/tokens/{id}']));
      expect(Object.keys(doc.paths)).not.toContain('/login');
    });
  });
});
