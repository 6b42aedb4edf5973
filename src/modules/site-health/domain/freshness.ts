/**
 * 栏目不更新 and 首页不更新 (国办秘函〔2019〕19号 单项否决指标, REFERENCE.md §7.2): how long each kind of column may stay
 * silent, counted in calendar days (自然日), never 工作日.
 */
import { addDays, daysInMonth, type LocalDate } from '../../../kernel/local-date.ts';

/** Column types of the website indicators (the catalogue's genre → column type uses the same codes). */
export const COLUMN_TYPES = ['news', 'notice', 'policy', 'planning', 'other'] as const;
/** One column type. */
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Chinese names of the column types. */
export const COLUMN_TYPE_NAMES: Readonly<Record<ColumnType, string>> = {
  news: '动态、要闻类',
  notice: '通知公告类',
  policy: '政策文件类',
  planning: '人事、规划计划类',
  other: '其他',
};

/** How long a column may go without a new item; `none` for columns the indicators do not time. */
export type FreshnessLimit = { unit: 'days'; count: number } | { unit: 'months'; count: number } | { unit: 'none' };

/**
 * 19号 栏目不更新 1: 监测时间点前2周内的动态、要闻类栏目，前6个月内的通知公告、政策文件类一级栏目；
 * 人事、规划计划类 1 year is the monitoring vendors' rule for 基本信息 (REFERENCE.md §7.3, §7.5 [P]).
 */
export const FRESHNESS_LIMITS: Readonly<Record<ColumnType, FreshnessLimit>> = {
  news: { unit: 'days', count: 14 },
  notice: { unit: 'months', count: 6 },
  policy: { unit: 'months', count: 6 },
  planning: { unit: 'months', count: 12 },
  other: { unit: 'none' },
};

/** 19号 首页不更新: 监测2周，首页无信息更新. */
export const HOME_PAGE_LIMIT: FreshnessLimit = { unit: 'days', count: 14 };

/** The limit as people read it: "2周", "6个月", "1年". */
export function limitText(limit: FreshnessLimit): string {
  if (limit.unit === 'none') return '不限';
  if (limit.unit === 'days') return limit.count % 7 === 0 ? `${limit.count / 7}周` : `${limit.count}天`;
  return limit.count % 12 === 0 ? `${limit.count / 12}年` : `${limit.count}个月`;
}

/** The same day `months` calendar months earlier, clamped to the month's last day (8月31日 − 6个月 = 2月28日). */
export function subtractMonths(date: LocalDate, months: number): LocalDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  const [year, month] = [Math.floor(total / 12), (total % 12) + 1];
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as LocalDate;
}

/**
 * The first day of the monitoring window ending `today`: an item published on or after it counts as an update
 * ("监测时间点前2周内": today − 14 days is still inside the window). Undefined when the column is not timed.
 */
export function windowStart(limit: FreshnessLimit, today: LocalDate): LocalDate | undefined {
  if (limit.unit === 'none') return undefined;
  return limit.unit === 'days' ? addDays(today, -limit.count) : subtractMonths(today, limit.count);
}

/** Whether a column whose newest item was published on `newestOn` (null: never) is stale on `today`. */
export function isStale(limit: FreshnessLimit, newestOn: LocalDate | null, today: LocalDate): boolean {
  const start = windowStart(limit, today);
  if (start === undefined) return false;
  return newestOn === null || newestOn < start;
}
