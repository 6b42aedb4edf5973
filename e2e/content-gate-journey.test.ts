import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.ts';
import { startServer, type ServerProcess } from '../test/support/server-process.ts';
import { DEMO, noticeText, signIn, signOut } from './support/console-pages.ts';

/**
 * The publication gate through the browser (issue 6): a 科室 editor drafts an item whose body carries the seed plan's
 * conversion artifacts (效劳 for 服务, 根本目录 for 基本目录); the findings show inline on save; the leader's approval is
 * refused with the findings listed; the editor fixes the text and the item is published. A second item keeps a word
 * the checker calls wrong because it quotes a document verbatim: the leader overrides with a reason, it is
 * published, and the override stands in its history. Steps share one browser context and run in order.
 */

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer({ timeoutMs: 90_000 });
}, 120_000);
afterAll(() => server?.stop());

const FIXED_TITLE = '关于推进政务服务公开工作的通知';
const FAULTY_BODY = '<p>各科室：</p><p>为加强管理效劳公开，按照主动公开根本目录的要求，现将有关事项通知如下。</p>';
const FIXED_BODY = FAULTY_BODY.replace('效劳', '服务').replace('根本目录', '基本目录');
const QUOTED_TITLE = '关于转发《推进政务服务公开的意见》的通知';
const QUOTED_BODY = '<p>现将原件转发，原文第三条“加强管理效劳公开”照录如下，请遵照执行。</p>';
const OVERRIDE_REASON = '照录上级来文原文，不作改动';
const NOTE = '经保密审查，本文件不涉及国家秘密和个人隐私，同意主动公开。';

async function draft(page: Page, title: string, body: string): Promise<string> {
  await page.goto(`${server.url}/console/items/new`);
  await page.getByLabel('标题').fill(title);
  await page.locator('#topicCode').selectOption('t11-01');
  await page.locator('#genreCode').selectOption({ label: '其他文件' });
  await page.getByLabel('内容概述').fill('推进政务服务公开有关事项。');
  await page.getByLabel('正文').fill(body);
  await Promise.all([page.waitForURL(/\/console\/items\/[^/?]+\?notice=/), page.getByRole('button', { name: '保存' }).click()]);
  return new URL(page.url()).pathname.split('/').pop()!;
}

const findingRows = (page: Page) => page.locator('#checks table.check-findings tbody tr');
const press = (page: Page, button: string, url: RegExp) => Promise.all([page.waitForURL(url), page.getByRole('button', { name: button, exact: true }).click()]);

describeBrowser('content gate journey: findings inline → approval refused → fixed or overridden → published', (session) => {
  let fixedId = '';
  let quotedId = '';

  beforeAll(() => {
    session.context.setDefaultTimeout(15_000);
  });

  it('editor drafts two items; the 确定 findings show inline on save, with position, rule, suggestion and context', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/login`);
    await signIn(page, server.url, DEMO.editor);
    fixedId = await draft(page, FIXED_TITLE, FAULTY_BODY);
    expect(await noticeText(page)).toContain('内容检查发现“确定”问题');
    expect(await page.locator('#checks [role="alert"]').innerText()).toContain('内容检查发现 2 个“确定”问题');
    const rows = findingRows(page).filter({ has: page.locator('.badge.bad', { hasText: '确定' }) });
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('mark').innerText()).toBe('效劳');
    expect(await rows.nth(0).innerText()).toContain('改为“服务”');
    expect(await rows.nth(0).innerText()).toMatch(/正文第\d+字/);
    expect(await rows.nth(0).innerText()).toContain('conversion/效劳');
    expect(await rows.nth(1).locator('mark').innerText()).toBe('根本目录');
    expect(await rows.nth(1).innerText()).toContain('改为“基本目录”');
    await press(page, '提交审核', /notice=submit$/);

    quotedId = await draft(page, QUOTED_TITLE, QUOTED_BODY);
    expect(await findingRows(page).filter({ hasText: '效劳' }).count()).toBe(1);
    await press(page, '提交审核', /notice=submit$/);
    await signOut(page);
    await page.close();
  });

  it('leader cannot approve: the page says why and lists the findings; she returns it for correction', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/login`);
    await signIn(page, server.url, DEMO.leader);
    await page.goto(`${server.url}/console/items/${fixedId}`);
    await page.getByLabel('保密审查意见').fill(NOTE);
    await press(page, '审核通过', /error=content-check-blocked/);
    expect(await page.locator('main p.notice.error').first().innerText()).toContain('内容检查发现“确定”问题，不能审核通过或发布');
    expect(await findingRows(page).locator('mark').allInnerTexts()).toEqual(['效劳', '根本目录']);
    expect(await page.locator('main .badge').first().innerText()).toBe('待审核');
    await page.getByLabel('退回理由').fill('正文有转换错误，请按检查结果修改');
    await press(page, '退回修改', /notice=return$/);
    await signOut(page);
    await page.close();
  });

  it('editor fixes the text; the checks are clear and she submits again', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/login`);
    await signIn(page, server.url, DEMO.editor);
    await page.goto(`${server.url}/console/items/${fixedId}/edit`);
    await page.getByLabel('正文').fill(FIXED_BODY);
    await Promise.all([page.waitForURL(/notice=saved$/), page.getByRole('button', { name: '保存' }).click()]);
    expect(await page.locator('#checks p.notice.ok').innerText()).toContain('没有阻止发布的问题');
    await press(page, '提交审核', /notice=submit$/);
    await signOut(page);
    await page.close();
  });

  it('leader approves the fixed item and overrides the quoted one with a reason, then approves it', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/login`);
    await signIn(page, server.url, DEMO.leader);
    await page.goto(`${server.url}/console/items/${fixedId}`);
    await page.getByLabel('保密审查意见').fill(NOTE);
    await press(page, '审核通过', /notice=approve$/);

    await page.goto(`${server.url}/console/items/${quotedId}`);
    await page.getByLabel(/放行理由/).fill(OVERRIDE_REASON);
    await press(page, '领导放行', /notice=checks-overridden$/);
    expect(await page.locator('#checks p.notice.ok').innerText()).toContain('1 个“确定”问题已由领导放行');
    expect(await page.locator('#checks .check-overrides').innerText()).toContain(OVERRIDE_REASON);
    await page.getByLabel('保密审查意见').fill(NOTE);
    await press(page, '审核通过', /notice=approve$/);
    await signOut(page);
    await page.close();
  });

  it('officer publishes both; the override stands in the quoted item’s history', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/login`);
    await signIn(page, server.url, DEMO.officer);
    for (const id of [fixedId, quotedId]) {
      await page.goto(`${server.url}/console/items/${id}`);
      await press(page, '发布', /notice=publish$/);
      expect(await page.locator('main .badge').first().innerText()).toBe('已发布');
    }
    const history = page.locator('ol.timeline li', { hasText: '内容检查放行' });
    expect(await history.count()).toBe(1);
    expect(await history.innerText()).toContain(DEMO.leader.displayName);
    expect(await history.innerText()).toContain(`理由：${OVERRIDE_REASON}`);
    expect(await page.locator('table', { hasText: '发布时检查' }).innerText()).toContain('放行 1 项');

    const visitor = await session.newPage();
    const response = await visitor.goto(`${server.url}/xxgk/content/${fixedId}`);
    expect(response?.status()).toBe(200);
    expect(await visitor.locator('main').innerText()).toContain('按照主动公开基本目录的要求');
    await visitor.close();
    await signOut(page);
    await page.close();
  });
});
