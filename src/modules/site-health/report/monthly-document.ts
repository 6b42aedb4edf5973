/** The monthly site-health report as an official document (GB/T 9704 layout through the shared DOCX renderer). */
import { formatChineseDate } from '../../../kernel/local-date.ts';
import type { Block, OfficialDocument } from '../../../web/docx/official-document.ts';
import type { MonthlySummary } from '../domain/monthly-summary.ts';
import { SEVERITY_LABELS } from '../domain/site-assessment.ts';

const STATUS: Record<string, string> = { ok: '正常', problem: '存在问题', veto: '单项否决', 'not-applicable': '不适用' };

/** Most open findings printed; the dashboard lists them all. */
const MAX_PRINTED_FINDINGS = 200;

/** The document for `summary`, signed by `organName` on `issuedOn`. */
export function monthlyReportDocument(summary: MonthlySummary, organName: string, issuedOn: string): OfficialDocument {
  const [year, month] = [Number(summary.month.slice(0, 4)), Number(summary.month.slice(5, 7))];
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: '一、总体情况' }];
  if (summary.runCount === 0) blocks.push({ kind: 'paragraph', text: `${year}年${month}月未进行网站健康检查。` });
  else {
    const verdict = summary.lastRun!.isVetoed ? '达到国办秘函〔2019〕19号单项否决标准，网站检查将被判定为不合格，须立即整改' : '未触及单项否决指标';
    blocks.push({ kind: 'paragraph', text: `本月（${formatChineseDate(summary.from)}至${formatChineseDate(summary.to)}）共进行网站健康检查${summary.runCount}次，其中${summary.vetoedRunCount}次触及单项否决指标。月内最后一次检查（${formatChineseDate(summary.lastRun!.checkedOn)}）${verdict}。` });
  }
  blocks.push({ kind: 'heading', level: 1, text: '二、各项指标情况' });
  blocks.push({
    kind: 'table',
    header: [['指标', '存在问题次数', '单项否决次数', '月内最多（个）', '月末状态', '月末情况']],
    rows: summary.indicators.map((i) => [i.label, i.runsWithProblem, i.runsVetoed, i.maxCount, i.last ? STATUS[i.last.status]! : '—', i.last?.summary ?? '—']),
  });
  blocks.push({ kind: 'heading', level: 1, text: '三、月末尚未整改的问题' });
  if (summary.openFindings.length === 0) blocks.push({ kind: 'paragraph', text: '无。' });
  else {
    const shown = summary.openFindings.slice(0, MAX_PRINTED_FINDINGS);
    blocks.push({ kind: 'table', header: [['序号', '程度', '对象', '问题和依据']], rows: shown.map((f, i) => [i + 1, SEVERITY_LABELS[f.severity], f.title, f.explanation]) });
    if (summary.openFindings.length > shown.length) blocks.push({ kind: 'paragraph', text: `另有${summary.openFindings.length - shown.length}个问题，详见管理后台“网站健康检查”。` });
  }
  blocks.push({ kind: 'signature', lines: [organName, issuedOn] });
  return { title: `${year}年${month}月网站健康检查报告`, blocks };
}
