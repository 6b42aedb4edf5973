/**
 * `gongkai report annual YEAR [--organ CODE] --format json|docx [--out FILE]`: the report as the JSON of
 * ANNUAL-REPORT-FORMAT.md §7 or as the official-layout DOCX. A year not yet generated is computed from the current
 * records without being saved (the command never writes to the database), and stderr says so.
 */
import { writeFileSync } from 'node:fs';
import type { Actor } from '../../../kernel/actor.ts';
import { InvalidInput } from '../../../kernel/errors.ts';
import type { Services } from '../../../services.ts';
import { toReportJson } from '../domain/report-json.ts';
import { renderReportDocx } from '../render/report-docx.ts';

export interface ReportCommandIo {
  out(line: string): void;
  err(line: string): void;
  writeBytes(bytes: Uint8Array): void;
}

export interface ReportCommandArgs {
  year: string;
  organ?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
}

/** Runs the command as `actor`; returns the exit code. */
export async function runAnnualReportCommand(s: Services, actor: Actor, args: ReportCommandArgs, io: ReportCommandIo): Promise<number> {
  const year = Number(args.year);
  const errors: Record<string, string> = {};
  if (!/^\d{4}$/.test(args.year)) errors.year = 'report-year-invalid';
  if (args.format !== 'json' && args.format !== 'docx') errors.format = 'report-format-invalid';
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  const organ = await s.annualReports.organ(args.organ);
  const { report, isSaved } = await s.annualReports.current(actor, organ, year);
  if (!isSaved) io.err(`提示：${organ.name}${year}年度报告尚未生成，以下内容依据当前记录计算，未保存。`);
  const failed = report.findings.filter((f) => !f.ok);
  for (const f of failed) io.err(`校验未通过 ${f.rule}：${f.message}`);
  if (args.format === 'json') {
    const text = JSON.stringify(toReportJson(s.annualReports.annualReport(report, organ)), null, 2);
    if (args.out) writeFileSync(args.out, text + '\n');
    else io.out(text);
  } else {
    const notices = isSaved ? await s.annualReports.corrections.notices(report.id) : [];
    const bytes = await renderReportDocx(s.annualReports.document(report, organ, notices));
    if (args.out) writeFileSync(args.out, bytes);
    else io.writeBytes(bytes);
  }
  if (args.out) io.err(`已写入 ${args.out}`);
  return 0;
}
