import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.ts';
import { startServer, type ServerProcess } from '../test/support/server-process.ts';
import { expectNoSeriousViolations } from './support/axe-check.ts';
import { chinaToday, DEMO, metaValue, noticeText, signIn } from './support/console-pages.ts';

/**
 * Accessibility (WCAG 2.1 AA, checked by axe-core), phone layout and no-JavaScript use of the
 * public pages and the console, on a fresh demo bureau. Government sites must meet GB/T 37668 /
 * WCAG 2.1 AA, and the app is server-rendered HTML that must work without JavaScript.
 */

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer({ timeoutMs: 90_000 });
}, 120_000);
afterAll(() => server?.stop());

/** The href of the first item in 最新公开信息 on the home page. */
async function firstPublishedItemPath(page: Page): Promise<string> {
  await page.goto(`${server.url}/`);
  const href = await page.locator('main a[href^="/xxgk/content/"]').first().getAttribute('href');
  expect(href, 'the demo home page lists a published item').toMatch(/^\/xxgk\/content\/[0-9a-z]+$/);
  return href!;
}

describeBrowser('accessibility (axe-core, WCAG 2.1 AA)', (session) => {
  beforeAll(() => {
    session.context.setDefaultTimeout(10_000);
  });

  it('home page /', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/`);
    await expectNoSeriousViolations(page, 'the home page');
    await page.close();
  });

  it('public item page /xxgk/content/:id', async () => {
    const page = await session.newPage();
    const path = await firstPublishedItemPath(page);
    await page.goto(`${server.url}${path}`);
    expect(await metaValue(page, '索引号')).toMatch(/^11331023002657129U\//); // the metadata is there
    await expectNoSeriousViolations(page, 'the public item page');
    await page.close();
  });

  it('信息公开指南 /xxgk/guide, with the 工作机构', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/xxgk/guide`);
    expect(await page.locator('section.office').first().innerText()).toContain('办公时间');
    await expectNoSeriousViolations(page, 'the guide');
    await page.close();
  });

  it('sign-in page /login', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/login`);
    await expectNoSeriousViolations(page, 'the sign-in page');
    await page.close();
  });

  it('sign-in page with an error', async () => {
    const page = await session.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill(DEMO.officer.username);
    await page.getByLabel('密码').fill('not-the-password');
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: '登录' }).click()]);
    expect(await page.getByRole('alert').first().innerText()).toContain('用户名或密码错误');
    await expectNoSeriousViolations(page, 'the sign-in page after a wrong password');
    await page.close();
  });

  describe('signed in as the officer', () => {
    beforeAll(async () => {
      const page = await session.newPage();
      await signIn(page, server.url, DEMO.officer);
      await page.close();
    });

    it('item list /console/items', async () => {
      const page = await session.newPage();
      await page.goto(`${server.url}/console/items`);
      expect(await page.locator('h1').innerText()).toBe('政府信息目录');
      await expectNoSeriousViolations(page, 'the console item list');
      await page.close();
    });

    it('draft form /console/items/new', async () => {
      const page = await session.newPage();
      await page.goto(`${server.url}/console/items/new`);
      expect(await page.locator('h1').innerText()).toBe('新建政府信息');
      await expectNoSeriousViolations(page, 'the new-item form');
      await page.close();
    });

    it('draft form with validation errors', async () => {
      const page = await session.newPage();
      await page.goto(`${server.url}/console/items/new`);
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: '保存' }).click()]);
      await page.waitForLoadState();
      expect(await page.locator('#title-error').innerText()).toBe('此项为必填项。');
      await expectNoSeriousViolations(page, 'the new-item form showing errors');
      await page.close();
    });

    it('item detail page with workflow forms /console/items/:id', async () => {
      const page = await session.newPage();
      await page.goto(`${server.url}/console/items`);
      await Promise.all([page.waitForURL(/\/console\/items\/[0-9a-z]+$/), page.locator('main table a[href^="/console/items/"]').first().click()]);
      await expectNoSeriousViolations(page, 'the console item detail page');
      await page.close();
    });
  });

  describe('signed in as the administrator', () => {
    beforeAll(async () => {
      await session.context.clearCookies(); // signed out of the officer's session first
      const page = await session.newPage();
      await signIn(page, server.url, DEMO.admin);
      await page.close();
    });

    it('系统设置 /console/settings, and its errors beside the fields', async () => {
      const page = await session.newPage();
      await page.goto(`${server.url}/console/settings`);
      expect(await page.getByLabel('办公时间').inputValue()).toContain('工作日');
      await expectNoSeriousViolations(page, 'the settings page');
      await page.getByLabel('电子邮箱').fill('不是邮箱');
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: '保存设置' }).click()]);
      await page.waitForLoadState();
      expect(await page.locator('[id="disclosureOffice.email-error"]').innerText()).toContain('电子邮箱格式不正确');
      await expectNoSeriousViolations(page, 'the settings page showing errors');
      await page.close();
    });
  });
});

/** How much wider than the window the page is, and the innermost elements that stick out past its right edge. */
async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const sticking = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5);
    const innermost = sticking.filter((el) => !sticking.some((other) => other !== el && el.contains(other)));
    const describe = (el: Element) => {
      const rect = el.getBoundingClientRect();
      const path = [el, el.parentElement, el.parentElement?.parentElement].filter((e): e is Element => e !== null && e !== document.body);
      const selector = path.reverse().map((e) => e.tagName.toLowerCase() + (e.classList.length > 0 ? '.' + [...e.classList].join('.') : '')).join(' > ');
      return `${selector} (right edge ${Math.round(rect.right)}px): ${(el.textContent ?? '').trim().slice(0, 40)}`;
    };
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits: innermost.slice(0, 8).map(describe) };
  });
}

describeBrowser(
  'phone layout (375×667)',
  (session) => {
    it('public item pages do not scroll sideways', async () => {
      const page = await session.newPage();
      await page.goto(`${server.url}/`);
      // The first item on the home page, then every other one listed there (notices, 规范性文件 with 文号, 公示 ...).
      const paths = await page.locator('main a[href^="/xxgk/content/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(paths.length).toBeGreaterThan(0);
      const overflowing: string[] = [];
      for (const path of paths) {
        await page.goto(`${server.url}${path}`);
        const { scrollWidth, innerWidth, culprits } = await horizontalOverflow(page);
        expect(innerWidth).toBe(375);
        if (scrollWidth > innerWidth) overflowing.push(`${path} 《${await page.locator('h1').innerText()}》 is ${scrollWidth}px wide:\n    ${culprits.join('\n    ')}`);
      }
      expect(overflowing, `public item pages wider than a 375px phone:\n  ${overflowing.join('\n  ')}`).toEqual([]);
      await page.close();
    });

    it('the home page and the sign-in page do not scroll sideways', async () => {
      const page = await session.newPage();
      for (const path of ['/', '/login']) {
        await page.goto(`${server.url}${path}`);
        const { scrollWidth, innerWidth, culprits } = await horizontalOverflow(page);
        expect(scrollWidth, `${path} is ${scrollWidth}px wide on a ${innerWidth}px phone:\n    ${culprits.join('\n    ')}`).toBeLessThanOrEqual(innerWidth);
      }
      await page.close();
    });
  },
  { context: { viewport: { width: 375, height: 667 } } },
);

describeBrowser(
  'without JavaScript',
  (session) => {
    it('an editor signs in, meets a validation error, saves a draft and submits it', async () => {
      const page = await session.newPage();
      // Scripts really are off: an inline script does not run.
      await page.goto(`${server.url}/login`);
      await page.setContent('<p id="probe">off</p><script>document.getElementById("probe").textContent = "on"</script>');
      expect(await page.locator('#probe').innerText()).toBe('off');

      await page.goto(`${server.url}/console/items/new`);
      expect(new URL(page.url()).pathname).toBe('/login');
      await signIn(page, server.url, DEMO.editor);
      expect(new URL(page.url()).pathname).toBe('/console/items/new');

      const today = chinaToday();
      const title = '无脚本环境下录入的测试信息';
      // An error first (no topic), shown by the server beside the field.
      await page.getByLabel('标题').fill(title);
      await page.getByLabel('成文日期').fill(today);
      await page.locator('#genreCode').selectOption({ label: '工作动态' });
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: '保存' }).click()]);
      await page.waitForLoadState();
      expect(await page.locator('#topicCode-error').innerText()).toBe('此项为必填项。');

      await page.locator('#topicCode').selectOption('t11-01');
      await Promise.all([page.waitForURL(/\/console\/items\/[0-9a-z]+\?notice=created$/), page.getByRole('button', { name: '保存' }).click()]);
      expect(await noticeText(page)).toBe('已保存为草稿。');
      expect(await page.locator('h1').innerText()).toBe(title);

      await Promise.all([page.waitForURL(/notice=submit$/), page.getByRole('button', { name: '提交审核' }).click()]);
      expect(await noticeText(page)).toBe('已提交审核。');
      await page.close();
    });
  },
  { context: { javaScriptEnabled: false } },
);
