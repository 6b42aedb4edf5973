import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postForm, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { aNormativeDocument, aRequest, documentXml, fakeRecords, reportsWith } from '../testing/builders.ts';

/**
 * 更正 of a published 年度报告 through the API and the console, on both databases: the 2025 report is published with
 * 行政许可 12, corrected to 21 with a 更正说明, and both editions stay readable.
 */
const NOTE = '表二“行政许可”本年处理决定数量原误填为12件，更正为21件。';
const licensingOf = (json: { tables: Record<string, { rows: { label: string; cells: number[] }[] }> }) => json.tables['第二十条第（五）项']!.rows[0]!.cells[0];

describe.each(await testDialects())('annual report corrections over HTTP on %s', (dialect) => {
  let t: TestApp;
  let itemId = '';
  const state = async () => (await t.api('officer', 'GET', '/api/v1/annual-reports/2025/state')).json();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.services.annualReports = reportsWith(t, fakeRecords([aRequest('2025-03-02', 'natural-person', { outcome: 'disclosed', decidedOn: '2025-03-20' })]));
    await aNormativeDocument(t, '2025-06-01');
    await t.api('officer', 'POST', '/api/v1/annual-reports/2025/generate');
    const put = await t.api('officer', 'PUT', '/api/v1/annual-reports/2025', { version: 1, figures: { licensing: 12, decisionsSource: '县政务服务中心审批系统' } });
    const published = await t.api('officer', 'POST', '/api/v1/annual-reports/2025/publish', { version: put.json().version });
    expect(published.statusCode, published.body).toBe(200);
    itemId = published.json().publishedItemId;
  });
  afterAll(() => t.close());

  it('opens a correction for the office only, at the current version', async () => {
    const { version } = await state();
    expect((await t.api('leader', 'POST', '/api/v1/annual-reports/2025/corrections', { version })).statusCode).toBe(403);
    const stale = await t.api('officer', 'POST', '/api/v1/annual-reports/2025/corrections', { version: version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale-version');
    const notCorrecting = await t.api('officer', 'POST', '/api/v1/annual-reports/2025/corrections/publish', { version, correctionNote: NOTE });
    expect(notCorrecting.json().error).toMatchObject({ code: 'report-not-correcting', message: expect.stringContaining('更正已公布的报告') });
    const opened = await t.api('officer', 'POST', '/api/v1/annual-reports/2025/corrections', { version });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'published', state: 'correcting', correctionOpenedBy: '测试officer', version: version + 1 });
  });

  it('requires the 更正说明, refusing a missing, blank or unknown field with stable codes', async () => {
    const { version } = await state();
    expect((await t.api('officer', 'PUT', '/api/v1/annual-reports/2025', { version, figures: { licensing: 21 } })).statusCode).toBe(200);
    const v = version + 1;
    expect((await t.api('officer', 'POST', '/api/v1/annual-reports/2025/corrections/publish', { version: v })).statusCode).toBe(400);
    expect((await t.api('officer', 'POST', '/api/v1/annual-reports/2025/corrections/publish', { version: v, correctionNote: NOTE, reason: 'x' })).statusCode).toBe(400);
    const blank = await t.api('officer', 'POST', '/api/v1/annual-reports/2025/corrections/publish', { version: v, correctionNote: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error).toMatchObject({ code: 'invalid-input', fields: { correctionNote: { code: 'correction-note-required', message: expect.stringContaining('请填写更正说明') } } });
  });

  it('publishes the correction as a new edition and lists both editions', async () => {
    const { version } = await state();
    const res = await t.api('officer', 'POST', '/api/v1/annual-reports/2025/corrections/publish', { version, correctionNote: NOTE });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'published', publishedItemId: itemId, correctionOpenedAt: null });
    expect(res.json().editions.map((e: { editionNo: number; correctionNote: string | null; itemEditionNo: number }) => [e.editionNo, e.correctionNote, e.itemEditionNo])).toEqual([[1, null, 1], [2, NOTE, 2]]);
    const list = (await t.api('auditor', 'GET', '/api/v1/annual-reports/2025/editions')).json();
    expect(list.editions.map((e: { publishedBy: string }) => e.publishedBy)).toEqual(['测试officer', '测试officer']);
    expect(licensingOf((await t.api('auditor', 'GET', '/api/v1/annual-reports/2025/editions/1')).json().report)).toBe(12);
    const second = (await t.api('auditor', 'GET', '/api/v1/annual-reports/2025/editions/2')).json();
    expect(second).toMatchObject({ editionNo: 2, correctionNote: NOTE, report: { format: '国办公开办函〔2021〕30号', year: 2025 } });
    expect(licensingOf(second.report)).toBe(21);
    expect(licensingOf((await t.api('auditor', 'GET', '/api/v1/annual-reports/2025')).json())).toBe(21);
    const missing = await t.api('auditor', 'GET', '/api/v1/annual-reports/2025/editions/3');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('report-edition-not-found');
  });

  it('shows the 更正说明 on the public page and at the top of the DOCX', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/xxgk/content/${itemId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`更正说明（2026年11月27日）：${NOTE}`);
    expect(page.body).toMatch(/<td>行政许可<\/td><td colspan="3">21<\/td>/);
    const docx = await t.api('auditor', 'GET', '/api/v1/annual-reports/2025/report.docx');
    const xml = documentXml(docx.rawPayload);
    expect(xml.indexOf(`更正说明（2026年11月27日）：${NOTE}`)).toBeGreaterThan(0);
    expect(xml.indexOf(`更正说明（2026年11月27日）：${NOTE}`)).toBeLessThan(xml.indexOf('一、总体情况'));
  });

  it('describes the correction endpoints in /api/openapi.json', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/annual-reports/{year}/corrections', '/api/v1/annual-reports/{year}/corrections/cancel', '/api/v1/annual-reports/{year}/corrections/publish', '/api/v1/annual-reports/{year}/editions', '/api/v1/annual-reports/{year}/editions/{edition}']) {
      expect(spec.paths[path], path).toBeDefined();
    }
    const body = spec.paths['/api/v1/annual-reports/{year}/corrections/publish'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['version', 'correctionNote']);
  });

  describe('console', () => {
    let officer: { cookie: string; csrf: string };
    const get = (url: string, session = officer) => t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
    beforeAll(async () => {
      officer = await t.signIn('officer');
    });

    it('offers the correction on a published report, then the edit form and the 更正说明 form', async () => {
      const page = (await get('/console/annual-reports/2025')).body;
      expect(page).toContain('更正已公布的报告');
      expect(page).not.toContain('name="section0"');
      const res = await postForm(t.app, '/console/annual-reports/2025/corrections/open', officer, { version: versionOn(page) });
      expect(res.headers.location).toBe('/console/annual-reports/2025?notice=correction-opened');
      const correcting = (await get(res.headers.location as string)).body;
      expect(correcting).toContain('门户网站仍显示第2版');
      expect(correcting).toContain('name="section0"');
      expect(correcting).toContain('name="correctionNote"');
      expect(correcting).toContain('>放弃更正<');
      expect((await get('/console/annual-reports')).body).toContain('更正中');
    });

    it('keeps a too short 更正说明 in the form with the error beside it', async () => {
      const version = versionOn((await get('/console/annual-reports/2025')).body);
      const res = await postForm(t.app, '/console/annual-reports/2025/corrections/publish', officer, { version, correctionNote: '有误' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('更正说明过短，请写明更正了什么（至少6个字）。');
      expect(res.body).toMatch(/<textarea id="correctionNote"[^>]*>有误<\/textarea>/);
      expect(res.body).toMatch(/<textarea id="correctionNote"[^>]*aria-invalid="true" aria-describedby="correctionNote-error"/);
    });

    it('publishes the correction and lists every edition, each readable as it was published', async () => {
      const page = (await get('/console/annual-reports/2025')).body;
      const version = versionOn(page);
      expect((await postForm(t.app, '/console/annual-reports/2025', officer, { version, section4: '统计口径说明不够清楚。', licensing: '21', decisionsSource: '县政务服务中心审批系统' })).statusCode).toBe(303);
      const saved = versionOn((await get('/console/annual-reports/2025')).body);
      const res = await postForm(t.app, '/console/annual-reports/2025/corrections/publish', officer, { version: saved, correctionNote: '第五部分补充存在的主要问题。' });
      expect(res.headers.location).toBe('/console/annual-reports/2025?notice=correction-published');
      const after = (await get(res.headers.location as string)).body;
      expect(after).toContain('更正已发布');
      expect(after).toContain('查看第3版');
      expect(after).toContain(NOTE);
      expect(after).toContain('首次公布');
      const auditor = await t.signIn('auditor');
      const first = await get('/console/annual-reports/2025/editions/1', auditor);
      expect(first.statusCode).toBe(200);
      expect(first.body).toContain('第1版');
      expect(first.body).toContain('已被更正');
      expect(first.body).toMatch(/<td>行政许可<\/td><td colspan="3">12<\/td>/);
      expect(first.body).not.toContain('更正说明（');
      const third = (await get('/console/annual-reports/2025/editions/3', auditor)).body;
      expect(third).toContain('统计口径说明不够清楚。');
      expect(third).toContain('为现行版本');
      expect((await get('/console/annual-reports/2025', auditor)).body).not.toContain('更正已公布的报告');
      expect((await get('/console/annual-reports/2025/editions/9', auditor)).statusCode).toBe(404);
    });
  });
});
