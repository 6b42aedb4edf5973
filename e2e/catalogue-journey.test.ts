import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.ts';
import { startServer, type ServerProcess } from '../test/support/server-process.ts';
import { chinaToday, chineseDate, csrfTokenOf, DEMO, metaValue, noticeText, signIn, signOut } from './support/console-pages.ts';

/**
 * The 政府信息 life cycle through the browser, on a fresh demo bureau: a 科室 editor drafts a 主动公开
 * item (and first meets a Chinese validation error beside a field), submits it for review, cannot
 * approve it herself; the leader approves it with a 保密审查 note; the 办公室 officer publishes it; an
 * anonymous visitor reads it on the public 信息公开 page with the same metadata.
 *
 * The steps share one browser context (people sign out and in, as on a shared office PC) and run in
 * order: each `it` continues where the previous one stopped.
 */

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer({ timeoutMs: 90_000 });
}, 120_000);
afterAll(() => server?.stop());

const TODAY = chinaToday();
const YEAR = TODAY.slice(0, 4);
const TITLE = `关于开展${YEAR}年度高新技术企业培育入库申报工作的通知`;
const DOCUMENT_NUMBER = `县科技发〔${YEAR}〕88号`;
const WRONG_DOCUMENT_NUMBER = `县科技发[${YEAR}]88号`;
const APPROVAL_NOTE = '经保密审查，本文件不涉及国家秘密、工作秘密和个人隐私，同意主动公开。';

describeBrowser('catalogue journey: draft → review → publish → public page', (session) => {
  let itemId = '';
  let staffIndexNumber = '';

  beforeAll(() => {
    session.context.setDefaultTimeout(10_000);
  });

  it('sends an anonymous visit to /console to the sign-in page', async () => {
    const page = await session.newPage();
    const response = await page.goto(`${server.url}/console`);
    expect(response?.status()).toBe(200);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('next')).toBe('/console');
    expect(await page.locator('h1').innerText()).toBe('登录政务公开管理后台');
    await page.close();
  });

  it('editor drafts an item, sees Chinese errors beside the fields, fixes them and saves', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/console/items/new`);
    expect(new URL(page.url()).pathname).toBe('/login'); // the form needs a signed-in user
    await signIn(page, server.url, DEMO.editor);
    expect(new URL(page.url()).pathname).toBe('/console/items/new'); // back where she wanted to go
    expect(await page.locator('h1').innerText()).toBe('新建政府信息');

    // The form starts on today, 主动公开, and the editor's own 科室.
    expect(await page.locator('#writtenOn').inputValue()).toBe(TODAY);
    expect(await page.locator('#disclosure option:checked').innerText()).toBe('主动公开');
    expect(await page.locator('#unitId option:checked').innerText()).toBe('高新科');

    // First attempt: no title, and the year of the 发文字号 in square brackets.
    await page.getByLabel('发文字号').fill(WRONG_DOCUMENT_NUMBER);
    await page.getByLabel('成文日期').fill(TODAY);
    await page.locator('#topicCode').selectOption('t11-01');
    expect(await page.locator('#topicCode option:checked').innerText()).toBe('科技');
    expect(await page.locator('#topicCode option:checked').evaluate((o) => (o.parentElement as HTMLOptGroupElement).label)).toBe('科技、教育');
    await page.locator('#genreCode').selectOption({ label: '其他文件' });
    await page.getByLabel('内容概述').fill('部署本年度高新技术企业培育入库申报工作，明确申报条件、材料和时间安排。');
    await page.getByLabel('正文').fill('<p>各有关企业：</p><p>为加快培育高新技术企业，现将申报工作有关事项通知如下。</p>');
    const refused = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: '保存' }).click()]).then(([r]) => r);
    expect(refused.status()).toBe(400);
    await page.waitForLoadState();

    expect(await page.locator('#title-error').innerText()).toBe('此项为必填项。');
    expect(await page.locator('#title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#title').getAttribute('aria-describedby')).toBe('title-error');
    // The error sits in the title's own field, not only in a summary at the top.
    expect(await page.locator('.field.has-error').filter({ has: page.locator('#title') }).locator('.field-error').innerText()).toBe('此项为必填项。');
    expect(await page.locator('#documentNumber-error').innerText()).toContain('六角括号“〔〕”');
    expect(await page.locator('#documentNumber').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.notice.error').first().innerText()).toContain('提交的内容有误');
    // What she typed is still there.
    expect(await page.locator('#documentNumber').inputValue()).toBe(WRONG_DOCUMENT_NUMBER);
    expect(await page.locator('#topicCode').inputValue()).toBe('t11-01');
    expect(await page.locator('#genreCode option:checked').innerText()).toBe('其他文件');
    expect(await page.locator('#summary').inputValue()).toContain('高新技术企业培育入库');

    // Second attempt: fixed.
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('发文字号').fill(DOCUMENT_NUMBER);
    await Promise.all([page.waitForURL(/\/console\/items\/[^/?]+\?notice=created$/), page.getByRole('button', { name: '保存' }).click()]);
    itemId = new URL(page.url()).pathname.split('/').pop()!;
    expect(itemId).toMatch(/^[0-9a-z]{20,}$/);
    expect(await noticeText(page)).toBe('已保存为草稿。');
    expect(await page.locator('h1').innerText()).toBe(TITLE);
    expect(await page.locator('main .badge').first().innerText()).toBe('草稿');
    expect(await metaValue(page, '发文字号')).toBe(DOCUMENT_NUMBER);
    expect(await metaValue(page, '成文日期')).toBe(TODAY);
    expect(await metaValue(page, '主题分类')).toBe('科技、教育 › 科技');
    expect(await metaValue(page, '体裁')).toBe('其他文件');
    expect(await metaValue(page, '公开属性')).toBe('主动公开');
    expect(await metaValue(page, '承办科室')).toBe('高新科');
    await page.close();
  });

  it('editor submits the draft for review and may not approve it herself', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/console/items/${itemId}`);
    await Promise.all([page.waitForURL(/notice=submit$/), page.getByRole('button', { name: '提交审核' }).click()]);
    expect(await noticeText(page)).toBe('已提交审核。');
    expect(await page.locator('main .badge').first().innerText()).toBe('待审核');

    // No approve or publish form for an editor, and no edit link once submitted.
    expect(await page.getByRole('button', { name: '审核通过' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '发布', exact: true }).count()).toBe(0);
    expect(await page.locator(`form[action$="/events/approve"], form[action$="/events/publish"]`).count()).toBe(0);
    expect(await page.getByRole('link', { name: '编辑' }).count()).toBe(0);

    // Posting the leader's approve form by hand, with a valid CSRF token, is refused with a 403 page.
    const csrf = await csrfTokenOf(page);
    // The editor's page has no workflow form to copy `version` from; the page shows it as 版本 N.
    const version = /版本\s*(\d+)/.exec(await page.locator('main').innerText())?.[1];
    expect(version).toMatch(/^\d+$/);
    const response = await page.request.post(`${server.url}/console/items/${itemId}/events/approve`, {
      form: { _csrf: csrf, version: version ?? '', note: APPROVAL_NOTE },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(response.headers()['content-type']).toContain('text/html');
    const body = await response.text();
    expect(body).toContain('您没有执行此操作的权限');
    expect(body).toContain('<html lang="zh-CN">');

    // The item has not moved.
    await page.reload();
    expect(await page.locator('main .badge').first().innerText()).toBe('待审核');
    expect(await page.locator('main th, main dt').filter({ hasText: /^保密审查$/ }).count()).toBe(0);

    await signOut(page);
    await page.close();
  });

  it('leader approves with a 保密审查 note', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/console/items/${itemId}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await signIn(page, server.url, DEMO.leader);
    expect(new URL(page.url()).pathname).toBe(`/console/items/${itemId}`);
    expect(await page.locator('main .badge').first().innerText()).toBe('待审核');

    await page.getByLabel('保密审查意见').fill(APPROVAL_NOTE);
    await Promise.all([page.waitForURL(/notice=approve$/), page.getByRole('button', { name: '审核通过' }).click()]);
    expect(await noticeText(page)).toBe('审核通过，保密审查意见已记录。');
    expect(await page.locator('main .badge').first().innerText()).toBe('已审核');
    const review = await metaValue(page, '保密审查');
    expect(review).toContain(APPROVAL_NOTE);
    expect(review).toContain(DEMO.leader.displayName);

    await signOut(page);
    await page.close();
  });

  it('officer publishes the approved item', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/login`);
    await signIn(page, server.url, DEMO.officer);
    await page.goto(`${server.url}/console/items/${itemId}`);
    expect(await page.locator('main .badge').first().innerText()).toBe('已审核');

    await page.getByLabel('发布说明').fill('首次发布');
    await Promise.all([page.waitForURL(/notice=publish$/), page.getByRole('button', { name: '发布', exact: true }).click()]);
    expect(await noticeText(page)).toBe('已发布，公开页面已更新。');
    expect(await page.locator('main .badge').first().innerText()).toBe('已发布');
    expect(await metaValue(page, '发布日期')).toBe(TODAY);
    expect(await page.getByRole('link', { name: '查看公开页面' }).getAttribute('href')).toBe(`/xxgk/content/${itemId}`);

    staffIndexNumber = await metaValue(page, '索引号');
    // 索引号: the organ's 统一社会信用代码, then the year and a serial (REFERENCE.md §6.2).
    expect(staffIndexNumber).toMatch(new RegExp(`^11331023002657129U/${YEAR}-\\d{5}$`));

    await signOut(page);
    await page.close();
  });

  it('an anonymous visitor reads the item on the public page with the same metadata', async () => {
    (await session.resetContext()).setDefaultTimeout(10_000); // a stranger's browser: no cookies at all
    const page = await session.newPage();

    // The home page lists it among the latest items.
    await page.goto(`${server.url}/`);
    const link = page.locator(`main a[href="/xxgk/content/${itemId}"]`);
    expect(await link.innerText()).toBe(TITLE);
    await Promise.all([page.waitForURL(`${server.url}/xxgk/content/${itemId}`), link.click()]);

    expect(await page.locator('h1').innerText()).toBe(TITLE);
    expect(await page.title()).toContain(TITLE);
    expect(await metaValue(page, '索引号')).toBe(staffIndexNumber);
    expect(await metaValue(page, '发文字号')).toBe(DOCUMENT_NUMBER);
    expect(await metaValue(page, '成文日期')).toBe(chineseDate(TODAY));
    expect(await metaValue(page, '成文日期')).toMatch(/^\d{4}年[1-9]\d?月[1-9]\d?日$/);
    expect(await metaValue(page, '发布日期')).toBe(chineseDate(TODAY));
    expect(await metaValue(page, '主题分类')).toBe('科技、教育 › 科技');
    expect(await metaValue(page, '体裁')).toBe('其他文件');
    expect(await metaValue(page, '发布机构')).toBe('某县科学技术局');
    expect(await metaValue(page, '标题')).toBe(TITLE);
    expect(await page.locator('.body-text').innerText()).toContain('现将申报工作有关事项通知如下');
    // Nothing of the staff side leaks: no review note, no console links.
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(APPROVAL_NOTE);
    expect(await page.locator('a[href^="/console"]').count()).toBe(0);
    await page.close();
  });

  it("shows the demo bureau's 工作机构 in the 信息公开指南: name, the organ's address and phone, hours, fax, e-mail (条例 Art. 12)", async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/xxgk/guide`);
    const office = page.locator('section.office').first();
    expect(await office.locator('h3').innerText()).toBe('某县科学技术局');
    const text = await office.innerText();
    for (const expected of ['某县科学技术局办公室', '某县城关镇人民东路88号县行政中心3号楼5楼', '工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）', '0576-83912610', '0576-83912611', 'kjjbgs@example.gov.cn']) expect(text).toContain(expected);
    expect(await office.locator('a[href="mailto:kjjbgs@example.gov.cn"]').count()).toBe(1);
    await page.close();
  });
});
