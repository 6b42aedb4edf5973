import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startServer } from '../support/server-process.ts';

/**
 * `npm run build` (scripts/build.js, run by `npm install`) and bin/gongkai.js's choice between the
 * build and the sources, on a copy of the project so the checkout's own dist/ is left alone while
 * other tests start servers from it.
 */
describe('the compiled build', () => {
  let copy: string;
  const elsewhere = mkdtempSync(join(tmpdir(), 'gongkai-cwd-'));
  const gongkai = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(copy, 'bin/gongkai.js'), ...args], { cwd: elsewhere, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'gongkai-build-'));
    for (const entry of ['src', 'bin', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) cpSync(join(REPO_ROOT, entry), join(copy, entry), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'));
    const build = spawnSync(process.execPath, [join(copy, 'scripts/build.js')], { encoding: 'utf8', timeout: 240_000 });
    expect(build.status, build.stdout + build.stderr).toBe(0);
  }, 300_000);
  afterAll(() => {
    rmSync(copy, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('runs the build while it is current, the sources once a source file is newer or when asked, the build when asked', () => {
    expect(gongkai(['version']).stdout).toMatch(/^gongkai \d+\.\d+\.\d+（编译版本 dist\/）/);
    expect(gongkai(['version'], { GONGKAI_FROM_SOURCE: '1' }).stdout).toContain('源码 src/');
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(copy, 'src/config.ts'), later, later);
    expect(gongkai(['version']).stdout).toContain('源码 src/');
    // The benchmark's setting: the build it made, even after a source was edited.
    expect(gongkai(['version'], { GONGKAI_FROM_SOURCE: '0' }).stdout).toContain('编译版本 dist/');
    // The next build (incremental) brings the command back to dist/: the file is now older than the build.
    utimesSync(join(copy, 'src/config.ts'), new Date(), new Date());
    expect(spawnSync(process.execPath, [join(copy, 'scripts/build.js')], { encoding: 'utf8', timeout: 240_000 }).status).toBe(0);
    expect(gongkai(['version']).stdout).toContain('编译版本 dist/');
  }, 300_000);

  // Started from another directory: tsx used to look for a tsconfig there and rendered no page ("React is not defined").
  for (const fromSource of [false, true])
    it(`serves the portal, its stylesheet and search from another working directory (${fromSource ? 'sources' : 'build'})`, async () => {
      const server = await startServer({ args: [join(copy, 'bin/gongkai.js'), 'serve'], cwd: elsewhere, env: { RUN_SCHEDULER: '0', ...(fromSource ? { GONGKAI_FROM_SOURCE: '1' } : {}) }, timeoutMs: 90_000 });
      try {
        const home = await fetch(`${server.url}/xxgk`);
        expect(home.status).toBe(200);
        expect(await home.text()).toContain('信息公开指南');
        const css = await fetch(`${server.url}/assets/site.css`);
        expect(css.status).toBe(200);
        expect((await css.text()).length).toBeGreaterThan(1000);
        const search = await fetch(`${server.url}/search?q=${encodeURIComponent('科技')}`);
        expect(search.status).toBe(200);
        expect(await search.text()).toMatch(/<mark>科技<\/mark>/);
      } finally {
        await server.stop();
      }
    }, 120_000);
});
