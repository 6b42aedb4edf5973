import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/support/test-app.ts';
import { zipEntryText } from '../../src/web/docx/zip-entry.ts';
import { aNormativeDocument } from '../../src/modules/annual-report/testing/builders.ts';
import { anApplicationBody, creditCode } from '../../src/modules/foi-requests/testing/foi-builders.ts';

/**
 * The 年度报告 journeys run the whole app in this process on an SQLite database with a fixed clock (10:00 on
 * 12 January 2026 in China), so the report for 2025 is due on 31 January in 19 days and every figure is known:
 * 2025's records are made through the real catalogue use cases and the 依申请公开 API before the browser starts.
 */
export const NOW = '2026-01-12T02:00:00Z';
export const YEAR = 2025;
export const ORGAN = '某县科学技术局';
export const TITLE = `${ORGAN}${YEAR}年政府信息公开工作年度报告`;

/**
 * 2025 in numbers. 规范性文件: one from 2024 still effective, two issued in 2025 of which one repealed on 1 October →
 * 制发 2, 废止 1, 现行有效 2. Requests: three by natural persons (one answered 予以公开, one 本机关不掌握, one received
 * on 22 December and answered in January, so carried forward) and one by a company answered 部分公开 →
 * 新收 3 + 1 = 4, 办结 3, 结转下年度 1.
 */
export const EXPECTED = {
  normativeDocument: ['2', '1', '2'],
  received: ['3', '1', '0', '0', '0', '0', '4'],
  disclosed: ['1', '0', '0', '0', '0', '0', '1'],
  partial: ['0', '1', '0', '0', '0', '0', '1'],
  notHeld: ['1', '0', '0', '0', '0', '0', '1'],
  resultsTotal: ['2', '1', '0', '0', '0', '0', '3'],
  carriedForward: ['1', '0', '0', '0', '0', '0', '1'],
};

export const OFFICER = { username: 't-officer', password: TEST_PASSWORD, displayName: '测试officer' };

/** The app with 2025's records, listening on a free loopback port. */
export async function startAnnualReportApp(): Promise<{ t: TestApp; url: string }> {
  const t = await createTestApp('sqlite');
  t.clock.set(NOW);
  await aNormativeDocument(t, '2024-05-10');
  await aNormativeDocument(t, '2025-03-05');
  await aNormativeDocument(t, '2025-04-03', '2025-10-01');
  const request = async (body: Record<string, unknown>, reply?: { on: string; outcome: string; reason?: string }) => {
    const created = await t.api('officer', 'POST', '/api/v1/foi-requests', anApplicationBody(body));
    expect(created.statusCode, created.body).toBe(201);
    if (!reply) return;
    const replied = await t.api('officer', 'POST', `/api/v1/foi-requests/${created.json().id}/events`, { type: 'replied', ...reply });
    expect(replied.statusCode, replied.body).toBe(200);
  };
  await request({ receivedOn: '2025-03-03', description: '2025年度科技创新券兑付企业名单' }, { on: '2025-03-20', outcome: 'disclosed' });
  await request({ receivedOn: '2025-06-10', description: '2019年县级科技计划项目验收专家名单' }, { on: '2025-06-20', outcome: 'unavailable-not-held', reason: '该项目验收材料由市科技局保存，本机关不掌握' });
  await request({ receivedOn: '2025-12-22', description: '2025年度科技特派员派驻名单' }, { on: '2026-01-08', outcome: 'disclosed' });
  await request(
    {
      receivedOn: '2025-05-06',
      description: '2024年度高新技术企业培育库入库企业名单及评审意见',
      applicant: { kind: 'commercial', name: '某县新材料科技有限公司', creditCode: creditCode('91330000MA2B3C4D5'), legalRepresentative: '钱七', contactName: '孙八', phone: '0571-88881234' },
    },
    { on: '2025-05-30', outcome: 'partially-disclosed', reason: '评审意见中涉及第三方商业秘密的部分不予公开' },
  );
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { t, url: address.replace('localhost', '127.0.0.1') };
}

/** Signs in on /login as a person would and waits for the console header to name the user. */
export async function signInAs(page: Page, url: string, account: typeof OFFICER): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.getByRole('button', { name: '登录' }).click()]);
  await page.locator('header.site', { hasText: account.displayName }).waitFor();
}

/** The cells after the row label `label` in the first table of `scope` that has such a row (texts, in order). */
export async function rowAfterLabel(page: Page, scope: string, label: string, count = 7): Promise<string[]> {
  const row = page.locator(`${scope} tr`).filter({ has: page.locator('td', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).first();
  const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
  return cells.slice(cells.findIndex((c) => c === label) + 1).slice(0, count);
}

/** The text runs of a DOCX's word/document.xml, in document order. */
export function docxTexts(docx: Buffer): string[] {
  expect(docx.subarray(0, 2).toString('latin1'), 'a DOCX is a ZIP archive').toBe('PK');
  const xml = zipEntryText(docx, 'word/document.xml');
  expect(xml, 'the DOCX has word/document.xml').toBeDefined();
  return [...xml!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
