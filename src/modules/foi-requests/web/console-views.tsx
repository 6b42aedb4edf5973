/** Console list and registration pages of 依申请公开. */
import { CsrfField, ErrorSummary, Field, Select, TextInput } from '../../../web/components.tsx';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { APPLICANT_KIND_LABELS, APPLICANT_KINDS, ID_TYPE_LABELS, ID_TYPES } from '../domain/applicant.ts';
import { DELIVERY_METHODS, PROVISION_FORMS, PROVISION_LABELS } from '../domain/intake.ts';
import { OUTCOMES } from '../domain/outcomes.ts';
import type { DeadlineStatus } from '../domain/reply-deadline.ts';
import { CHANNEL_LABELS, CHANNELS } from '../domain/request-events.ts';
import { REQUEST_STATE_LABELS, REQUEST_STATES } from '../domain/request-workflow.ts';
import type { FoiRequestView } from '../request-view.ts';

export const options = <T extends string>(list: readonly T[], labels: Readonly<Record<T, string>>) => list.map((v) => ({ value: v, label: labels[v] }));

export const DEADLINE_LABELS: Readonly<Record<DeadlineStatus, string>> = {
  running: '办理中',
  'due-soon': '即将到期',
  overdue: '已超期',
  paused: '暂停计算',
  'awaiting-correction': '等待补正',
  'replied-on-time': '按期答复',
  'replied-late': '逾期答复',
  closed: '已办结',
};

/** The deadline badge: red when overdue, amber when due soon. */
export function DeadlineBadge({ view }: { view: FoiRequestView }): Html {
  const status = view.deadline.status;
  const kind = status === 'overdue' || status === 'replied-late' ? 'badge error' : status === 'due-soon' ? 'badge warn' : 'badge';
  return <span class={kind}>{DEADLINE_LABELS[status]}</span>;
}

export interface ListQuery {
  q?: string | undefined;
  status?: string | undefined;
  due?: string | undefined;
  channel?: string | undefined;
}

export function RequestList({ views, query, counts, canRegister, dueSoonDays }: { views: FoiRequestView[]; query: ListQuery; counts: { soon: number; overdue: number; reminders: number }; canRegister: boolean; dueSoonDays: number }): Html {
  return (
    <>
      {(counts.overdue > 0 || counts.soon > 0 || counts.reminders > 0) && (
        <p class={counts.overdue > 0 ? 'notice error' : 'notice warn'} role="status">
          {[
            counts.overdue > 0 && <a href="/console/foi?due=overdue">已超期 {counts.overdue} 件</a>,
            counts.soon > 0 && <a href="/console/foi?due=soon">{dueSoonDays}个工作日内到期 {counts.soon} 件</a>,
            counts.reminders > 0 && <a href="/console/foi/reminders">未读提醒 {counts.reminders} 条</a>,
          ]
            .filter(Boolean)
            .flatMap((link, i) => (i === 0 ? [link] : ['；', link]))}
        </p>
      )}
      <p class="actions">
        {canRegister && <a class="button" href="/console/foi/new">登记申请</a>}
        <a class="button secondary" href="/console/foi/reminders">答复期限提醒{counts.reminders > 0 ? `（${counts.reminders}）` : ''}</a>
        <a class="button secondary" href="/console/foi/templates">告知书模板</a>
      </p>
      <form method="get" action="/console/foi" class="filters" role="search">
        <Field name="q" label="关键词">
          <TextInput name="q" value={query.q} />
        </Field>
        <Field name="status" label="状态">
          <Select name="status" value={query.status} empty="全部" options={options(REQUEST_STATES, REQUEST_STATE_LABELS)} />
        </Field>
        <Field name="due" label="期限">
          <Select name="due" value={query.due} empty="全部" options={[{ value: 'soon', label: `${dueSoonDays}个工作日内到期` }, { value: 'overdue', label: '已超期' }]} />
        </Field>
        <Field name="channel" label="渠道">
          <Select name="channel" value={query.channel} empty="全部" options={options(CHANNELS, CHANNEL_LABELS)} />
        </Field>
        <button type="submit">筛选</button>
      </form>
      <div class="table-scroll">
        <table>
          <caption>共 {views.length} 件</caption>
          <thead>
            <tr>
              <th scope="col">受理编号</th>
              <th scope="col">收到申请之日</th>
              <th scope="col">申请人</th>
              <th scope="col">所需信息</th>
              <th scope="col">状态</th>
              <th scope="col">答复期限</th>
              <th scope="col">剩余工作日</th>
            </tr>
          </thead>
          <tbody>
            {views.map((v) => (
              <tr>
                <td>
                  <a href={`/console/foi/${v.request.id}`}>{v.request.trackingCode}</a>
                  {v.request.duplicateOf && <span class="badge"> 疑似重复</span>}
                </td>
                <td>{v.request.receivedOn}</td>
                <td>{v.request.applicantName}</td>
                <td>{v.request.description.length > 40 ? `${v.request.description.slice(0, 40)}…` : v.request.description}</td>
                <td>
                  {REQUEST_STATE_LABELS[v.state]}
                  {v.outcome && `（${OUTCOMES[v.outcome].label}）`} <DeadlineBadge view={v} />
                </td>
                <td>
                  {v.deadline.dueOn ?? '—'}
                  {v.deadline.isProvisional && '（暂定）'}
                </td>
                <td>{v.deadline.dueOn && !['replied', 'abandoned', 'withdrawn'].includes(v.state) ? v.deadline.workingDaysLeft : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

type Values = Record<string, string>;
type Errors = Record<string, string> | undefined;

function Text(p: { name: string; label: string; values: Values; errors: Errors; type?: string; required?: boolean; hint?: string }): Html {
  return (
    <Field name={p.name} label={p.label} errors={p.errors} required={p.required} hint={p.hint}>
      <TextInput name={p.name} value={p.values[p.name]} errors={p.errors} type={p.type} maxlength={200} />
    </Field>
  );
}

/** Staff registration of a letter, in-person, fax or e-mail application with its Art. 31 receipt date. */
export function RegistrationForm({ csrf, values: v, errors }: { csrf: string; values: Values; errors?: Errors }): Html {
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" action="/console/foi">
        <CsrfField token={csrf} />
        <fieldset>
          <legend>收到申请（条例第三十一条）</legend>
          <Field name="channel" label="申请渠道" errors={errors} required>
            <Select name="channel" value={v.channel ?? 'letter'} options={options(CHANNELS, CHANNEL_LABELS)} errors={errors} />
          </Field>
          <Field name="letterKind" label="信函类型（信函申请必选）" errors={errors}>
            <Select name="letterKind" value={v.letterKind} empty="（非信函）" options={[{ value: 'signed-for', label: '需要签收（挂号信、EMS等）' }, { value: 'ordinary', label: '平常信函（无需签收）' }]} errors={errors} />
          </Field>
          <Text name="receivedOn" label="收到申请之日" type="date" values={v} errors={errors} required hint="当面提交的为提交之日；需签收的信函为签收之日；平常信函、网上、传真、电子邮件为与申请人确认之日。不是送达之日。" />
          <Text name="arrivedOn" label="实际送达日期" type="date" values={v} errors={errors} hint="可选；确认之日不得早于送达日期。" />
        </fieldset>
        <fieldset>
          <legend>申请人（缺少的事项可先登记，再告知补正）</legend>
          <Field name="applicant.kind" label="申请人类型" errors={errors} required>
            <Select name="applicant.kind" value={v['applicant.kind'] ?? 'natural-person'} options={options(APPLICANT_KINDS, APPLICANT_KIND_LABELS)} errors={errors} />
          </Field>
          <Text name="applicant.name" label="姓名或者名称" values={v} errors={errors} required />
          <Text name="applicant.phone" label="联系电话" type="tel" values={v} errors={errors} />
          <Text name="applicant.email" label="电子邮箱" type="email" values={v} errors={errors} />
          <Text name="applicant.address" label="通信地址" values={v} errors={errors} />
          <Field name="applicant.idType" label="证件类型（自然人）" errors={errors}>
            <Select name="applicant.idType" value={v['applicant.idType'] ?? 'resident-id'} options={options(ID_TYPES, ID_TYPE_LABELS)} errors={errors} />
          </Field>
          <Text name="applicant.idNumber" label="证件号码（自然人）" values={v} errors={errors} hint="加密保存，仅显示部分号码。" />
          <Text name="applicant.creditCode" label="统一社会信用代码（组织）" values={v} errors={errors} />
          <Text name="applicant.legalRepresentative" label="法定代表人或者负责人（组织）" values={v} errors={errors} />
          <Text name="applicant.contactName" label="联系人（组织）" values={v} errors={errors} />
        </fieldset>
        <fieldset>
          <legend>所需政府信息</legend>
          <Text name="informationName" label="信息名称" values={v} errors={errors} />
          <Text name="documentNumber" label="文号" values={v} errors={errors} />
          <Field name="description" label="内容描述" errors={errors} required>
            <textarea id="description" name="description" rows={4} maxlength={2000}>
              {v.description ?? ''}
            </textarea>
          </Field>
          <Field name="provisionForm" label="提供形式" errors={errors}>
            <Select name="provisionForm" value={v.provisionForm} empty="申请人未说明" options={options(PROVISION_FORMS, PROVISION_LABELS)} errors={errors} />
          </Field>
          <Field name="deliveryMethod" label="获取方式" errors={errors}>
            <Select name="deliveryMethod" value={v.deliveryMethod} empty="申请人未说明" options={options(DELIVERY_METHODS, PROVISION_LABELS)} errors={errors} />
          </Field>
        </fieldset>
        <p>
          <button type="submit">登记</button>
        </p>
      </form>
    </>
  );
}
