/** The office's 告知书 templates, one per outcome (issue 4: "a per-outcome template that the office can edit"). */
import { CsrfField } from '../../../web/components.tsx';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { message } from '../../../web/messages.ts';
import { OUTCOMES } from '../domain/outcomes.ts';
import { REMEDIES_TEXT } from '../notice-document.tsx';
import type { TemplateView } from '../notice-service.ts';
import { NOTICE_PLACEHOLDERS } from '../notice-templates.ts';

export function TemplatePage({ templates, csrf, canEdit, errors }: { templates: TemplateView[]; csrf: string; canEdit: boolean; errors?: { outcome: string; fields: Record<string, string> } }): Html {
  return (
    <>
      <p>每份告知书自动写明收到申请的日期和受理编号、答复期限、法律依据，并在末尾告知救济途径：</p>
      <blockquote>{REMEDIES_TEXT}</blockquote>
      <h2>可用的占位符</h2>
      <dl class="kv">
        {Object.entries(NOTICE_PLACEHOLDERS).map(([name, meaning]) => (
          <>
            <dt>{`{${name}}`}</dt>
            <dd>{meaning}</dd>
          </>
        ))}
      </dl>
      {templates.map((t) => {
        const err = errors?.outcome === t.outcome ? errors.fields : undefined;
        const id = `tpl-${t.outcome}`;
        return (
          <section aria-labelledby={`${id}-h`}>
            <h2 id={`${id}-h`}>
              {OUTCOMES[t.outcome].label}
              <span class="muted">（{t.isDefault ? '系统默认' : `第${t.version}版，${t.updatedBy} 修改`}）</span>
            </h2>
            {canEdit ? (
              <form method="post" action={`/console/foi/templates/${t.outcome}`}>
                <CsrfField token={csrf} />
                <input type="hidden" name="version" value={String(t.version)} />
                <div class={err?.title ? 'field has-error' : 'field'}>
                  <label for={`${id}-title`}>标题</label>
                  <input id={`${id}-title`} type="text" name="title" value={t.title} maxlength={100} required />
                  {err?.title && <p class="field-error" role="alert">{message(err.title)}</p>}
                </div>
                <div class={err?.body ? 'field has-error' : 'field'}>
                  <label for={`${id}-body`}>正文（每行一段）</label>
                  <textarea id={`${id}-body`} name="body" rows={5} maxlength={5000} required>
                    {t.body}
                  </textarea>
                  {err?.body && <p class="field-error" role="alert">{message(err.body)}</p>}
                </div>
                <button type="submit">保存</button>
              </form>
            ) : (
              <p>{t.body}</p>
            )}
          </section>
        );
      })}
    </>
  );
}
