import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.ts';
import { startServer, type ServerProcess } from '../test/support/server-process.ts';

/**
 * 依申请公开 through the browser (issue #4): a citizen without an account applies online from the
 * 依申请公开 column, gets a tracking code, and later checks the status with the code and the last four
 * digits of the phone number; a wrong second factor reveals nothing.
 */
let server: ServerProcess;
beforeAll(async () => {
  server = await startServer({ timeoutMs: 90_000 });
}, 120_000);
afterAll(() => server?.stop());

/** A valid 18-digit 居民身份证号码 (GB 11643 check digit). */
function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}
const ID = residentId('33010219880315123');

describeBrowser('依申请公开: a citizen applies online and checks the status', (session) => {
  let trackingCode = '';

  it('applies from the 依申请公开 column without an account and receives a tracking code', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/ysqgk`);
    await page.getByRole('link', { name: '在线提交申请' }).click();
    await page.fill('[name="applicant.name"]', '王晓明');
    await page.fill('[name="applicant.idNumber"]', ID);
    await page.fill('[name="applicant.phone"]', '13912345678');
    await page.fill('[name="applicant.address"]', '某县城关镇人民东路12号');
    await page.fill('[name="description"]', '2025年度县级科技计划项目立项名单及资金安排');
    // 条例 Art. 29(三): the form of provision and the way of delivery are part of the application.
    for (const name of ['provisionForm', 'deliveryMethod']) await page.selectOption(`[name="${name}"]`, { index: 1 });
    await page.getByRole('button', { name: '提交申请' }).click();
    expect(await page.locator('.notice.ok').innerText()).toContain('您的申请已经提交');
    trackingCode = (await page.locator('dd strong').first().innerText()).trim();
    expect(trackingCode).toMatch(/^YSQ-\d{4}-\d{6}$/);
    const body = await page.locator('main').innerText();
    expect(body).not.toContain(ID);
    expect(body).toContain(`${ID.slice(0, 4)}**********${ID.slice(-4)}`);
  });

  it('checks the status with the code and the last four phone digits; a wrong second factor reveals nothing', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/ysqgk/status`);
    await page.fill('[name="trackingCode"]', trackingCode);
    await page.fill('[name="phoneLast4"]', '0000');
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.locator('main').innerText()).not.toContain('王晓明');
    await page.fill('[name="trackingCode"]', trackingCode);
    await page.fill('[name="phoneLast4"]', '5678');
    await page.getByRole('button', { name: '查询' }).click();
    const result = page.locator('section[aria-labelledby="status-result"]');
    const text = await result.innerText();
    expect(text).toContain(trackingCode);
    expect(text).toContain('王晓明');
    expect(text).toContain('答复期限');
  });
});
