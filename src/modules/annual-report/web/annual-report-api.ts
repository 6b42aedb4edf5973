/**
 * `/api/v1/annual-reports`: the report in the JSON shape of ANNUAL-REPORT-FORMAT.md §7 (so other systems read it by its
 * official labels), its state (version, rule findings, due date), generate, edit, publish and the DOCX; and
 * `/api/v1/self-inspections`: indicator weights and the year's scores.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import type { Services } from '../../../services.ts';
import { formatChineseDate } from '../../../kernel/local-date.ts';
import { requireActor } from '../../../web/http.ts';
import type { ReportSection } from '../domain/annual-report.ts';
import type { EnteredFigures } from '../domain/entered-figures.ts';
import { inspectionDocument } from '../domain/inspection-report.ts';
import { APPLICANT_KINDS, SECTION_HEADINGS } from '../domain/report-format.ts';
import { reportState as reportWorkflowState } from '../domain/report-correction.ts';
import { reportStanding } from '../domain/report-schedule.ts';
import type { ReportOrgan } from '../report-compiler.ts';
import { renderReportDocx } from '../render/report-docx.ts';
import type { StoredReport } from '../sql/annual-report-repository.ts';

const Year = Type.Object({ year: Type.Integer({ minimum: 2008, maximum: 2100, description: '报告年度' }) });
const OrganQuery = Type.Object({ organ: Type.Optional(Type.String({ maxLength: 40, description: '机构代码，默认为主机关' })) });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });

const FiguresBody = Type.Object(
  {
    licensing: Type.Optional(Nullable(Count)),
    penalty: Type.Optional(Nullable(Count)),
    enforcement: Type.Optional(Nullable(Count)),
    feesWanYuan: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
    decisionsSource: Type.Optional(Type.String({ maxLength: 200, description: '行政许可、处罚、强制、收费数据来源' })),
    previousCarriedForward: Type.Optional(Type.Union([Type.Object(Object.fromEntries(APPLICANT_KINDS.map((k) => [k, Type.Optional(Count)])), { additionalProperties: false }), Type.Null()], { description: '上一年度报告“四、结转下年度继续办理”各列（平台中途启用时录入）' })),
    processingFeeYuan: Type.Optional(Nullable(Type.Number({ minimum: 0, description: '本年收取的信息处理费（元）' }))),
  },
  { additionalProperties: false },
);
const UpdateBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    sections: Type.Optional(Type.Array(Type.Object({ heading: Type.Union(SECTION_HEADINGS.map((h) => Type.Literal(h))), text: Type.String({ maxLength: 20_000 }) }, { additionalProperties: false }), { maxItems: 6 })),
    figures: Type.Optional(FiguresBody),
  },
  { additionalProperties: false },
);
const VersionBody = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
const PublishBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
const PlanBody = Type.Object(
  {
    appraisalWeightPercent: Type.Number({ description: '政务公开在绩效考核中的权重（%），不低于4' }),
    weights: Type.Record(Type.String({ maxLength: 60 }), Type.Integer(), { description: '各指标权重（0–100 的整数）' }),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
const RemarksBody = Type.Object({ problems: Type.String({ maxLength: 10_000 }), remedies: Type.String({ maxLength: 10_000 }), version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

type Query = Static<typeof OrganQuery>;
type Params = Static<typeof Year>;

/** Version, status, figures and rule findings: what the JSON shape leaves out and an editor needs. */
export function reportState(s: Services, organ: ReportOrgan, r: StoredReport) {
  const publishedOn = r.publishedAt ? (r.publishedAt.slice(0, 10) as never) : null;
  return {
    organ: { code: organ.code, name: organ.name },
    year: r.year,
    status: r.status,
    /** draft, published, or correcting (a 更正 of the published report is open). */
    state: reportWorkflowState(r),
    correctionOpenedAt: r.correctionOpenedAt,
    correctionOpenedBy: r.correctionOpenedBy,
    version: r.version,
    ...reportStanding({ year: r.year, status: r.status, publishedOn, today: s.clock.today() }),
    generatedAt: r.generatedAt,
    publishedAt: r.publishedAt,
    publishedItemId: r.publishedItemId,
    isConsistent: r.findings.every((f) => f.ok),
    findings: r.findings,
    recordProblems: r.problems,
    figures: r.figures,
    sections: r.sections,
  };
}

/** Sends a DOCX named after the report. */
export function sendDocx(reply: FastifyReply, bytes: Buffer, filename: string): FastifyReply {
  return reply
    .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'no-store')
    .send(bytes);
}

export function annualReportApiRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    const tags = ['政府信息公开工作年度报告'];
    // Read at request time, so a test (or the FOI wiring) may replace the service after the app is built.
    const organOf = (q: Query) => s.annualReports.organ(q.organ);

    app.get<{ Querystring: Query }>('/api/v1/annual-reports', { schema: { tags, summary: '各年度报告：应公布日期（次年1月31日前）、状态和校验结果', querystring: OrganQuery } }, async (request) => {
      const actor = requireActor(request, 'report.read');
      return { years: await s.annualReports.listYears(actor, await organOf(request.query)) };
    });

    app.get<{ Params: Params; Querystring: Query }>('/api/v1/annual-reports/:year', { schema: { tags, summary: '年度报告（国办公开办函〔2021〕30号格式，表格按官方行列标签）', params: Year, querystring: OrganQuery } }, async (request) => {
      const actor = requireActor(request, 'report.read');
      return s.annualReports.json(actor, await organOf(request.query), request.params.year);
    });

    app.get<{ Params: Params; Querystring: Query }>('/api/v1/annual-reports/:year/state', { schema: { tags, summary: '年度报告的版本、状态、录入数据和校验结果', params: Year, querystring: OrganQuery } }, async (request) => {
      const actor = requireActor(request, 'report.read');
      const organ = await organOf(request.query);
      return reportState(s, organ, await s.annualReports.get(actor, organ, request.params.year));
    });

    app.post<{ Params: Params; Querystring: Query }>('/api/v1/annual-reports/:year/generate', { schema: { tags, summary: '根据平台数据生成（或重新生成）年度报告的表格和文字初稿，并校验', params: Year, querystring: OrganQuery, body: VersionBody }, preValidation: async (request) => void (request.body ??= {}) }, async (request) => {
      const actor = requireActor(request, 'report.edit');
      const organ = await organOf(request.query);
      return reportState(s, organ, await s.annualReports.generate(actor, organ, request.params.year, (request.body as Static<typeof VersionBody>).version));
    });

    app.put<{ Params: Params; Querystring: Query }>('/api/v1/annual-reports/:year', { schema: { tags, summary: '修改文字部分和/或录入数据（需提供 version）', params: Year, querystring: OrganQuery, body: UpdateBody } }, async (request) => {
      const actor = requireActor(request, 'report.edit');
      const organ = await organOf(request.query);
      const body = request.body as Static<typeof UpdateBody>;
      const current = await s.annualReports.get(actor, organ, request.params.year);
      const figures = body.figures ? ({ ...current.figures, ...body.figures } as EnteredFigures) : undefined;
      const updated = await s.annualReports.update(actor, organ, request.params.year, body.version, { sections: body.sections as ReportSection[] | undefined, figures });
      return reportState(s, organ, updated);
    });

    app.post<{ Params: Params; Querystring: Query }>('/api/v1/annual-reports/:year/publish', { schema: { tags, summary: '公布年度报告（全部校验规则通过后），发布到信息公开年报栏目', params: Year, querystring: OrganQuery, body: PublishBody } }, async (request) => {
      const actor = requireActor(request, 'report.publish');
      const organ = await organOf(request.query);
      return reportState(s, organ, await s.annualReports.publish(actor, organ, request.params.year, (request.body as Static<typeof PublishBody>).version));
    });

    app.get<{ Params: Params; Querystring: Query }>('/api/v1/annual-reports/:year/report.docx', { schema: { tags, summary: '下载年度报告（DOCX，公文格式）', params: Year, querystring: OrganQuery } }, async (request, reply) => {
      const actor = requireActor(request, 'report.read');
      const organ = await organOf(request.query);
      const report = await s.annualReports.get(actor, organ, request.params.year);
      const notices = await s.annualReports.corrections.notices(report.id);
      return sendDocx(reply, await renderReportDocx(s.annualReports.document(report, organ, notices)), `${organ.name}${report.year}年政府信息公开工作年度报告.docx`);
    });

    const itags = ['政务公开自查'];
    app.get<{ Querystring: Query }>('/api/v1/self-inspection/plan', { schema: { tags: itags, summary: '自查指标权重和政务公开在绩效考核中的权重', querystring: OrganQuery } }, async (request) => {
      const actor = requireActor(request, 'report.read');
      const organ = await organOf(request.query);
      const plan = await s.inspection.plan(actor, organ.id);
      return { appraisalWeightPercent: plan.appraisalWeightBp / 100, weights: plan.weights, version: plan.version, indicators: s.inspection.indicators().map((i) => ({ key: i.key, label: i.label, defaultWeight: i.weight, description: i.description ?? null })) };
    });

    app.put<{ Querystring: Query }>('/api/v1/self-inspection/plan', { schema: { tags: itags, summary: '设置指标权重（政务公开权重不得低于4%）', querystring: OrganQuery, body: PlanBody } }, async (request) => {
      const actor = requireActor(request, 'inspection.manage');
      const organ = await organOf(request.query);
      const b = request.body as Static<typeof PlanBody>;
      const plan = await s.inspection.savePlan(actor, organ.id, { appraisalWeightPercent: b.appraisalWeightPercent, weights: b.weights }, b.version);
      return { appraisalWeightPercent: plan.appraisalWeightBp / 100, weights: plan.weights, version: plan.version };
    });

    app.get<{ Params: Params; Querystring: Query }>('/api/v1/self-inspections/:year', { schema: { tags: itags, summary: '年度自查：各指标得分、依据和问题', params: Year, querystring: OrganQuery } }, async (request) => {
      const actor = requireActor(request, 'report.read');
      const i = await s.inspection.inspect(actor, await organOf(request.query), request.params.year);
      return { year: i.year, organ: i.organ, total: i.total, appraisalWeightPercent: i.appraisalWeightBp / 100, appraisalPoints: i.appraisalPoints, indicators: i.indicators, problems: i.problemsText, remedies: i.remediesText, remarksVersion: i.remarksVersion };
    });

    app.get<{ Params: Params; Querystring: Query }>('/api/v1/self-inspections/:year/report.docx', { schema: { tags: itags, summary: '下载年度自查报告（DOCX）', params: Year, querystring: OrganQuery } }, async (request, reply) => {
      const actor = requireActor(request, 'report.read');
      const doc = inspectionDocument(await s.inspection.inspect(actor, await organOf(request.query), request.params.year), formatChineseDate(s.clock.today()));
      return sendDocx(reply, await renderReportDocx(doc), `${doc.title}.docx`);
    });

    app.put<{ Params: Params; Querystring: Query }>('/api/v1/self-inspections/:year/remarks', { schema: { tags: itags, summary: '填写自查报告的问题和整改措施', params: Year, querystring: OrganQuery, body: RemarksBody } }, async (request) => {
      const actor = requireActor(request, 'inspection.manage');
      const organ = await organOf(request.query);
      const b = request.body as Static<typeof RemarksBody>;
      const r = await s.inspection.saveRemarks(actor, organ.id, request.params.year, { problems: b.problems, remedies: b.remedies }, b.version);
      return { problems: r.problems, remedies: r.remedies, version: r.version };
    });
  };
}
