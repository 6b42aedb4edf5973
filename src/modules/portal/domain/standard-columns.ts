/**
 * The standard columns of a 信息公开专栏 (条例 Art. 12 指南 and 目录, Art. 50 年度报告, Art. 27 依申请公开)
 * and which 主动公开基本目录 rows (国办发〔2019〕54号) fill the 指南, 制度 and 年报 columns. Rows are
 * recognised by their 公开事项 names, because counties word them differently
 * ("政府信息公开指南", "信息公开指南", "政务公开工作年度报告", "年报").
 */

/** A 基本目录 row as far as column matching needs it. */
export interface EntryNames {
  id: string;
  level1: string;
  level2: string;
}

/** One column of the 专栏, in the order people expect to find them. */
export interface StandardColumn {
  path: string;
  name: string;
  description: string;
}

export const STANDARD_COLUMNS: readonly StandardColumn[] = [
  { path: '/xxgk/guide', name: '信息公开指南', description: '政府信息的分类、编排体系、获取方式和政府信息公开工作机构的联系方式（《条例》第十二条）' },
  { path: '/xxgk/rules', name: '信息公开制度', description: '主动公开、依申请公开、保密审查等政府信息公开工作制度' },
  { path: '/xxgk/list', name: '法定主动公开内容', description: '按主动公开基本目录和主题分类编排的主动公开政府信息' },
  { path: '/xxgk/annual-reports', name: '信息公开年报', description: '政府信息公开工作年度报告（《条例》第四十九条、第五十条）' },
  { path: '/ysqgk', name: '依申请公开', description: '申请获取主动公开以外的政府信息（《条例》第二十七条至第四十五条）' },
];

/** The 体裁 code of 年度报告. */
export const ANNUAL_REPORT_GENRE = 'annual-report';

const isDisclosureRow = (e: EntryNames) => /信息公开|政务公开/.test(`${e.level1}${e.level2}`);

/** Rows whose items make up the 信息公开指南 column. */
export function guideEntries<E extends EntryNames>(entries: readonly E[]): E[] {
  return entries.filter((e) => isDisclosureRow(e) && /指南/.test(e.level2));
}

/** Rows whose items make up the 信息公开制度 column. */
export function rulesEntries<E extends EntryNames>(entries: readonly E[]): E[] {
  return entries.filter((e) => isDisclosureRow(e) && /制度/.test(e.level2));
}

/** Rows whose items make up the 信息公开年报 column (together with the 年度报告 genre). */
export function annualReportEntries<E extends EntryNames>(entries: readonly E[]): E[] {
  return entries.filter((e) => /年度报告|年报/.test(e.level2));
}

/** A readable 索引号 rule from the configured pattern: `{机构代码}/{YYYY}-{serial:5}` → `机构代码/年份-5位流水号`. */
export function describeIndexPattern(pattern: string): string {
  return pattern
    .replace(/\{机构代码\}/g, '机构代码')
    .replace(/\{YYYYMM\}/g, '年月（6位）')
    .replace(/\{YYYY\}/g, '年份')
    .replace(/\{serial:(\d+)\}/g, (_m, n: string) => `${n}位流水号`);
}
