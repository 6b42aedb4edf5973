/** `gongkai site-health check [--json]` and `gongkai site-health report YYYY-MM [--format html|docx] [--out FILE]`. */
import { writeFileSync } from 'node:fs';
import type { AuditActor } from '../../audit/index.ts';
import { formatChineseDate } from '../../../kernel/local-date.ts';
import type { Services } from '../../../services.ts';
import { renderOfficialDocx } from '../../../web/docx/official-document.ts';
import { buildGongkaiApp } from '../../../web-app.ts';
import { monthlyReportDocument } from '../report/monthly-document.ts';
import { SEVERITY_LABELS } from '../domain/site-assessment.ts';
import { DocumentView, STATUS_LABELS } from '../web/site-health-views.tsx';

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  writeBytes(bytes: Uint8Array): void;
}

const CLI_ACTOR: AuditActor = { id: null, name: '命令行' };

/** Runs the check now (the app is built so links to other site pages are requested too); exit 1 when a veto is reached. */
export async function runSiteHealthCheck(s: Services, options: { json?: boolean | undefined }, io: CommandIo): Promise<number> {
  const app = await buildGongkaiApp(s);
  try {
    const { run, findings } = await s.siteHealth.check(CLI_ACTOR);
    if (options.json) io.out(JSON.stringify({ run, findings: findings.map(({ id: _id, seq: _seq, ...f }) => f) }, null, 2));
    else {
      io.out(`网站健康检查（${run.checkedOn}）：${run.isVetoed ? '达到单项否决标准，须立即整改' : '未触及单项否决指标'}`);
      for (const v of run.verdicts) io.out(`  ${v.label}\t${STATUS_LABELS[v.status]}\t${v.summary}`);
      for (const f of findings) io.out(`[${SEVERITY_LABELS[f.severity]}] ${f.title}\t${f.fixUrl}`);
      io.out(`共 ${findings.length} 个问题。`);
    }
    return run.isVetoed ? 1 : 0;
  } finally {
    await app.close();
  }
}

/** Prints or writes the monthly report. */
export async function runSiteHealthReport(s: Services, options: { month: string; format?: string | undefined; out?: string | undefined }, io: CommandIo): Promise<number> {
  const format = options.format ?? (options.out?.endsWith('.docx') ? 'docx' : 'html');
  if (format !== 'html' && format !== 'docx') {
    io.err('错误：--format 只能是 html 或 docx。');
    return 2;
  }
  const doc = monthlyReportDocument(await s.siteHealth.monthly(options.month), (await s.site()).organName, formatChineseDate(s.clock.today()));
  const bytes = format === 'docx' ? await renderOfficialDocx(doc) : Buffer.from(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${doc.title}</title></head><body>${DocumentView({ doc }).value}</body></html>\n`, 'utf8');
  if (options.out) {
    writeFileSync(options.out, bytes);
    io.out(`已生成 ${options.out}（${doc.title}）。`);
  } else io.writeBytes(bytes);
  return 0;
}
