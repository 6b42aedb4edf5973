/**
 * `/api/v1/annual-reports/{year}/corrections` and `/editions`: 更正 of a published 年度报告 (open, cancel, publish with a
 * mandatory 更正说明) and its 公布记录, each edition readable in the JSON shape of ANNUAL-REPORT-FORMAT.md §7.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import type { Services } from '../../../services.ts';
import { requireActor } from '../../../web/http.ts';
import { toReportJson } from '../domain/report-json.ts';
import { asAnnualReport } from '../report-compiler.ts';
import type { ReportEdition } from '../sql/report-edition-repository.ts';
import { reportState } from './annual-report-api.ts';

const YearParams = Type.Object({ year: Type.Integer({ minimum: 2008, maximum: 2100, description: '报告年度' }) });
const EditionParams = Type.Object({ year: Type.Integer({ minimum: 2008, maximum: 2100, description: '报告年度' }), edition: Type.Integer({ minimum: 1, maximum: 9999, description: '第几版（1 为首次公布）' }) });
const OrganQuery = Type.Object({ organ: Type.Optional(Type.String({ maxLength: 40, description: '机构代码，默认为主机关' })) });
const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
const CorrectionBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    correctionNote: Type.String({ maxLength: 2000, description: '更正说明（必填，6–500字）：更正了哪一部分、哪一项，原为多少、更正为多少；显示在公开的报告开头' }),
  },
  { additionalProperties: false },
);

type Query = Static<typeof OrganQuery>;
type Params = Static<typeof YearParams>;

/** An edition's 公布记录 entry, without its figures. */
const editionSummary = (e: ReportEdition) => ({ editionNo: e.editionNo, publishedAt: e.publishedAt, publishedBy: e.publishedBy, correctionNote: e.correctionNote, itemId: e.itemId, itemEditionNo: e.itemEditionNo });

export function reportCorrectionApiRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    const tags = ['政府信息公开工作年度报告'];
    const organOf = (q: Query) => s.annualReports.organ(q.organ);

    app.post<{ Params: Params; Querystring: Query }>('/api/v1/annual-reports/:year/corrections', { schema: { tags, summary: '更正已公布的年度报告：重新开放编辑（发布更正前门户网站仍显示原报告）', params: YearParams, querystring: OrganQuery, body: VersionBody } }, async (request) => {
      const actor = requireActor(request, 'report.publish');
      const organ = await organOf(request.query);
      return reportState(s, organ, await s.annualReports.corrections.open(actor, organ, request.params.year, (request.body as Static<typeof VersionBody>).version));
    });

    app.post<{ Params: Params; Querystring: Query }>('/api/v1/annual-reports/:year/corrections/cancel', { schema: { tags, summary: '放弃更正：报告恢复为最近一次公布的内容', params: YearParams, querystring: OrganQuery, body: VersionBody } }, async (request) => {
      const actor = requireActor(request, 'report.publish');
      const organ = await organOf(request.query);
      return reportState(s, organ, await s.annualReports.corrections.cancel(actor, organ, request.params.year, (request.body as Static<typeof VersionBody>).version));
    });

    app.post<{ Params: Params; Querystring: Query }>('/api/v1/annual-reports/:year/corrections/publish', { schema: { tags, summary: '发布更正：校验通过后作为同一条政府信息的新版本发布，更正说明显示在报告开头', params: YearParams, querystring: OrganQuery, body: CorrectionBody } }, async (request) => {
      const actor = requireActor(request, 'report.publish');
      const organ = await organOf(request.query);
      const body = request.body as Static<typeof CorrectionBody>;
      const report = await s.annualReports.corrections.publish(actor, organ, request.params.year, body.version, body.correctionNote);
      return { ...reportState(s, organ, report), editions: (await s.annualReports.corrections.listEditions(actor, organ, request.params.year)).map(editionSummary) };
    });

    app.get<{ Params: Params; Querystring: Query }>('/api/v1/annual-reports/:year/editions', { schema: { tags, summary: '公布记录：每次公布（首次公布和每次更正）的时间、公布人和更正说明', params: YearParams, querystring: OrganQuery } }, async (request) => {
      const actor = requireActor(request, 'report.read');
      return { editions: (await s.annualReports.corrections.listEditions(actor, await organOf(request.query), request.params.year)).map(editionSummary) };
    });

    app.get<{ Params: Static<typeof EditionParams>; Querystring: Query }>('/api/v1/annual-reports/:year/editions/:edition', { schema: { tags, summary: '某一版已公布的年度报告（国办公开办函〔2021〕30号格式）', params: EditionParams, querystring: OrganQuery } }, async (request) => {
      const actor = requireActor(request, 'report.read');
      const organ = await organOf(request.query);
      const e = await s.annualReports.corrections.getEdition(actor, organ, request.params.year, request.params.edition);
      return { ...editionSummary(e), report: toReportJson(asAnnualReport({ year: request.params.year, sections: e.sections, tables: e.tables }, organ.name)) };
    });
  };
}
