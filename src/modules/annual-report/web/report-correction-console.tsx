/**
 * Console routes of the 更正 of a published 年度报告: /console/annual-reports/{year}/corrections/open|cancel|publish and
 * /console/annual-reports/{year}/editions/{n} (a past edition as it was published).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/actor.ts';
import { Conflict, InvalidInput } from '../../../kernel/errors.ts';
import type { Services } from '../../../services.ts';
import { formFields, redirectWithNotice, requireActor } from '../../../web/http.ts';
import type { Child } from '../../../web/jsx/jsx-runtime.ts';
import { reportTitle } from '../domain/report-layout.ts';
import { correctionNotices } from '../report-correction-service.ts';
import type { CorrectionForm } from './report-correction-views.tsx';
import { EditionView } from './report-correction-views.tsx';

type Query = { organ?: string };
type YearRequest = FastifyRequest<{ Params: { year: string } }>;
const LIST = '/console/annual-reports';
const yearParam = (text: string) => (/^\d{4}$/.test(text) ? Number(text) : NaN);
const organQuery = (q: Query) => (q.organ ? `?organ=${encodeURIComponent(q.organ)}` : '');

/** The page helpers of annual-report-console.tsx this module renders through. */
export interface ReportPages {
  page(request: FastifyRequest, reply: FastifyReply, actor: Actor, title: string, children: Child, status?: number): Promise<unknown>;
  showReport(request: YearRequest, reply: FastifyReply, form?: undefined, correctionForm?: CorrectionForm): Promise<unknown>;
}

export function reportCorrectionConsoleRoutes(s: Services, app: FastifyInstance, pages: ReportPages): void {
  const back = (reply: FastifyReply, year: number, q: Query, params: Record<string, string>) => reply.redirect(`${LIST}/${year}?${new URLSearchParams({ ...(q.organ ? { organ: q.organ } : {}), ...params })}`, 303);

  const step = (name: 'open' | 'cancel') =>
    app.post<{ Params: { year: string } }>(`${LIST}/:year/corrections/${name}`, async (request, reply) => {
      const actor = requireActor(request, 'report.publish');
      const q = request.query as Query;
      const organ = await s.annualReports.organ(q.organ);
      const year = yearParam(request.params.year);
      const version = Number(formFields(request.body).version);
      try {
        await (name === 'open' ? s.annualReports.corrections.open(actor, organ, year, version) : s.annualReports.corrections.cancel(actor, organ, year, version));
        return redirectWithNotice(reply, `${LIST}/${year}${organQuery(q)}`, name === 'open' ? 'correction-opened' : 'correction-cancelled');
      } catch (e) {
        if (e instanceof Conflict) return back(reply, year, q, { error: e.code });
        throw e;
      }
    });
  step('open');
  step('cancel');

  app.post<{ Params: { year: string } }>(`${LIST}/:year/corrections/publish`, async (request, reply) => {
    const actor = requireActor(request, 'report.publish');
    const q = request.query as Query;
    const organ = await s.annualReports.organ(q.organ);
    const year = yearParam(request.params.year);
    const f = formFields(request.body);
    const note = (f.correctionNote ?? '').replace(/\r\n/g, '\n');
    try {
      await s.annualReports.corrections.publish(actor, organ, year, Number(f.version), note);
      return redirectWithNotice(reply, `${LIST}/${year}${organQuery(q)}`, 'correction-published');
    } catch (e) {
      // The 更正说明 is kept and its error shown beside it; refusals from the state or the catalogue come back as a notice.
      if (e instanceof InvalidInput && e.fields.correctionNote) return pages.showReport(request, reply, undefined, { errors: e.fields, note });
      if (e instanceof Conflict || e instanceof InvalidInput) return back(reply, year, q, { error: e instanceof Conflict ? e.code : (Object.values(e.fields)[0] ?? e.code) });
      throw e;
    }
  });

  app.get<{ Params: { year: string; edition: string } }>(`${LIST}/:year/editions/:edition`, async (request, reply) => {
    const actor = requireActor(request, 'report.read');
    const q = request.query as Query;
    const organ = await s.annualReports.organ(q.organ);
    const year = yearParam(request.params.year);
    const editionNo = /^\d{1,4}$/.test(request.params.edition) ? Number(request.params.edition) : 0;
    const list = await s.annualReports.corrections.listEditions(actor, organ, year);
    const edition = await s.annualReports.corrections.getEdition(actor, organ, year, editionNo);
    const report = await s.annualReports.get(actor, organ, year);
    // Printed as it was published: with the 更正说明 up to and including this edition.
    const doc = s.annualReports.document({ year, sections: edition.sections, tables: edition.tables, publishedAt: report.publishedAt }, organ, correctionNotices(list.filter((e) => e.editionNo <= editionNo)));
    const title = `${reportTitle(organ.name, year)}（第${editionNo}版）`;
    return pages.page(request, reply, actor, title, <EditionView edition={edition} latestEditionNo={list.at(-1)?.editionNo ?? editionNo} doc={doc} base={`${LIST}/${year}`} organQuery={organQuery(q)} />);
  });
}
