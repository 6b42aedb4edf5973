import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: join(dir, 'cli.sqlite') };

function gongkai(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/gongkai.js', ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe('gongkai command', () => {
  beforeAll(() => {
    expect(gongkai(['migrate']).code).toBe(0);
  });

  it.each([
    [['workdays', 'add', '2025-09-26', '7'], '2025-10-13'],
    [['workdays', 'add', '2025-09-26', '20'], '2025-10-30'],
    [['workdays', 'add', '2026-12-15', '20'], '2027-01-13 provisional'],
    [['workdays', 'between', '2025-09-26', '2025-10-30'], '20'],
  ])('gongkai %j prints %s', (args, expected) => {
    const r = gongkai(args);
    expect(r.stdout).toBe(expected);
    expect(r.code).toBe(0);
  });

  it('refuses a bad date in Chinese with exit code 1', () => {
    const r = gongkai(['workdays', 'add', '2025-02-30', '3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/日期/);
  });

  it('registers an organ and a user, reading the password from standard input, and issues a token', () => {
    expect(gongkai(['organ', 'add', '某县科学技术局', '--code', '11331023002657129U']).stdout).toContain('主机关');
    expect(gongkai(['user', 'add', 'wangfang', '--role', 'officer', '--name', '王芳', '--password-stdin'], 'Long-enough-pass-2026\n').code).toBe(0);
    expect(gongkai(['user', 'add', 'wangfang', '--role', 'officer', '--password-stdin'], 'Long-enough-pass-2026\n').code).toBe(1);
    expect(gongkai(['user', 'add', 'x', '--role', 'boss', '--password-stdin'], 'p').stderr).toContain('--role');
    const token = gongkai(['token', 'create', '--user', 'wangfang']);
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^gk_[A-Za-z0-9_-]{40,}$/);
    const stored = new Database(env.DATABASE_URL).prepare('select token_hash from api_tokens').all() as { token_hash: string }[];
    expect(stored.map((r) => r.token_hash)).not.toContain(token.stdout);
  });

  it('imports JSONL rows one by one, reports bad lines by number and imports none of them', () => {
    const file = join(dir, 'items.jsonl');
    const good = { title: '关于开展科技活动周的通知', disclosureAttribute: 'proactive', writtenOn: '2024-05-06', topic: '科技', genre: '通知公告', body: '<p>正文</p>', publishedOn: '2024-05-08' };
    writeFileSync(file, [JSON.stringify(good), JSON.stringify({ ...good, documentNumber: '县科技发[2024]3号' }), '{not json', JSON.stringify({ ...good, title: '第二条正常信息', publishedOn: null })].join('\n'));
    const r = gongkai(['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('第 2 行');
    expect(r.stderr).toContain('第 3 行');
    expect(r.stdout).toContain('已导入 2 条，失败 2 条');
    const db = new Database(env.DATABASE_URL);
    const rows = db.prepare('select title, state from items order by index_serial').all();
    expect(rows).toEqual([
      { title: '关于开展科技活动周的通知', state: 'published' },
      { title: '第二条正常信息', state: 'draft' },
    ]);
    expect(db.prepare('select count(*) n from item_editions').get()).toEqual({ n: 1 });
  });

  it('imports an office XLSX 台账 with Chinese headings and labels', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('政府信息台账');
    sheet.addRow(['标题', '公开属性', '不予公开依据', '不予公开理由', '成文日期', '发布日期', '主题分类', '体裁', '发文字号']);
    sheet.addRow(['县科技局关于表彰科技创新先进单位的决定', '主动公开', '', '', new Date(Date.UTC(2023, 2, 6)), '2023-03-09', '科技', '其他文件', '县科技发〔2023〕9号']);
    sheet.addRow(['局党组会议纪要', '不予公开', '属于四类过程性信息', '会议讨论记录', '2023-03-10', '', '科技', '其他文件', '']);
    sheet.addRow(['错误的行', '主动公开', '', '', '2023-03-10', '', '不存在的分类', '其他文件', '']);
    const file = join(dir, 'taizhang.xlsx');
    await workbook.xlsx.writeFile(file);
    const r = gongkai(['import', file]);
    expect(r.stderr).toContain('第 4 行');
    expect(r.stdout).toContain('已导入 2 条，失败 1 条');
    const db = new Database(env.DATABASE_URL);
    expect(db.prepare("select state, document_number, written_on from items where title like '县科技局关于表彰%'").get()).toEqual({ state: 'published', document_number: '县科技发〔2023〕9号', written_on: '2023-03-06' });
    expect(db.prepare("select disclosure, exemption_basis, state from items where title = '局党组会议纪要'").get()).toEqual({ disclosure: 'exempt', exemption_basis: 'process-information', state: 'draft' });
  });

  it('exports what it imported as JSONL', () => {
    const out = join(dir, 'export.jsonl');
    expect(gongkai(['export', '--out', out]).code).toBe(0);
  });

  it('verifies the audit chain and names the first tampered record', () => {
    expect(gongkai(['audit', 'verify']).stdout).toMatch(/审计日志完好：已校验 \d+ 条记录/);
    const db = new Database(env.DATABASE_URL);
    db.exec('drop trigger audit_log_no_update');
    db.prepare("update audit_log set actor_name = '篡改者' where seq = 3").run();
    db.close();
    const r = gongkai(['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('第一条异常记录序号 3');
  });

  it('checks a text file and prints findings as JSON with UTF-16 offsets', () => {
    const file = join(dir, 'plan.txt');
    writeFileSync(file, '进一步标准权力清单公开，加强管理效劳公开，开展培训。');
    const r = gongkai(['check', file, '--json']);
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.stdout);
    expect(findings).toContainEqual(expect.objectContaining({ start: 16, end: 18, text: '效劳', suggestion: '服务', severity: '确定' }));
    expect(findings.every((f: { text: string }) => !f.text.includes('培训'))).toBe(true);
  });

  it('prints usage for an unknown command with exit code 2', () => {
    const r = gongkai(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gongkai serve');
  });
});
