import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { aNormativeDocument, aRequest, documentXml, fakeRecords, reportsWith } from '../testing/builders.ts';

const CAPTIONS = ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'];

describe.each(await testDialects())('annual report API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.services.annualReports = reportsWith(t, fakeRecords([
      aRequest('2025-02-03', 'natural-person', { outcome: 'withheld-security-stability', decidedOn: '2025-02-20' }),
      aRequest('2025-06-09', 'legal-services', { outcome: 'not-processed-repeat', decidedOn: '2025-06-12' }),
      aRequest('2025-11-28', 'research', { withdrawnOn: '2025-12-02' }),
    ]));
    await aNormativeDocument(t, '2025-06-01');
  });
  afterAll(() => t.close());

  it('answers 404 before the report is generated, and for an unknown organ', async () => {
    const res = await t.api('officer', 'GET', '/api/v1/annual-reports/2025');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('annual-report-not-found');
    expect((await t.api('officer', 'GET', '/api/v1/annual-reports/2025?organ=NOPE')).json().error.code).toBe('unknown-organ');
  });

  it('generates the report and serves it in the JSON shape of the format, by official labels', async () => {
    const generated = await t.api('officer', 'POST', '/api/v1/annual-reports/2025/generate');
    expect(generated.statusCode).toBe(200);
    expect(generated.json()).toMatchObject({ year: 2025, status: 'draft', version: 1, dueOn: '2026-01-31', standing: 'overdue', isConsistent: true });
    const res = await t.api('auditor', 'GET', `/api/v1/annual-reports/2025?organ=${t.organCode}`);
    expect(res.statusCode).toBe(200);
    const json = res.json();
    expect(json).toMatchObject({ format: '国办公开办函〔2021〕30号', organ: '某县科学技术局', year: 2025 });
    expect(Object.keys(json.tables)).toEqual(CAPTIONS);
    expect(json.sections.map((s: { heading: string }) => s.heading)).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    expect(json.tables['第二十条第（一）项'].rows[1]).toEqual({ section: null, label: '行政规范性文件', cells: [1, 0, 1] });
    const t3 = json.tables['三、收到和处理政府信息公开申请情况'];
    expect(t3.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(t3.rows).toHaveLength(25);
    const row = (label: string) => t3.rows.find((r: { label: string }) => r.label === label);
    expect(row('一、本年新收政府信息公开申请数量').cells).toEqual([1, 0, 1, 0, 1, 0, 3]);
    expect(row('3.危及“三安全一稳定”')).toEqual({ section: '（三）不予公开', label: '3.危及“三安全一稳定”', cells: [1, 0, 0, 0, 0, 0, 1] });
    expect(row('2.重复申请').cells).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(row('3.其他')).toEqual({ section: '（六）其他处理', label: '3.其他', cells: [0, 0, 1, 0, 0, 0, 1] });
    expect(row('（七）总计').section).toBe('三、本年度办理结果');
    expect(json.tables['四、政府信息公开行政复议、行政诉讼情况'].columns[5]).toBe('行政诉讼/未经复议直接起诉/结果维持');
    expect(json.tables['四、政府信息公开行政复议、行政诉讼情况'].rows).toEqual([{ section: null, label: '', cells: Array(15).fill(0) }]);
  });

  it('refuses editors, stale versions and unknown fields', async () => {
    expect((await t.api('editor', 'GET', '/api/v1/annual-reports/2025')).statusCode).toBe(403);
    expect((await t.api('leader', 'POST', '/api/v1/annual-reports/2025/generate')).statusCode).toBe(403);
    const stale = await t.api('officer', 'PUT', '/api/v1/annual-reports/2025', { version: 99, sections: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale-version');
    const unknown = await t.api('officer', 'PUT', '/api/v1/annual-reports/2025', { version: 1, figures: { permits: 3 } });
    expect(unknown.statusCode).toBe(400);
  });

  it('shows the failing cell and why for a wrong 上年结转, and refuses to publish it', async () => {
    const res = await t.api('officer', 'PUT', '/api/v1/annual-reports/2025', { version: 1, figures: { previousCarriedForward: { research: 2 } } });
    expect(res.statusCode).toBe(200);
    const state = res.json();
    expect(state.isConsistent).toBe(false);
    const failing = state.findings.filter((f: { ok: boolean }) => !f.ok);
    expect(failing.map((f: { rule: string; cells: { column: string }[] }) => `${f.rule}:${f.cells[0]!.column}`)).toEqual(['R1:科研机构', 'R1:总计']);
    expect(failing[0].cells).toContainEqual({ table: '三、收到和处理政府信息公开申请情况', row: '二、上年结转政府信息公开申请数量', column: '科研机构' });
    expect(failing[0].message).toContain('不等于（七）总计');
    const publish = await t.api('officer', 'POST', '/api/v1/annual-reports/2025/publish', { version: state.version });
    expect(publish.statusCode).toBe(409);
    expect(publish.json().error).toMatchObject({ code: 'report-rules-failed', message: expect.stringContaining('校验') });
  });

  it('publishes a corrected report to the portal’s 信息公开年报 column and serves the DOCX', async () => {
    const fixed = (await t.api('officer', 'PUT', '/api/v1/annual-reports/2025', { version: 2, figures: { previousCarriedForward: null } })).json();
    expect(fixed.isConsistent).toBe(true);
    const published = await t.api('officer', 'POST', '/api/v1/annual-reports/2025/publish', { version: fixed.version });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', standing: 'published-late' });
    const column = await t.app.inject({ method: 'GET', url: '/xxgk/annual-reports' });
    expect(column.body).toContain('某县科学技术局2025年政府信息公开工作年度报告');
    const page = await t.app.inject({ method: 'GET', url: `/xxgk/content/${published.json().publishedItemId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('三、本年度办理结果');
    const docx = await t.api('auditor', 'GET', '/api/v1/annual-reports/2025/report.docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = documentXml(docx.rawPayload);
    expect(xml).toContain('某县科学技术局2025年政府信息公开工作年度报告');
    expect(xml).toContain('申请人情况');
    expect(xml).toContain('w:vMerge');
    expect(xml).toContain('w:gridSpan w:val="7"');
    expect(xml).toContain('方正小标宋简体');
  });

  it('stores the 政务公开 appraisal weight and refuses one below 4 %', async () => {
    const low = await t.api('officer', 'PUT', '/api/v1/self-inspection/plan', { appraisalWeightPercent: 3.5, weights: {} });
    expect(low.statusCode).toBe(400);
    expect(low.json().error.fields).toEqual({ appraisalWeightPercent: { code: 'appraisal-weight-below-minimum', message: '政务公开工作在绩效考核中的权重不得低于4%。' } });
    const ok = await t.api('officer', 'PUT', '/api/v1/self-inspection/plan', { appraisalWeightPercent: 5, weights: { 'catalogue-coverage': 40 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ appraisalWeightPercent: 5, version: 1, weights: { 'catalogue-coverage': 40, 'publication-timeliness': 30 } });
    expect((await t.api('auditor', 'PUT', '/api/v1/self-inspection/plan', { appraisalWeightPercent: 5, weights: {} })).statusCode).toBe(403);
    const unknown = await t.api('officer', 'PUT', '/api/v1/self-inspection/plan', { appraisalWeightPercent: 5, weights: { 'press-conferences': 10 }, version: 1 });
    expect(unknown.json().error.fields).toHaveProperty(['weights.press-conferences']);
  });
});
