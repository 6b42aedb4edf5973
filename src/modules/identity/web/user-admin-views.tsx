import { ROLE_LABELS, type Actor } from '../../../kernel/actor.ts';
import { CsrfField, ErrorSummary, Field, TextInput } from '../../../web/components.tsx';
import { formatInstant } from '../../../web/format.ts';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { ConsoleLayout, type SiteInfo } from '../../../web/layout.tsx';
import { message } from '../../../web/messages.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../domain/password-policy.ts';
import type { UserListing } from '../sql/identity-repository.ts';
import type { FormState } from './form-state.ts';

export const OWN_PASSWORD_PAGE = '/console/me/password';
const PASSWORD_HINT = `至少${MIN_PASSWORD_LENGTH}个字符，不能全为数字，不能与用户名相同`;

export const userPage = (username: string) => `/console/users/${encodeURIComponent(username)}`;

type Notice = { kind?: 'ok' | 'error'; code: string } | undefined;
const noticeOf = (n: Notice) => (n ? { kind: n.kind ?? 'ok', text: message(n.code) } : undefined);

export interface UserDetailView {
  site: SiteInfo;
  actor: Actor;
  csrfToken: string;
  user: UserListing;
  passwordForm: FormState;
  notice?: Notice;
}

/** One user, for the administrator: 停用 / 启用 and 重置密码. */
export function UserDetailPage(v: UserDetailView): Html {
  const { user } = v;
  const isSelf = user.id === v.actor.id;
  return (
    <ConsoleLayout site={v.site} title={`用户：${user.displayName}`} actor={v.actor} csrfToken={v.csrfToken} current="/console/users" notice={noticeOf(v.notice)}>
      <dl class="kv">
        <dt>用户名</dt>
        <dd>{user.username}</dd>
        <dt>角色</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt>机关</dt>
        <dd>{user.organName}</dd>
        <dt>科室</dt>
        <dd>{user.unitName ?? '—'}</dd>
        <dt>状态</dt>
        <dd>{user.isDisabled ? '已停用' : '正常'}</dd>
        <dt>创建时间</dt>
        <dd>{formatInstant(user.createdAt)}</dd>
      </dl>
      <StatusSection user={user} isSelf={isSelf} csrfToken={v.csrfToken} />
      {isSelf ? (
        <p>
          修改本人密码须验证当前密码，请使用<a href={OWN_PASSWORD_PAGE}>修改我的密码</a>。
        </p>
      ) : (
        <ResetPasswordForm action={`${userPage(user.username)}/password`} form={v.passwordForm} csrfToken={v.csrfToken} />
      )}
      <p>
        <a href="/console/users">返回用户与令牌</a>
      </p>
    </ConsoleLayout>
  );
}

function StatusSection({ user, isSelf, csrfToken }: { user: UserListing; isSelf: boolean; csrfToken: string }): Html {
  if (isSelf) return <p class="hint">不能停用自己的账号。</p>;
  const action = user.isDisabled ? 'enable' : 'disable';
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{user.isDisabled ? '重新启用' : '停用账号'}</h2>
      <p class="hint">
        {user.isDisabled ? '启用后该用户可以重新登录，未吊销的 API 令牌恢复生效。' : '停用后该用户不能登录，已登录的会话立即结束，API 令牌停止生效（不会被吊销）。'}
      </p>
      <form method="post" action={`${userPage(user.username)}/${action}`}>
        <CsrfField token={csrfToken} />
        <button type="submit" class={user.isDisabled ? undefined : 'secondary'}>
          {user.isDisabled ? '启用' : '停用'}
        </button>
      </form>
    </section>
  );
}

function ResetPasswordForm({ action, form, csrfToken }: { action: string; form: FormState; csrfToken: string }): Html {
  const { errors } = form;
  return (
    <section aria-labelledby="reset-heading">
      <h2 id="reset-heading">重置密码</h2>
      <p class="hint">重置后该用户的所有登录会话结束，须用新密码重新登录。</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={action}>
        <CsrfField token={csrfToken} />
        <NewPasswordFields form={form} />
        <button type="submit">重置密码</button>
      </form>
    </section>
  );
}

function NewPasswordFields({ form }: { form: FormState }): Html {
  const { errors } = form;
  return (
    <>
      <Field name="password" label="新密码" errors={errors} hint={PASSWORD_HINT} required>
        <TextInput name="password" type="password" errors={errors} autocomplete="new-password" maxlength={MAX_PASSWORD_LENGTH} required />
      </Field>
      <Field name="passwordConfirmation" label="再次输入新密码" errors={errors} required>
        <TextInput name="passwordConfirmation" type="password" errors={errors} autocomplete="new-password" maxlength={MAX_PASSWORD_LENGTH} required />
      </Field>
    </>
  );
}

/** 修改我的密码: any signed-in person, with their current password. */
export function OwnPasswordPage(v: { site: SiteInfo; actor: Actor; csrfToken: string; form: FormState }): Html {
  const { errors } = v.form;
  return (
    <ConsoleLayout site={v.site} title="修改我的密码" actor={v.actor} csrfToken={v.csrfToken} current="/console/users">
      <p class="hint">修改后，您在其他设备和浏览器上的登录会话将结束；本次会话保持登录。API 令牌不受影响。</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={OWN_PASSWORD_PAGE}>
        <CsrfField token={v.csrfToken} />
        <Field name="currentPassword" label="当前密码" errors={errors} required>
          <TextInput name="currentPassword" type="password" errors={errors} autocomplete="current-password" maxlength={MAX_PASSWORD_LENGTH} required />
        </Field>
        <NewPasswordFields form={v.form} />
        <button type="submit">修改密码</button>
      </form>
    </ConsoleLayout>
  );
}
