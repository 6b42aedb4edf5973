import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.ts';
import type { TestApp } from '../test/support/test-app.ts';
import { expectNoSeriousViolations } from './support/axe-check.ts';
import { docxTexts, EXPECTED, OFFICER, rowAfterLabel, signInAs, startAnnualReportApp, TITLE, YEAR } from './support/annual-report-setup.ts';

/**
 * 年度报告 (issue #5) through the browser: the 办公室 officer generates the 2025 report of 某县科学技术局 from the year's
 * records, checks the tables and rules R1–R7 in the preview with the 31 January due date, writes section 五, enters the
 * 行政许可 figure with its source, downloads the DOCX, publishes it, and a visitor finds it in the portal's 信息公开年报
 * column. Then the office finds the 行政许可 figure was wrong, publishes a 更正 with its 更正说明 as a new edition of the
 * same item, the earlier edition stays in the console's 公布记录, and the visitor sees the 更正说明 on the report's page.
 * Each `it` continues where the previous one stopped.
 */
let t: TestApp;
let url = '';
beforeAll(async () => {
  ({ t, url } = await startAnnualReportApp());
}, 120_000);
afterAll(() => t?.close());

const REPORT = `/console/annual-reports/${YEAR}`;
const PREVIEW = 'article.official-document';
const NOTE = '表二“行政许可”本年处理决定数量原误填为12件，更正为21件。';
const PROBLEMS = '（一）存在的主要问题\n政策解读材料与文件同步发布不够及时。\n（二）改进情况\n2026年起实行文件与解读同步审核、同步发布。';

describeBrowser('annual report journey: generate → preview → edit → DOCX → publish → portal → 更正', (session) => {
  beforeAll(() => {
    session.context.setDefaultTimeout(15_000);
  });

  it('lists 2025 as due on 31 January, not yet drafted, and generates it from the records', async () => {
    const page = await session.newPage();
    await signInAs(page, url, OFFICER);
    await page.goto(`${url}/console/annual-reports`);
    const row = page.locator('main tbody tr', { hasText: `${YEAR}年度` });
    expect((await row.locator('td').allInnerTexts()).slice(0, 3).map((c) => c.trim())).toEqual([`${YEAR}年度`, '2026-01-31', '未编制']);
    await Promise.all([page.waitForURL((u) => u.pathname === REPORT), row.getByRole('link', { name: '查看并生成' }).click()]);
    await Promise.all([page.waitForURL((u) => u.searchParams.get('notice') === 'generated'), page.getByRole('button', { name: '根据数据生成' }).click()]);
    expect(await page.locator('main p.notice[role="status"]').innerText()).toBe('已根据数据生成年度报告，并完成表格校验。');
  });

  it('previews the tables with the figures of the records, all rules R1–R7 and the due date', async () => {
    const page = session.context.pages().at(-1)!;
    expect(await page.locator('main').innerText()).toMatch(/应于 2026-01-31 前公布（《条例》第四十九条）\s*草稿\s*，还有 19 天/);
    expect(await page.locator(`${PREVIEW} h1`).innerText()).toBe(TITLE);
    expect(await rowAfterLabel(page, PREVIEW, '行政规范性文件', 3)).toEqual(EXPECTED.normativeDocument);
    expect(await rowAfterLabel(page, PREVIEW, '一、本年新收政府信息公开申请数量')).toEqual(EXPECTED.received);
    expect(await rowAfterLabel(page, PREVIEW, '（一）予以公开')).toEqual(EXPECTED.disclosed);
    expect(await rowAfterLabel(page, PREVIEW, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toEqual(EXPECTED.partial);
    expect(await rowAfterLabel(page, PREVIEW, '1.本机关不掌握相关政府信息')).toEqual(EXPECTED.notHeld);
    expect(await rowAfterLabel(page, PREVIEW, '（七）总计')).toEqual(EXPECTED.resultsTotal);
    expect(await rowAfterLabel(page, PREVIEW, '四、结转下年度继续办理')).toEqual(EXPECTED.carriedForward);
    const findings = page.locator('section[aria-labelledby="findings-heading"]');
    expect(await findings.locator('p.notice').innerText()).toBe('七项校验规则全部通过（R6 未核对：没有上一年度数据）。');
    await findings.locator('summary').click();
    const rules = await findings.locator('li').allInnerTexts();
    for (const rule of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']) expect(rules.some((r) => r.includes(rule)), `${rule} listed among the results`).toBe(true);
    expect(await page.locator(`${PREVIEW}`).innerText()).toContain('全年新收政府信息公开申请4件');
    await expectNoSeriousViolations(page, 'the annual report preview');
  });

  it('edits section 五 and enters the 行政许可 figure with its source', async () => {
    const page = session.context.pages().at(-1)!;
    await page.getByLabel('五、存在的主要问题及改进情况').fill(PROBLEMS);
    await page.getByLabel('行政许可本年处理决定数量（件）').fill('12');
    await page.getByLabel('上述数据来源').fill('县政务服务中心审批系统2025年度统计表');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('notice') === 'saved'), page.getByRole('button', { name: '保存', exact: true }).click()]);
    const preview = await page.locator(PREVIEW).innerText();
    expect(preview).toContain('政策解读材料与文件同步发布不够及时。');
    expect(await page.locator(`${PREVIEW} h3`, { hasText: '（一）存在的主要问题' }).count()).toBe(1);
    expect(await rowAfterLabel(page, PREVIEW, '行政许可', 1)).toEqual(['12']);
  });

  it('downloads the DOCX: a real Word document with the title, the figures and the edited text', async () => {
    const page = session.context.pages().at(-1)!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 DOCX' }).click()]);
    expect(download.suggestedFilename()).toBe(`${TITLE}.docx`);
    const texts = docxTexts(readFileSync((await download.path())!));
    expect(texts[0]).toBe(TITLE);
    const received = texts.indexOf('一、本年新收政府信息公开申请数量');
    expect(texts.slice(received + 1, received + 8)).toEqual(EXPECTED.received);
    const licensing = texts.indexOf('行政许可');
    expect(texts[licensing + 1]).toBe('12');
    expect(texts).toContain('政策解读材料与文件同步发布不够及时。');
  });

  it('publishes the report, which then shows as published and links to the portal', async () => {
    const page = session.context.pages().at(-1)!;
    await Promise.all([page.waitForURL((u) => u.searchParams.get('notice') === 'published'), page.getByRole('button', { name: '公布年度报告' }).click()]);
    expect(await page.locator('main p.notice[role="status"]').innerText()).toContain('已在“信息公开年报”栏目中发布');
    expect(await page.locator('main').innerText()).toMatch(/应于 2026-01-31 前公布（《条例》第四十九条）\s*已公布/);
    expect(await page.getByRole('button', { name: '公布年度报告' }).count()).toBe(0);
    expect(await page.getByLabel('五、存在的主要问题及改进情况').count()).toBe(0); // frozen
  });

  it('a visitor finds it in the 信息公开年报 column and reads the tables on its page', async () => {
    const visitor = await session.browser.newContext({ locale: 'zh-CN' });
    const page = await visitor.newPage();
    await page.goto(`${url}/xxgk/annual-reports`);
    expect(await page.locator('h1').innerText()).toContain('信息公开年报');
    await Promise.all([page.waitForURL(/\/xxgk\/content\/[0-9a-z]+$/), page.getByRole('link', { name: TITLE }).click()]);
    expect(await page.locator('main h1').innerText()).toBe(TITLE);
    expect(await rowAfterLabel(page, 'main .body-text', '一、本年新收政府信息公开申请数量')).toEqual(EXPECTED.received);
    expect(await rowAfterLabel(page, 'main .body-text', '行政许可', 1)).toEqual(['12']);
    expect(await page.locator('main .body-text').innerText()).toContain('全年收取政府信息公开信息处理费0元');
    await visitor.close();
  });

  it('opens a correction of the published report and corrects the 行政许可 figure; the portal keeps edition 1', async () => {
    const page = session.context.pages().at(-1)!;
    await Promise.all([page.waitForURL((u) => u.searchParams.get('notice') === 'correction-opened'), page.getByRole('button', { name: '更正已公布的报告' }).click()]);
    expect(await page.locator('section[aria-labelledby="correction-heading"] .notice').innerText()).toContain('门户网站仍显示第1版');
    await expectNoSeriousViolations(page, 'the annual report with a correction open');
    await page.getByLabel('行政许可本年处理决定数量（件）').fill('21');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('notice') === 'saved'), page.getByRole('button', { name: '保存', exact: true }).click()]);
    expect(await rowAfterLabel(page, PREVIEW, '行政许可', 1)).toEqual(['21']);
    const visitor = await session.browser.newContext({ locale: 'zh-CN' });
    const portal = await visitor.newPage();
    await portal.goto(`${url}/xxgk/annual-reports`);
    await portal.getByRole('link', { name: TITLE }).click();
    expect(await rowAfterLabel(portal, 'main .body-text', '行政许可', 1)).toEqual(['12']);
    await visitor.close();
  });

  it('refuses to publish the correction without a 更正说明, then publishes it as edition 2', async () => {
    const page = session.context.pages().at(-1)!;
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '发布更正' }).click()]);
    expect(await page.locator('#correctionNote-error').innerText()).toContain('请填写更正说明');
    expect(await page.locator('#correctionNote').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('更正说明').fill(NOTE);
    await Promise.all([page.waitForURL((u) => u.searchParams.get('notice') === 'correction-published'), page.getByRole('button', { name: '发布更正' }).click()]);
    expect(await page.locator('main p.notice[role="status"]').innerText()).toContain('更正已发布');
    const history = page.locator('section[aria-labelledby="editions-heading"] tbody tr');
    expect((await history.nth(0).locator('td').allInnerTexts()).map((c) => c.trim())).toEqual(['第2版', expect.any(String), '测试officer', NOTE, '查看第2版']);
    const first = (await history.nth(1).locator('td').allInnerTexts()).map((c) => c.trim());
    expect([first[0], first[3]]).toEqual(['第1版', '首次公布']);
    expect(await page.locator(PREVIEW).locator('p').first().innerText()).toBe(`更正说明（2026年1月12日）：${NOTE}`);
  });

  it('keeps edition 1 readable in the console history, as it was published', async () => {
    const page = session.context.pages().at(-1)!;
    await Promise.all([page.waitForURL((u) => u.pathname === `${REPORT}/editions/1`), page.getByRole('link', { name: '查看第1版' }).click()]);
    expect(await page.locator('main').innerText()).toContain('已被更正');
    expect(await rowAfterLabel(page, PREVIEW, '行政许可', 1)).toEqual(['12']);
    expect(await page.locator(PREVIEW).innerText()).not.toContain('更正说明');
  });

  it('shows the visitor the corrected report with its 更正说明, still one entry in the column', async () => {
    const visitor = await session.browser.newContext({ locale: 'zh-CN' });
    const page = await visitor.newPage();
    await page.goto(`${url}/xxgk/annual-reports`);
    expect(await page.getByRole('link', { name: TITLE }).count()).toBe(1);
    await Promise.all([page.waitForURL(/\/xxgk\/content\/[0-9a-z]+$/), page.getByRole('link', { name: TITLE }).click()]);
    expect(await page.locator('main .body-text p').first().innerText()).toBe(`更正说明（2026年1月12日）：${NOTE}`);
    expect(await rowAfterLabel(page, 'main .body-text', '行政许可', 1)).toEqual(['21']);
    expect(await rowAfterLabel(page, 'main .body-text', '一、本年新收政府信息公开申请数量')).toEqual(EXPECTED.received);
    expect(await page.locator('main .summary').innerText()).toContain('本报告已于2026年1月12日更正');
    await visitor.close();
  });
});
