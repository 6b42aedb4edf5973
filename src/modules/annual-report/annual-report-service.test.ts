import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-database.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { Conflict, Forbidden, InvalidInput } from '../../kernel/errors.ts';
import type { AnnualReportService } from './annual-report-service.ts';
import { rowCells } from './domain/annual-report.ts';
import { NO_ENTERED_FIGURES } from './domain/entered-figures.ts';
import type { ReportOrgan } from './report-compiler.ts';
import { aNormativeDocument, aRequest, fakeRecords, reportsWith } from './testing/builders.ts';

/**
 * 2025 records of 某县科学技术局: three 行政规范性文件 (one from 2024, one repealed in 2025), four requests (one received in
 * December and answered in January, so it is carried forward) and one 行政复议 upheld.
 */
const REQUESTS = [
  aRequest('2024-12-28', 'natural-person', { outcome: 'disclosed', decidedOn: '2025-01-15' }),
  aRequest('2025-03-02', 'natural-person', { outcome: 'disclosed', decidedOn: '2025-03-20' }),
  aRequest('2025-05-06', 'commercial', { outcome: 'partially-disclosed', decidedOn: '2025-05-30' }),
  aRequest('2025-12-20', 'natural-person', { outcome: 'unavailable-not-held', decidedOn: '2026-01-10' }),
];
const REVIEWS = [{ kind: 'reconsideration' as const, result: 'upheld' as const, filedOn: '2025-07-01' as never, decidedOn: '2025-09-01' as never }];

describe.each(await testDialects())('annual reports on %s', (dialect) => {
  let t: TestContext;
  let reports: AnnualReportService;
  let organ: ReportOrgan;
  beforeAll(async () => {
    t = await createTestContext(dialect);
    reports = reportsWith(t, fakeRecords(REQUESTS, REVIEWS));
    organ = await reports.organ();
    await aNormativeDocument(t, '2024-05-10');
    await aNormativeDocument(t, '2025-03-05');
    await aNormativeDocument(t, '2025-04-03', '2025-10-01');
  });
  afterAll(() => t.close());

  it('generates tables 二, 三 and 四 from the records, with every rule holding', async () => {
    const r = await reports.generate(t.actors.officer, organ, 2025);
    expect(r.tables.proactive.normativeDocument).toEqual({ issued: 2, repealed: 1, effective: 2 });
    const t3 = r.tables.applications;
    expect(rowCells(t3, 'received')).toMatchObject({ 'natural-person': 2, commercial: 1, total: 3 });
    expect(rowCells(t3, 'brought-forward').total).toBe(1);
    expect(rowCells(t3, 'disclosed')['natural-person']).toBe(2);
    expect(rowCells(t3, 'partially-disclosed').commercial).toBe(1);
    expect(rowCells(t3, 'results-total').total).toBe(3);
    expect(rowCells(t3, 'carried-forward')).toMatchObject({ 'natural-person': 1, total: 1 });
    expect(r.tables.reviews.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(r.findings.filter((f) => !f.ok)).toEqual([]);
    expect(r.findings.find((f) => f.rule === 'R6')?.skipped).toBe(true);
    expect(r.version).toBe(1);
  });

  it('drafts the narrative from the figures, and section 六 states the 信息处理费 even when it is 0 元', async () => {
    const r = await reports.find(t.actors.officer, organ, 2025);
    const text = (heading: string) => r!.sections.find((s) => s.heading === heading)!.text;
    expect(text('一、总体情况')).toContain('全年新收政府信息公开申请3件，上年结转1件；办结3件，其中予以公开2件，部分公开1件');
    expect(text('一、总体情况')).toContain('制发行政规范性文件2件');
    expect(text('六、其他需要报告的事项')).toBe('2025年，本机关严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。');
  });

  it('keeps the office’s edits when the report is generated again, and refuses a stale edit', async () => {
    const before = await reports.get(t.actors.officer, organ, 2025);
    const edited = await reports.update(t.actors.officer, organ, 2025, before.version, { sections: [{ heading: '五、存在的主要问题及改进情况', text: '（一）存在的主要问题\n解读材料发布不够及时。' }] });
    await expect(reports.update(t.actors.officer, organ, 2025, before.version, { sections: [] })).rejects.toMatchObject({ code: 'stale-version' });
    const regenerated = await reports.generate(t.actors.officer, organ, 2025, edited.version);
    expect(regenerated.sections.find((s) => s.heading.startsWith('五'))!.text).toContain('解读材料发布不够及时');
    expect(regenerated.sections.find((s) => s.heading.startsWith('六'))!.text).toContain('0元');
  });

  it('requires a source for entered decision figures and refuses fractions of a decision', async () => {
    const r = await reports.get(t.actors.officer, organ, 2025);
    const error = await reports.update(t.actors.officer, organ, 2025, r.version, { figures: { ...NO_ENTERED_FIGURES, licensing: 12.5, penalty: 3 } }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.fields).toEqual({ licensing: 'not-a-count', decisionsSource: 'source-required' });
  });

  it('shows which cell fails and why when last year’s entered 结转 disagrees with the records (R1)', async () => {
    const r = await reports.get(t.actors.officer, organ, 2025);
    const figures = { ...NO_ENTERED_FIGURES, licensing: 40, penalty: 3, enforcement: 0, feesWanYuan: 1.25, decisionsSource: '县政务服务中心审批系统', previousCarriedForward: { 'natural-person': 2 } };
    const updated = await reports.update(t.actors.officer, organ, 2025, r.version, { figures });
    expect(updated.tables.proactive).toMatchObject({ licensing: 40, penalty: 3, feesWanYuan: 1.25 });
    expect(rowCells(updated.tables.applications, 'brought-forward')['natural-person']).toBe(2);
    const r1 = updated.findings.filter((f) => f.rule === 'R1' && !f.ok);
    expect(r1.map((f) => f.cells[0]?.column)).toEqual(['自然人', '总计']);
    expect(r1[0]!.message).toBe('表三“自然人”列：一、本年新收（2）加二、上年结转（2）为4，不等于（七）总计（2）加四、结转下年度继续办理（1）之和3。');
    expect(r1[0]!.cells.map((c) => c.row)).toContain('二、上年结转政府信息公开申请数量');
    expect(updated.findings.find((f) => f.rule === 'R6')).toMatchObject({ ok: true, message: expect.stringContaining('R6 通过') });
    await expect(reports.publish(t.actors.officer, organ, 2025, updated.version)).rejects.toMatchObject({ code: 'report-rules-failed' });
  });

  it('publishes a consistent report into the catalogue as a public 年度报告 item, and freezes it', async () => {
    let r = await reports.get(t.actors.officer, organ, 2025);
    r = await reports.update(t.actors.officer, organ, 2025, r.version, { figures: { ...r.figures, previousCarriedForward: { 'natural-person': 1 } } });
    expect(r.findings.filter((f) => !f.ok)).toEqual([]);
    await expect(reports.publish(t.actors.leader, organ, 2025, r.version)).rejects.toBeInstanceOf(Forbidden);
    const published = await reports.publish(t.actors.officer, organ, 2025, r.version);
    expect(published).toMatchObject({ status: 'published', publishedBy: '测试officer' });
    const item = await t.services.publicCatalogue.findItem(published.publishedItemId!);
    expect(item?.content.title).toBe('某县科学技术局2025年政府信息公开工作年度报告');
    expect(item?.content.genreCode).toBe('annual-report');
    expect(item?.content.bodyHtml).toMatch(/<th colspan="7"[^>]*>申请人情况<\/th>/);
    expect(item?.content.bodyHtml).toContain('全年收取政府信息公开信息处理费0元');
    const row = await t.database.db.selectFrom('public_items').select(['genre_code', 'published_on']).where('item_id', '=', published.publishedItemId!).executeTakeFirst();
    expect(row).toEqual({ genre_code: 'annual-report', published_on: '2026-11-27' });
    await expect(reports.update(t.actors.officer, organ, 2025, published.version, { sections: [] })).rejects.toBeInstanceOf(Conflict);
    await expect(reports.generate(t.actors.officer, organ, 2025)).rejects.toMatchObject({ code: 'report-already-published' });
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', published.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['annual-report.generate', 'annual-report.update', 'annual-report.generate', 'annual-report.update', 'annual-report.update', 'annual-report.publish']);
  });

  it('lists the years with the 31 January due date and their standing', async () => {
    const years = await reports.listYears(t.actors.auditor, organ);
    expect(years.find((y) => y.year === 2025)).toMatchObject({ status: 'published', dueOn: '2026-01-31', standing: 'published-late' });
    await expect(reports.listYears(t.actors.editor, organ)).rejects.toBeInstanceOf(Forbidden);
  });

  it('compares 上年结转 with last year’s report in the platform (R6)', async () => {
    const next = await reports.generate(t.actors.officer, organ, 2026);
    expect(rowCells(next.tables.applications, 'brought-forward').total).toBe(1);
    expect(next.findings.find((f) => f.rule === 'R6')).toMatchObject({ ok: true });
    expect(next.findings.find((f) => f.rule === 'R6')?.skipped).toBeUndefined();
  });
});
