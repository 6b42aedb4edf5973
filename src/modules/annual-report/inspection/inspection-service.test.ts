import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/support/test-database.ts';
import { anItemInput, createTestContext, type TestContext } from '../../../../test/support/test-services.ts';
import { Forbidden, InvalidInput } from '../../../kernel/errors.ts';
import { createAnnualReportModule } from '../annual-report-module.ts';
import { inspectionDocument } from '../domain/inspection-report.ts';
import { renderReportDocx } from '../render/report-docx.ts';
import { indicatorChartSvg } from '../render/inspection-chart.ts';
import { aPublishedItem, aRequest, documentXml, fakeRecords } from '../testing/builders.ts';
import type { InspectionService } from './inspection-service.ts';

/**
 * 2025 of 某县科学技术局, by hand: five 主动公开 items (3 on time, 1 published late, 1 never published and overdue on
 * 31 December), three 基本目录 rows (two with items), five requests (two answered on time, one late, one open past its
 * due date, one received in December and due in January) and three 告知书 checks (two complete).
 */
const REQUESTS = [
  aRequest('2025-03-02', 'natural-person', { outcome: 'disclosed', decidedOn: '2025-03-20', replyDueOn: '2025-03-30', reference: 'YSQ-2025-001', isNoticeComplete: true }),
  aRequest('2025-04-20', 'commercial', { outcome: 'partially-disclosed', decidedOn: '2025-05-30', replyDueOn: '2025-05-20', reference: 'YSQ-2025-002', isNoticeComplete: false }),
  aRequest('2025-06-10', 'natural-person', { outcome: 'unavailable-not-held', decidedOn: '2025-07-01', replyDueOn: '2025-07-10', reference: 'YSQ-2025-003', isNoticeComplete: true }),
  aRequest('2025-11-20', 'natural-person', { replyDueOn: '2025-12-18', reference: 'YSQ-2025-004' }),
  aRequest('2025-12-20', 'research', { outcome: 'disclosed', decidedOn: '2026-01-10', replyDueOn: '2026-01-20', reference: 'YSQ-2025-005' }),
];

const entryInput = (level2: string, limit: number | null) => ({
  sortOrder: 1, level1: '科技项目', level2, content: '项目名称、承担单位', basis: [{ type: '规范性文件' as const, title: '科技计划项目管理办法' }],
  timeLimitWorkingDays: limit, timeLimitText: limit ? `信息形成之日起${limit}个工作日内` : '及时', subject: '县科技局', channels: ['政府网站'], audience: ['全社会'], methods: ['主动'], levels: ['县级'],
});

describe.each(await testDialects())('self-inspection on %s', (dialect) => {
  let t: TestContext;
  let inspection: InspectionService;
  let withoutFoi: InspectionService;
  let organ: { id: string; name: string };
  beforeAll(async () => {
    t = await createTestContext(dialect);
    const s = t.services;
    const deps = { db: s.database.db, clock: s.clock, audit: s.audit, items: s.items, calendar: () => s.calendar.current(), defaultLimitWorkingDays: async () => 20 };
    inspection = createAnnualReportModule({ ...deps, records: fakeRecords(REQUESTS) }).inspection;
    withoutFoi = createAnnualReportModule(deps).inspection;
    organ = { id: t.organId, name: '某县科学技术局' };
    const fast = await s.catalogueEntries.create(t.actors.officer, entryInput('科技项目立项', 5));
    const normal = await s.catalogueEntries.create(t.actors.officer, entryInput('科技项目验收', 20));
    await s.catalogueEntries.create(t.actors.officer, entryInput('科技奖励', null));
    const item = (writtenOn: string, entry: string | null) => anItemInput({ writtenOn, documentNumber: null, catalogueEntryId: entry });
    await s.items.importItem(t.actors.officer, item('2025-03-03', fast.id), { publishedOn: '2025-03-05' as never }); // due 03-10: on time
    await s.items.importItem(t.actors.officer, item('2025-03-03', fast.id), { publishedOn: '2025-03-20' as never }); // due 03-10: 10 days late
    await s.items.importItem(t.actors.officer, item('2025-06-02', null), { publishedOn: '2025-06-20' as never }); // due 06-30: on time
    await s.items.importItem(t.actors.officer, item('2025-07-30', normal.id), { publishedOn: '2025-08-01' as never }); // due 08-27: on time
    await s.items.create(t.actors.editor, { ...item('2025-10-09', null), title: '尚未公开的科技项目验收结果' }); // due 11-05, never published
    await aPublishedItem(t, '2024-05-06'); // another year: not counted
  });
  afterAll(() => t.close());

  it('computes every default indicator from the records, with its evidence', async () => {
    const result = await inspection.inspect(t.actors.auditor, organ, 2025);
    const by = Object.fromEntries(result.indicators.map((i) => [i.key, i]));
    expect(by['publication-timeliness']).toMatchObject({ score: 0.6, value: '3/5（60%）', weight: 30 });
    expect(by['publication-timeliness']!.evidence[0]).toBe('按时公开3条，逾期公开1条，截至2025-12-31已超过时限仍未公开1条。');
    expect(by['publication-timeliness']!.evidence).toContain('《尚未公开的科技项目验收结果》成文2025-10-09，应于2025-11-05前公开，截至2025-12-31仍未公开');
    expect(by['publication-timeliness']!.evidence.some((e) => e.includes('应于2025-03-10前公开，2025-03-20公开，逾期10天'))).toBe(true);
    expect(by['request-timeliness']).toMatchObject({ value: '2/3（66.7%）', problems: ['1件申请超过法定期限答复。'] });
    expect(by['request-timeliness']!.score).toBeCloseTo(2 / 3);
    expect(by['overdue-requests']).toMatchObject({ score: 0.6, value: '2件' });
    expect(by['overdue-requests']!.evidence).toEqual(['本年度办理的申请5件，逾期2件。', 'YSQ-2025-002：答复期限2025-05-20，2025-05-30答复', 'YSQ-2025-004：答复期限2025-12-18，截至2025-12-31未答复']);
    expect(by['notice-completeness']).toMatchObject({ value: '2/3（66.7%）' });
    expect(by['catalogue-coverage']).toMatchObject({ value: '2/3（66.7%）', evidence: ['基本目录共3项，本年度有信息发布的2项。', '未发布：科技项目／科技奖励'] });
    // (30×0.6 + 25×2/3 + 15×0.6 + 10×2/3 + 20×2/3) / 100 = 63.67; 63.7 × 4 % = 2.548
    expect(result.total).toBe(63.7);
    expect(result.appraisalPoints).toBe(2.548);
  });

  it('leaves the request indicators out (not applicable) while no FOI records are connected, and says so', async () => {
    const result = await withoutFoi.inspect(t.actors.officer, organ, 2025);
    const by = Object.fromEntries(result.indicators.map((i) => [i.key, i]));
    expect(by['request-timeliness']).toMatchObject({ score: null, value: '不适用：依申请公开模块尚未接入' });
    expect(by['notice-completeness']).toMatchObject({ score: null, value: '不适用：待依申请公开模块提供告知书数据' });
    // (30×0.6 + 20×2/3) / 50 = 62.67
    expect(result.total).toBe(62.7);
  });

  it('refuses an appraisal weight below 4 % and bad indicator weights, and stores a valid plan', async () => {
    const refusal = (input: { appraisalWeightPercent: number; weights: Record<string, number> }) => inspection.savePlan(t.actors.officer, t.organId, input).catch((e) => e);
    expect((await refusal({ appraisalWeightPercent: 3.99, weights: {} })).fields).toEqual({ appraisalWeightPercent: 'appraisal-weight-below-minimum' });
    expect((await refusal({ appraisalWeightPercent: 0, weights: {} })).fields).toEqual({ appraisalWeightPercent: 'appraisal-weight-below-minimum' });
    expect((await refusal({ appraisalWeightPercent: 4.001, weights: {} })).fields).toEqual({ appraisalWeightPercent: 'appraisal-weight-invalid' });
    expect((await refusal({ appraisalWeightPercent: 5, weights: { 'publication-timeliness': 101 } })).fields).toEqual({ 'weights.publication-timeliness': 'indicator-weight-invalid' });
    expect((await refusal({ appraisalWeightPercent: 5, weights: { 'press-conferences': 5 } })).fields).toEqual({ 'weights.press-conferences': 'unknown-indicator' });
    expect(await refusal({ appraisalWeightPercent: 5, weights: {} })).not.toBeInstanceOf(Error);
    await expect(inspection.savePlan(t.actors.leader, t.organId, { appraisalWeightPercent: 5, weights: {} })).rejects.toBeInstanceOf(Forbidden);
    const plan = await inspection.savePlan(t.actors.officer, t.organId, { appraisalWeightPercent: 4.5, weights: { 'catalogue-coverage': 0 } }, 1);
    expect(plan).toMatchObject({ appraisalWeightBp: 450, version: 2, weights: { 'catalogue-coverage': 0, 'publication-timeliness': 30 } });
    const result = await inspection.inspect(t.actors.officer, organ, 2025);
    // (18 + 16.67 + 9 + 6.67) / 80 = 62.92; × 4.5 % = 2.8305
    expect(result.total).toBe(62.9);
    expect(result.appraisalPoints).toBe(2.8305);
    await expect(inspection.savePlan(t.actors.officer, t.organId, { appraisalWeightPercent: 6, weights: {} }, 1)).rejects.toMatchObject({ code: 'stale-version' });
  });

  it('lets the schema refuse a weight below 4 % however it is written', async () => {
    const write = t.database.db.updateTable('inspection_plans').set({ appraisal_weight_bp: 399 }).where('organ_id', '=', t.organId).execute();
    await expect(write).rejects.toThrow();
  });

  it('takes indicators from other modules through the plug-in point', async () => {
    inspection.registerIndicator({ key: 'interpretation-timeliness', label: '政策解读3个工作日内发布率', weight: 20, compute: async () => ({ score: 0.5, value: '1/2（50%）', evidence: ['解读2件，按时1件。'], problems: [] }) });
    expect(() => inspection.registerIndicator({ key: 'interpretation-timeliness', label: 'x', weight: 1, compute: async () => ({ score: 1, value: '', evidence: [], problems: [] }) })).toThrow(/already registered/);
    const result = await inspection.inspect(t.actors.officer, organ, 2025);
    expect(result.indicators.map((i) => i.key)).toContain('interpretation-timeliness');
    // (50.33 + 20×0.5) / 100 = 60.33
    expect(result.total).toBe(60.3);
  });

  it('prints the self-inspection report with score, evidence, problems and remedies, as DOCX and as a chart', async () => {
    await inspection.saveRemarks(t.actors.officer, t.organId, 2025, { problems: '解读材料发布不及时。', remedies: '建立解读材料与文件同步审签制度，2026年3月底前完成。' });
    await expect(inspection.saveRemarks(t.actors.officer, t.organId, 2025, { problems: '', remedies: '' }, 7)).rejects.toMatchObject({ code: 'stale-version' });
    const result = await inspection.inspect(t.actors.officer, organ, 2025);
    const doc = inspectionDocument(result, '2025年12月31日');
    const text = doc.blocks.map((b) => (b.kind === 'table' ? b.table.rows.map((r) => r.map((c) => c.text).join('|')).join('\n') : b.text)).join('\n');
    expect(doc.title).toBe('某县科学技术局2025年度政务公开工作自查报告');
    expect(text).toContain('本机关2025年度自查加权得分60.3分（满分100分）');
    expect(text).toContain('主动公开信息按时公开率|30|3/5（60%）|60');
    expect(text).toContain('1. 主动公开信息按时公开率：2条主动公开信息未在公开时限内公开。');
    expect(text).toContain('建立解读材料与文件同步审签制度');
    const xml = documentXml(await renderReportDocx(doc));
    expect(xml).toContain('四、存在的问题');
    expect(xml).toContain('政务公开工作在绩效考核中所占权重为4.5%');
    const svg = await indicatorChartSvg(result.indicators);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('主动公开信息按时公开率');
    expect(svg).toContain('政策解读3个工作日内发布率');
    expect(await indicatorChartSvg((await withoutFoi.inspect(t.actors.officer, organ, 2025)).indicators)).toContain('不适用');
  });

  it('refuses remarks that are too long', async () => {
    await expect(inspection.saveRemarks(t.actors.officer, t.organId, 2025, { problems: 'x'.repeat(10_001), remedies: '' })).rejects.toBeInstanceOf(InvalidInput);
  });
});
