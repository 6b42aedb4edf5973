/**
 * Console pages of the 年度报告: /console/annual-reports (years with the 31 January due date and rule status) and
 * /console/annual-reports/{year} (preview in the official layout, findings, edit, generate, DOCX, publish).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import type { Actor } from '../../../kernel/actor.ts';
import { Conflict, InvalidInput, type FieldErrors } from '../../../kernel/errors.ts';
import type { Services } from '../../../services.ts';
import { formFields, redirectWithNotice, requireActor, sendHtml } from '../../../web/http.ts';
import type { Child } from '../../../web/jsx/jsx-runtime.ts';
import { ConsoleLayout } from '../../../web/layout.tsx';
import { message } from '../../../web/messages.ts';
import type { ReportSection } from '../domain/annual-report.ts';
import type { EnteredFigures } from '../domain/entered-figures.ts';
import { APPLICANT_KINDS, SECTION_HEADINGS, type ApplicantKind } from '../domain/report-format.ts';
import { reportTitle } from '../domain/report-layout.ts';
import { reportStanding } from '../domain/report-schedule.ts';
import type { ReportOrgan } from '../report-compiler.ts';
import { renderReportDocx } from '../render/report-docx.ts';
import type { StoredReport } from '../sql/annual-report-repository.ts';
import { sendDocx } from './annual-report-api.ts';
import { DueLine, ReportListView, ReportView } from './annual-report-views.tsx';
import { reportCorrectionConsoleRoutes } from './report-correction-console.tsx';
import type { CorrectionForm } from './report-correction-views.tsx';

type Query = { organ?: string; notice?: string; error?: string };
const LIST = '/console/annual-reports';
const organQuery = (organ: ReportOrgan, q: Query) => (q.organ ? `?organ=${encodeURIComponent(organ.code)}` : '');
const yearParam = (text: string) => (/^\d{4}$/.test(text) ? Number(text) : NaN);

/** A blank field is "not entered" (null); anything else must parse as a number (else NaN, refused by validation). */
const numberOrNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);

function editFromForm(f: Record<string, string>): { sections: ReportSection[]; figures: EnteredFigures } {
  const carried = Object.fromEntries(APPLICANT_KINDS.flatMap((k) => (f[`previousCarriedForward.${k}`]?.trim() ? [[k, numberOrNull(f[`previousCarriedForward.${k}`])]] : []))) as Partial<Record<ApplicantKind, number>>;
  return {
    sections: SECTION_HEADINGS.map((heading, i) => ({ heading, text: (f[`section${i}`] ?? '').replace(/\r\n/g, '\n') })),
    figures: {
      licensing: numberOrNull(f.licensing),
      penalty: numberOrNull(f.penalty),
      enforcement: numberOrNull(f.enforcement),
      feesWanYuan: numberOrNull(f.feesWanYuan),
      decisionsSource: f.decisionsSource ?? '',
      processingFeeYuan: numberOrNull(f.processingFeeYuan),
      previousCarriedForward: Object.keys(carried).length > 0 ? carried : null,
    },
  };
}

/** Whether the form's figures equal the stored ones (then the tables are not recomputed). */
function sameFigures(a: EnteredFigures, b: EnteredFigures): boolean {
  const norm = (f: EnteredFigures) => JSON.stringify([f.licensing, f.penalty, f.enforcement, f.feesWanYuan, f.decisionsSource.trim(), f.processingFeeYuan, APPLICANT_KINDS.map((k) => f.previousCarriedForward?.[k] ?? null)]);
  return norm(a) === norm(b);
}

const NOTICES: Record<string, string> = { generated: 'report-generated', saved: 'report-saved', published: 'report-published', 'correction-opened': 'correction-opened', 'correction-published': 'correction-published', 'correction-cancelled': 'correction-cancelled' };

export function annualReportConsoleRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    const page = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, title: string, children: Child, status = 200) => {
      const q = request.query as Query;
      const notice = q.error ? { kind: 'error' as const, text: message(q.error) } : q.notice && NOTICES[q.notice] ? { text: message(NOTICES[q.notice]!) } : undefined;
      return sendHtml(reply, <ConsoleLayout site={await s.site()} title={title} actor={actor} csrfToken={request.csrfToken} current={LIST} notice={notice}>{children}</ConsoleLayout>, status);
    };

    app.get(LIST, async (request, reply) => {
      const actor = requireActor(request, 'report.read');
      const q = request.query as Query;
      const organ = await s.annualReports.organ(q.organ);
      const years = await s.annualReports.listYears(actor, organ);
      return page(request, reply, actor, `政府信息公开工作年度报告（${organ.name}）`, <ReportListView years={years} organQuery={organQuery(organ, q)} actor={actor} csrf={request.csrfToken} thisYear={Number(s.clock.today().slice(0, 4))} />);
    });

    app.get(`${LIST}/go`, async (request, reply) => {
      requireActor(request, 'report.read');
      const year = yearParam(String((request.query as { year?: string }).year ?? ''));
      return reply.redirect(Number.isNaN(year) ? LIST : `${LIST}/${year}`, 303);
    });

    const showReport = async (request: FastifyRequest<{ Params: { year: string } }>, reply: FastifyReply, form?: { errors: FieldErrors; draft: { sections: ReportSection[]; figures: EnteredFigures; typed?: Record<string, string> } }, correctionForm?: CorrectionForm) => {
      const actor = requireActor(request, 'report.read');
      const q = request.query as Query;
      const year = yearParam(request.params.year);
      if (Number.isNaN(year)) throw new InvalidInput({ year: 'report-year-invalid' });
      const organ = await s.annualReports.organ(q.organ);
      const base = `${LIST}/${year}`;
      const { report, isSaved } = await s.annualReports.current(actor, organ, year);
      const publishedOn = report.publishedAt ? (report.publishedAt.slice(0, 10) as never) : null;
      const due = reportStanding({ year, status: isSaved ? report.status : null, publishedOn, today: s.clock.today() });
      const title = reportTitle(organ.name, year);
      if (!isSaved) {
        return page(request, reply, actor, title, (
          <>
            <p class="notice warn">本年度报告尚未生成。下方为依据当前记录计算的预览；生成后即可编辑文字、录入数据并公布。</p>
            <p><DueLine y={due} /></p>
            <form method="post" action={`${base}/generate${organQuery(organ, q)}`} class="actions"><input type="hidden" name="_csrf" value={request.csrfToken} /><button type="submit">根据数据生成</button></form>
            <ReportView report={report} doc={s.annualReports.document(report, organ)} due={due} actor={actor} isPreviewOnly csrf={request.csrfToken} base={base} organQuery={organQuery(organ, q)} isConnected={s.annualReports.isConnected} />
          </>
        ));
      }
      const editions = await s.annualReports.corrections.listEditions(actor, organ, year);
      const doc = s.annualReports.document(report, organ, await s.annualReports.corrections.notices(report.id));
      return page(request, reply, actor, title, <ReportView report={report} doc={doc} due={due} actor={actor} csrf={request.csrfToken} base={base} organQuery={organQuery(organ, q)} isConnected={s.annualReports.isConnected} errors={form?.errors} draft={form?.draft} editions={editions} correctionForm={correctionForm} />, form || correctionForm ? 400 : 200);
    };
    reportCorrectionConsoleRoutes(s, app, { page, showReport });

    app.get<{ Params: { year: string } }>(`${LIST}/:year`, (request, reply) => showReport(request, reply));

    app.post<{ Params: { year: string } }>(`${LIST}/:year`, async (request, reply) => {
      const actor = requireActor(request, 'report.edit');
      const q = request.query as Query;
      const organ = await s.annualReports.organ(q.organ);
      const year = yearParam(request.params.year);
      const f = formFields(request.body);
      const edit = editFromForm(f);
      try {
        const current: StoredReport = await s.annualReports.get(actor, organ, year);
        const figuresChanged = !sameFigures(edit.figures, current.figures);
        await s.annualReports.update(actor, organ, year, Number(f.version), { sections: edit.sections, ...(figuresChanged ? { figures: edit.figures } : {}) });
        return redirectWithNotice(reply, `${LIST}/${year}${organQuery(organ, q)}`, 'saved');
      } catch (e) {
        if (e instanceof InvalidInput) return showReport(request, reply, { errors: e.fields, draft: { ...edit, typed: f } });
        if (e instanceof Conflict) return reply.redirect(`${LIST}/${year}?${new URLSearchParams({ ...(q.organ ? { organ: q.organ } : {}), error: e.code })}`, 303);
        throw e;
      }
    });

    const action = (name: 'generate' | 'publish') =>
      app.post<{ Params: { year: string } }>(`${LIST}/:year/${name}`, async (request, reply) => {
        const actor = requireActor(request, name === 'publish' ? 'report.publish' : 'report.edit');
        const q = request.query as Query;
        const organ = await s.annualReports.organ(q.organ);
        const year = yearParam(request.params.year);
        const version = formFields(request.body).version;
        try {
          if (name === 'generate') await s.annualReports.generate(actor, organ, year, version ? Number(version) : undefined);
          else await s.annualReports.publish(actor, organ, year, Number(version));
          return redirectWithNotice(reply, `${LIST}/${year}${organQuery(organ, q)}`, name === 'generate' ? 'generated' : 'published');
        } catch (e) {
          if (e instanceof Conflict || e instanceof InvalidInput) return reply.redirect(`${LIST}/${year}?${new URLSearchParams({ ...(q.organ ? { organ: q.organ } : {}), error: e.code === 'invalid-input' ? Object.values((e as InvalidInput).fields)[0] ?? e.code : e.code })}`, 303);
          throw e;
        }
      });
    action('generate');
    action('publish');

    app.get<{ Params: { year: string } }>(`${LIST}/:year/report.docx`, async (request, reply) => {
      const actor = requireActor(request, 'report.read');
      const organ = await s.annualReports.organ((request.query as Query).organ);
      const year = yearParam(request.params.year);
      const { report, isSaved } = await s.annualReports.current(actor, organ, year);
      const notices = isSaved ? await s.annualReports.corrections.notices(report.id) : [];
      return sendDocx(reply, await renderReportDocx(s.annualReports.document(report, organ, notices)), `${reportTitle(organ.name, year)}.docx`);
    });
  };
}
