/** The applicant's pages (条例 Art. 29, 31, 33): the online form, the receipt, and the status check. No JavaScript. */
import { formatChineseDate } from '../../../kernel/local-date.ts';
import { CsrfField, ErrorSummary, Field, Select, TextInput } from '../../../web/components.tsx';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { APPLICANT_KIND_LABELS, APPLICANT_KINDS, ID_TYPE_LABELS, ID_TYPES } from '../domain/applicant.ts';
import { DELIVERY_METHODS, PROVISION_FORMS, PROVISION_LABELS } from '../domain/intake.ts';
import { OUTCOMES } from '../domain/outcomes.ts';
import { REQUEST_STATE_LABELS, REQUEST_TRANSITIONS } from '../domain/request-workflow.ts';
import type { FoiRequestView } from '../request-view.ts';

const options = <T extends string>(list: readonly T[], labels: Readonly<Record<T, string>>) => list.map((v) => ({ value: v, label: labels[v] }));

type Values = Record<string, string>;
type Errors = Record<string, string> | undefined;

function Text(p: { name: string; label: string; values: Values; errors: Errors; required?: boolean; hint?: string; type?: string; autocomplete?: string }): Html {
  return (
    <Field name={p.name} label={p.label} errors={p.errors} required={p.required} hint={p.hint}>
      <TextInput name={p.name} value={p.values[p.name]} errors={p.errors} type={p.type} autocomplete={p.autocomplete} maxlength={200} />
    </Field>
  );
}

/** 条例 Art. 29: who applies, what is wanted, in which form and how it is delivered. */
export function ApplicationForm({ csrf, values, errors }: { csrf: string; values: Values; errors?: Errors }): Html {
  const v = values;
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" action="/ysqgk/apply" novalidate>
        <CsrfField token={csrf} />
        <fieldset>
          <legend>申请人信息</legend>
          <Field name="applicant.kind" label="申请人类型" errors={errors} required>
            <Select name="applicant.kind" value={v['applicant.kind'] ?? 'natural-person'} options={options(APPLICANT_KINDS, APPLICANT_KIND_LABELS)} errors={errors} />
          </Field>
          <Text name="applicant.name" label="姓名或者名称" values={v} errors={errors} required autocomplete="name" />
          <Text name="applicant.phone" label="联系电话" values={v} errors={errors} required type="tel" autocomplete="tel" hint="手机号码后四位将用于查询办理进度。" />
          <Text name="applicant.email" label="电子邮箱" values={v} errors={errors} type="email" autocomplete="email" />
          <Text name="applicant.address" label="通信地址" values={v} errors={errors} autocomplete="street-address" hint="自然人必填；选择邮寄的必填。" />
        </fieldset>
        <fieldset>
          <legend>自然人填写：身份证明</legend>
          <Field name="applicant.idType" label="证件类型" errors={errors}>
            <Select name="applicant.idType" value={v['applicant.idType'] ?? 'resident-id'} options={options(ID_TYPES, ID_TYPE_LABELS)} errors={errors} />
          </Field>
          <Text name="applicant.idNumber" label="证件号码" values={v} errors={errors} hint="加密保存，页面和导出中只显示部分号码。" />
        </fieldset>
        <fieldset>
          <legend>法人或者其他组织填写</legend>
          <Text name="applicant.creditCode" label="统一社会信用代码" values={v} errors={errors} />
          <Text name="applicant.legalRepresentative" label="法定代表人或者负责人" values={v} errors={errors} />
          <Text name="applicant.contactName" label="联系人" values={v} errors={errors} />
        </fieldset>
        <fieldset>
          <legend>所需政府信息</legend>
          <Text name="informationName" label="信息名称" values={v} errors={errors} />
          <Text name="documentNumber" label="文号" values={v} errors={errors} />
          <Field name="description" label="所需信息的内容描述" errors={errors} required hint="请写明名称、文号或者便于查询的其他特征性描述（条例第二十九条）。">
            <textarea id="description" name="description" rows={5} maxlength={2000} aria-invalid={errors?.description ? 'true' : undefined} aria-describedby={errors?.description ? 'description-error' : undefined}>
              {v.description ?? ''}
            </textarea>
          </Field>
        </fieldset>
        <fieldset>
          <legend>提供形式和获取方式</legend>
          <Field name="provisionForm" label="提供政府信息的形式" errors={errors} required>
            <Select name="provisionForm" value={v.provisionForm} options={options(PROVISION_FORMS, PROVISION_LABELS)} errors={errors} empty="请选择" />
          </Field>
          <Field name="deliveryMethod" label="获取信息的方式" errors={errors} required>
            <Select name="deliveryMethod" value={v.deliveryMethod} options={options(DELIVERY_METHODS, PROVISION_LABELS)} errors={errors} empty="请选择" />
          </Field>
        </fieldset>
        <p>
          <button type="submit">提交申请</button>
        </p>
      </form>
    </>
  );
}

/** The guide above the form: what to give and how the 20 working days run (条例 Art. 29–33). */
export function ApplyGuide(): Html {
  return (
    <section aria-labelledby="apply-guide">
      <h2 id="apply-guide">申请须知</h2>
      <ul>
        <li>申请前，建议先在<a href="/xxgk/list">法定主动公开内容</a>中查找；已经主动公开的信息可以直接获取。</li>
        <li>请如实填写姓名或者名称、身份证明、联系方式，以及所需信息的名称、文号或者特征性描述，和提供形式、获取方式（条例第二十九条）。</li>
        <li>网上提交后，本页即向您确认收到申请，确认之日为收到申请之日（条例第三十一条）。本机关自收到申请之日起20个工作日内答复；需要延长的，经政府信息公开工作机构负责人同意并告知您，延长不超过20个工作日（条例第三十三条）。</li>
        <li>申请内容不明确的，本机关将在7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（条例第三十条）。</li>
        <li>以政府信息公开申请的形式进行信访、投诉、举报的，将告知通过相应渠道提出（条例第三十九条）。</li>
      </ul>
    </section>
  );
}

function DueLine({ view }: { view: FoiRequestView }): Html {
  const d = view.deadline;
  if (!d.dueOn) return <>{view.state === 'awaiting-correction' ? '答复期限自收到补正的申请之日起重新计算' : '—'}</>;
  return (
    <>
      {formatChineseDate(d.dueOn)}
      {d.isProvisional && '（暂定：期间涉及尚未公布放假安排的年份）'}
    </>
  );
}

/** Shown after submission: the tracking code, the receipt date and the due date (the Art. 31 confirmation). */
export function Receipt({ view }: { view: FoiRequestView }): Html {
  const r = view.request;
  return (
    <>
      <p class="notice ok" role="status">
        您的申请已经提交，本机关已于{formatChineseDate(r.receivedOn)}确认收到。
      </p>
      <dl class="kv">
        <dt>受理编号</dt>
        <dd>
          <strong>{r.trackingCode}</strong>
        </dd>
        <dt>申请人</dt>
        <dd>{r.applicantName}</dd>
        {r.idNumberMasked && <dt>证件号码</dt>}
        {r.idNumberMasked && <dd>{r.idNumberMasked}</dd>}
        <dt>所需信息</dt>
        <dd>{r.description}</dd>
        <dt>收到申请之日</dt>
        <dd>{formatChineseDate(r.receivedOn)}</dd>
        <dt>答复期限</dt>
        <dd>
          <DueLine view={view} />
        </dd>
      </dl>
      <p>请记下受理编号。您可以凭受理编号和联系电话后四位<a href="/ysqgk/status">查询办理进度</a>。</p>
    </>
  );
}

export function StatusForm({ csrf, code, error }: { csrf: string; code?: string; error?: string }): Html {
  const errors = error ? { trackingCode: error } : undefined;
  return (
    <form method="post" action="/ysqgk/status">
      <CsrfField token={csrf} />
      <Field name="trackingCode" label="受理编号" errors={errors} required hint="例如 YSQ-2026-000001">
        <TextInput name="trackingCode" value={code} errors={errors} maxlength={40} />
      </Field>
      <Field name="phoneLast4" label="联系电话后四位" required>
        <input type="text" id="phoneLast4" name="phoneLast4" inputmode="numeric" maxlength={4} autocomplete="off" />
      </Field>
      <p>
        <button type="submit">查询</button>
      </p>
    </form>
  );
}

/** The applicant's view: state, due date and the steps, without any staff-only detail. */
export function StatusResult({ view }: { view: FoiRequestView }): Html {
  const r = view.request;
  return (
    <section aria-labelledby="status-result">
      <h2 id="status-result">办理进度</h2>
      <dl class="kv">
        <dt>受理编号</dt>
        <dd>{r.trackingCode}</dd>
        <dt>申请人</dt>
        <dd>{r.applicantName}</dd>
        {r.idNumberMasked && <dt>证件号码</dt>}
        {r.idNumberMasked && <dd>{r.idNumberMasked}</dd>}
        <dt>所需信息</dt>
        <dd>{r.description}</dd>
        <dt>收到申请之日</dt>
        <dd>{formatChineseDate(r.receivedOn)}</dd>
        <dt>办理状态</dt>
        <dd>{REQUEST_STATE_LABELS[view.state]}</dd>
        {view.outcome && <dt>答复结果</dt>}
        {view.outcome && <dd>{OUTCOMES[view.outcome].label}</dd>}
        <dt>答复期限</dt>
        <dd>
          <DueLine view={view} />
        </dd>
      </dl>
      <h3>办理过程</h3>
      <ol class="timeline">
        <li>{formatChineseDate(r.receivedOn)} 收到申请</li>
        {view.events.map((e) => (
          <li>
            {formatChineseDate(e.event.on)} {REQUEST_TRANSITIONS[e.event.type].label}
          </li>
        ))}
      </ol>
    </section>
  );
}
