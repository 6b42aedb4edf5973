/**
 * Where table 三 (依申请公开) and table 四 (复议/诉讼) get their records: the foi-requests module adapts its requests and
 * reviews to these shapes and is wired in services.ts. Until then the empty source answers, and the report, the console
 * and the self-inspection say that no 依申请公开 records are connected.
 */
import type { LocalDate } from '../../kernel/local-date.ts';
import type { RequestRecord, ReviewRecord } from './domain/compute-tables.ts';

/** A request as the report and the self-inspection need it; the extra fields feed the indicators only. */
export interface ApplicationRecord extends RequestRecord {
  /** The request's tracking code, for evidence lines and problem lists. */
  reference?: string | null;
  /** The reply due date (条例 Art. 33, extensions and 补正 applied) as the FOI module derives it; null when unknown. */
  replyDueOn?: LocalDate | null;
  /**
   * Whether the reply 告知书 carries everything 条例 Art. 36 requires for its outcome (理由, 依据, 救济途径);
   * null or absent until the FOI module provides it (the indicator then shows 不适用).
   */
  isNoticeComplete?: boolean | null;
}

/** The 依申请公开 records of one organ, as of the report year. */
export interface ApplicationRecordSource {
  /** Whether a real source is connected; false for the empty default (indicators show 不适用, not 0). */
  readonly isConnected?: boolean;
  /**
   * Every request of the organ received on or before 31 December of `year` that was still open on 1 January of `year`
   * or was received in it (returning older, closed ones too is harmless: they are not counted).
   */
  requestRecords(organId: string, year: number): Promise<ApplicationRecord[]>;
  /** Every 行政复议/行政诉讼 about the organ's requests filed on or before 31 December of `year`. */
  reviewRecords(organId: string, year: number): Promise<ReviewRecord[]>;
  /** 信息处理费 actually collected in `year`, in 元; absent when the source does not know (the office enters it). */
  processingFeesYuan?(organId: string, year: number): Promise<number>;
}

/** The source used while the foi-requests module is not wired: no records, marked as not connected. */
export const emptyApplicationRecordSource: ApplicationRecordSource = {
  isConnected: false,
  requestRecords: async () => [],
  reviewRecords: async () => [],
};
