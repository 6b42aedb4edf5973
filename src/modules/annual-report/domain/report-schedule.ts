/**
 * 条例 Art. 49: 各级人民政府部门应当于每年1月31日前向本级政府信息公开工作主管部门提交本部门上一年度政府信息公开工作年度报告
 * 并向社会公布; 县级以上地方人民政府 by 3月31日 (REFERENCE.md §5). Status is derived from dates, never stored.
 */
import { daysBetween, type LocalDate } from '../../../kernel/local-date.ts';

/** A 部门 (the bureau, default) reports by 31 January; a county government by 31 March. */
export type ReporterLevel = 'department' | 'government';

/** The last day to publish the report for `year` (条例 Art. 49). */
export function reportDueOn(year: number, level: ReporterLevel = 'department'): LocalDate {
  return `${year + 1}-${level === 'department' ? '01-31' : '03-31'}` as LocalDate;
}

/** Where a year's report stands: not begun, drafted, published (on time or late), or overdue. */
export type ReportStanding = 'not-started' | 'draft' | 'overdue' | 'published' | 'published-late';

/** The standing of a report on `today`; `daysLeft` is negative once the due date has passed. */
export function reportStanding(
  input: { year: number; status: 'draft' | 'published' | null; publishedOn: LocalDate | null; today: LocalDate; level?: ReporterLevel },
): { dueOn: LocalDate; standing: ReportStanding; daysLeft: number } {
  const dueOn = reportDueOn(input.year, input.level);
  const daysLeft = daysBetween(input.today, dueOn);
  if (input.status === 'published') return { dueOn, daysLeft, standing: input.publishedOn && input.publishedOn > dueOn ? 'published-late' : 'published' };
  if (daysLeft < 0) return { dueOn, daysLeft, standing: 'overdue' };
  return { dueOn, daysLeft, standing: input.status === 'draft' ? 'draft' : 'not-started' };
}

/** Chinese labels of the standings, as the console shows them. */
export const STANDING_LABELS: Readonly<Record<ReportStanding, string>> = {
  'not-started': '未编制',
  draft: '草稿',
  overdue: '已逾期未公布',
  published: '已公布',
  'published-late': '已公布（逾期）',
};
