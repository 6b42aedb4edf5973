import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Dialect } from '../../src/db/database.ts';
import type { Role } from '../../src/kernel/actor.ts';
import { systemActor } from '../../src/modules/identity/index.ts';
import { buildGongkaiApp } from '../../src/web-app.ts';
import { createTestContext, type TestContext } from './test-services.ts';

export const TEST_PASSWORD = 'Test-password-2026';
const ROLES: Role[] = ['admin', 'officer', 'editor', 'leader', 'auditor'];

export interface TestApp extends TestContext {
  app: FastifyInstance;
  /** Bearer tokens of real users, one per role (usernames `t-admin`, `t-officer`, …). */
  tokens: Record<Role, string>;
  /** Signs in through /login and returns the cookie header and the session's CSRF token. */
  signIn(role: Role): Promise<{ cookie: string; csrf: string }>;
  api(role: Role, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export function cookieHeader(response: LightMyRequestResponse): string {
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field on page');
  return m[1]!;
}

/** The whole app on a fresh database, with one real user and token per role. */
export async function createTestApp(dialect: Dialect): Promise<TestApp> {
  const t = await createTestContext(dialect);
  const app = await buildGongkaiApp(t.services);
  const tokens = {} as Record<Role, string>;
  const admin = systemActor('测试准备');
  for (const role of ROLES) {
    await t.services.identity.createUser(admin, { username: `t-${role}`, displayName: `测试${role}`, role, organCode: t.organCode, unitName: role === 'editor' ? '高新科' : undefined, password: TEST_PASSWORD } as never);
    tokens[role] = (await t.services.identity.createApiToken(admin, `t-${role}`, '测试')).secret;
  }
  return {
    ...t,
    app,
    tokens,
    async signIn(role) {
      const form = await app.inject({ method: 'GET', url: '/login' });
      const anon = cookieHeader(form);
      const res = await app.inject({ method: 'POST', url: '/login', headers: { cookie: anon, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrfFrom(form.body), username: `t-${role}`, password: TEST_PASSWORD }).toString() });
      if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const cookie = cookieHeader(res);
      const page = await app.inject({ method: 'GET', url: '/console', headers: { cookie } });
      return { cookie, csrf: csrfFrom(page.body) };
    },
    api(role, method, url, payload) {
      return app.inject({ method, url, headers: { authorization: `Bearer ${tokens[role]}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
    },
    async close() {
      await app.close();
      await t.close();
    },
  };
}

/** A urlencoded form post with the session cookie and CSRF token. */
export function postForm(app: FastifyInstance, url: string, session: { cookie: string; csrf: string }, fields: Record<string, string>) {
  return app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString() });
}
