import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import { REVIEW_KINDS, REVIEW_RESULTS, validateReview } from './reviews.ts';

const today = localDate('2026-03-02');

describe('reviews (条例 Art. 51; issue 4 API)', () => {
  it('fixes kinds and results', () => {
    expect(REVIEW_KINDS).toEqual(['reconsideration', 'litigation-direct', 'litigation-after-reconsideration']);
    expect(REVIEW_RESULTS).toEqual(['upheld', 'corrected', 'other', 'pending']);
  });

  it.each([
    [{ kind: 'reconsideration', result: 'pending', filedOn: '2026-01-05' }, { kind: 'reconsideration', result: 'pending', filedOn: '2026-01-05', decidedOn: null }],
    [
      { kind: 'litigation-after-reconsideration', result: 'corrected', filedOn: '2025-11-03', decidedOn: '2026-03-02' },
      { kind: 'litigation-after-reconsideration', result: 'corrected', filedOn: '2025-11-03', decidedOn: '2026-03-02' },
    ],
    [
      { kind: 'litigation-direct', result: 'upheld', filedOn: '2025-11-03', decidedOn: '2025-11-03' },
      { kind: 'litigation-direct', result: 'upheld', filedOn: '2025-11-03', decidedOn: '2025-11-03' },
    ],
  ])('accepts %j', (input, value) => {
    expect(validateReview(input, today)).toEqual({ ok: true, value });
  });

  it.each([
    ['a string', 'not-an-object'],
    [{ kind: 'appeal', result: 'pending', filedOn: '2026-01-05' }, 'invalid-kind'],
    [{ kind: 'reconsideration', result: 'won', filedOn: '2026-01-05' }, 'invalid-result'],
    [{ kind: 'reconsideration', result: 'pending', filedOn: '2026-13-05' }, 'invalid-date'],
    [{ kind: 'reconsideration', result: 'pending', filedOn: '2026-03-03' }, 'filed-in-future'],
    [{ kind: 'reconsideration', result: 'pending', filedOn: '2026-01-05', decidedOn: '2026-02-01' }, 'pending-has-decision-date'],
    [{ kind: 'reconsideration', result: 'upheld', filedOn: '2026-01-05' }, 'decision-date-required'],
    [{ kind: 'reconsideration', result: 'upheld', filedOn: '2026-01-05', decidedOn: '2026-01-04' }, 'decided-before-filed'],
    [{ kind: 'reconsideration', result: 'other', filedOn: '2026-01-05', decidedOn: '2026-03-03' }, 'decided-in-future'],
  ])('refuses %j: %s', (input, reason) => {
    expect(validateReview(input, today)).toMatchObject({ ok: false, reason });
  });
});
