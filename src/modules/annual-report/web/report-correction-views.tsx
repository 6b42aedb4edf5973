/** Console views of the 更正 of a published 年度报告: open/cancel/publish controls, the 公布记录 and one past edition. */
import type { Actor } from '../../../kernel/actor.ts';
import type { FieldErrors } from '../../../kernel/errors.ts';
import { ActionButton, ErrorSummary, Field } from '../../../web/components.tsx';
import { formatInstant } from '../../../web/format.ts';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { can } from '../../identity/index.ts';
import { MAX_CORRECTION_NOTE_CHARS, reportState } from '../domain/report-correction.ts';
import type { ReportDocument } from '../domain/report-layout.ts';
import { ReportPreview } from '../render/report-html.tsx';
import type { StoredReport } from '../sql/annual-report-repository.ts';
import type { ReportEdition } from '../sql/report-edition-repository.ts';
import { invalidAttrs } from './field-attrs.ts';

/** What the office typed into the 更正说明 when the publication was refused. */
export interface CorrectionForm {
  errors: FieldErrors;
  note: string;
}

/** For a published report: the button that opens a 更正. For an open one: the 更正说明 form and the cancel button. */
export function CorrectionPanel(props: { report: StoredReport; editions: readonly ReportEdition[]; actor: Actor; csrf: string; base: string; organQuery: string; form?: CorrectionForm | undefined }): Html | null {
  const { report, csrf, base, organQuery } = props;
  const state = reportState(report);
  if (state === 'draft' || !can(props.actor.role, 'report.publish')) return null;
  const version = { version: String(report.version) };
  if (state === 'published') {
    return (
      <section aria-labelledby="correction-heading">
        <h2 id="correction-heading">更正</h2>
        <p>公布后发现数据或文字有误的，应发布更正并写明更正说明；更正后的报告作为同一条信息的新版本发布，更正前的版本保留在公布记录中。</p>
        <ActionButton action={`${base}/corrections/open${organQuery}`} csrfToken={csrf} label="更正已公布的报告" className="secondary" fields={version} />
      </section>
    );
  }
  const shownEdition = props.editions.at(-1)?.editionNo ?? 1;
  const isConsistent = report.findings.every((f) => f.ok);
  return (
    <section aria-labelledby="correction-heading">
      <h2 id="correction-heading">更正已公布的报告</h2>
      <p class="notice warn">
        正在更正（{report.correctionOpenedBy ?? ''}于 {report.correctionOpenedAt ? formatInstant(report.correctionOpenedAt) : ''} 开始）：门户网站仍显示第{shownEdition}版。请在下方修改数据或文字，必要时根据数据重新生成，校验通过后填写更正说明并发布更正。
      </p>
      {isConsistent ? (
        <form method="post" action={`${base}/corrections/publish${organQuery}`}>
          <ErrorSummary errors={props.form?.errors} />
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="version" value={String(report.version)} />
          <Field name="correctionNote" label="更正说明" errors={props.form?.errors} hint={`写明更正的部分、项目和数值，例如：表二“行政许可”本年处理决定数量原误填为12件，更正为21件。将显示在公开的报告开头，最多${MAX_CORRECTION_NOTE_CHARS}字。`}>
            <textarea id="correctionNote" name="correctionNote" rows="3" maxlength={MAX_CORRECTION_NOTE_CHARS} {...invalidAttrs('correctionNote', props.form?.errors)}>{props.form?.note ?? ''}</textarea>
          </Field>
          <p class="actions"><button type="submit">发布更正</button></p>
        </form>
      ) : (
        <p class="notice error">校验未通过，改正前不能发布更正。</p>
      )}
      <ActionButton action={`${base}/corrections/cancel${organQuery}`} csrfToken={csrf} label="放弃更正" className="secondary" fields={version} />
    </section>
  );
}

/** 公布记录: every published edition with its 更正说明, each readable as it was published. */
export function EditionHistory(props: { editions: readonly ReportEdition[]; base: string; organQuery: string }): Html | null {
  if (props.editions.length === 0) return null;
  return (
    <section aria-labelledby="editions-heading">
      <h2 id="editions-heading">公布记录</h2>
      <table>
        <thead><tr><th scope="col">版本</th><th scope="col">公布时间</th><th scope="col">公布人</th><th scope="col">更正说明</th><th scope="col">内容</th></tr></thead>
        <tbody>
          {[...props.editions].reverse().map((e) => (
            <tr>
              <td>第{e.editionNo}版</td>
              <td>{formatInstant(e.publishedAt)}</td>
              <td>{e.publishedBy}</td>
              <td>{e.correctionNote ?? '首次公布'}</td>
              <td><a href={`${props.base}/editions/${e.editionNo}${props.organQuery}`}>查看第{e.editionNo}版</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One past edition, as it was published. */
export function EditionView(props: { edition: ReportEdition; latestEditionNo: number; doc: ReportDocument; base: string; organQuery: string }): Html {
  const { edition } = props;
  return (
    <>
      <p class="muted">
        第{edition.editionNo}版，{formatInstant(edition.publishedAt)} 由{edition.publishedBy}公布{edition.editionNo < props.latestEditionNo ? '，已被更正' : '，为现行版本'}。
        {edition.correctionNote && `更正说明：${edition.correctionNote}`}
      </p>
      <p><a href={`${props.base}${props.organQuery}`}>返回年度报告</a></p>
      <ReportPreview doc={props.doc} />
    </>
  );
}
