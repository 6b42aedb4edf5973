import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import { FRESHNESS_LIMITS, HOME_PAGE_LIMIT, isStale, limitText, subtractMonths, windowStart } from './freshness.ts';

const d = localDate;

describe('column freshness limits (国办秘函〔2019〕19号 栏目不更新)', () => {
  it('gives 动态要闻 2 weeks, 通知公告 and 政策文件 6 months, 人事/规划计划 1 year, others none', () => {
    expect([FRESHNESS_LIMITS.news, FRESHNESS_LIMITS.notice, FRESHNESS_LIMITS.policy, FRESHNESS_LIMITS.planning].map(limitText)).toEqual(['2周', '6个月', '6个月', '1年']);
    expect(FRESHNESS_LIMITS.other).toEqual({ unit: 'none' });
    expect(HOME_PAGE_LIMIT).toEqual({ unit: 'days', count: 14 });
  });

  it.each([
    // today, newest, stale? — 动态要闻: today − 14 calendar days is the first day still inside the window
    ['2026-12-04', '2026-11-20', false],
    ['2026-12-04', '2026-11-19', true],
    ['2026-12-04', '2026-12-04', false],
    ['2026-03-01', '2026-02-15', false],
    ['2026-03-01', '2026-02-14', true],
  ] as const)('动态要闻 on %s, newest %s: stale %s', (today, newest, stale) => {
    expect(isStale(FRESHNESS_LIMITS.news, d(newest), d(today))).toBe(stale);
  });

  it.each([
    // 6 calendar months, not 182 days and not working days
    ['2026-12-04', '2026-06-04', false],
    ['2026-12-04', '2026-06-03', true],
    // month ends clamp: 8月31日 − 6个月 = 2月28日
    ['2026-08-31', '2026-02-28', false],
    ['2026-08-31', '2026-02-27', true],
    // across the year
    ['2026-03-15', '2025-09-15', false],
    ['2026-03-15', '2025-09-14', true],
  ] as const)('通知公告/政策文件 on %s, newest %s: stale %s', (today, newest, stale) => {
    expect(isStale(FRESHNESS_LIMITS.notice, d(newest), d(today))).toBe(stale);
    expect(isStale(FRESHNESS_LIMITS.policy, d(newest), d(today))).toBe(stale);
  });

  it('counts a column that never published as stale, and never times 其他 columns', () => {
    expect(isStale(FRESHNESS_LIMITS.news, null, d('2026-12-04'))).toBe(true);
    expect(isStale(FRESHNESS_LIMITS.other, d('2001-01-01'), d('2026-12-04'))).toBe(false);
    expect(windowStart(FRESHNESS_LIMITS.other, d('2026-12-04'))).toBeUndefined();
  });

  it('subtracts calendar months, clamping to the month end, including leap years', () => {
    expect(subtractMonths(d('2024-08-31'), 6)).toBe('2024-02-29');
    expect(subtractMonths(d('2026-01-31'), 12)).toBe('2025-01-31');
    expect(subtractMonths(d('2026-05-31'), 3)).toBe('2026-02-28');
  });
});
