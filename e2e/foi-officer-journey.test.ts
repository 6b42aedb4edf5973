import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, formatChineseDate, localDate, type LocalDate } from '../src/kernel/local-date.ts';
import { OFFICIAL_CALENDAR_YEARS } from '../src/kernel/official-calendar.ts';
import { WorkingDayCalendar } from '../src/kernel/working-days.ts';
import { zipEntryText } from '../src/web/docx/zip-entry.ts';
import { describeBrowser } from '../test/support/browser.ts';
import { startServer, type ServerProcess } from '../test/support/server-process.ts';
import { expectNoSeriousViolations } from './support/axe-check.ts';
import { chinaToday, DEMO, metaValue, noticeText, signIn, signOut } from './support/console-pages.ts';

/**
 * 依申请公开 through the officer's browser (issue #4), on a fresh demo bureau: the 办公室 officer registers a letter
 * handed in at the counter, requests 补正 (条例 Art. 30), records the corrected application, consults a third party
 * (Art. 32, the clock paused), the office head approves an extension (Art. 33 para 2), the officer replies with a
 * partial disclosure (Art. 37) and downloads the 告知书. At each step the case page's status, due date and
 * line-by-line explanation are checked against the official calendar.
 *
 * The steps share one browser context and run in order; dates are working days counted back from today, so the
 * journey runs on any day. Today the due dates fall in a year without a holiday notice: they must say 暂定.
 */

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer({ timeoutMs: 90_000 });
}, 120_000);
afterAll(() => server?.stop());

const calendar = new WorkingDayCalendar(OFFICIAL_CALENDAR_YEARS);
const TODAY = localDate(chinaToday());
const wd = (from: LocalDate, n: number) => calendar.addWorkingDays(from, n);

/** The working day `n` working days before today. */
function workingDaysBeforeToday(n: number): LocalDate {
  let day = TODAY;
  while (!(calendar.isWorkingDay(day) && calendar.countWorkingDays(day, TODAY).days === n)) day = addDays(day, -1);
  return day;
}

// 收到申请之日 12 working days ago; 补正 the next working day; the corrected application two days later (C);
// a third party consulted from C+2 to C+5 (three working days paused); the extension at C+6; the reply today.
const RECEIVED_ON = workingDaysBeforeToday(12);
const CORRECTION_ON = wd(RECEIVED_ON, 1).date;
const CORRECTION_DUE_ON = addDays(CORRECTION_ON, 15);
const CORRECTED_ON = wd(RECEIVED_ON, 3).date;
const CONSULTED_ON = wd(CORRECTED_ON, 2).date;
const CONSULTATION_ENDED_ON = wd(CORRECTED_ON, 5).date;
const EXTENDED_ON = wd(CORRECTED_ON, 6).date;
const APPLICANT = '陈立新';
const DESCRIPTION = '本局2025年度科技型中小企业研发费用补助资金拨付明细';
const REASON = '拨付明细中企业银行账户等信息涉及第三方商业秘密，经征求意见第三方不同意公开，该部分不予公开。';

const provisional = (due: { isProvisional: boolean }) => (due.isProvisional ? '（暂定）' : '');

async function status(page: Page): Promise<string> {
  return metaValue(page, '状态');
}
async function dueText(page: Page): Promise<string> {
  return (await page.locator('section[aria-labelledby="deadline"] p').first().innerText()).trim();
}
async function explanation(page: Page): Promise<string[]> {
  return (await page.locator('ol.explanation li').allInnerTexts()).map((l) => l.trim());
}
/** Fills the event form `type` (date first) and submits it; waits for the case page with the notice. */
async function record(page: Page, type: string, fields: Record<string, string>): Promise<void> {
  const form = page.locator(`form[aria-labelledby="ev-${type}-title"]`);
  for (const [selector, value] of Object.entries(fields)) {
    const field = form.locator(selector);
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await Promise.all([page.waitForURL(/\/console\/foi\/[^/?]+\?(notice|error)=/), form.getByRole('button').click()]);
}

describeBrowser('依申请公开: an officer handles a request from 补正 to the 告知书', (session) => {
  let caseUrl = '';
  let trackingCode = '';

  beforeAll(() => {
    session.context.setDefaultTimeout(10_000);
  });

  it('registers an application handed in at the counter; the clock starts the next day (条例 Art. 31, 33)', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/console/foi/new`);
    await signIn(page, server.url, DEMO.officer);
    expect(new URL(page.url()).pathname).toBe('/console/foi/new');
    await page.locator('#channel').selectOption('in-person');
    await page.locator('#receivedOn').fill(RECEIVED_ON);
    await page.locator('[id="applicant.name"]').fill(APPLICANT);
    await page.locator('[id="applicant.phone"]').fill('13705718899');
    await page.locator('[id="applicant.address"]').fill('某县城南路8号');
    await page.locator('#description').fill(DESCRIPTION);
    await Promise.all([page.waitForURL(/\/console\/foi\/[^/?]+\?notice=registered$/), page.getByRole('button', { name: '登记' }).click()]);
    caseUrl = page.url().split('?')[0]!;
    expect(await noticeText(page)).toBe('申请已登记。');
    trackingCode = await metaValue(page, '受理编号');
    expect(trackingCode).toMatch(/^YSQ-\d{4}-\d{6}$/);
    expect(await metaValue(page, '收到申请之日')).toContain(RECEIVED_ON);
    expect(await status(page)).toBe('办理中');
    const due = wd(RECEIVED_ON, 20);
    expect(await dueText(page)).toContain(`答复期限：${due.date}${provisional(due)}；已用 12 个工作日，剩余 8 个工作日（共 20 个）`);
    const lines = await explanation(page);
    expect(lines[0]).toContain(`${RECEIVED_ON}（`);
    expect(lines[0]).toContain('收到申请，当日不计，自次日起计算答复期限');
    expect(lines).toContain(`${wd(RECEIVED_ON, 1).date} 第1个工作日`);
    expect(lines.at(-1)).toBe(`截至${TODAY}已用12个工作日，剩余8个工作日`);
    // The case page meets WCAG 2.1 AA with every form on it.
    await expectNoSeriousViolations(page, 'the 依申请公开 case page');
    await page.close();
  });

  it('requests 补正 once, with the items and a deadline: no reply clock runs meanwhile (Art. 30)', async () => {
    const page = await session.newPage();
    await page.goto(caseUrl);
    // Eight working days after receipt is too late for the 补正 notice: refused with the article, nothing recorded.
    await record(page, 'correction-requested', { '#ev-correction-requested-on': wd(RECEIVED_ON, 8).date, '#ev-correction-requested-items': '请补充身份证明材料', '#ev-correction-requested-due': CORRECTION_DUE_ON });
    expect(new URL(page.url()).searchParams.get('error')).toBe('correction-too-late');
    expect(await noticeText(page)).toBe('已超过收到申请之日起7个工作日的补正告知期限（条例第三十条）。');
    expect(await status(page)).toBe('办理中');
    await record(page, 'correction-requested', { '#ev-correction-requested-on': CORRECTION_ON, '#ev-correction-requested-items': '请补充身份证明材料\n请说明所需信息的具体年度', '#ev-correction-requested-due': CORRECTION_DUE_ON });
    expect(await noticeText(page)).toBe('办理事项已记录。');
    expect(await status(page)).toBe('待补正');
    expect(await dueText(page)).toContain('答复期限：补正后重新计算');
    expect(await page.locator('section[aria-labelledby="deadline"] .badge').innerText()).toBe('等待补正');
    expect(await explanation(page)).toContain(`${CORRECTION_ON} 一次性告知申请人补正（请补充身份证明材料；请说明所需信息的具体年度），补正期限至${CORRECTION_DUE_ON}（条例第三十条）`);
    expect(await page.locator('ol.timeline').innerText()).toContain(`补正期限 ${CORRECTION_DUE_ON}`);
    // 一次性: the 补正 form is gone; only receiving the correction (or withdrawal) is offered.
    expect(await page.locator('form[aria-labelledby="ev-correction-requested-title"]').count()).toBe(0);
    expect(await page.locator('form[aria-labelledby="ev-replied-title"]').count()).toBe(0);
    await page.close();
  });

  it('records the corrected application: the 20 working days restart the next day (Art. 30)', async () => {
    const page = await session.newPage();
    await page.goto(caseUrl);
    await record(page, 'correction-received', { '#ev-correction-received-on': CORRECTED_ON });
    expect(await status(page)).toBe('办理中');
    const due = wd(CORRECTED_ON, 20);
    expect(await dueText(page)).toContain(`答复期限：${due.date}${provisional(due)}`);
    const lines = await explanation(page);
    expect(lines).toContain(`${CORRECTED_ON} 收到补正后的申请，答复期限自次日起重新计算（条例第三十条）`);
    expect(lines).toContain(`${wd(CORRECTED_ON, 1).date} 第1个工作日`);
    await page.close();
  });

  it('consults a third party: the clock pauses while the consultation runs (Art. 32, 33 para 3)', async () => {
    const page = await session.newPage();
    await page.goto(caseUrl);
    await record(page, 'consultation-started', { '#ev-consultation-started-on': CONSULTED_ON, '#ev-consultation-started-party': 'third-party', '#ev-consultation-started-name': '某县恒信科技有限公司' });
    expect(await status(page)).toBe('征求意见中');
    expect(await page.locator('section[aria-labelledby="deadline"] .badge').innerText()).toBe('暂停计算');
    const lines = await explanation(page);
    expect(lines.some((l) => l.startsWith(`${CONSULTED_ON} `) && l.includes('某县恒信科技有限公司'))).toBe(true);
    expect(lines.some((l) => l.includes('征求第三方意见，暂停计算（条例第三十二条）') && l.includes(`尚未结束，暂计至${TODAY}`))).toBe(true);

    await record(page, 'consultation-ended', { '#ev-consultation-ended-on': CONSULTATION_ENDED_ON });
    expect(await status(page)).toBe('办理中');
    // Three working days (the days after the start, up to and including the end) do not count.
    const due = wd(CORRECTED_ON, 23);
    expect(await dueText(page)).toContain(`答复期限：${due.date}${provisional(due)}`);
    const after = await explanation(page);
    expect(after).toContain(`${addDays(CONSULTED_ON, 1)}至${CONSULTATION_ENDED_ON} 征求第三方意见，暂停计算（条例第三十二条）`);
    expect(after).toContain(`${CONSULTATION_ENDED_ON} 征求意见结束，次日起恢复计算`);
    // The officer may record an extension too (the form names the approving head); here the head signs in himself.
    expect(await page.locator('form[aria-labelledby="ev-extension-approved-title"]').count()).toBe(1);
    await signOut(page);
    await page.close();
  });

  it('the office head approves one extension of 10 working days (Art. 33 para 2)', async () => {
    const page = await session.newPage();
    await page.goto(caseUrl);
    await signIn(page, server.url, DEMO.leader);
    expect(page.url()).toBe(caseUrl);
    // The leader approves extensions but does not process the case: no reply or consultation forms.
    expect(await page.locator('form[aria-labelledby="ev-replied-title"]').count()).toBe(0);
    expect(await page.locator('form[aria-labelledby="ev-consultation-started-title"]').count()).toBe(0);
    expect(await page.locator('#ev-extension-approved-by').inputValue()).toBe(DEMO.leader.displayName);
    await record(page, 'extension-approved', { '#ev-extension-approved-on': EXTENDED_ON, '#ev-extension-approved-days': '10' });
    expect(await noticeText(page)).toBe('办理事项已记录。');
    const due = wd(CORRECTED_ON, 33);
    expect(await dueText(page)).toContain(`答复期限：${due.date}${provisional(due)}`);
    expect(await dueText(page)).toContain('（共 30 个）');
    const lines = await explanation(page);
    expect(lines).toContain(`${EXTENDED_ON} 经${DEMO.leader.displayName}同意延长答复期限10个工作日，并告知申请人（条例第三十三条第二款）`);
    expect(lines).toContain(`答复期限：${due.date}（共30个工作日，含延长的10个工作日）${due.isProvisional ? '；暂定：期间涉及尚未公布放假安排的年份，公布后重新计算' : ''}`);
    expect(await page.locator('ol.timeline').innerText()).toContain(`10个工作日（${DEMO.leader.displayName}同意）`);
    // One extension only: the form is gone.
    expect(await page.locator('form[aria-labelledby="ev-extension-approved-title"]').count()).toBe(0);
    await signOut(page);
    await page.close();
  });

  it('replies with a partial disclosure and downloads the 告知书 with the applicant-facing text (Art. 37, 36)', async () => {
    const page = await session.newPage();
    await page.goto(caseUrl);
    await signIn(page, server.url, DEMO.officer);
    expect(page.url()).toBe(caseUrl);
    await record(page, 'replied', { '#ev-replied-on': TODAY, '#ev-replied-outcome': 'partially-disclosed', '#ev-replied-reason': REASON });
    expect(await noticeText(page)).toBe('办理事项已记录。');
    expect(await status(page)).toMatch(/^已答复：部分公开（.*第三十七条.*）$/);
    expect(await page.locator('section[aria-labelledby="deadline"] .badge').innerText()).toBe('按期答复');
    expect((await explanation(page)).at(-1)).toMatch(new RegExp(`^${TODAY} 已答复，用时\\d+个工作日，按期答复$`));
    expect(await page.locator('form.event-forms, .event-forms form').count()).toBe(0);
    const preview = await page.locator('.notice-preview').innerText();
    expect(preview).toContain(REASON);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载告知书（DOCX）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const docx = readFileSync((await download.path())!);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = zipEntryText(docx, 'word/document.xml');
    expect(xml, 'word/document.xml in the DOCX').toBeDefined();
    const text = xml!.replace(/<[^>]+>/g, '');
    const due = wd(CORRECTED_ON, 33);
    expect(text).toContain('政府信息部分公开告知书');
    expect(text).toContain(APPLICANT);
    expect(text).toContain(`本机关于${formatChineseDate(RECEIVED_ON)}收到您提出的政府信息公开申请（受理编号：${trackingCode}），申请获取“${DESCRIPTION}”。`);
    expect(text).toContain(`本机关于${formatChineseDate(CORRECTION_ON)}一次性告知您补正，于${formatChineseDate(CORRECTED_ON)}收到补正后的申请。`);
    expect(text).toContain(REASON);
    expect(text).toContain(`答复期限至${formatChineseDate(due.date)}（共30个工作日，其中经政府信息公开工作机构负责人同意延长10个工作日；征求意见所需时间不计算在内）`);
    expect(text).toContain('行政复议');
    expect(text).toContain('行政诉讼');
    // Nothing of the office's internals reaches the applicant: no consultee name, no staff names.
    expect(text).not.toContain('某县恒信科技有限公司');
    expect(text).not.toContain(DEMO.officer.displayName);
    await page.close();
  });

  it('sees a due-soon request among the 提醒 and marks it 已读 (Art. 33)', async () => {
    const page = await session.newPage();
    const receivedOn = workingDaysBeforeToday(16);
    const due = wd(receivedOn, 20);
    await page.goto(`${server.url}/console/foi/new`);
    await page.locator('#channel').selectOption('in-person');
    await page.locator('#receivedOn').fill(receivedOn);
    await page.locator('[id="applicant.name"]').fill('林海燕');
    await page.locator('#description').fill('本局2026年度科技特派员选派名单');
    await Promise.all([page.waitForURL(/notice=registered$/), page.getByRole('button', { name: '登记' }).click()]);
    const code = await metaValue(page, '受理编号');
    expect(await page.locator('section[aria-labelledby="deadline"] .badge').innerText()).toBe('即将到期');

    await page.goto(`${server.url}/console/foi`);
    const banner = page.getByRole('link', { name: /^未读提醒 \d+ 条$/ });
    await Promise.all([page.waitForURL(/\/console\/foi\/reminders$/), banner.click()]);
    expect(await page.locator('h1').innerText()).toBe('答复期限提醒');
    const row = page.locator('tbody tr', { hasText: code });
    expect(await row.innerText()).toContain(`${code} 答复期限为 ${due.date}${due.isProvisional ? '（暂定，放假安排公布后重新计算）' : ''}，剩余4个工作日`);
    await expectNoSeriousViolations(page, 'the 提醒 page');
    await Promise.all([page.waitForURL(/notice=acknowledged$/), row.getByRole('button', { name: '已读' }).click()]);
    expect(await noticeText(page)).toBe('提醒已标记为已读。');
    expect(await page.locator('tbody tr', { hasText: code }).count()).toBe(0);
    await page.getByRole('link', { name: '查看全部提醒' }).click();
    expect(await page.locator('tbody tr', { hasText: code }).innerText()).toContain(`已读（${DEMO.officer.displayName}`);
    await page.close();
  });
});
