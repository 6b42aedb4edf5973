/**
 * What the series generators produce before `generateDemoItems` settles numbers, publication dates and states:
 * an `ItemSpec` carries the content and the facts that must not be left to chance (links, 有效性).
 */
import { addDays, type LocalDate } from '../kernel/local-date.ts';
import { OFFICIAL_CALENDAR_YEARS } from '../kernel/official-calendar.ts';
import { WorkingDayCalendar } from '../kernel/working-days.ts';
import type { DemoOrganKey } from './demo-organisation.ts';
import type { Random } from './random.ts';

/** The demo's "today": no date in the data lies after it. */
export const DEMO_TODAY = '2026-11-29';
/** The last 成文日期 in the data. */
export const LAST_WRITTEN_ON = '2026-11-20';

/** 主题分类 names used by the demo; each is a second-level name that occurs once in the gov.cn tree. */
export type DemoTopic = '科技' | '知识产权' | '财政' | '政务公开' | '人事工作' | '统计' | '农业、畜牧业、渔业' | '扶贫' | '电子政务';

/** 体裁 names (DEFAULT_GENRES); a county makes no 规章, so the demo never uses it. */
export type DemoGenre =
  | '行政规范性文件' | '其他文件' | '工作动态' | '通知公告' | '政策解读' | '规划计划' | '统计信息' | '人事信息'
  | '财政预决算' | '年度报告' | '行政处罚' | '行政许可';

export type DemoExemptionBasis =
  | 'state-secret' | 'law-prohibited' | 'security-stability' | 'third-party' | 'internal-affairs' | 'process-information' | 'enforcement-file';

export type DemoValidity = 'effective' | 'expired' | 'repealed';

/** 有效性 facts of a 规范性文件 (REFERENCE.md §6.3). */
export interface NormativeFacts {
  effectiveOn: string;
  validity: DemoValidity;
  /** 失效 or 废止 date; null while effective. */
  endedOn: string | null;
  /** The later item that 废止 this one (validity 'repealed'). */
  repealedByKey: string | null;
}

/** One item before numbering and publication. */
export interface ItemSpec {
  key: string;
  organKey: DemoOrganKey;
  unitName: string;
  title: string;
  /** 机关代字 (县科技发, 县科技办, 县知罚, 县政办发, 县政办); the serial is given in 成文日期 order. */
  docCode: string | null;
  writtenOn: string;
  topic: DemoTopic;
  genre: DemoGenre;
  catalogueEntryKey: string | null;
  summary: string;
  /** HTML, or a function of the finished items for bodies that count them (年度报告). */
  bodyHtml: string | ((items: readonly FinishedItem[]) => string);
  withheld?: { attribute: 'on-request'; reason: string } | { attribute: 'exempt'; basis: DemoExemptionBasis; reason: string };
  /** Fixed publication lag in 工作日 (0 = same day); otherwise drawn, sometimes late. */
  lagWorkingDays?: number;
  /** Never drawn as late or for 撤回; if it cannot be published by DEMO_TODAY it waits as 'approved'. */
  isPinned?: boolean;
  normative?: NormativeFacts;
  /** The older 规范性文件 this one 修订 (the older one is then 失效). */
  revisesKey?: string;
  /** The 规范性文件 this 政策解读 explains; its dates follow that document's publication. */
  interpretsKey?: string;
  /** A reason specific to this item, used if it is drawn for 撤回. */
  retractReason?: string;
  /** Decisions an item records (行政许可 results list several); the 年度报告 sums them. Default 1. */
  tally?: number;
}

/** The fields of a finished item that late bodies may count. */
export interface FinishedItem {
  key: string;
  organKey: DemoOrganKey;
  genre: DemoGenre;
  writtenOn: string;
  publishedOn: string | null;
  state: string;
  disclosure: string;
  validity: DemoValidity;
  repealedOn: string | null;
  expiredOn: string | null;
  tally: number;
}

/** The official 工作日 calendar; years without a notice (before 2024) follow its provisional rule. */
export const CALENDAR = new WorkingDayCalendar(OFFICIAL_CALENDAR_YEARS);

/** The date `n` 工作日 after `date` (0 = the date itself). */
export function addWorkingDays(date: string, n: number): string {
  return n === 0 ? date : CALENDAR.addWorkingDays(date as LocalDate, n).date;
}

/** The first 工作日 on or after `date`. */
export function onWorkingDay(date: string): string {
  let d = date as LocalDate;
  while (!CALENDAR.isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A 工作日 in the given month, between day `from` and `to` (at most 28). Dates after LAST_WRITTEN_ON are possible:
 * `generateDemoItems` drops those items, as they lie in the demo's future.
 */
export function dateIn(rng: Random, year: number, month: number, from = 1, to = 28): string {
  const day = rng.int(from, Math.min(to, 28));
  return onWorkingDay(`${year}-${pad(month)}-${pad(day)}`);
}

/** `date` plus `days` calendar days. */
export const plusDays = (date: string, days: number): string => addDays(date as LocalDate, days);

/** The years the demo covers. */
export const DEMO_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

/** Token replaced by the 发文字号 of item `key` once numbers are assigned. */
export const docNumberOf = (key: string): string => `@@docno:${key}@@`;
