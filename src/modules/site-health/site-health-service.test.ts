import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { testDialects } from '../../../test/support/test-database.ts';
import { SITE_HEALTH_JOB } from './site-health-service.ts';
import { seedBrokenSite, SEEDED_TODAY, type SeededSite } from './testing/seeded-site.ts';
import type { RunReport } from './site-health-service.ts';

const dialects = await testDialects();

describe.each(dialects)('site health on a seeded site (%s)', (dialect) => {
  let t: TestContext;
  let site: SeededSite;
  let report: RunReport;

  beforeAll(async () => {
    t = await createTestContext(dialect, { now: `${SEEDED_TODAY}T01:00:00Z` });
    site = await seedBrokenSite(t);
    report = await t.services.siteHealth.check({ id: 'user-officer', name: '测试officer' });
  }, 60_000);
  afterAll(() => t.close());

  const of = (indicator: string) => report.findings.filter((f) => f.indicator === indicator);

  it('finds the link to the withdrawn item and the wrong 索引号, not the healthy links', () => {
    const links = of('broken-links');
    expect(links.map((f) => f.explanation.match(/正文中的链接 (\S+) /)?.[1]).sort()).toEqual([`/api/v1/public/items/11330000MB0000001X%2F2019-99999`, `/xxgk/content/${site.retracted.id}`].sort());
    expect(links.every((f) => f.fixUrl === `/console/items/${site.linking.id}` && f.severity === 'serious')).toBe(true);
    expect(links.find((f) => f.explanation.includes(site.retracted.id))!.explanation).toContain('已撤回');
    expect(links.find((f) => f.explanation.includes('2019-99999'))!.explanation).toContain('索引号');
    // Without the app, the unknown internal page cannot be requested: counted as unverified, never guessed broken.
    expect(report.run.stats).toMatchObject({ linksChecked: 6, linksUnverified: 1, itemsScanned: 4, attachmentsChecked: 2 });
  });

  it('finds the attachment whose blob is missing, not the healthy one', () => {
    expect(of('broken-attachments').map((f) => [f.subjectId, f.fixUrl])).toEqual([[site.missingAttachmentId, `/console/items/${site.staleNotice.id}`]]);
  });

  it('finds the request open for more than 3 months, not the recent one', () => {
    expect(of('unanswered-requests').map((f) => f.fixUrl)).toEqual([`/console/foi/${site.oldRequestId}`]);
  });

  it('finds the stale 通知公告 columns and the empty 人事 column, not the fresh 动态 and 政策 columns', () => {
    expect(of('column-freshness').map((f) => f.subjectId).sort()).toEqual([`entry:${site.entries.notice}`, 'type:notice']);
    expect(of('column-freshness').find((f) => f.subjectId === `entry:${site.entries.notice}`)!.fixUrl).toBe(`/console/catalogue/${site.entries.notice}`);
    const empty = of('empty-columns').map((f) => f.subjectId);
    expect(empty).toContain(`entry:${site.entries.people}`);
    expect(empty).not.toContain(`entry:${site.entries.news}`);
    expect(empty).not.toContain(`entry:${site.entries.policy}`);
  });

  it('stores the run with verdicts, no veto at these counts, and audits it', async () => {
    expect(report.run.isVetoed).toBe(false);
    expect(report.run.verdicts.find((v) => v.indicator === 'home-freshness')).toMatchObject({ status: 'ok' });
    expect(report.run.verdicts.find((v) => v.indicator === 'unanswered-comments')).toMatchObject({ status: 'not-applicable' });
    const latest = await t.services.siteHealth.latest();
    expect(latest?.run.id).toBe(report.run.id);
    expect(latest?.findings.map((f) => f.title)).toEqual(report.findings.map((f) => f.title));
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'site-health.run').execute();
    expect(audit.map((a) => [a.subject_id, a.actor_name])).toEqual([[report.run.id, '测试officer']]);
  });

  it('registers 栏目按期更新率 as a self-inspection indicator (weight 0 until the office sets one)', async () => {
    const indicator = t.services.inspection.indicators().find((i) => i.key === 'column-freshness')!;
    expect(indicator.weight).toBe(0);
    const r = await indicator.compute(t.organId, 2026);
    expect(r).toMatchObject({ score: 4 / 6, value: '4/6（66.7%）', problems: ['2个栏目未按期更新。'] });
    expect((await indicator.compute(t.organId, 2025)).score).toBeNull();
  });

  it('runs the daily job once per day across instances and books the next day', async () => {
    const other = await createTestContext(dialect, { now: `${SEEDED_TODAY}T01:00:00Z`, database: t.database, instanceId: 'other' });
    await t.services.siteHealth.ensureScheduled();
    await other.services.siteHealth.ensureScheduled();
    const pending = await t.database.db.selectFrom('scheduled_jobs').selectAll().where('kind', '=', SITE_HEALTH_JOB).where('done_at', 'is', null).execute();
    expect(pending.map((j) => [j.subject_id, j.run_at])).toEqual([['2026-12-05', '2026-12-04T18:00:00.000Z']]);
    t.clock.set('2026-12-04T18:00:01Z');
    other.clock.set('2026-12-04T18:00:01Z');
    const ran = await Promise.all([t.services.scheduler.runDue(), other.services.scheduler.runDue()]);
    expect(ran[0] + ran[1]).toBe(1);
    const scheduled = await t.database.db.selectFrom('site_health_runs').select(['scheduled_for', 'trigger', 'triggered_by']).where('trigger', '=', 'scheduled').execute();
    expect(scheduled).toEqual([{ scheduled_for: '2026-12-05', trigger: 'scheduled', triggered_by: '定时任务（网站健康检查）' }]);
    const next = await t.database.db.selectFrom('scheduled_jobs').select(['subject_id', 'run_at']).where('kind', '=', SITE_HEALTH_JOB).where('done_at', 'is', null).execute();
    expect(next).toEqual([{ subject_id: '2026-12-06', run_at: '2026-12-05T18:00:00.000Z' }]);
  });

  it('summarises the month with its runs and the findings open at the last one', async () => {
    const m = await t.services.siteHealth.monthly('2026-12');
    expect(m.runCount).toBe(2);
    // (The second instance has its own DATA_DIR in this test, so its run finds every blob missing: only the count of runs is asserted.)
    expect(m.indicators.find((i) => i.indicator === 'broken-attachments')).toMatchObject({ runsWithProblem: 2 });
    expect(m.indicators.find((i) => i.indicator === 'unanswered-requests')).toMatchObject({ runsWithProblem: 2, maxCount: 1, last: { status: 'problem', count: 1 } });
    expect(m.openFindings.some((f) => f.subjectId === site.missingAttachmentId)).toBe(true);
    expect((await t.services.siteHealth.monthly('2026-11')).runCount).toBe(0);
    await expect(t.services.siteHealth.monthly('2026-13')).rejects.toMatchObject({ code: 'site-health-month-invalid' });
  });
});
