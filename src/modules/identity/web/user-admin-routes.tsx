import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/actor.ts';
import { Conflict, NotFound, type FieldErrors } from '../../../kernel/errors.ts';
import { formFields, redirectWithNotice, requireActor, sendHtml } from '../../../web/http.ts';
import type { SiteInfo } from '../../../web/layout.tsx';
import { normaliseUsername } from '../domain/user.ts';
import type { IdentityService } from '../identity-service.ts';
import { EMPTY_FORM, fieldErrorsOf, statusOf } from './form-state.ts';
import { OWN_PASSWORD_PAGE, OwnPasswordPage, UserDetailPage, userPage, type UserDetailView } from './user-admin-views.tsx';

type Deps = { identity: IdentityService; site: () => Promise<SiteInfo> | SiteInfo };
type UsernameParams = { Params: { username: string } };

const DETAIL_NOTICES = new Set(['user-was-disabled', 'user-was-enabled', 'password-was-reset']);

/** The second typing of a new password must match the first; a form-only check (API clients send it once). */
function confirmationErrors(values: Record<string, string>): FieldErrors | undefined {
  return values.password === values.passwordConfirmation ? undefined : { passwordConfirmation: 'password-confirmation-mismatch' };
}

/** 用户管理 (停用、启用、重置密码) for user.manage, and 修改我的密码 for everyone signed in. */
export function userAdminPages(app: FastifyInstance, deps: Deps): void {
  const { identity } = deps;

  async function renderUser(request: FastifyRequest, reply: FastifyReply, actor: Actor, username: string, state: Partial<Pick<UserDetailView, 'passwordForm' | 'notice'>>, status = 200) {
    const wanted = normaliseUsername(username);
    const user = (await identity.listUsers(actor)).find((u) => u.username === wanted);
    if (!user) throw new NotFound('user-not-found');
    const page = UserDetailPage({ site: await deps.site(), actor, csrfToken: request.csrfToken, user, passwordForm: state.passwordForm ?? EMPTY_FORM, notice: state.notice });
    return sendHtml(reply, page, status);
  }

  app.get<UsernameParams>('/console/users/:username', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request, 'user.manage');
    const notice = (request.query as Record<string, unknown>).notice;
    return renderUser(request, reply, actor, request.params.username, { notice: typeof notice === 'string' && DETAIL_NOTICES.has(notice) ? { code: notice } : undefined });
  });

  for (const [path, notice] of [['disable', 'user-was-disabled'], ['enable', 'user-was-enabled']] as const) {
    app.post<UsernameParams>(`/console/users/:username/${path}`, { schema: { hide: true } }, async (request, reply) => {
      const actor = requireActor(request, 'user.manage');
      try {
        const user = await (path === 'disable' ? identity.disableUser(actor, request.params.username) : identity.enableUser(actor, request.params.username));
        return redirectWithNotice(reply, userPage(user.username), notice);
      } catch (error) {
        if (!(error instanceof Conflict)) throw error;
        return renderUser(request, reply, actor, request.params.username, { notice: { kind: 'error', code: error.code } }, error.status);
      }
    });
  }

  app.post<UsernameParams>('/console/users/:username/password', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request, 'user.manage');
    const values = formFields(request.body);
    const { username } = request.params;
    const mismatch = confirmationErrors(values);
    if (mismatch) return renderUser(request, reply, actor, username, { passwordForm: { values: {}, errors: mismatch } }, 400);
    try {
      await identity.setPassword(actor, { username, password: values.password ?? '' });
      return redirectWithNotice(reply, userPage(normaliseUsername(username)), 'password-was-reset');
    } catch (error) {
      return renderUser(request, reply, actor, username, { passwordForm: { values: {}, errors: fieldErrorsOf(error) } }, statusOf(error));
    }
  });

  app.get(OWN_PASSWORD_PAGE, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    return sendHtml(reply, OwnPasswordPage({ site: await deps.site(), actor, csrfToken: request.csrfToken, form: EMPTY_FORM }));
  });

  app.post(OWN_PASSWORD_PAGE, { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const values = formFields(request.body);
    const refuse = async (errors: FieldErrors, status: number) => sendHtml(reply, OwnPasswordPage({ site: await deps.site(), actor, csrfToken: request.csrfToken, form: { values: {}, errors } }), status);
    const mismatch = confirmationErrors(values);
    if (mismatch) return refuse(mismatch, 400);
    try {
      await identity.setPassword(actor, { username: actor.username, password: values.password ?? '', currentPassword: values.currentPassword, keepSessionId: request.sessionId });
      return redirectWithNotice(reply, '/console/users', 'password-was-changed');
    } catch (error) {
      return refuse(fieldErrorsOf(error), statusOf(error));
    }
  });
}
