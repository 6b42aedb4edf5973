/**
 * /console/site-health (the dashboard: latest run, veto status, findings by indicator with fix links, trend, monthly
 * report as HTML and DOCX) and /api/v1/site-health (latest run, run now, monthly report).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import type { Actor } from '../../../kernel/actor.ts';
import { formatChineseDate } from '../../../kernel/local-date.ts';
import type { Services } from '../../../services.ts';
import { ActionButton } from '../../../web/components.tsx';
import { renderOfficialDocx } from '../../../web/docx/official-document.ts';
import { formatInstant } from '../../../web/format.ts';
import { redirectWithNotice, requireActor, sendHtml } from '../../../web/http.ts';
import { ConsoleLayout } from '../../../web/layout.tsx';
import { message } from '../../../web/messages.ts';
import { can } from '../../identity/domain/permissions.ts';
import type { MonthlySummary } from '../domain/monthly-summary.ts';
import { monthlyReportDocument } from '../report/monthly-document.ts';
import type { RunReport } from '../site-health-service.ts';
import type { SiteHealthRun, StoredFinding } from '../sql/site-health-repository.ts';
import { DocumentView, FindingGroups, Trend, VerdictTable, VetoBanner } from './site-health-views.tsx';

const BASE = '/console/site-health';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const Month = Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: '月份，YYYY-MM' }) });
const RunId = Type.Object({ id: Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }) });
const Verdict = Type.Object({ indicator: Type.String(), label: Type.String(), status: Type.Union([Type.Literal('ok'), Type.Literal('problem'), Type.Literal('veto'), Type.Literal('not-applicable')]), count: Type.Integer(), summary: Type.String() });
const FindingJson = Type.Object({ indicator: Type.String(), severity: Type.Union([Type.Literal('veto'), Type.Literal('serious'), Type.Literal('minor')]), subjectType: Type.String(), subjectId: Type.String(), title: Type.String(), explanation: Type.String(), fixUrl: Type.String() });
const RunJson = Type.Object({ id: Type.String(), checkedOn: Type.String(), startedAt: Type.String(), finishedAt: Type.String(), trigger: Type.String(), triggeredBy: Type.String(), isVetoed: Type.Boolean(), findingCount: Type.Integer(), verdicts: Type.Array(Verdict), stats: Type.Record(Type.String(), Type.Number()) });
const RunResponse = Type.Object({ run: Type.Union([RunJson, Type.Null()]), findings: Type.Array(FindingJson) });
const MonthResponse = Type.Object({
  month: Type.String(),
  from: Type.String(),
  to: Type.String(),
  runCount: Type.Integer(),
  vetoedRunCount: Type.Integer(),
  isVetoedAtMonthEnd: Type.Union([Type.Boolean(), Type.Null()]),
  indicators: Type.Array(Type.Object({ indicator: Type.String(), label: Type.String(), runsWithProblem: Type.Integer(), runsVetoed: Type.Integer(), maxCount: Type.Integer(), last: Type.Union([Verdict, Type.Null()]) })),
  openFindings: Type.Array(FindingJson),
});
const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const findingJson = (f: StoredFinding) => ({ indicator: f.indicator, severity: f.severity, subjectType: f.subjectType, subjectId: f.subjectId, title: f.title, explanation: f.explanation, fixUrl: f.fixUrl });
const runJson = (r: SiteHealthRun) => ({ id: r.id, checkedOn: r.checkedOn, startedAt: r.startedAt, finishedAt: r.finishedAt, trigger: r.trigger, triggeredBy: r.triggeredBy, isVetoed: r.isVetoed, findingCount: r.findingCount, verdicts: r.verdicts, stats: { ...r.stats } });
const reportJson = (r: RunReport | undefined) => ({ run: r ? runJson(r.run) : null, findings: r ? r.findings.map(findingJson) : [] });
const monthJson = (m: MonthlySummary) => ({ month: m.month, from: m.from, to: m.to, runCount: m.runCount, vetoedRunCount: m.vetoedRunCount, isVetoedAtMonthEnd: m.lastRun ? m.lastRun.isVetoed : null, indicators: m.indicators.map((i) => ({ ...i, last: i.last ?? null })), openFindings: m.openFindings.map((f) => findingJson(f as StoredFinding)) });
const who = (a: Actor) => ({ id: a.id, name: a.displayName });

async function monthlyDocx(s: Services, month: string): Promise<{ bytes: Buffer; filename: string }> {
  const doc = monthlyReportDocument(await s.siteHealth.monthly(month), (await s.site()).organName, formatChineseDate(s.clock.today()));
  return { bytes: await renderOfficialDocx(doc), filename: `${doc.title}.docx` };
}

function sendDocx(reply: FastifyReply, file: { bytes: Buffer; filename: string }): FastifyReply {
  return reply.type(DOCX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`).header('cache-control', 'no-store').send(file.bytes);
}

function consoleRoutes(s: Services, app: FastifyInstance): void {
  const page = async (request: FastifyRequest, reply: FastifyReply, actor: Actor, report: RunReport | undefined, isPast: boolean) => {
    const q = request.query as { notice?: string };
    const month = s.clock.today().slice(0, 7);
    const runs = await s.siteHealth.listRuns(30);
    return sendHtml(reply, (
      <ConsoleLayout site={await s.site()} title="网站健康检查" actor={actor} csrfToken={request.csrfToken} current={BASE} notice={q.notice === 'run-done' ? { text: message('site-health-run-done') } : undefined}>
        <p class="muted">依据国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》，每日定时检查首页和栏目更新、空白栏目、站内链接和附件、依申请公开办理情况。</p>
        <div class="actions">
          {can(actor.role, 'site-health.run') && <ActionButton action={`${BASE}/runs`} csrfToken={request.csrfToken} label="立即检查" />}
          <form method="get" action={`${BASE}/reports`} class="filters">
            <div class="field"><label for="month">月度报告</label><input type="month" id="month" name="month" value={month} /></div>
            <button type="submit" class="secondary">查看</button>
          </form>
          <a class="button secondary" href={`${BASE}/reports/${month}/report.docx`}>下载本月报告（DOCX）</a>
        </div>
        {!report ? (
          <p class="notice warn">尚未进行网站健康检查。</p>
        ) : (
          <>
            <h2>{isPast ? '检查结果' : '最近一次检查'}：{formatInstant(report.run.startedAt)}（{report.run.triggeredBy}）</h2>
            <VetoBanner run={report.run} />
            <VerdictTable run={report.run} />
            <p class="muted">检查公开信息 {String(report.run.stats.itemsScanned)} 条、站内链接 {String(report.run.stats.linksChecked)} 个、附件 {String(report.run.stats.attachmentsChecked)} 个、栏目 {String(report.run.stats.columns)} 个，用时 {String(report.run.stats.durationMs)} 毫秒。</p>
            <h2>问题清单</h2>
            <FindingGroups findings={report.findings} />
          </>
        )}
        <h2>检查趋势</h2>
        {runs.length === 0 ? <p class="muted">暂无检查记录。</p> : <Trend runs={runs} />}
      </ConsoleLayout>
    ));
  };

  app.get(BASE, async (request, reply) => {
    const actor = requireActor(request, 'site-health.read');
    return page(request, reply, actor, await s.siteHealth.latest(), false);
  });
  app.get<{ Params: { id: string } }>(`${BASE}/runs/:id`, { schema: { hide: true, params: RunId } }, async (request, reply) => {
    const actor = requireActor(request, 'site-health.read');
    return page(request, reply, actor, await s.siteHealth.getRun(request.params.id), true);
  });
  app.post(`${BASE}/runs`, async (request, reply) => {
    const actor = requireActor(request, 'site-health.run');
    await s.siteHealth.check(who(actor));
    return redirectWithNotice(reply, BASE, 'run-done');
  });
  app.get<{ Querystring: { month?: string } }>(`${BASE}/reports`, async (request, reply) => {
    requireActor(request, 'site-health.read');
    return reply.redirect(`${BASE}/reports/${encodeURIComponent(request.query.month ?? s.clock.today().slice(0, 7))}`, 303);
  });
  app.get<{ Params: { month: string } }>(`${BASE}/reports/:month`, async (request, reply) => {
    const actor = requireActor(request, 'site-health.read');
    const summary = await s.siteHealth.monthly(request.params.month);
    const doc = monthlyReportDocument(summary, (await s.site()).organName, formatChineseDate(s.clock.today()));
    return sendHtml(reply, (
      <ConsoleLayout site={await s.site()} title={doc.title} actor={actor} csrfToken={request.csrfToken} current={BASE}>
        <p class="actions no-print"><a class="button secondary" href={`${BASE}/reports/${summary.month}/report.docx`}>下载 DOCX</a> <a href={BASE}>返回网站健康检查</a></p>
        <DocumentView doc={doc} />
      </ConsoleLayout>
    ));
  });
  app.get<{ Params: { month: string } }>(`${BASE}/reports/:month/report.docx`, async (request, reply) => {
    requireActor(request, 'site-health.read');
    return sendDocx(reply, await monthlyDocx(s, request.params.month));
  });
}

function apiRoutes(s: Services, app: FastifyInstance): void {
  const tags = ['网站健康检查'];
  app.get('/api/v1/site-health', { schema: { tags, summary: '最近一次网站健康检查：各指标结果（含单项否决）和问题清单', response: { 200: RunResponse, ...errors } } }, async (request) => {
    requireActor(request, 'site-health.read');
    return reportJson(await s.siteHealth.latest());
  });
  app.post('/api/v1/site-health/runs', { schema: { tags, summary: '立即进行一次网站健康检查（国办秘函〔2019〕19号指标）', body: Type.Object({}, { additionalProperties: false }), response: { 201: RunResponse, ...errors } }, preValidation: async (request) => void (request.body ??= {}) }, async (request, reply) => {
    const actor = requireActor(request, 'site-health.run');
    return reply.status(201).send(reportJson(await s.siteHealth.check(who(actor))));
  });
  app.get<{ Params: Static<typeof Month> }>('/api/v1/site-health/reports/:month', { schema: { tags, summary: '月度网站健康检查报告：当月各次检查汇总和月末未整改问题', params: Month, response: { 200: MonthResponse, ...errors } } }, async (request) => {
    requireActor(request, 'site-health.read');
    return monthJson(await s.siteHealth.monthly(request.params.month));
  });
  app.get<{ Params: Static<typeof Month> }>('/api/v1/site-health/reports/:month/report.docx', { schema: { tags, summary: '下载月度网站健康检查报告（DOCX，公文格式）', params: Month } }, async (request, reply) => {
    requireActor(request, 'site-health.read');
    return sendDocx(reply, await monthlyDocx(s, request.params.month));
  });
}

/** The module's routes; also lets the check request other internal pages through this app. */
export function siteHealthRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    s.siteHealth.usePageProbe(async (path) => (await app.inject({ method: 'GET', url: path })).statusCode);
    consoleRoutes(s, app);
    apiRoutes(s, app);
  };
}
