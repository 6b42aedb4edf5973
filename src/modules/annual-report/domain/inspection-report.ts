/**
 * The year-end 自查报告 (seed plan §三): score, evidence per indicator, problems and remedies, printed in the same
 * official layout as the 年度报告 (report-layout.ts), for DOCX and HTML alike.
 */
import { appraisalPoints, formatBasisPoints, totalScore, type ScoredIndicator } from './inspection.ts';
import { textBlocks, type PrintedCell, type ReportBlock, type ReportDocument } from './report-layout.ts';

/** A self-inspection of one organ and year, as computed and annotated by the office. */
export interface InspectionOutcome {
  organ: string;
  year: number;
  indicators: readonly ScoredIndicator[];
  appraisalWeightBp: number;
  /** The office's own account of problems and remedies (may be empty). */
  problemsText: string;
  remediesText: string;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** An indicator's score out of 100 as printed, or 不适用. */
export function scoreText(score: number | null): string {
  return score === null ? '不适用' : String(Math.round(score * 1000) / 10);
}

const cell = (text: string, isHeader = false, colspan = 1): PrintedCell => ({ text, colspan, rowspan: 1, isHeader });

/** The printed self-inspection report. */
export function inspectionDocument(o: InspectionOutcome, signedOn: string): ReportDocument {
  const total = totalScore(o.indicators);
  const points = appraisalPoints(total, o.appraisalWeightBp);
  const auto = o.indicators.flatMap((i) => i.problems.map((p) => `${i.label}：${p}`));
  const table: PrintedCell[][] = [
    [cell('指标', true), cell('权重', true), cell('结果', true), cell('得分（满分100）', true)],
    ...o.indicators.map((i) => [cell(i.label), cell(String(i.weight)), cell(i.value), cell(scoreText(i.score))]),
    [cell('加权总分', false, 3), cell(total === null ? '不适用' : String(total))],
  ];
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: '一、总体情况' },
    {
      kind: 'paragraph',
      text: `对照政务公开工作指标体系，本机关${o.year}年度自查加权得分${total ?? '（无可计分指标）'}${total === null ? '' : '分（满分100分）'}。政务公开工作在绩效考核中所占权重为${formatBasisPoints(o.appraisalWeightBp)}%${points === null ? '' : `，折算考核分${points}分`}。不适用的指标不计入加权得分。`,
    },
    { kind: 'heading', level: 1, text: '二、指标得分情况' },
    { kind: 'table', table: { caption: '', columnCount: 4, headerRowCount: 1, rows: table } },
    { kind: 'heading', level: 1, text: '三、各项指标依据' },
    ...o.indicators.flatMap((i, n): ReportBlock[] => [{ kind: 'heading', level: 2, text: `（${NUMERALS[n] ?? n + 1}）${i.label}` }, ...i.evidence.map((e): ReportBlock => ({ kind: 'paragraph', text: e }))]),
    { kind: 'heading', level: 1, text: '四、存在的问题' },
    ...(auto.length === 0 && !o.problemsText.trim() ? [{ kind: 'paragraph', text: '自查未发现指标项下的问题。' } as ReportBlock] : auto.map((p, n): ReportBlock => ({ kind: 'paragraph', text: `${n + 1}. ${p}` }))),
    ...textBlocks(o.problemsText),
    { kind: 'heading', level: 1, text: '五、整改措施' },
    ...(o.remediesText.trim() ? textBlocks(o.remediesText) : [{ kind: 'paragraph', text: '（请填写针对上述问题的整改措施和完成时限。）' } as ReportBlock]),
  ];
  return { title: `${o.organ}${o.year}年度政务公开工作自查报告`, blocks, signature: [o.organ, signedOn] };
}
