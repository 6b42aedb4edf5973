import type { Actor } from '../../../kernel/actor.ts';
import { CsrfField, ErrorSummary, Field, Select, TextInput } from '../../../web/components.tsx';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { ConsoleLayout, type SiteInfo } from '../../../web/layout.tsx';
import { message } from '../../../web/messages.ts';
import type { Organ, Unit } from '../domain/organ.ts';
import type { FormState } from './form-state.ts';
import { ORGAN_FIELD_CHARS, UNIT_NAME_CHARS } from './organisation-api.ts';

export interface OrganisationView {
  site: SiteInfo;
  actor: Actor;
  csrfToken: string;
  organs: { organ: Organ; units: Unit[] }[];
  /** Present when the actor may add organs and units. */
  manage: { organForm: FormState; unitForm: FormState } | undefined;
  notice?: string | undefined;
}

export const ORGANISATION_PAGE = '/console/organisation';

/** 机关与科室: the organs (with the codes 索引号 and the 政府网站 meta tags use) and their units. */
export function OrganisationPage(v: OrganisationView): Html {
  const notice = v.notice ? { text: message(v.notice) } : undefined;
  return (
    <ConsoleLayout site={v.site} title="机关与科室" actor={v.actor} csrfToken={v.csrfToken} current={ORGANISATION_PAGE} notice={notice}>
      <OrganTable organs={v.organs.map((o) => o.organ)} />
      {v.manage && <CreateOrganForm form={v.manage.organForm} csrfToken={v.csrfToken} />}
      <UnitLists organs={v.organs} />
      {v.manage && <CreateUnitForm form={v.manage.unitForm} organs={v.organs.map((o) => o.organ)} csrfToken={v.csrfToken} />}
    </ConsoleLayout>
  );
}

function OrganTable({ organs }: { organs: Organ[] }): Html {
  return (
    <section aria-labelledby="organs-heading">
      <h2 id="organs-heading">机关</h2>
      {organs.length === 0 ? (
        <p>尚未设置机关。第一个添加的机关将成为本机关（主机关）。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">简称</th>
              <th scope="col">机构代码</th>
              <th scope="col">统一社会信用代码</th>
              <th scope="col">主机关</th>
              <th scope="col">网站标识码</th>
              <th scope="col">地址</th>
              <th scope="col">电话</th>
            </tr>
          </thead>
          <tbody>
            {organs.map((o) => (
              <tr>
                <td>{o.name}</td>
                <td>{o.shortName}</td>
                <td>{o.code}</td>
                <td>{o.creditCode ?? '—'}</td>
                <td>{o.isMain ? '是' : '否'}</td>
                <td>{o.siteIdCode ?? '—'}</td>
                <td>{o.address ?? '—'}</td>
                <td>{o.phone ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CreateOrganForm({ form, csrfToken }: { form: FormState; csrfToken: string }): Html {
  const { values, errors } = form;
  const text = (name: keyof typeof ORGAN_FIELD_CHARS, required = false) => (
    <TextInput name={name} value={values[name]} errors={errors} maxlength={ORGAN_FIELD_CHARS[name]} required={required} />
  );
  return (
    <section aria-labelledby="create-organ-heading">
      <h2 id="create-organ-heading">新增机关</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${ORGANISATION_PAGE}/organs`}>
        <CsrfField token={csrfToken} />
        <Field name="name" label="名称" errors={errors} required>
          {text('name', true)}
        </Field>
        <Field name="shortName" label="简称" errors={errors} hint="不填时与名称相同">
          {text('shortName')}
        </Field>
        <Field name="creditCode" label="统一社会信用代码" errors={errors} hint="18位，末位为校验码（GB 32100-2015）">
          {text('creditCode')}
        </Field>
        <Field name="code" label="机构代码" errors={errors} hint="用于生成索引号。填写统一社会信用代码或9位组织机构代码（如 XXXXXXXX-X）；不填时使用统一社会信用代码。添加后不能修改。">
          {text('code')}
        </Field>
        <Field name="siteIdCode" label="网站标识码" errors={errors} hint="10位数字（国办发〔2017〕47号），没有可不填">
          {text('siteIdCode')}
        </Field>
        <Field name="address" label="地址" errors={errors}>
          {text('address')}
        </Field>
        <Field name="phone" label="电话" errors={errors}>
          {text('phone')}
        </Field>
        <button type="submit">添加机关</button>
      </form>
    </section>
  );
}

function UnitLists({ organs }: { organs: { organ: Organ; units: Unit[] }[] }): Html {
  return (
    <section aria-labelledby="units-heading">
      <h2 id="units-heading">科室</h2>
      {organs.map(({ organ, units }) => (
        <>
          <h3>{organ.name}</h3>
          {units.length === 0 ? (
            <p>尚无科室。</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">科室名称</th>
                  <th scope="col">排序号</th>
                </tr>
              </thead>
              <tbody>
                {units.map((u) => (
                  <tr>
                    <td>{u.name}</td>
                    <td>{u.sortOrder}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ))}
    </section>
  );
}

/** The unit's name field is `unitName`: the organ form on the same page already has a `name`. */
function CreateUnitForm({ form, organs, csrfToken }: { form: FormState; organs: Organ[]; csrfToken: string }): Html {
  const { values, errors } = form;
  return (
    <section aria-labelledby="create-unit-heading">
      <h2 id="create-unit-heading">新增科室</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${ORGANISATION_PAGE}/units`}>
        <CsrfField token={csrfToken} />
        <Field name="organCode" label="所属机关" errors={errors} required>
          <Select name="organCode" value={values.organCode} errors={errors} options={organs.map((o) => ({ value: o.code, label: o.name }))} />
        </Field>
        <Field name="unitName" label="科室名称" errors={errors} hint="同一机关内不能重名" required>
          <TextInput name="unitName" value={values.unitName} errors={errors} maxlength={UNIT_NAME_CHARS} required />
        </Field>
        <Field name="sortOrder" label="排序号" errors={errors} hint="0至9999，小的排在前面；不填为0">
          <TextInput name="sortOrder" type="number" value={values.sortOrder} errors={errors} />
        </Field>
        <button type="submit">添加科室</button>
      </form>
    </section>
  );
}
