/** Console views of the 年度报告: the list of years with due dates, and one year's report with findings and forms. */
import type { Actor } from '../../../kernel/actor.ts';
import type { FieldErrors } from '../../../kernel/errors.ts';
import { ActionButton, ErrorSummary, Field } from '../../../web/components.tsx';
import { formatInstant } from '../../../web/format.ts';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { can } from '../../identity/index.ts';
import type { ReportYear } from '../annual-report-service.ts';
import type { EnteredFigures } from '../domain/entered-figures.ts';
import { APPLICANT_COLUMN_LABELS, APPLICANT_KINDS, SECTION_HEADINGS } from '../domain/report-format.ts';
import type { ReportDocument } from '../domain/report-layout.ts';
import { STANDING_LABELS, type ReportStanding } from '../domain/report-schedule.ts';
import { RULE_TITLES, type RuleFinding } from '../domain/rules.ts';
import { ReportPreview } from '../render/report-html.tsx';
import type { StoredReport } from '../sql/annual-report-repository.ts';
import type { ReportEdition } from '../sql/report-edition-repository.ts';
import { reportState } from '../domain/report-correction.ts';
import { invalidAttrs } from './field-attrs.ts';
import { CorrectionPanel, EditionHistory, type CorrectionForm } from './report-correction-views.tsx';

const STANDING_BADGE: Record<ReportStanding, string> = { 'not-started': 'muted', draft: 'warn', overdue: 'bad', published: 'ok', 'published-late': 'warn' };

/** The due date and standing as a badge line (条例 Art. 49: by 31 January of the next year). */
export function DueLine({ y }: { y: Pick<ReportYear, 'dueOn' | 'standing' | 'daysLeft'> }): Html {
  const left = y.standing === 'draft' || y.standing === 'not-started' ? `，还有 ${y.daysLeft} 天` : y.standing === 'overdue' ? `，已逾期 ${-y.daysLeft} 天` : '';
  return (
    <span>
      应于 <strong>{y.dueOn}</strong> 前公布（《条例》第四十九条） <span class={`badge ${STANDING_BADGE[y.standing]}`}>{STANDING_LABELS[y.standing]}</span>
      {left}
    </span>
  );
}

/** /console/annual-reports: one row per year. */
export function ReportListView(props: { years: ReportYear[]; organQuery: string; actor: Actor; csrf: string; thisYear: number }): Html {
  return (
    <>
      <p>各机关应于每年1月31日前公布上一年度政府信息公开工作年度报告（《中华人民共和国政府信息公开条例》第四十九条、第五十条，国办公开办函〔2021〕30号格式）。表格数据由平台根据政府信息目录和依申请公开记录生成，并按七项校验规则检查。</p>
      <table>
        <thead><tr><th scope="col">年度</th><th scope="col">应公布日期</th><th scope="col">状态</th><th scope="col">校验</th><th scope="col">操作</th></tr></thead>
        <tbody>
          {props.years.map((y) => (
            <tr>
              <td>{y.year}年度</td>
              <td>{y.dueOn}</td>
              <td><span class={`badge ${STANDING_BADGE[y.standing]}`}>{STANDING_LABELS[y.standing]}</span>{y.standing === 'overdue' && <span class="muted"> 逾期 {-y.daysLeft} 天</span>}{y.isCorrecting && <span class="badge warn">更正中</span>}</td>
              <td>{y.status === null ? <span class="muted">—</span> : y.failedRules === 0 ? <span class="badge ok">全部通过</span> : <span class="badge bad">{y.failedRules} 处未通过</span>}</td>
              <td><a href={`/console/annual-reports/${y.year}${props.organQuery}`}>{y.status === null ? '查看并生成' : '查看、编辑'}</a></td>
            </tr>
          ))}
        </tbody>
      </table>
      {can(props.actor.role, 'report.edit') && (
        <form method="get" action="/console/annual-reports/go" class="filters">
          <div class="field"><label for="year">其他年度</label><input type="number" id="year" name="year" min="2008" max={String(props.thisYear)} required /></div>
          <button type="submit" class="secondary">打开</button>
        </form>
      )}
      <p><a href={`/console/self-inspection${props.organQuery}`}>政务公开工作自查与考核指标</a></p>
    </>
  );
}

/** Failing findings first, each naming its cells; passing rules in one list. */
export function FindingsView({ findings }: { findings: readonly RuleFinding[] }): Html {
  const failing = findings.filter((f) => !f.ok);
  const passing = findings.filter((f) => f.ok);
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">校验结果</h2>
      {failing.length === 0 ? <p class="notice ok">七项校验规则全部通过{passing.some((f) => f.skipped) ? '（R6 未核对：没有上一年度数据）' : ''}。</p> : <p class="notice error" role="alert">有 {failing.length} 处未通过校验，修改前不能公布：</p>}
      {failing.length > 0 && (
        <table class="findings">
          <thead><tr><th scope="col">规则</th><th scope="col">单元格</th><th scope="col">原因</th></tr></thead>
          <tbody>
            {failing.map((f) => (
              <tr>
                <td><strong>{f.rule}</strong><div class="muted">{RULE_TITLES[f.rule]}</div></td>
                <td>{f.cells.map((c) => <div>{`${c.table}${c.row ? ` › ${c.row}` : ''} › ${c.column}`}</div>)}</td>
                <td>{f.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details>
        <summary>全部规则（{passing.length} 项通过）</summary>
        <ul>{passing.map((f) => <li>{f.message}</li>)}</ul>
      </details>
    </section>
  );
}

const numberText = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The entered figures; `typed` keeps what was typed into a refused form ("十二" stays 十二, not NaN). */
function FiguresFields({ figures, errors, typed }: { figures: EnteredFigures; errors?: FieldErrors | undefined; typed?: Readonly<Record<string, string>> | undefined }): Html {
  const input = (name: keyof EnteredFigures, label: string, hint?: string) => (
    <Field name={name} label={label} errors={errors} hint={hint}><input type="text" inputmode="decimal" id={name} name={name} value={typed?.[name] ?? numberText(figures[name] as number | null)} {...invalidAttrs(name, errors)} /></Field>
  );
  return (
    <fieldset>
      <legend>录入数据（平台没有相应记录时由办公室填写）</legend>
      {input('licensing', '行政许可本年处理决定数量（件）')}
      {input('penalty', '行政处罚本年处理决定数量（件）')}
      {input('enforcement', '行政强制本年处理决定数量（件）')}
      {input('feesWanYuan', '行政事业性收费本年收费金额（万元）', '可有小数，最多4位')}
      <Field name="decisionsSource" label="上述数据来源" errors={errors} hint="例如：县政务服务中心审批系统2025年统计表；填写了上述任一数据时必填"><input type="text" id="decisionsSource" name="decisionsSource" value={figures.decisionsSource} maxlength={200} {...invalidAttrs('decisionsSource', errors)} /></Field>
      {input('processingFeeYuan', '本年收取的信息处理费（元）', '留空按依申请公开记录计算（无记录时为0元），写入第六部分')}
      <p class="hint">平台中途启用时，请填写上一年度已公布报告中“四、结转下年度继续办理”各列，作为本年“二、上年结转”并用于 R6 核对；全部留空则按平台记录计算。</p>
      {APPLICANT_KINDS.map((k) => {
        const name = `previousCarriedForward.${k}`;
        return <Field name={name} label={`上年结转：${APPLICANT_COLUMN_LABELS[k]}`} errors={errors}><input type="text" inputmode="numeric" id={name} name={name} value={typed?.[name] ?? numberText(figures.previousCarriedForward?.[k])} {...invalidAttrs(name, errors)} /></Field>;
      })}
    </fieldset>
  );
}

/** /console/annual-reports/{year}: state, actions, findings, edit form and the preview in the official layout. */
export function ReportView(props: { report: StoredReport; doc: ReportDocument; due: Pick<ReportYear, 'dueOn' | 'standing' | 'daysLeft'>; actor: Actor; csrf: string; base: string; organQuery: string; isConnected: boolean; isPreviewOnly?: boolean; errors?: FieldErrors | undefined; draft?: { sections: StoredReport['sections']; figures: EnteredFigures; typed?: Readonly<Record<string, string>> }; editions?: readonly ReportEdition[]; correctionForm?: CorrectionForm | undefined }): Html {
  const { report, actor, csrf, base } = props;
  const state = reportState(report);
  const isDraft = state === 'draft' && !props.isPreviewOnly;
  // A draft, or a published report whose 更正 is open, is edited and regenerated the same way.
  const canEdit = (isDraft || state === 'correcting') && can(actor.role, 'report.edit');
  const canPublish = isDraft && can(actor.role, 'report.publish') && report.findings.every((f) => f.ok);
  const shown = props.draft ?? report;
  return (
    <>
      {!props.isPreviewOnly && <p><DueLine y={props.due} /></p>}
      {!props.isPreviewOnly && <p class="muted">版本 {report.version}　数据生成于 {formatInstant(report.generatedAt)}{report.publishedAt && `　公布于 ${formatInstant(report.publishedAt)}（${report.publishedBy}）`}</p>}
      {report.publishedItemId && <p><a href={`/xxgk/content/${report.publishedItemId}`}>在门户网站查看已公布的报告</a>　<a href={`/console/items/${report.publishedItemId}`}>在政府信息目录中查看</a></p>}
      {!props.isConnected && <p class="notice warn">依申请公开模块尚未接入：表三、表四暂按0计算；平台中途启用的，请在下方录入上一年度结转数。</p>}
      <div class="actions">
        {canEdit && <ActionButton action={`${base}/generate${props.organQuery}`} csrfToken={csrf} label="根据数据重新生成" className="secondary" fields={{ version: String(report.version) }} />}
        <a class="button secondary" href={`${base}/report.docx${props.organQuery}`}>下载 DOCX{props.isPreviewOnly ? '（预览）' : ''}</a>
        {canPublish && <ActionButton action={`${base}/publish${props.organQuery}`} csrfToken={csrf} label="公布年度报告" fields={{ version: String(report.version) }} />}
      </div>
      {!props.isPreviewOnly && <CorrectionPanel report={report} editions={props.editions ?? []} actor={actor} csrf={csrf} base={base} organQuery={props.organQuery} form={props.correctionForm} />}
      <FindingsView findings={report.findings} />
      {report.problems.length > 0 && (
        <section>
          <h2>需要更正的办理记录</h2>
          <ul>{report.problems.map((p) => <li>{p.reference}：{p.problem}</li>)}</ul>
        </section>
      )}
      {canEdit && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">编辑文字部分和录入数据</h2>
          <form method="post" action={`${base}${props.organQuery}`}>
            <ErrorSummary errors={props.errors} />
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="version" value={String(report.version)} />
            {SECTION_HEADINGS.map((h, i) => (
              <Field name={`section${i}`} label={h} errors={props.errors} hint={i === 0 ? '以“（一）”等开头的单独一行排为小标题。' : undefined}>
                <textarea id={`section${i}`} name={`section${i}`} rows={i === 0 ? '14' : '5'} {...invalidAttrs(`section${i}`, props.errors)}>{shown.sections.find((s) => s.heading === h)?.text ?? ''}</textarea>
              </Field>
            ))}
            <FiguresFields figures={shown.figures} errors={props.errors} typed={props.draft?.typed} />
            <p class="actions"><button type="submit">保存</button></p>
          </form>
        </section>
      )}
      <EditionHistory editions={props.editions ?? []} base={base} organQuery={props.organQuery} />
      <h2>报告预览（公文格式）</h2>
      <ReportPreview doc={props.doc} />
    </>
  );
}
