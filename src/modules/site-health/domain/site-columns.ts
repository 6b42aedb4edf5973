/**
 * What a "column" (栏目) is here, read from the portal: the 信息公开专栏 home shows the standard columns, one column per
 * 主动公开基本目录 row (rows without items shown as "暂无", i.e. 空白栏目) and one column per 栏目类型 that has items.
 * Topic pages list only non-empty topics, so they can be neither empty nor count as columns of their own.
 */
import type { LocalDate } from '../../../kernel/local-date.ts';
import type { ColumnType } from './freshness.ts';

/** Where a column comes from. */
export type ColumnKind = 'standard' | 'catalogue-entry' | 'column-type';

/** A column as the check sees it: its public page, where to fix it, its type, and what it holds. */
export interface SiteColumn {
  /** Stable key, e.g. `entry:abc`, `type:news`, `standard:rules`. */
  key: string;
  kind: ColumnKind;
  name: string;
  columnType: ColumnType;
  /** The public page of the column. */
  path: string;
  /** The console page where the office fixes it. */
  fixUrl: string;
  itemCount: number;
  /** Publication date of the newest public item, null when the column has none. */
  newestOn: LocalDate | null;
}

const NAME_RULES: readonly (readonly [RegExp, ColumnType])[] = [
  // 解读 columns answer 政策文件 but are not 政策文件类 themselves.
  [/解读/, 'other'],
  [/动态|要闻/, 'news'],
  [/通知|公告/, 'notice'],
  [/政策文件|规范性文件|规章|政策(集中)?发布/, 'policy'],
  [/规划|计划|人事/, 'planning'],
];

const typeOfName = (name: string): ColumnType | undefined => NAME_RULES.find(([re]) => re.test(name))?.[1];

/**
 * The column type of a 基本目录 row from its 公开事项 names (counties word rows differently, so names, not codes):
 * the 二级事项 decides, else the 一级事项 ("政策文件 › 其他文件" is 政策文件类), else 其他.
 */
export function columnTypeOfEntry(entry: { level1: string; level2: string }): ColumnType {
  return typeOfName(entry.level2) ?? typeOfName(entry.level1) ?? 'other';
}
