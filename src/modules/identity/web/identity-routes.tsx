import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type RouteModule } from '../../../app.tsx';
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError, TooManyRequests } from '../../../kernel/errors.ts';
import { formFields, redirectWithNotice, requireActor, sendHtml } from '../../../web/http.ts';
import type { SiteInfo } from '../../../web/layout.tsx';
import { can } from '../domain/permissions.ts';
import type { IdentityService } from '../identity-service.ts';
import { fieldErrorsOf } from './form-state.ts';
import { identityApi } from './identity-api.ts';
import './identity-messages.ts';
import { LoginPage, TokenCreatedPage, UsersPage, type UserFormState } from './identity-views.tsx';
import { organisationApi } from './organisation-api.ts';
import { organisationPages } from './organisation-routes.tsx';
import { userAdminPages } from './user-admin-routes.tsx';

export interface IdentityRouteDeps {
  identity: IdentityService;
  site: () => Promise<SiteInfo> | SiteInfo;
  secureCookies: boolean;
}

const CONSOLE_HOME = '/console';
const USERS_PAGE = '/console/users';
const EMPTY_FORM: UserFormState = { values: {}, errors: {} };

/**
 * Where to go after signing in: only a path on this site. `//host` and `/\host` are
 * protocol-relative to browsers, so they (and anything else) fall back to the console.
 */
export function localRedirectTarget(next: unknown): string {
  if (typeof next !== 'string' || !/^\/(?![/\\])[^\s\\]*$/.test(next)) return CONSOLE_HOME;
  return next;
}

/** Sign-in pages, 用户与令牌 (with user management and 修改我的密码), 机关与科室, and their API. */
export function identityRoutes(deps: IdentityRouteDeps): RouteModule {
  return async (app: FastifyInstance) => {
    signInPages(app, deps);
    usersPages(app, deps);
    userAdminPages(app, deps);
    organisationPages(app, deps);
    await identityApi(app, deps.identity);
    await organisationApi(app, deps.identity);
  };
}

function signInPages(app: FastifyInstance, deps: IdentityRouteDeps): void {
  const { identity } = deps;
  const loginPage = async (request: FastifyRequest, extra: { next: string; username?: string; error?: string; notice?: string; errors?: Record<string, string> }) =>
    LoginPage({ site: await deps.site(), csrfToken: request.csrfToken, ...extra });

  app.get('/login', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const next = localRedirectTarget(query.next);
    if (request.actor) return reply.redirect(next, 303);
    const notice = query.notice === 'signed-out' ? 'signed-out' : undefined;
    return sendHtml(reply, await loginPage(request, { next, notice }));
  });

  app.post('/login', { schema: { hide: true } }, async (request, reply) => {
    const form = formFields(request.body);
    const next = localRedirectTarget(form.next);
    const username = form.username ?? '';
    const missing = missingCredentials(username, form.password);
    if (missing) return sendHtml(reply, await loginPage(request, { next, username, errors: missing }), 400);
    try {
      const signedIn = await identity.signIn(username, form.password!, request.ip);
      reply.setCookie(SESSION_COOKIE, signedIn.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.secureCookies });
      return reply.redirect(next, 303);
    } catch (error) {
      // One message for an unknown user and a wrong password: never say which part was wrong.
      if (!(error instanceof DomainError) || !['invalid-credentials', 'too-many-login-attempts'].includes(error.code)) throw error;
      if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
      return sendHtml(reply, await loginPage(request, { next, username, error: error.code }), error.status);
    }
  });

  app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
    if (request.sessionId) await identity.signOut(request.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.secureCookies });
    return redirectWithNotice(reply, '/login', 'signed-out');
  });
}

function missingCredentials(username: string, password: string | undefined): Record<string, string> | undefined {
  const errors: Record<string, string> = {};
  if (!username.trim()) errors.username = 'required';
  if (!password) errors.password = 'required';
  return Object.keys(errors).length > 0 ? errors : undefined;
}

const USERS_NOTICES = new Set(['user-created', 'token-revoked', 'password-was-changed']);

function usersPages(app: FastifyInstance, deps: IdentityRouteDeps): void {
  const { identity } = deps;

  async function renderUsers(request: FastifyRequest, reply: FastifyReply, actor: Actor, state: { userForm?: UserFormState; tokenForm?: UserFormState; notice?: string | undefined }, status = 200) {
    const main = await identity.mainOrgan();
    const create = can(actor.role, 'user.manage')
      ? { organs: await identity.listOrgans(), units: main ? await identity.listUnits(main.id) : [], form: state.userForm ?? EMPTY_FORM }
      : undefined;
    const page = UsersPage({
      site: await deps.site(),
      actor,
      csrfToken: request.csrfToken,
      users: can(actor.role, 'user.read') ? await identity.listUsers(actor) : undefined,
      create,
      tokens: await identity.listApiTokens(actor, actor.id),
      tokenForm: state.tokenForm ?? EMPTY_FORM,
      notice: state.notice,
    });
    return sendHtml(reply, page, status);
  }

  app.get(USERS_PAGE, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request, 'token.manage-own');
    const notice = (request.query as Record<string, unknown>).notice;
    return renderUsers(request, reply, actor, { notice: typeof notice === 'string' && USERS_NOTICES.has(notice) ? notice : undefined });
  });

  app.post(USERS_PAGE, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request, 'user.manage');
    const values = formFields(request.body);
    try {
      await identity.createUser(actor, { username: values.username ?? '', displayName: values.displayName ?? '', role: values.role ?? '', organCode: values.organCode, unitName: values.unitName, password: values.password ?? '' });
      return redirectWithNotice(reply, USERS_PAGE, 'user-created');
    } catch (error) {
      const errors = fieldErrorsOf(error, { 'username-taken': 'username' });
      const status = error instanceof DomainError ? error.status : 400;
      return renderUsers(request, reply, actor, { userForm: { values: { ...values, password: '' }, errors } }, status);
    }
  });

  app.post('/console/tokens', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request, 'token.manage-own');
    const values = formFields(request.body);
    try {
      const created = await identity.createApiToken(actor, actor.username, values.name ?? '');
      return sendHtml(reply, TokenCreatedPage({ site: await deps.site(), actor, csrfToken: request.csrfToken, name: created.token.name, secret: created.secret }), 201);
    } catch (error) {
      return renderUsers(request, reply, actor, { tokenForm: { values, errors: fieldErrorsOf(error) } }, 400);
    }
  });

  app.post<{ Params: { id: string } }>('/console/tokens/:id/revoke', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request, 'token.manage-own');
    await identity.revokeApiToken(actor, request.params.id);
    return redirectWithNotice(reply, USERS_PAGE, 'token-revoked');
  });
}
