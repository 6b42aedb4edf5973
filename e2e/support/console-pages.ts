import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * Page steps shared by the browser journeys: signing in and out of the console, reading the
 * metadata tables, and today's date as the server sees it (China time).
 */

/** The demo accounts the first start seeds (src/seed/demo-organisation.ts). */
export const DEMO = {
  officer: { username: 'bangongshi', password: 'Demo-bangongshi-2026', displayName: '周敏' },
  editor: { username: 'gaoxinke', password: 'Demo-gaoxinke-2026', displayName: '李俊峰' },
  leader: { username: 'lingdao', password: 'Demo-lingdao-2026', displayName: '刘晓东' },
  admin: { username: 'admin', password: 'Demo-admin-2026', displayName: '系统管理员' },
} as const;

export type DemoAccount = (typeof DEMO)[keyof typeof DEMO];

/** Today in China (the server's clock is this machine's), as YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** 2026-03-02 → 2026年3月2日 */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * Signs in on the sign-in page the browser is on (or opens /login), as a person would: types the
 * user name and password and presses 登录. Waits until the browser has left /login.
 */
export async function signIn(page: Page, baseUrl: string, account: DemoAccount): Promise<void> {
  if (!new URL(page.url(), baseUrl).pathname.startsWith('/login')) await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.getByRole('button', { name: '登录' }).click()]);
  // The console header names who is signed in (waitFor, not expect.poll: this also runs in hooks).
  await page.locator('header.site', { hasText: account.displayName }).waitFor();
}

/** Presses 退出 in the console header; ends on the sign-in page with the signed-out notice. */
export async function signOut(page: Page): Promise<void> {
  await Promise.all([page.waitForURL((url) => url.pathname === '/login'), page.getByRole('button', { name: '退出' }).click()]);
  expect(await page.getByRole('status').innerText()).toContain('您已安全退出');
}

/**
 * The value next to the label `label` in the page's metadata: a row header with its cell
 * (`<th>索引号</th><td>…</td>`, the console's meta table) or a term with its description
 * (`<dt>索引号</dt><dd>…</dd>`, a metadata list). Exactly one such label must be on the page.
 */
export async function metaValue(page: Page, label: string): Promise<string> {
  const cell = page
    .locator('main th, main dt')
    .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
    .locator('xpath=following-sibling::*[self::td or self::dd][1]');
  expect(await cell.count(), `one metadata entry "${label}" on ${page.url()}`).toBe(1);
  return (await cell.innerText()).trim();
}

/** The CSRF token the page's forms carry (every console page has the 退出 form). */
export async function csrfTokenOf(page: Page): Promise<string> {
  const token = await page.locator('input[name="_csrf"]').first().getAttribute('value');
  expect(token, 'a CSRF token on the page').toBeTruthy();
  return token!;
}

/** The notice shown after a redirect (`?notice=`), e.g. 已保存为草稿。 */
export async function noticeText(page: Page): Promise<string> {
  return (await page.locator('main p.notice[role="status"]').innerText()).trim();
}
