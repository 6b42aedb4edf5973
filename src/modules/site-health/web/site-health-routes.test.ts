import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postForm, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { zipEntryText } from '../../../web/docx/zip-entry.ts';
import { seedBrokenSite, SEEDED_TODAY, type SeededSite } from '../testing/seeded-site.ts';

const dialects = await testDialects();

describe.each(dialects)('site health console and API (%s)', (dialect) => {
  let t: TestApp;
  let site: SeededSite;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set(`${SEEDED_TODAY}T01:00:00Z`);
    site = await seedBrokenSite(t);
  }, 60_000);
  afterAll(() => t.close());

  it('runs the check through the API (201), requesting other site pages through the app', async () => {
    const res = await t.api('officer', 'POST', '/api/v1/site-health/runs');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.run.isVetoed).toBe(false);
    const hrefs = body.findings.filter((f: { indicator: string }) => f.indicator === 'broken-links').map((f: { explanation: string }) => f.explanation.match(/链接 (\S+) /)![1]);
    expect(hrefs.sort()).toEqual(['/api/v1/public/items/11330000MB0000001X%2F2019-99999', '/xxgk/no-such-column', `/xxgk/content/${site.retracted.id}`].sort());
    expect(body.run.stats.linksUnverified).toBe(0);
    expect(body.findings.every((f: { fixUrl: string }) => f.fixUrl.startsWith('/console/'))).toBe(true);
  });

  it('returns the latest run to readers and refuses roles without the action', async () => {
    const latest = await t.api('auditor', 'GET', '/api/v1/site-health');
    expect(latest.statusCode).toBe(200);
    expect(latest.json().findings.some((f: { subjectId: string }) => f.subjectId === site.missingAttachmentId)).toBe(true);
    expect((await t.api('editor', 'GET', '/api/v1/site-health')).statusCode).toBe(403);
    expect((await t.api('auditor', 'POST', '/api/v1/site-health/runs')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/site-health' })).statusCode).toBe(401);
  });

  it('gives the monthly report as JSON and DOCX, and refuses a malformed month', async () => {
    const month = await t.api('officer', 'GET', '/api/v1/site-health/reports/2026-12');
    expect(month.statusCode).toBe(200);
    expect(month.json()).toMatchObject({ month: '2026-12', runCount: 1, isVetoedAtMonthEnd: false });
    expect((await t.api('officer', 'GET', '/api/v1/site-health/reports/2026-13')).statusCode).toBe(400);
    const docx = await t.api('auditor', 'GET', '/api/v1/site-health/reports/2026-12/report.docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = zipEntryText(docx.rawPayload, 'word/document.xml') ?? '';
    expect(xml).toContain('2026年12月网站健康检查报告');
    expect(xml).toContain('附件无法下载');
  });

  it('describes the API in the OpenAPI document', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/site-health', '/api/v1/site-health/runs', '/api/v1/site-health/reports/{month}']));
  });

  it('shows the dashboard with the veto status, findings grouped by indicator with fix links, and the trend', async () => {
    const session = await t.signIn('officer');
    const run = await postForm(t.app, '/console/site-health/runs', session, {});
    expect(run.statusCode).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: '/console/site-health', headers: { cookie: session.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="veto-status"');
    expect(page.body).toContain('未触及单项否决指标');
    expect(page.body).toMatch(/<section id="broken-attachments"[^>]*>[\s\S]*?href="\/console\/items\/[^"]+"/);
    expect(page.body).toContain(`href="/console/foi/${site.oldRequestId}"`);
    expect(page.body).not.toContain(`href="/console/foi/${site.recentRequestId}"`);
    expect(page.body).toContain(`href="/console/catalogue/${site.entries.people}"`);
    expect((page.body.match(/href="\/console\/site-health\/runs\/[^"]+"/g) ?? []).length).toBe(2);
    expect(page.body).toContain('立即检查');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'site-health.run').execute();
    expect(audit).toHaveLength(2);
  });

  it('shows the dashboard and the monthly report to auditors without the run button, and not to editors', async () => {
    const auditor = await t.signIn('auditor');
    const page = await t.app.inject({ method: 'GET', url: '/console/site-health', headers: { cookie: auditor.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('立即检查');
    const report = await t.app.inject({ method: 'GET', url: '/console/site-health/reports/2026-12', headers: { cookie: auditor.cookie } });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('共进行网站健康检查2次');
    const editor = await t.signIn('editor');
    expect((await t.app.inject({ method: 'GET', url: '/console/site-health', headers: { cookie: editor.cookie } })).statusCode).toBe(403);
  });

  it('prominently reports the vetoes when the home page and six timed columns are stale', async () => {
    t.clock.set('2027-07-01T01:00:00Z');
    const res = await t.api('admin', 'POST', '/api/v1/site-health/runs');
    const body = res.json();
    expect(body.run.isVetoed).toBe(true);
    expect(body.run.verdicts.find((v: { indicator: string }) => v.indicator === 'home-freshness').status).toBe('veto');
    expect(body.run.verdicts.find((v: { indicator: string }) => v.indicator === 'column-freshness')).toMatchObject({ status: 'veto', count: 6 });
    const session = await t.signIn('admin');
    const page = await t.app.inject({ method: 'GET', url: '/console/site-health', headers: { cookie: session.cookie } });
    expect(page.body).toContain('单项否决：');
    t.clock.set(`${SEEDED_TODAY}T01:00:00Z`);
  });
});
