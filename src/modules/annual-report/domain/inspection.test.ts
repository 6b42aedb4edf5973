import { describe, expect, it } from 'vitest';
import { appraisalPoints, shareText, totalScore, validateWeights, type ScoredIndicator } from './inspection.ts';

const ind = (weight: number, score: number | null): ScoredIndicator => ({ key: `k${weight}`, label: 'x', weight, score, value: '', evidence: [], problems: [] });

describe('indicator scoring', () => {
  it('weights applicable indicators only and scales to 100', () => {
    expect(totalScore([ind(30, 0.6), ind(20, 1), ind(50, null)])).toBe(76);
    expect(totalScore([ind(30, null)])).toBeNull();
    expect(totalScore([ind(0, 0.2), ind(10, 0.9)])).toBe(90);
  });

  it('turns the total into appraisal points by the 政务公开 weight', () => {
    expect(appraisalPoints(90, 400)).toBe(3.6);
    expect(appraisalPoints(null, 400)).toBeNull();
  });

  it('shows shares with one decimal, and no data as 无数据', () => {
    expect(shareText(2, 3)).toBe('2/3（66.7%）');
    expect(shareText(0, 0)).toBe('无数据');
  });

  it.each([
    [3.99, 'appraisal-weight-below-minimum'],
    [-4, 'appraisal-weight-below-minimum'],
    [Number.NaN, 'appraisal-weight-invalid'],
    [100.5, 'appraisal-weight-invalid'],
    [4.125, 'appraisal-weight-invalid'],
  ])('refuses an appraisal weight of %s %% (%s)', (percent, reason) => {
    expect(validateWeights({ appraisalWeightPercent: percent, weights: {} })).toMatchObject({ ok: false, reason });
  });

  it('accepts 4 % and more, in hundredths of a percent', () => {
    expect(validateWeights({ appraisalWeightPercent: 4, weights: { a: 0, b: 100 } })).toEqual({ ok: true, value: { appraisalWeightBp: 400, weights: { a: 0, b: 100 } } });
    expect(validateWeights({ appraisalWeightPercent: 12.25, weights: {} })).toMatchObject({ ok: true, value: { appraisalWeightBp: 1225 } });
    expect(validateWeights({ appraisalWeightPercent: 5, weights: { a: 0 } })).toMatchObject({ ok: false, reason: 'indicator-weights-all-zero' });
    expect(validateWeights({ appraisalWeightPercent: 5, weights: { a: 2.5 } })).toMatchObject({ ok: false, reason: 'indicator-weight-invalid', detail: 'a' });
  });
});
