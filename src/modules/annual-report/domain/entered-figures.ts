/**
 * Figures the office enters because the platform does not hold their records (issue 5): 行政许可, 行政处罚, 行政强制
 * decisions and 行政事业性收费 (条例 Art. 20 items 五, 六, 八) with their source noted; last year's published
 * 四、结转下年度继续办理 when the platform starts mid-stream (it becomes this year's 二、上年结转 and the R6 reference);
 * and the 信息处理费 collected, stated in section 六.
 */
import type { FieldErrors } from '../../../kernel/errors.ts';
import { ok, type Result } from '../../../kernel/result.ts';
import type { ApplicantCounts } from './annual-report.ts';
import { APPLICANT_KINDS } from './report-format.ts';

/** What the office entered; null means "not entered" (decisions then print as 0, the carry-over comes from records). */
export interface EnteredFigures {
  licensing: number | null;
  penalty: number | null;
  enforcement: number | null;
  feesWanYuan: number | null;
  /** Where the four figures above come from (e.g. 县政务服务中心审批系统年报), required once one is entered. */
  decisionsSource: string;
  /** Last year's published 四、结转下年度继续办理, per applicant kind; null when not entered. */
  previousCarriedForward: ApplicantCounts | null;
  /** 信息处理费 collected in the year, in 元; null means the records' figure (or 0). */
  processingFeeYuan: number | null;
}

/** Nothing entered yet. */
export const NO_ENTERED_FIGURES: EnteredFigures = {
  licensing: null,
  penalty: null,
  enforcement: null,
  feesWanYuan: null,
  decisionsSource: '',
  previousCarriedForward: null,
  processingFeeYuan: null,
};

const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10_000_000;
const isAmount = (v: unknown, decimals: number) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e10 && Math.abs(Math.round(v * 10 ** decimals) - v * 10 ** decimals) < 1e-6;

/**
 * Checks entered figures (R7: counts are non-negative integers; 万元 up to four decimals; 元 up to two) and that a
 * source is noted when any decision figure is given. Every field error at once.
 */
export function validateEnteredFigures(input: EnteredFigures): Result<EnteredFigures, 'invalid'> & { errors?: FieldErrors } {
  const errors: FieldErrors = {};
  for (const key of ['licensing', 'penalty', 'enforcement'] as const) if (input[key] !== null && !isCount(input[key])) errors[key] = 'not-a-count';
  if (input.feesWanYuan !== null && !isAmount(input.feesWanYuan, 4)) errors.feesWanYuan = 'not-an-amount';
  if (input.processingFeeYuan !== null && !isAmount(input.processingFeeYuan, 2)) errors.processingFeeYuan = 'not-an-amount';
  const source = input.decisionsSource.trim();
  const anyDecision = [input.licensing, input.penalty, input.enforcement, input.feesWanYuan].some((v) => v !== null);
  if (anyDecision && source === '') errors.decisionsSource = 'source-required';
  if (source.length > 200) errors.decisionsSource = 'too-long';
  const previous = input.previousCarriedForward;
  if (previous) {
    for (const [kind, value] of Object.entries(previous)) {
      if (!(APPLICANT_KINDS as readonly string[]).includes(kind)) errors[`previousCarriedForward.${kind}`] = 'unknown-field';
      else if (!isCount(value)) errors[`previousCarriedForward.${kind}`] = 'not-a-count';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
  return ok({ ...input, decisionsSource: source });
}
