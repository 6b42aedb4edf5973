import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentXml } from '../testing/builders.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-report-cli-'));
const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: join(dir, 'cli.sqlite') };

function gongkai(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/gongkai.js', ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

describe('gongkai report annual', () => {
  beforeAll(() => {
    expect(gongkai(['migrate']).code).toBe(0);
    expect(gongkai(['organ', 'add', '某县科学技术局', '--code', '11331023002657129U']).code).toBe(0);
  });

  it('prints the report as the JSON of the format, computed from the records when not yet generated', () => {
    const r = gongkai(['report', 'annual', '2025', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('某县科学技术局2025年度报告尚未生成');
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ format: '国办公开办函〔2021〕30号', organ: '某县科学技术局', year: 2025 });
    expect(json.tables['三、收到和处理政府信息公开申请情况'].rows[0]).toEqual({ section: null, label: '一、本年新收政府信息公开申请数量', cells: [0, 0, 0, 0, 0, 0, 0] });
    expect(json.sections[5].text).toContain('全年收取政府信息公开信息处理费0元');
    expect(gongkai(['migrate']).stdout).toContain('数据库已是最新');
  });

  it('writes the DOCX to a file with --out, for the organ named by --organ', () => {
    const file = join(dir, 'report.docx');
    const r = gongkai(['report', 'annual', '2025', '--organ', '11331023002657129U', '--format', 'docx', '--out', file]);
    expect(r.code).toBe(0);
    expect(documentXml(readFileSync(file))).toContain('某县科学技术局2025年政府信息公开工作年度报告');
  });

  it('refuses an unknown format or organ in Chinese with exit code 1', () => {
    const bad = gongkai(['report', 'annual', '2025', '--format', 'xml']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--format 应为 json 或 docx');
    expect(gongkai(['report', 'annual', '2025', '--organ', 'NOPE', '--format', 'json']).code).toBe(1);
    expect(gongkai(['report', 'annual']).code).toBe(2);
  });
});
