import type { FieldErrors } from '../kernel/errors.ts';
import type { Child, Html } from './jsx/jsx-runtime.ts';
import { message } from './messages.ts';

export function CsrfField({ token }: { token: string }): Html {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A labelled form field with its Chinese error beside it (issue #2: errors beside the field). */
export function Field(props: {
  name: string;
  label: string;
  errors?: FieldErrors | undefined;
  hint?: string;
  required?: boolean;
  children: Child;
}): Html {
  const code = props.errors?.[props.name];
  const errorId = `${props.name}-error`;
  return (
    <div class={code ? 'field has-error' : 'field'}>
      <label for={props.name}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {props.children}
      {props.hint && <p class="hint">{props.hint}</p>}
      {code && (
        <p class="field-error" id={errorId} role="alert">
          {message(code)}
        </p>
      )}
    </div>
  );
}

export function TextInput(props: { name: string; value?: string | null | undefined; type?: string; errors?: FieldErrors | undefined; required?: boolean; maxlength?: number; autocomplete?: string }): Html {
  const invalid = Boolean(props.errors?.[props.name]);
  return (
    <input
      type={props.type ?? 'text'}
      id={props.name}
      name={props.name}
      value={props.value ?? ''}
      required={props.required}
      maxlength={props.maxlength}
      autocomplete={props.autocomplete}
      aria-invalid={invalid ? 'true' : undefined}
      aria-describedby={invalid ? `${props.name}-error` : undefined}
    />
  );
}

export function Select(props: { name: string; value?: string | null | undefined; options: readonly { value: string; label: string }[]; errors?: FieldErrors | undefined; empty?: string; id?: string }): Html {
  const invalid = Boolean(props.errors?.[props.name]);
  return (
    <select id={props.id ?? props.name} name={props.name} aria-invalid={invalid ? 'true' : undefined} aria-describedby={invalid ? `${props.name}-error` : undefined}>
      {props.empty !== undefined && <option value="">{props.empty}</option>}
      {props.options.map((o) => (
        <option value={o.value} selected={o.value === props.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function ErrorSummary({ errors }: { errors?: FieldErrors | undefined }): Html | null {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="notice error" role="alert">
      <p>提交的内容有误，请按下列提示修改：</p>
      <ul>
        {Object.entries(errors).map(([field, code]) => (
          <li>
            <a href={`#${field}`}>{message(code)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Pager(props: { page: number; pageSize: number; total: number; href: (page: number) => string }): Html | null {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label="分页">
      {props.page > 1 && <a href={props.href(props.page - 1)} rel="prev">上一页</a>}
      <span>
        第 {props.page} / {pages} 页，共 {props.total} 条
      </span>
      {props.page < pages && <a href={props.href(props.page + 1)} rel="next">下一页</a>}
    </nav>
  );
}

/** A one-button form posting to `action` (workflow events). */
export function ActionButton(props: { action: string; csrfToken: string; label: string; className?: string; fields?: Record<string, string> }): Html {
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {Object.entries(props.fields ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class={props.className}>
        {props.label}
      </button>
    </form>
  );
}
