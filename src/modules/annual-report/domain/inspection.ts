/**
 * 自查 (self-inspection) and the 政务公开 indicator system (seed plan §三 and §二(五)3): indicators with weights the office
 * configures, each scored 0–1 from the records (or not applicable), a weighted total out of 100, and the share of
 * 政务公开 in the performance appraisal, which the plan requires to be at least 4 %.
 */
import { ok, refuse, type Result } from '../../../kernel/result.ts';

/** Seed plan §二(五)3: 政务公开 weighs at least 4 % of the performance appraisal (stored in hundredths of a percent). */
export const MIN_APPRAISAL_WEIGHT_BP = 400;
/** The default share: the minimum. */
export const DEFAULT_APPRAISAL_WEIGHT_BP = MIN_APPRAISAL_WEIGHT_BP;

/** What an indicator found for an organ and year. `score` null means not applicable (left out of the total). */
export interface IndicatorResult {
  /** 0–1, or null when the indicator does not apply or has no data yet. */
  score: number | null;
  /** The figure as shown, e.g. "18/20（90%）". */
  value: string;
  /** The records the figure rests on, one line each. */
  evidence: string[];
  /** Problems found, one line each (empty when none). */
  problems: string[];
}

/** An indicator as the office sees it, with the weight in force. */
export interface ScoredIndicator extends IndicatorResult {
  key: string;
  label: string;
  weight: number;
}

/** Percent with one decimal, from hundredths of a percent: 400 → "4". */
export function formatBasisPoints(bp: number): string {
  return String(Math.round(bp) / 100);
}

/** Why a weight set is refused. */
export type WeightRefusal = 'appraisal-weight-below-minimum' | 'appraisal-weight-invalid' | 'indicator-weight-invalid' | 'indicator-weights-all-zero';

/**
 * Checks what the office enters: the appraisal share in percent (≥ 4, ≤ 100, at most two decimals) and each indicator
 * weight a whole number 0–100, not all zero. Returns the appraisal share in hundredths of a percent.
 */
export function validateWeights(input: { appraisalWeightPercent: number; weights: Readonly<Record<string, number>> }): Result<{ appraisalWeightBp: number; weights: Record<string, number> }, WeightRefusal> {
  const bp = Math.round(input.appraisalWeightPercent * 100);
  if (!Number.isFinite(input.appraisalWeightPercent) || Math.abs(bp - input.appraisalWeightPercent * 100) > 1e-6 || bp > 10_000) return refuse('appraisal-weight-invalid');
  if (bp < MIN_APPRAISAL_WEIGHT_BP) return refuse('appraisal-weight-below-minimum');
  const entries = Object.entries(input.weights);
  const bad = entries.find(([, w]) => !Number.isInteger(w) || w < 0 || w > 100);
  if (bad) return refuse('indicator-weight-invalid', bad[0]);
  if (entries.length > 0 && entries.every(([, w]) => w === 0)) return refuse('indicator-weights-all-zero');
  return ok({ appraisalWeightBp: bp, weights: Object.fromEntries(entries) });
}

/** The weighted total out of 100 over applicable indicators (one decimal); null when none applies. */
export function totalScore(indicators: readonly ScoredIndicator[]): number | null {
  const applicable = indicators.filter((i) => i.score !== null && i.weight > 0);
  const weightSum = applicable.reduce((s, i) => s + i.weight, 0);
  if (weightSum === 0) return null;
  const weighted = applicable.reduce((s, i) => s + i.weight * (i.score as number), 0);
  return Math.round((weighted / weightSum) * 1000) / 10;
}

/** The points 政务公开 contributes to the appraisal: total × share (e.g. 90 × 4 % = 3.6 points), two decimals. */
export function appraisalPoints(total: number | null, appraisalWeightBp: number): number | null {
  return total === null ? null : Math.round(total * appraisalWeightBp) / 10_000;
}

/** A share as "a/b（p%）", or "无数据" when b is 0. */
export function shareText(numerator: number, denominator: number): string {
  return denominator === 0 ? '无数据' : `${numerator}/${denominator}（${Math.round((numerator / denominator) * 1000) / 10}%）`;
}

/** A share as a score: a/b, or null (not applicable) when b is 0. */
export const shareScore = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);
