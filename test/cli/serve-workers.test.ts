import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../support/server-process.ts';

/** The app's worker processes under `pid`: its children running bin/gongkai.js (tsx's esbuild helper is a child too). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const parent = Number(readFileSync(`/proc/${e}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
        return parent === pid && readFileSync(`/proc/${e}/cmdline`, 'utf8').includes('gongkai.js');
      } catch {
        return false;
      }
    })
    .map(Number);
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(process.platform !== 'linux')('gongkai serve --workers 2', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ args: ['bin/gongkai.js', 'serve', '--workers', '2'], env: { RUN_SCHEDULER: '0' }, timeoutMs: 90_000 });
    await until(() => count(server.output(), `gongkai 已启动：门户 http://127.0.0.1:${server.port}/`) === 2, 60_000);
  }, 120_000);
  afterAll(() => server?.stop());

  it('seeds the demo bureau once, then serves from two worker processes on one port', async () => {
    const output = server.output();
    expect(count(output, '演示账号')).toBe(1);
    expect(output).toContain('以 2 个工作进程运行');
    expect(childrenOf(server.pid)).toHaveLength(2);
    const pages = await Promise.all(Array.from({ length: 20 }, () => fetch(`${server.url}/xxgk/list`).then((r) => r.status)));
    expect(pages.every((s) => s === 200)).toBe(true);
    // A session signed in through one worker is honoured by whichever worker takes the next request.
    const signIn = await fetch(`${server.url}/login`);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await signIn.text())![1]!;
    const login = await fetch(`${server.url}/login`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, username: 'admin', password: 'Demo-admin-2026' }) });
    expect(login.status).toBe(303);
    const session = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const consoles = await Promise.all(Array.from({ length: 10 }, () => fetch(`${server.url}/console`, { redirect: 'manual', headers: { cookie: session } }).then((r) => r.status)));
    expect(consoles.every((s) => s === 200)).toBe(true);
  });

  it('replaces a worker that dies', async () => {
    const [victim] = childrenOf(server.pid);
    process.kill(victim!, 'SIGKILL');
    await until(() => server.output().includes(`工作进程 ${victim} 已退出`));
    await until(() => childrenOf(server.pid).length === 2 && !childrenOf(server.pid).includes(victim!));
    await until(async () => (await fetch(`${server.url}/healthz`).catch(() => undefined))?.status === 200);
    expect((await fetch(`${server.url}/xxgk`)).status).toBe(200);
  });

  it('stops every worker on SIGTERM', async () => {
    const workers = childrenOf(server.pid);
    await server.stop();
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
