import { ROLE_LABELS, ROLES, type Actor } from '../../../kernel/actor.ts';
import type { FieldErrors } from '../../../kernel/errors.ts';
import { CsrfField, ErrorSummary, Field, Select, TextInput } from '../../../web/components.tsx';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { ConsoleLayout, PlainLayout, type SiteInfo } from '../../../web/layout.tsx';
import { message } from '../../../web/messages.ts';
import type { ApiToken } from '../domain/api-token.ts';
import type { Organ, Unit } from '../domain/organ.ts';
import type { UserListing } from '../sql/identity-repository.ts';
import type { FormState } from './form-state.ts';
import { OWN_PASSWORD_PAGE, userPage } from './user-admin-views.tsx';

/** An instant as Beijing time, `YYYY-MM-DD HH:mm`. */
function chinaTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export interface LoginView {
  site: SiteInfo;
  csrfToken: string;
  next: string;
  username?: string;
  /** A refusal code (`invalid-credentials`, `too-many-login-attempts`) or a notice. */
  error?: string | undefined;
  notice?: string | undefined;
  errors?: FieldErrors | undefined;
}

export function LoginPage(v: LoginView): Html {
  return (
    <PlainLayout title="登录政务公开管理后台">
      <p>{v.site.organName}</p>
      {v.notice && <p class="notice ok" role="status">{message(v.notice)}</p>}
      {v.error && <p class="notice error" role="alert">{message(v.error)}</p>}
      <ErrorSummary errors={v.errors} />
      <form method="post" action="/login">
        <CsrfField token={v.csrfToken} />
        <input type="hidden" name="next" value={v.next} />
        <Field name="username" label="用户名" errors={v.errors} required>
          <TextInput name="username" value={v.username} errors={v.errors} autocomplete="username" maxlength={64} required />
        </Field>
        <Field name="password" label="密码" errors={v.errors} required>
          <TextInput name="password" type="password" errors={v.errors} autocomplete="current-password" maxlength={200} required />
        </Field>
        <button type="submit">登录</button>
      </form>
    </PlainLayout>
  );
}

/** What the user-creation form shows again after a refusal. */
export type UserFormState = FormState;

export interface UsersView {
  site: SiteInfo;
  actor: Actor;
  csrfToken: string;
  /** Present when the actor may read the user list. */
  users: UserListing[] | undefined;
  /** Present when the actor may create users. */
  create: { organs: Organ[]; units: Unit[]; form: UserFormState } | undefined;
  tokens: ApiToken[];
  tokenForm: UserFormState;
  notice?: string | undefined;
}

export function UsersPage(v: UsersView): Html {
  const notice = v.notice ? { text: message(v.notice) } : undefined;
  return (
    <ConsoleLayout site={v.site} title="用户与令牌" actor={v.actor} csrfToken={v.csrfToken} current="/console/users" notice={notice}>
      <p>
        <a href={OWN_PASSWORD_PAGE}>修改我的密码</a>
      </p>
      {v.users && <UserTable users={v.users} canManage={v.create !== undefined} />}
      {v.create && <CreateUserForm {...v.create} csrfToken={v.csrfToken} />}
      <TokenSection tokens={v.tokens} form={v.tokenForm} csrfToken={v.csrfToken} />
    </ConsoleLayout>
  );
}

function UserTable({ users, canManage }: { users: UserListing[]; canManage: boolean }): Html {
  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">用户</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">用户名</th>
            <th scope="col">姓名</th>
            <th scope="col">角色</th>
            <th scope="col">机关</th>
            <th scope="col">科室</th>
            <th scope="col">状态</th>
            {canManage && <th scope="col">操作</th>}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{ROLE_LABELS[u.role]}</td>
              <td>{u.organName}</td>
              <td>{u.unitName ?? '—'}</td>
              <td>{u.isDisabled ? '已停用' : '正常'}</td>
              {canManage && (
                <td>
                  <a href={userPage(u.username)}>管理 {u.username}</a>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CreateUserForm(props: { organs: Organ[]; units: Unit[]; form: UserFormState; csrfToken: string }): Html {
  const { values, errors } = props.form;
  return (
    <section aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">新建用户</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/console/users">
        <CsrfField token={props.csrfToken} />
        <Field name="username" label="用户名" errors={errors} hint="3至32位小写字母、数字或“._-”" required>
          <TextInput name="username" value={values.username} errors={errors} maxlength={32} autocomplete="off" required />
        </Field>
        <Field name="displayName" label="姓名" errors={errors} required>
          <TextInput name="displayName" value={values.displayName} errors={errors} maxlength={50} required />
        </Field>
        <Field name="role" label="角色" errors={errors} required>
          <Select name="role" value={values.role} errors={errors} empty="请选择" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Field>
        <Field name="organCode" label="所属机关" errors={errors}>
          <Select name="organCode" value={values.organCode} errors={errors} options={props.organs.map((o) => ({ value: o.code, label: o.name }))} />
        </Field>
        <Field name="unitName" label="科室" errors={errors}>
          <Select name="unitName" value={values.unitName} errors={errors} empty="（不属于科室）" options={props.units.map((u) => ({ value: u.name, label: u.name }))} />
        </Field>
        <Field name="password" label="初始密码" errors={errors} hint="至少10个字符，不能全为数字，不能与用户名相同" required>
          <TextInput name="password" type="password" errors={errors} autocomplete="new-password" maxlength={200} required />
        </Field>
        <button type="submit">创建用户</button>
      </form>
    </section>
  );
}

function TokenSection(props: { tokens: ApiToken[]; form: UserFormState; csrfToken: string }): Html {
  const { values, errors } = props.form;
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">我的 API 令牌</h2>
      <p class="hint">令牌用于调用 /api/v1 接口（请求头 Authorization: Bearer 令牌）。令牌只在创建时显示一次，请妥善保存；不再使用时请吊销。</p>
      {props.tokens.length === 0 ? (
        <p>尚未创建令牌。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">创建时间</th>
              <th scope="col">最近使用</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((t) => (
              <tr>
                <td>{t.name}</td>
                <td>{chinaTime(t.createdAt)}</td>
                <td>{chinaTime(t.lastUsedAt)}</td>
                <td>{t.revokedAt ? `已于 ${chinaTime(t.revokedAt)} 吊销` : '有效'}</td>
                <td>
                  {!t.revokedAt && (
                    <form method="post" action={`/console/tokens/${t.id}/revoke`}>
                      <CsrfField token={props.csrfToken} />
                      <button type="submit" class="secondary">吊销</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="post" action="/console/tokens">
        <CsrfField token={props.csrfToken} />
        <Field name="name" label="新令牌名称" errors={errors} hint="例如：年报数据导出脚本" required>
          <TextInput name="name" value={values.name} errors={errors} maxlength={50} required />
        </Field>
        <button type="submit">创建令牌</button>
      </form>
    </section>
  );
}

export function TokenCreatedPage(v: { site: SiteInfo; actor: Actor; csrfToken: string; name: string; secret: string }): Html {
  return (
    <ConsoleLayout site={v.site} title="令牌已创建" actor={v.actor} csrfToken={v.csrfToken} current="/console/users">
      <p class="notice warn" role="status">
        这是令牌“{v.name}”的唯一一次显示。系统只保存它的摘要，离开本页后无法再次查看，请立即复制保存。
      </p>
      <p>
        <label for="new-token">令牌</label>
        <input id="new-token" type="text" readonly value={v.secret} size={60} />
      </p>
      <p>
        <a href="/console/users">返回用户与令牌</a>
      </p>
    </ConsoleLayout>
  );
}
