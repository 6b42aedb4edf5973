import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.ts';
import { freePort, ServerStartError, startServer } from '../test/support/server-process.ts';

/**
 * Smoke tests of the e2e tooling itself, independent of the app: Chromium drives a Chinese page
 * with a form served in-process, and the child-process server helper starts and stops a server.
 */

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>政务公开平台 冒烟测试</title>
  <style>
    body { font-family: "Noto Sans CJK SC", sans-serif; margin: 2rem; }
    h1 { font-size: 28px; }
    #probe { font-size: 32px; }
  </style>
</head>
<body>
  <h1>政府信息公开申请</h1>
  <p id="probe">中文</p>
  <form method="post" action="/apply">
    <label>申请人姓名 <input name="name" required></label>
    <label>所需信息 <textarea name="content"></textarea></label>
    <button type="submit">提交申请</button>
  </form>
</body>
</html>`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function startPageServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    if (request.method === 'POST' && request.url === '/apply') {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        const form = new URLSearchParams(body);
        const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>已收到</title></head>
<body><p id="result">已收到${escapeHtml(form.get('name') ?? '')}的申请：${escapeHtml(form.get('content') ?? '')}</p></body></html>`;
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      });
      return;
    }
    response.writeHead(404).end();
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${port}` };
}

describeBrowser('browser smoke', (session) => {
  let site: { server: Server; url: string };
  let artifacts: string;

  beforeAll(async () => {
    site = await startPageServer();
    artifacts = mkdtempSync(join(tmpdir(), 'gongkai-smoke-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => site?.server.close(resolve));
    if (artifacts) rmSync(artifacts, { recursive: true, force: true });
  });

  it('renders Chinese text and submits a form', async () => {
    const page = await session.newPage();
    await page.goto(site.url);
    expect(await page.title()).toBe('政务公开平台 冒烟测试');
    expect(await page.locator('h1').innerText()).toBe('政府信息公开申请');
    expect(await page.evaluate(() => navigator.language)).toBe('zh-CN');

    await page.getByLabel('申请人姓名').fill('张三');
    await page.getByLabel('所需信息').fill('2026年财政预算');
    await Promise.all([page.waitForURL(`${site.url}/apply`), page.getByRole('button', { name: '提交申请' }).click()]);
    expect(await page.locator('#result').innerText()).toBe('已收到张三的申请：2026年财政预算');
    await page.close();
  });

  it('renders CJK with Noto Sans CJK SC, not tofu', async () => {
    const page = await session.newPage();
    await page.goto(site.url);

    // The system font exists: a FontFace with src local() fails to load when it does not.
    const localFont = await page.evaluate(async () => {
      try {
        await new FontFace('probe-cjk', 'local("Noto Sans CJK SC")').load();
        return 'loaded';
      } catch (error) {
        return String(error);
      }
    });
    expect(localFont, 'the system font "Noto Sans CJK SC" (apt-get install fonts-noto-cjk)').toBe('loaded');

    // The text was actually drawn with it: ask the renderer which platform fonts it used.
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#probe' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((f) => f.familyName)).toContain('Noto Sans CJK SC');
    await cdp.detach();

    // Tofu boxes all look alike: two different characters must draw different pixels.
    const distinct = await page.evaluate(() => {
      const draw = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 48;
        const ctx = canvas.getContext('2d')!;
        ctx.font = '40px "Noto Sans CJK SC"';
        ctx.textBaseline = 'top';
        ctx.fillText(text, 4, 4);
        return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
      };
      return draw('中') !== draw('文');
    });
    expect(distinct).toBe(true);
    const width = await page.evaluate(() => document.getElementById('probe')!.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(60); // two full-width glyphs at 32px
    await page.close();
  });

  it('takes a screenshot', async () => {
    const page = await session.newPage();
    await page.goto(site.url);
    const path = join(process.env.GONGKAI_SMOKE_SCREENSHOT_DIR ?? artifacts, 'smoke.png');
    await page.screenshot({ path, fullPage: true });
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(2_000);
    await page.close();
  });
});

describe('server-process helper', () => {
  const script = (body: string) => ['-e', body];
  const httpServer = (ready: string) =>
    `const http = require('node:http');
     const server = http.createServer((q, s) => s.writeHead(q.url === '/healthz' ? 200 : 404).end(process.env.DATA_DIR));
     server.listen(Number(process.env.PORT), process.env.HOST, () => console.log(${JSON.stringify(ready)}));
     process.on('SIGTERM', () => { console.log('stopping'); server.close(() => process.exit(0)); });`;

  it('waits for GET /healthz, passes PORT, HOST and DATA_DIR, and stops', async () => {
    const server = await startServer({ args: script(httpServer('listening')), env: { GREETING: '你好' } });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(server.dataDir);
    } finally {
      await server.stop();
    }
    expect((await server.exited).code).toBe(0);
    expect(server.output()).toContain('stopping');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('waits for a ready line', async () => {
    const server = await startServer({ args: script(httpServer('服务已启动')), readyLine: /服务已启动/, healthPath: null });
    try {
      expect(server.output()).toContain('服务已启动');
    } finally {
      await server.stop();
    }
  });

  it('fails with the output when the process exits early', async () => {
    const error = await startServer({ args: script('console.error("配置错误: no DATABASE_URL"); process.exit(3)') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerStartError);
    expect((error as Error).message).toMatch(/exited \(code 3/);
    expect((error as Error).message).toContain('配置错误: no DATABASE_URL');
  });

  it('fails with the output on timeout', async () => {
    const error = await startServer({ args: script('console.log("still booting"); setInterval(() => {}, 1000)'), timeoutMs: 1_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerStartError);
    expect((error as Error).message).toMatch(/not ready .* within 1000 ms/);
    expect((error as Error).message).toContain('still booting');
  });
});
