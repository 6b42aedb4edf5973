/** One small form per event the state table allows now (条例 Art. 30–39), each posting to `/console/foi/:id/events`. */
import type { Actor } from '../../../kernel/actor.ts';
import type { LocalDate } from '../../../kernel/local-date.ts';
import { CsrfField } from '../../../web/components.tsx';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { can } from '../../identity/domain/permissions.ts';
import { FEE_METHOD_LABELS } from '../domain/fees.ts';
import { ABANDONMENT_OUTCOMES, ANNUAL_REPORT_APPLICATION_ROWS, OUTCOME_CODES, OUTCOMES, type OutcomeCode } from '../domain/outcomes.ts';
import { FEE_METHODS, type RequestEventType } from '../domain/request-events.ts';
import { REQUEST_TRANSITIONS } from '../domain/request-workflow.ts';
import type { FoiRequestView } from '../request-view.ts';

/** Form fields → the `{type, on, …}` body the use case parses (the same shape as the API's). */
export function eventFromForm(f: Record<string, string>): Record<string, unknown> {
  const e: Record<string, unknown> = { type: f.type, on: f.on };
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== '') e[key] = value;
  };
  if (f.type === 'correction-requested') {
    e.items = (f.items ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
    set('correctionDueOn', f.correctionDueOn);
  }
  if (f.type === 'consultation-started') (set('party', f.party), set('name', f.name));
  if (f.type === 'extension-approved') (set('workingDays', f.workingDays ? Number(f.workingDays) : undefined), set('approvedBy', f.approvedBy));
  if (f.type === 'fee-notified') (set('amount', f.amount ? Number(f.amount) : undefined), set('method', f.method));
  if (f.type === 'replied') {
    set('outcome', f.outcome);
    set('reason', f.reason?.trim());
    set('whereToFind', f.whereToFind?.trim());
    if (f.organName?.trim()) e.responsibleOrgan = f.organContact?.trim() ? { name: f.organName.trim(), contact: f.organContact.trim() } : { name: f.organName.trim() };
  }
  if (f.type === 'withdrawn') set('reason', f.reason?.trim());
  return e;
}

const input = (id: string, name: string, label: string, attrs: Record<string, unknown> = {}) => (
  <div class="field">
    <label for={id}>{label}</label>
    <input id={id} name={name} type="text" {...attrs} />
  </div>
);

/** Outcomes a reply may record, grouped by the table 三 section they are counted in. */
function OutcomeSelect({ id }: { id: string }): Html {
  const replyable = OUTCOME_CODES.filter((c) => !(ABANDONMENT_OUTCOMES as readonly string[]).includes(c));
  const sections = [...new Set(ANNUAL_REPORT_APPLICATION_ROWS.map((r) => r.section))];
  const sectionOf = (c: OutcomeCode) => ANNUAL_REPORT_APPLICATION_ROWS.find((r) => r.key === OUTCOMES[c].row)!.section;
  return (
    <select id={id} name="outcome" required>
      <option value="">请选择答复结果</option>
      {sections.map((section) => (
        <optgroup label={section}>
          {replyable.filter((c) => sectionOf(c) === section).map((c) => (
            <option value={c}>
              {OUTCOMES[c].label}（{OUTCOMES[c].legalBasis}）
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

function fields(type: RequestEventType, id: string, actor: Actor, feeHint?: FeeHint): Html | null {
  switch (type) {
    case 'correction-requested':
      return (
        <>
          <div class="field">
            <label for={`${id}-items`}>需要补正的事项（每行一项）</label>
            <textarea id={`${id}-items`} name="items" rows={3} required></textarea>
          </div>
          {input(`${id}-due`, 'correctionDueOn', '补正期限', { type: 'date', required: true })}
        </>
      );
    case 'consultation-started':
      return (
        <>
          <div class="field">
            <label for={`${id}-party`}>征求意见对象</label>
            <select id={`${id}-party`} name="party">
              <option value="third-party">第三方（条例第三十二条）</option>
              <option value="organ">其他机关（条例第三十四条）</option>
            </select>
          </div>
          {input(`${id}-name`, 'name', '名称', { required: true, maxlength: 200 })}
        </>
      );
    case 'extension-approved':
      return (
        <>
          {input(`${id}-days`, 'workingDays', '延长工作日数（1–20）', { type: 'number', min: 1, max: 20, required: true })}
          {input(`${id}-by`, 'approvedBy', '同意延期的工作机构负责人', { value: actor.displayName, required: true, maxlength: 100 })}
        </>
      );
    case 'fee-notified':
      return (
        <>
          <div class="field">
            <label for={`${id}-method`}>计收方式</label>
            <select id={`${id}-method`} name="method">
              {FEE_METHODS.map((m) => (
                <option value={m}>{FEE_METHOD_LABELS[m]}</option>
              ))}
            </select>
          </div>
          {input(`${id}-amount`, 'amount', '金额（元）', { type: 'number', min: 1, step: 1, required: true })}
          {feeHint && (
            <p class="hint">
              按件计收参考：该申请人本自然月第{feeHint.pieceNumber}件申请，按一件计{feeHint.amount}元（{feeHint.lines.join('；')}）。前10件不收费（国办函〔2020〕109号）。
            </p>
          )}
        </>
      );
    case 'replied':
      return (
        <>
          <div class="field">
            <label for={`${id}-outcome`}>答复结果</label>
            <OutcomeSelect id={`${id}-outcome`} />
          </div>
          <div class="field">
            <label for={`${id}-reason`}>理由（不予公开、部分公开、非本机关负责等必填）</label>
            <textarea id={`${id}-reason`} name="reason" rows={3}></textarea>
          </div>
          {input(`${id}-where`, 'whereToFind', '获取方式和途径（已主动公开的必填）', { maxlength: 2000 })}
          {input(`${id}-organ`, 'organName', '负责公开的行政机关（非本机关负责的必填）', { maxlength: 200 })}
          {input(`${id}-contact`, 'organContact', '该机关联系方式', { maxlength: 200 })}
        </>
      );
    case 'withdrawn':
      return input(`${id}-reason`, 'reason', '撤回理由', { maxlength: 500 });
    default:
      return null;
  }
}

/** The forms for every event allowed now; the extension only for those who may approve it. */
export interface FeeHint {
  pieceNumber: number;
  amount: number;
  lines: string[];
}

export function EventForms({ view, actor, csrf, today, feeHint }: { view: FoiRequestView; actor: Actor; csrf: string; today: LocalDate; feeHint?: FeeHint | undefined }): Html {
  const types = view.allowed.filter((t) => can(actor.role, t === 'extension-approved' ? 'foi.approve-extension' : 'foi.process'));
  if (types.length === 0) return <p class="muted">本申请已办结，或您没有办理权限。</p>;
  return (
    <div class="event-forms">
      {types.map((type) => {
        const id = `ev-${type}`;
        return (
          <form method="post" action={`/console/foi/${view.request.id}/events`} aria-labelledby={`${id}-title`}>
            <h3 id={`${id}-title`}>{REQUEST_TRANSITIONS[type].label}</h3>
            <CsrfField token={csrf} />
            <input type="hidden" name="type" value={type} />
            <input type="hidden" name="version" value={String(view.request.version)} />
            {input(`${id}-on`, 'on', '日期', { type: 'date', value: today, max: today, required: true })}
            {fields(type, id, actor, feeHint)}
            <button type="submit">{REQUEST_TRANSITIONS[type].label}</button>
          </form>
        );
      })}
    </div>
  );
}
