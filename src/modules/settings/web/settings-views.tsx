import type { Actor } from '../../../kernel/actor.ts';
import type { FieldErrors } from '../../../kernel/errors.ts';
import { CsrfField, ErrorSummary, Field, TextInput } from '../../../web/components.tsx';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { ConsoleLayout, type SiteInfo } from '../../../web/layout.tsx';
import { message } from '../../../web/messages.ts';
import type { DisclosureOfficeContacts, Settings } from '../settings-service.ts';
import { FOI_DUE_SOON_WORKING_DAYS, OFFICE_FIELD_CHARS, PUBLICATION_LIMIT_WORKING_DAYS, SETTINGS_FIELD_CHARS } from './settings-changes.ts';

export const SETTINGS_PAGE = '/console/settings';

export interface SettingsView {
  site: SiteInfo;
  actor: Actor;
  csrfToken: string;
  /** Form values as submitted, or the stored settings. */
  values: Record<string, string>;
  errors: FieldErrors;
  /** What the stored pattern makes of the main organ's serial 1 this year, when there is a main organ. */
  example: string | undefined;
  /** The main organ's own 网站标识码, which the meta tags use in preference to this setting. */
  organSiteIdCode: string | null;
  notice?: string | undefined;
}

/** The 工作机构 contact fields in form order: name, label, hint, input type. */
export const OFFICE_FIELDS: readonly [keyof DisclosureOfficeContacts, string, string, string][] = [
  ['name', '工作机构名称', '如 某县科学技术局办公室', 'text'],
  ['address', '办公地址', '不填则用机关登记的地址', 'text'],
  ['officeHours', '办公时间', '如 工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）', 'text'],
  ['phone', '联系电话', '不填则用机关登记的电话', 'tel'],
  ['fax', '传真号码', '', 'tel'],
  ['email', '电子邮箱', '', 'email'],
  ['website', '互联网联系方式', '网址，以 http:// 或 https:// 开头', 'url'],
];

/** The stored settings as the form shows them (contact fields named `disclosureOffice.<field>`). */
export function settingsFormValues(s: Settings): Record<string, string> {
  const { disclosureOffice, ...rest } = s;
  return { ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])), ...Object.fromEntries(Object.entries(disclosureOffice).map(([k, v]) => [`disclosureOffice.${k}`, v])) };
}

/** 系统设置: site identity, the 索引号 pattern, the default 公开时限, the 依申请公开 warning and the 工作机构 the guide names. */
export function SettingsPage(v: SettingsView): Html {
  const { values, errors } = v;
  const text = (name: keyof typeof SETTINGS_FIELD_CHARS) => <TextInput name={name} value={values[name]} errors={errors} maxlength={SETTINGS_FIELD_CHARS[name]} required />;
  const siteIdHint = v.organSiteIdCode
    ? `10位数字（国办发〔2017〕47号）。本机关在“机关与科室”中登记的网站标识码为 ${v.organSiteIdCode}，页面的 SiteIDCode 标签以机关登记的为准。`
    : '10位数字（国办发〔2017〕47号），显示在页面底部和 SiteIDCode 标签中。';
  return (
    <ConsoleLayout site={v.site} title="系统设置" actor={v.actor} csrfToken={v.csrfToken} current={SETTINGS_PAGE} notice={v.notice ? { text: message(v.notice) } : undefined}>
      <ErrorSummary errors={errors} />
      <form method="post" action={SETTINGS_PAGE} novalidate>
        <CsrfField token={v.csrfToken} />
        <h2>网站标识</h2>
        <Field name="siteName" label="网站名称" errors={errors} hint="显示在门户页面标题和 SiteName 标签中" required>
          {text('siteName')}
        </Field>
        <Field name="siteDomain" label="网站域名" errors={errors} hint="只填写域名，如 kjj.example.gov.cn，不含 http:// 和路径" required>
          {text('siteDomain')}
        </Field>
        <Field name="siteIdCode" label="网站标识码" errors={errors} hint={siteIdHint} required>
          {text('siteIdCode')}
        </Field>
        <h2>索引号</h2>
        <IndexPatternHelp example={v.example} />
        <Field name="indexNumberPattern" label="索引号编制规则" errors={errors} hint="默认规则：{机构代码}/{YYYY}-{serial:5}" required>
          {text('indexNumberPattern')}
        </Field>
        <h2>公开时限</h2>
        <Field
          name="defaultPublicationLimitWorkingDays"
          label="默认公开时限（工作日）"
          errors={errors}
          hint={`主动公开的信息自形成或变更之日起应在此期限内公开（《政府信息公开条例》第二十六条：20个工作日，法律、法规另有规定的从其规定）；主动公开基本目录事项另有时限的，按事项的时限。可填 ${PUBLICATION_LIMIT_WORKING_DAYS.min} 至 ${PUBLICATION_LIMIT_WORKING_DAYS.max}。`}
          required
        >
          <TextInput name="defaultPublicationLimitWorkingDays" type="number" value={values.defaultPublicationLimitWorkingDays} errors={errors} required />
        </Field>
        <h2>依申请公开</h2>
        <Field
          name="foiDueSoonWorkingDays"
          label="“即将到期”提醒（剩余工作日）"
          errors={errors}
          hint={`答复期限剩余不超过此数的工作日时，申请列入“即将到期”并提醒办公室（《政府信息公开条例》第三十三条：20个工作日内答复）。可填 ${FOI_DUE_SOON_WORKING_DAYS.min} 至 ${FOI_DUE_SOON_WORKING_DAYS.max}，默认 5。`}
          required
        >
          <TextInput name="foiDueSoonWorkingDays" type="number" value={values.foiDueSoonWorkingDays} errors={errors} required />
        </Field>
        <h2>政府信息公开工作机构</h2>
        <p class="hint">显示在门户“信息公开指南”中（《政府信息公开条例》第十二条：工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式）。均可不填，不填的项目不显示。</p>
        {OFFICE_FIELDS.map(([name, label, hint, type]) => (
          <Field name={`disclosureOffice.${name}`} label={label} errors={errors} hint={hint || undefined}>
            <TextInput name={`disclosureOffice.${name}`} type={type} value={values[`disclosureOffice.${name}`]} errors={errors} maxlength={OFFICE_FIELD_CHARS[name]} />
          </Field>
        ))}
        <button type="submit">保存设置</button>
      </form>
    </ConsoleLayout>
  );
}

function IndexPatternHelp({ example }: { example: string | undefined }): Html {
  return (
    <div class="hint">
      <p>索引号由文字和下列占位符组成，其他文字（如“/”“-”）原样保留：</p>
      <ul>
        <li>{'{机构代码}'}：发布机关的机构代码（统一社会信用代码或组织机构代码）。不含此项时，所有机关共用一个流水号序列。</li>
        <li>{'{YYYY}'}：成文日期的年份，如 2026；流水号每年从 1 开始。</li>
        <li>{'{YYYYMM}'}：成文日期的年月，如 202611；流水号每月从 1 开始（目前暂不可用，见下）。</li>
        <li>{'{serial:N}'}：N 位流水号（N 为 1 至 9），不足 N 位时前面补 0，如 {'{serial:5}'} 生成 00001。</li>
      </ul>
      <p>规则必须包含且只能包含一个 {'{serial:N}'}，并且必须包含 {'{YYYY}'} 或 {'{YYYYMM}'}。</p>
      <p>
        目前的限制：政府信息目录要求同一机关同一年度的流水号不重复，因此暂不能改为按月编号（{'{YYYYMM}'}），也不能增加或去掉 {'{机构代码}'}。可以修改分隔符、其他文字和流水号位数；修改后，流水号接着本年度已编的号继续编排。
      </p>
      <p>
        <strong>已经生成的索引号永远不会改变</strong>
        ：修改规则只影响此后新编号的信息（新建的信息，以及尚未发布过、成文日期改到另一年份的草稿）。已公开信息的索引号是公众引用的依据，不随规则变化。
      </p>
      {example && <p>按当前保存的规则，本机关的索引号形如：{example}</p>}
    </div>
  );
}
