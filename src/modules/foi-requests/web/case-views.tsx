/** The console page of one application: who, what, the deadline explained line by line, the timeline and the case. */
import type { Actor } from '../../../kernel/actor.ts';
import type { LocalDate } from '../../../kernel/local-date.ts';
import { raw, type Html } from '../../../web/jsx/jsx-runtime.ts';
import { can } from '../../identity/domain/permissions.ts';
import { APPLICANT_KIND_LABELS, ID_TYPE_LABELS } from '../domain/applicant.ts';
import { PROVISION_LABELS } from '../domain/intake.ts';
import { OUTCOMES } from '../domain/outcomes.ts';
import { CHANNEL_LABELS } from '../domain/request-events.ts';
import { REQUEST_STATE_LABELS, REQUEST_TRANSITIONS } from '../domain/request-workflow.ts';
import { PROMOTABLE_OUTCOMES } from '../case-service.ts';
import type { FoiRequestView } from '../request-view.ts';
import type { FoiDocument, FoiReview } from '../sql/foi-rows.ts';
import { DeadlineBadge } from './console-views.tsx';
import { EventForms, type FeeHint } from './event-forms.tsx';
import { PromoteForm, type PromoteOptions } from './promote-form.tsx';
import { ReviewSection } from './review-views.tsx';

const MISSING_LABELS: Record<string, string> = {
  'applicant.idType': '证件类型',
  'applicant.idNumber': '证件号码',
  'applicant.phone': '联系电话',
  'applicant.address': '通信地址',
  'applicant.creditCode': '统一社会信用代码',
  'applicant.legalRepresentative': '法定代表人或者负责人',
  'applicant.contactName': '联系人',
};

function Applicant({ view }: { view: FoiRequestView }): Html {
  const r = view.request;
  const a = r.applicant;
  return (
    <dl class="kv">
      <dt>申请人</dt>
      <dd>
        {a.name}（{APPLICANT_KIND_LABELS[a.kind]}）
      </dd>
      {a.kind === 'natural-person' ? (
        <>
          <dt>{ID_TYPE_LABELS[a.idType] ?? '证件'}号码</dt>
          <dd>{r.idNumberMasked ?? '（未提供）'}</dd>
        </>
      ) : (
        <>
          <dt>统一社会信用代码</dt>
          <dd>{r.idNumberMasked ?? '（未提供）'}</dd>
          <dt>法定代表人或者负责人</dt>
          <dd>{a.legalRepresentative || '（未提供）'}</dd>
          <dt>联系人</dt>
          <dd>{a.contactName || '（未提供）'}</dd>
        </>
      )}
      <dt>联系电话</dt>
      <dd>{a.phone || '（未提供）'}</dd>
      <dt>通信地址</dt>
      <dd>{a.address || '（未提供）'}</dd>
      <dt>电子邮箱</dt>
      <dd>{a.email ?? '（未提供）'}</dd>
    </dl>
  );
}

function Summary({ view }: { view: FoiRequestView }): Html {
  const r = view.request;
  return (
    <dl class="kv">
      <dt>受理编号</dt>
      <dd>{r.trackingCode}</dd>
      <dt>申请渠道</dt>
      <dd>{CHANNEL_LABELS[r.channel]}</dd>
      <dt>收到申请之日</dt>
      <dd>
        {r.receivedOn}
        {r.intake.receiptBasis && <span class="hint">（{r.intake.receiptBasis}）</span>}
      </dd>
      <dt>所需信息</dt>
      <dd>{[r.informationName, r.documentNumber && `文号：${r.documentNumber}`, r.description].filter(Boolean).join('；')}</dd>
      <dt>提供形式和获取方式</dt>
      <dd>{[r.provisionForm && PROVISION_LABELS[r.provisionForm], r.deliveryMethod && PROVISION_LABELS[r.deliveryMethod]].filter(Boolean).join('，') || '（未说明）'}</dd>
      <dt>状态</dt>
      <dd>
        {REQUEST_STATE_LABELS[view.state]}
        {view.outcome && `：${OUTCOMES[view.outcome].label}（${OUTCOMES[view.outcome].legalBasis}）`}
      </dd>
    </dl>
  );
}

function Deadline({ view }: { view: FoiRequestView }): Html {
  const d = view.deadline;
  return (
    <section aria-labelledby="deadline">
      <h2 id="deadline">答复期限</h2>
      <p>
        <DeadlineBadge view={view} /> 答复期限：<strong>{d.dueOn ?? '补正后重新计算'}</strong>
        {d.isProvisional && '（暂定）'}；已用 {d.workingDaysUsed} 个工作日，剩余 {d.workingDaysLeft} 个工作日（共 {d.limitWorkingDays} 个）。
      </p>
      {view.inconsistency && <p class="notice error">{view.inconsistency}</p>}
      <details open>
        <summary>逐日计算说明</summary>
        <ol class="explanation">
          {d.explanation.map((line) => (
            <li>{line}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}

function Timeline({ view }: { view: FoiRequestView }): Html {
  return (
    <ol class="timeline">
      <li>
        {view.request.receivedOn} 收到申请（{view.request.createdAt.slice(0, 10)} 登记）
      </li>
      {view.events.map((e) => (
        <li>
          {e.event.on} {REQUEST_TRANSITIONS[e.event.type].label}
          {e.event.type === 'replied' && `：${OUTCOMES[e.event.outcome].label}`}
          {e.event.type === 'extension-approved' && `：${e.event.workingDays}个工作日（${e.event.approvedBy}同意）`}
          {e.event.type === 'consultation-started' && `：${e.event.name}`}
          {e.event.type === 'fee-notified' && `：${e.event.amount}元`}
          {e.event.type === 'correction-requested' && `：${e.event.items.join('；')}（补正期限 ${e.event.correctionDueOn}）`}
          <span class="muted">（{e.recordedByName} 记录）</span>
        </li>
      ))}
    </ol>
  );
}

function Documents({ view, documents, csrf, canProcess }: { view: FoiRequestView; documents: FoiDocument[]; csrf: string; canProcess: boolean }): Html {
  const id = view.request.id;
  const latestNotice = documents.filter((d) => d.kind === 'notice').at(-1);
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">文书和提供的信息</h2>
      <ul>
        {documents.map((d) => (
          <li>
            <a href={`/console/foi/${id}/documents/${d.id}`}>{d.filename}</a>（{d.kind === 'notice' ? '告知书' : '提供的政府信息'}，{d.createdAt.slice(0, 10)}）
          </li>
        ))}
      </ul>
      {latestNotice && (
        <p>
          <a class="button" href={`/console/foi/${id}/notice.docx`}>下载告知书（DOCX）</a>
        </p>
      )}
      {latestNotice?.htmlText && <div class="body-text notice-preview">{raw(latestNotice.htmlText)}</div>}
      {canProcess && (
        <form method="post" action={`/console/foi/${id}/documents?_csrf=${encodeURIComponent(csrf)}`} enctype="multipart/form-data">
          <div class="field">
            <label for="released-file">上传提供给申请人的政府信息（PDF、DOCX、XLSX、OFD 或图片）</label>
            <input id="released-file" type="file" name="file" required />
          </div>
          <button type="submit">上传</button>
        </form>
      )}
    </section>
  );
}

export interface CaseData {
  view: FoiRequestView;
  documents: FoiDocument[];
  reviews: FoiReview[];
  duplicateCode: string | null;
  promote: PromoteOptions;
  feeHint?: FeeHint | undefined;
}

/** The whole case page. */
export function CasePage({ d, actor, csrf, today }: { d: CaseData; actor: Actor; csrf: string; today: LocalDate }): Html {
  const { view } = d;
  const canProcess = can(actor.role, 'foi.process');
  const promotable = view.state === 'replied' && (PROMOTABLE_OUTCOMES as readonly string[]).includes(view.outcome ?? '');
  return (
    <>
      {view.request.duplicateOf && (
        <p class="notice warn">
          疑似重复申请：与 <a href={`/console/foi/${view.request.duplicateOf}`}>{d.duplicateCode}</a> 为同一申请人在30日内申请相近内容。已照常登记，请核实后决定是否按重复申请处理（条例第三十六条第（六）项）。
        </p>
      )}
      {view.request.intake.missing.length > 0 && (
        <p class="notice warn">申请缺少：{view.request.intake.missing.map((m) => MISSING_LABELS[m] ?? m).join('、')}。如需补正，请在收到申请之日起7个工作日内一次性告知（条例第三十条）。</p>
      )}
      <Summary view={view} />
      <h2>申请人</h2>
      <Applicant view={view} />
      <Deadline view={view} />
      <h2>办理过程</h2>
      <Timeline view={view} />
      <h2>办理</h2>
      <EventForms view={view} actor={actor} csrf={csrf} today={today} feeHint={d.feeHint} />
      <Documents view={view} documents={d.documents} csrf={csrf} canProcess={canProcess} />
      <ReviewSection requestId={view.request.id} reviews={d.reviews} csrf={csrf} canProcess={canProcess} />
      {view.request.promotedItemId && (
        <p class="notice ok">
          已转为主动公开：<a href={`/console/items/${view.request.promotedItemId}`}>查看政府信息</a>
        </p>
      )}
      {promotable && !view.request.promotedItemId && canProcess && <PromoteForm requestId={view.request.id} csrf={csrf} options={d.promote} />}
      {can(actor.role, 'foi.export') && (
        <p>
          <a class="button secondary" href={`/console/foi/${view.request.id}/case-file.zip`}>导出完整案卷（ZIP）</a>
        </p>
      )}
    </>
  );
}
