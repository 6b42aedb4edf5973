/**
 * 体裁 (genre): what kind of document an item is. Each genre feeds a column type, and the column type decides
 * how long the column may stay silent under the website indicators (国办秘函〔2019〕19号, REFERENCE.md §7).
 */
import { ok, refuse, type Result } from '../../../kernel/result.ts';

/** Column types of the website indicators: 政策文件, 通知公告, 动态/要闻, 人事/规划计划, other. */
export type ColumnType = 'policy' | 'notice' | 'news' | 'planning' | 'other';

/** Chinese names of the column types. */
export const COLUMN_TYPE_LABELS: Record<ColumnType, string> = {
  policy: '政策文件',
  notice: '通知公告',
  news: '动态要闻',
  planning: '人事、规划计划',
  other: '其他',
};

/** One genre; `aliases` are other names clients use for it. */
export interface Genre {
  code: string;
  name: string;
  columnType: ColumnType;
  sortOrder: number;
  aliases?: readonly string[];
}

/** The bureau's genres; a county may replace the list, keeping these codes for 规章 and 规范性文件. */
export const DEFAULT_GENRES: readonly Genre[] = [
  { code: 'regulation', name: '规章', columnType: 'policy', sortOrder: 1 },
  { code: 'normative-document', name: '行政规范性文件', columnType: 'policy', sortOrder: 2, aliases: ['规范性文件'] },
  { code: 'other-document', name: '其他文件', columnType: 'policy', sortOrder: 3 },
  { code: 'policy-interpretation', name: '政策解读', columnType: 'policy', sortOrder: 4, aliases: ['解读'] },
  { code: 'work-news', name: '工作动态', columnType: 'news', sortOrder: 5 },
  { code: 'notice', name: '通知公告', columnType: 'notice', sortOrder: 6 },
  { code: 'plan', name: '规划计划', columnType: 'planning', sortOrder: 7 },
  { code: 'personnel', name: '人事信息', columnType: 'planning', sortOrder: 8 },
  { code: 'statistics', name: '统计信息', columnType: 'other', sortOrder: 9 },
  { code: 'budget-and-final-accounts', name: '财政预决算', columnType: 'other', sortOrder: 10, aliases: ['预决算'] },
  { code: 'annual-report', name: '年度报告', columnType: 'other', sortOrder: 11 },
  { code: 'administrative-licensing', name: '行政许可', columnType: 'other', sortOrder: 12 },
  { code: 'administrative-penalty', name: '行政处罚', columnType: 'other', sortOrder: 13 },
  { code: 'emergency-management', name: '应急管理', columnType: 'other', sortOrder: 14 },
  { code: 'proposal-handling', name: '建议提案办理', columnType: 'other', sortOrder: 15 },
];

/** Why a genre name does not resolve. */
export type GenreRefusal = 'unknown-genre';

/** Finds a genre by name, alias or code, as API clients and imports give it. */
export function resolveGenre(list: readonly Genre[], nameOrCode: string): Result<Genre, GenreRefusal> {
  const key = nameOrCode.replace(/\s+/gu, '');
  const genre = list.find((g) => g.name === key || g.code === key || (g.aliases ?? []).includes(key));
  return genre ? ok(genre) : refuse('unknown-genre');
}

/** Genres whose items must record 有效性: the annual report counts 现行有效 规章 and 规范性文件 (REFERENCE.md §6.3). */
export const VALIDITY_REQUIRED_GENRES: ReadonlySet<string> = new Set(['regulation', 'normative-document']);

/** Whether an item of this genre must carry 有效性 (有效/失效/废止). */
export function requiresValidity(genreCode: string): boolean {
  return VALIDITY_REQUIRED_GENRES.has(genreCode);
}
