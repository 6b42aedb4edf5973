import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { zipEntryText } from '../../src/web/docx/zip-entry.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-site-health-cli-'));
const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: join(dir, 'cli.sqlite') };
const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

function gongkai(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/gongkai.js', ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe('gongkai site-health', () => {
  beforeAll(() => {
    expect(gongkai(['migrate']).code).toBe(0);
  });

  it('checks now, prints the run as JSON and exits 1 when a veto is reached (nothing published: 首页不更新)', () => {
    const r = gongkai(['site-health', 'check', '--json']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout);
    expect(body.run).toMatchObject({ isVetoed: true, trigger: 'manual', triggeredBy: '命令行' });
    expect(body.findings.find((f: { indicator: string }) => f.indicator === 'home-freshness')).toMatchObject({ severity: 'veto', fixUrl: '/console/items/new' });
    const db = new Database(env.DATABASE_URL);
    expect(db.prepare('select trigger, is_vetoed from site_health_runs').all()).toEqual([{ trigger: 'manual', is_vetoed: 1 }]);
    expect(db.prepare("select actor_name from audit_log where action = 'site-health.run'").all()).toEqual([{ actor_name: '命令行' }]);
  });

  it('prints a readable summary without --json', () => {
    const r = gongkai(['site-health', 'check']);
    expect(r.stdout).toContain('达到单项否决标准');
    expect(r.stdout).toContain('首页不更新');
  });

  it('writes the monthly report as DOCX and HTML, and refuses a malformed month in Chinese', () => {
    const file = join(dir, 'report.docx');
    const r = gongkai(['site-health', 'report', month, '--out', file]);
    expect(r.code).toBe(0);
    const xml = zipEntryText(readFileSync(file), 'word/document.xml') ?? '';
    expect(xml).toContain('共进行网站健康检查2次');
    const html = gongkai(['site-health', 'report', month, '--format', 'html']);
    expect(html.stdout).toContain('<h2>二、各项指标情况</h2>');
    const bad = gongkai(['site-health', 'report', '2026-13']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('月份');
  });
});
