import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postForm, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { aNormativeDocument, aRequest, documentXml, fakeRecords, reportsWith } from '../testing/builders.ts';

describe.each(await testDialects())('annual report console on %s', (dialect) => {
  let t: TestApp;
  let officer: { cookie: string; csrf: string };
  const get = (url: string, session = officer) => t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
  const editForm = (version: string, fields: Record<string, string> = {}) => ({ version, section0: '总体情况文字', section5: '2025年，本机关全年收取政府信息公开信息处理费0元。', ...fields });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.services.annualReports = reportsWith(t, fakeRecords([aRequest('2025-03-02', 'natural-person', { outcome: 'disclosed', decidedOn: '2025-03-20' })]));
    await aNormativeDocument(t, '2025-06-01');
    officer = await t.signIn('officer');
  });
  afterAll(() => t.close());

  it('lists last year with its 31 January due date, overdue once it has passed', async () => {
    const res = await get('/console/annual-reports');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('2025年度');
    expect(res.body).toContain('2026-01-31');
    expect(res.body).toContain('已逾期未公布');
    expect(res.body).toContain('href="/console/annual-reports"');
  });

  it('previews a year not yet generated, then generates it and shows every rule passing', async () => {
    const preview = await get('/console/annual-reports/2025');
    expect(preview.body).toContain('本年度报告尚未生成');
    expect(preview.body).toContain('申请人情况');
    expect(preview.body).not.toContain('公布年度报告');
    const res = await postForm(t.app, '/console/annual-reports/2025/generate', officer, {});
    expect(res.statusCode).toBe(303);
    const page = await get(res.headers.location as string);
    expect(page.body).toContain('已根据数据生成年度报告');
    expect(page.body).toContain('七项校验规则全部通过');
    expect(page.body).toContain('<h1 class="doc-title">某县科学技术局2025年政府信息公开工作年度报告</h1>');
    expect(page.body).toContain('rowspan="22"');
    expect(page.body).toContain('公布年度报告');
  });

  it('shows the failing cell and why after a wrong entered figure, and hides publishing', async () => {
    const version = versionOn((await get('/console/annual-reports/2025')).body);
    const res = await postForm(t.app, '/console/annual-reports/2025', officer, editForm(version, { 'previousCarriedForward.commercial': '3' }));
    expect(res.statusCode).toBe(303);
    const page = (await get('/console/annual-reports/2025')).body;
    expect(page).toContain('有 2 处未通过校验');
    expect(page).toContain('三、收到和处理政府信息公开申请情况 › 二、上年结转政府信息公开申请数量 › 商业企业');
    expect(page).toContain('表三“商业企业”列：一、本年新收（0）加二、上年结转（3）为3，不等于（七）总计（0）加四、结转下年度继续办理（0）之和0。');
    expect(page).not.toContain('>公布年度报告<');
    expect(page).toContain('总体情况文字');
  });

  it('re-renders the form with the error beside the field for a bad number, keeping what was typed', async () => {
    const version = versionOn((await get('/console/annual-reports/2025')).body);
    const res = await postForm(t.app, '/console/annual-reports/2025', officer, editForm(version, { licensing: '十二', section1: '我改过的第二部分' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('应填写不小于0的整数。');
    expect(res.body).toMatch(/<input type="text" inputmode="decimal" id="licensing" name="licensing" value="十二" aria-invalid="true" aria-describedby="licensing-error"/);
    expect(res.body).toContain('我改过的第二部分');
    const stale = await postForm(t.app, '/console/annual-reports/2025', officer, editForm('1'));
    expect(stale.headers.location).toContain('error=stale-version');
  });

  it('publishes the corrected report, which then appears in the portal column and downloads as DOCX', async () => {
    const version = versionOn((await get('/console/annual-reports/2025')).body);
    expect((await postForm(t.app, '/console/annual-reports/2025', officer, editForm(version))).statusCode).toBe(303);
    const fixed = (await get('/console/annual-reports/2025')).body;
    expect(fixed).toContain('七项校验规则全部通过');
    const res = await postForm(t.app, '/console/annual-reports/2025/publish', officer, { version: versionOn(fixed) });
    expect(res.statusCode).toBe(303);
    const page = (await get(res.headers.location as string)).body;
    expect(page).toContain('年度报告已公布');
    expect(page).toContain('已公布（逾期）');
    expect(page).not.toContain('编辑文字部分和录入数据');
    expect((await t.app.inject({ method: 'GET', url: '/xxgk/annual-reports' })).body).toContain('某县科学技术局2025年政府信息公开工作年度报告');
    const docx = await get('/console/annual-reports/2025/report.docx');
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent('某县科学技术局2025年政府信息公开工作年度报告.docx'));
    expect(documentXml(docx.rawPayload)).toContain('总体情况文字');
  });

  it('shows auditors the report read-only and keeps editors out', async () => {
    const auditor = await t.signIn('auditor');
    const page = await get('/console/annual-reports/2025', auditor);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('name="section0"');
    expect((await get('/console/annual-reports', await t.signIn('editor'))).statusCode).toBe(403);
  });

  it('shows the self-inspection with its chart, the 告知书 note, and refuses an appraisal weight below 4 %', async () => {
    const page = await get('/console/self-inspection?year=2025');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('告知书要素完整率');
    expect(page.body).toContain('在依申请公开模块提供告知书检查数据之前显示为不适用');
    const low = await postForm(t.app, '/console/self-inspection/plan?year=2025', officer, { appraisalWeightPercent: '3', 'weights.publication-timeliness': '30' });
    expect(low.statusCode).toBe(400);
    expect(low.body).toContain('政务公开工作在绩效考核中的权重不得低于4%。');
    const ok = await postForm(t.app, '/console/self-inspection/plan?year=2025', officer, { appraisalWeightPercent: '6', 'weights.publication-timeliness': '50' });
    expect(ok.statusCode).toBe(303);
    expect((await get('/console/self-inspection?year=2025')).body).toContain('政务公开工作在绩效考核中的权重 <strong>6%</strong>');
    const report = await get('/console/self-inspection/2025/report');
    expect(report.body).toContain('某县科学技术局2025年度政务公开工作自查报告');
    const docx = await get('/console/self-inspection/2025/report.docx');
    expect(documentXml(docx.rawPayload)).toContain('二、指标得分情况');
  });
});
