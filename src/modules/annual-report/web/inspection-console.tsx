/**
 * /console/self-inspection: the indicator weights and the 政务公开 share of the performance appraisal (at least 4 %,
 * seed plan §二(五)3), the year's scores with evidence and a bar chart, the office's problems and remedies, and the
 * year-end 自查报告 as HTML and DOCX.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import type { Actor } from '../../../kernel/actor.ts';
import { Conflict, InvalidInput, type FieldErrors } from '../../../kernel/errors.ts';
import { formatChineseDate } from '../../../kernel/local-date.ts';
import type { Services } from '../../../services.ts';
import { ErrorSummary, Field } from '../../../web/components.tsx';
import { formFields, redirectWithNotice, requireActor, sendHtml } from '../../../web/http.ts';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { raw } from '../../../web/jsx/jsx-runtime.ts';
import { ConsoleLayout } from '../../../web/layout.tsx';
import { message } from '../../../web/messages.ts';
import { can } from '../../identity/index.ts';
import { formatBasisPoints, MIN_APPRAISAL_WEIGHT_BP } from '../domain/inspection.ts';
import { inspectionDocument, scoreText } from '../domain/inspection-report.ts';
import type { EffectivePlan, Inspection } from '../inspection/inspection-service.ts';
import { renderReportDocx } from '../render/report-docx.ts';
import { ReportPreview } from '../render/report-html.tsx';
import { indicatorChartSvg } from '../render/inspection-chart.ts';
import { sendDocx } from './annual-report-api.ts';

type Query = { organ?: string; year?: string; notice?: string; error?: string };
const BASE = '/console/self-inspection';
const NOTICES: Record<string, string> = { plan: 'plan-saved', remarks: 'remarks-saved' };

/** A four-digit year from the path, else 400. */
function yearParam(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new InvalidInput({ year: 'report-year-invalid' });
  return Number(text);
}

function PlanForm(props: { plan: EffectivePlan; indicators: { key: string; label: string }[]; csrf: string; action: string; errors?: FieldErrors | undefined; values?: Record<string, string> | undefined }): Html {
  const v = (name: string, fallback: string) => props.values?.[name] ?? fallback;
  return (
    <form method="post" action={props.action}>
      <ErrorSummary errors={props.errors} />
      <input type="hidden" name="_csrf" value={props.csrf} />
      {props.plan.version !== null && <input type="hidden" name="version" value={String(props.plan.version)} />}
      <Field name="appraisalWeightPercent" label="政务公开工作在绩效考核中的权重（%）" errors={props.errors} hint={`不得低于${formatBasisPoints(MIN_APPRAISAL_WEIGHT_BP)}%（实施方案第二部分第（五）项第3点）`} required>
        <input type="number" id="appraisalWeightPercent" name="appraisalWeightPercent" min="0" max="100" step="0.01" value={v('appraisalWeightPercent', formatBasisPoints(props.plan.appraisalWeightBp))} />
      </Field>
      {props.indicators.map((i) => (
        <Field name={`weights.${i.key}`} label={`指标权重：${i.label}`} errors={props.errors}>
          <input type="number" id={`weights.${i.key}`} name={`weights.${i.key}`} min="0" max="100" step="1" value={v(`weights.${i.key}`, String(props.plan.weights[i.key] ?? 0))} />
        </Field>
      ))}
      <p class="actions"><button type="submit">保存权重</button></p>
    </form>
  );
}

function ScoresView({ i, chartSvg }: { i: Inspection; chartSvg: string }): Html {
  return (
    <>
      <p>
        {i.year}年度自查加权得分：<strong>{i.total === null ? '无可计分指标' : `${i.total} 分`}</strong>（满分100分，不适用的指标不计入）；政务公开工作在绩效考核中的权重 <strong>{formatBasisPoints(i.appraisalWeightBp)}%</strong>
        {i.appraisalPoints !== null && `，折算考核分 ${i.appraisalPoints} 分`}。
      </p>
      <figure>
        {raw(chartSvg)}
        <figcaption class="muted">各指标得分（满分100；灰色为不适用）</figcaption>
      </figure>
      <table>
        <thead><tr><th scope="col">指标</th><th scope="col">权重</th><th scope="col">结果</th><th scope="col">得分</th><th scope="col">依据</th></tr></thead>
        <tbody>
          {i.indicators.map((x) => (
            <tr>
              <td>{x.label}</td>
              <td>{x.weight}</td>
              <td>{x.value}</td>
              <td>{scoreText(x.score)}</td>
              <td><ul>{x.evidence.map((e) => <li>{e}</li>)}</ul>{x.problems.map((p) => <p class="field-error">{p}</p>)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="notice warn">“告知书要素完整率”在依申请公开模块提供告知书检查数据之前显示为不适用，不计入加权得分。</p>
    </>
  );
}

export function inspectionConsoleRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    const yearOf = (q: Query) => (q.year && /^\d{4}$/.test(q.year) ? Number(q.year) : Number(s.clock.today().slice(0, 4)));
    const queryOf = (q: Query, year: number) => `?${new URLSearchParams({ ...(q.organ ? { organ: q.organ } : {}), year: String(year) })}`;

    const show = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, form?: { errors: FieldErrors; values: Record<string, string> }) => {
      const q = request.query as Query;
      const year = yearOf(q);
      const organ = await s.annualReports.organ(q.organ);
      const [plan, inspection] = await Promise.all([s.inspection.plan(actor, organ.id), s.inspection.inspect(actor, organ, year)]);
      const canManage = can(actor.role, 'inspection.manage');
      const notice = q.error ? { kind: 'error' as const, text: message(q.error) } : q.notice && NOTICES[q.notice] ? { text: message(NOTICES[q.notice]!) } : undefined;
      return sendHtml(reply, (
        <ConsoleLayout site={await s.site()} title={`政务公开工作自查（${organ.name}）`} actor={actor} csrfToken={request.csrfToken} current={BASE} notice={notice}>
          <form method="get" action={BASE} class="filters">
            {q.organ && <input type="hidden" name="organ" value={q.organ} />}
            <div class="field"><label for="year">自查年度</label><input type="number" id="year" name="year" min="2008" max="2100" value={String(year)} /></div>
            <button type="submit" class="secondary">查看</button>
          </form>
          <div class="actions">
            <a class="button secondary" href={`${BASE}/${year}/report${queryOf(q, year)}`}>自查报告（HTML）</a>
            <a class="button secondary" href={`${BASE}/${year}/report.docx${queryOf(q, year)}`}>下载自查报告（DOCX）</a>
          </div>
          <ScoresView i={inspection} chartSvg={await indicatorChartSvg(inspection.indicators)} />
          {canManage && (
            <>
              <h2>问题和整改措施</h2>
              <form method="post" action={`${BASE}/${year}/remarks${queryOf(q, year)}`}>
                <input type="hidden" name="_csrf" value={request.csrfToken} />
                {inspection.remarksVersion !== null && <input type="hidden" name="version" value={String(inspection.remarksVersion)} />}
                <Field name="problems" label="存在的问题（补充）" hint="指标发现的问题自动列入报告，这里补充其他问题，每行一条。"><textarea id="problems" name="problems" rows="5">{inspection.problemsText}</textarea></Field>
                <Field name="remedies" label="整改措施" hint="每行一条，写明措施和完成时限。"><textarea id="remedies" name="remedies" rows="5">{inspection.remediesText}</textarea></Field>
                <p class="actions"><button type="submit">保存</button></p>
              </form>
              <h2>指标权重</h2>
              <PlanForm plan={plan} indicators={s.inspection.indicators()} csrf={request.csrfToken} action={`${BASE}/plan${queryOf(q, year)}`} errors={form?.errors} values={form?.values} />
            </>
          )}
        </ConsoleLayout>
      ), form ? 400 : 200);
    };

    app.get(BASE, async (request, reply) => show(request, reply, requireActor(request, 'report.read')));

    app.post(`${BASE}/plan`, async (request, reply) => {
      const actor = requireActor(request, 'inspection.manage');
      const q = request.query as Query;
      const f = formFields(request.body);
      const organ = await s.annualReports.organ(q.organ);
      const weights = Object.fromEntries(Object.entries(f).filter(([k]) => k.startsWith('weights.')).map(([k, v]) => [k.slice('weights.'.length), v.trim() === '' ? 0 : Number(v)]));
      try {
        await s.inspection.savePlan(actor, organ.id, { appraisalWeightPercent: f.appraisalWeightPercent?.trim() ? Number(f.appraisalWeightPercent) : Number.NaN, weights }, f.version ? Number(f.version) : undefined);
        return redirectWithNotice(reply, `${BASE}${queryOf(q, yearOf(q))}`, 'plan');
      } catch (e) {
        if (e instanceof InvalidInput) return show(request, reply, actor, { errors: e.fields, values: f });
        if (e instanceof Conflict) return reply.redirect(`${BASE}${queryOf(q, yearOf(q))}&error=${e.code}`, 303);
        throw e;
      }
    });

    app.post<{ Params: { year: string } }>(`${BASE}/:year/remarks`, async (request, reply) => {
      const actor = requireActor(request, 'inspection.manage');
      const q = request.query as Query;
      const f = formFields(request.body);
      const organ = await s.annualReports.organ(q.organ);
      const year = yearParam(request.params.year);
      try {
        await s.inspection.saveRemarks(actor, organ.id, year, { problems: f.problems ?? '', remedies: f.remedies ?? '' }, f.version ? Number(f.version) : undefined);
        return redirectWithNotice(reply, `${BASE}${queryOf(q, year)}`, 'remarks');
      } catch (e) {
        if (e instanceof Conflict || e instanceof InvalidInput) return reply.redirect(`${BASE}${queryOf(q, year)}&error=${e instanceof InvalidInput ? Object.values(e.fields)[0] : e.code}`, 303);
        throw e;
      }
    });

    const documentFor = async (request: FastifyRequest<{ Params: { year: string } }>) => {
      const actor = requireActor(request, 'report.read');
      const organ = await s.annualReports.organ((request.query as Query).organ);
      const inspection = await s.inspection.inspect(actor, organ, yearParam(request.params.year));
      return { inspection, doc: inspectionDocument(inspection, formatChineseDate(s.clock.today())) };
    };

    app.get<{ Params: { year: string } }>(`${BASE}/:year/report`, async (request, reply) => {
      const actor = requireActor(request, 'report.read');
      const { inspection, doc } = await documentFor(request);
      return sendHtml(reply, (
        <ConsoleLayout site={await s.site()} title={doc.title} actor={actor} csrfToken={request.csrfToken} current={BASE}>
          <figure class="no-print-border">{raw(await indicatorChartSvg(inspection.indicators))}</figure>
          <ReportPreview doc={doc} />
        </ConsoleLayout>
      ));
    });

    app.get<{ Params: { year: string } }>(`${BASE}/:year/report.docx`, async (request, reply) => {
      const { doc } = await documentFor(request);
      return sendDocx(reply, await renderReportDocx(doc), `${doc.title}.docx`);
    });
  };
}
