/**
 * The Chinese lines of a reply-deadline explanation (条例 Art. 30–34; 国办函〔2020〕109号), so staff can check every
 * counted, paused and rest day against the notices. Wording only: no counting happens here.
 */
import { addDays, weekdayName, type LocalDate } from '../../../kernel/local-date.ts';
import type { DayDescription } from '../../../kernel/working-days.ts';
import { FEE_METHOD_LABELS } from './fees.ts';
import { OUTCOMES } from './outcomes.ts';
import type { ConsultationParty, RequestEvent } from './request-events.ts';

/**
 * The 《全国年节及纪念日放假办法》 Art. 2 holiday a 放假 day belongs to, read from its month and day: the calendar data
 * holds dates and notice numbers, not festival names. Names the line only; the count comes from the calendar.
 */
export function holidayName(date: LocalDate): string {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (month === 1 && day <= 3) return '元旦';
  if (month === 12 && day >= 30) return '元旦';
  if (month <= 2 || (month === 3 && day <= 5)) return '春节';
  if (month === 4) return '清明节';
  if (month === 5 && day <= 10) return '劳动节';
  if (month === 5 || month === 6) return '端午节';
  if (month === 9) return '中秋节';
  if (month === 10) return '国庆节';
  return '法定节假日';
}

/** Why a rest day does not count, e.g. `国庆节放假，不计` or `周末，不计`. */
export function restDayLabel(date: LocalDate, description: DayDescription): string {
  switch (description.reason) {
    case 'holiday':
      return `${holidayName(date)}放假，不计`;
    case 'provisional-holiday':
      return `${holidayName(date)}放假（暂按法定日期，待当年放假通知发布），不计`;
    default:
      return '周末，不计';
  }
}

/** One counted day, e.g. `2025-10-09 第4个工作日`, marked when it is a 调休 day or provisional. */
export function countedDayLine(date: LocalDate, ordinal: number, description: DayDescription): string {
  const note = description.reason === 'make-up-working-day' ? '（调休上班）' : description.reason === 'provisional-weekday' ? '（暂定）' : '';
  return `${date} 第${ordinal}个工作日${note}`;
}

/** A run of days with one label: `2025-10-01至2025-10-08 国庆节放假，不计`, or a single date. */
export function rangeLine(from: LocalDate, to: LocalDate, label: string): string {
  return from === to ? `${from} ${label}` : `${from}至${to} ${label}`;
}

/** Collects explanation lines, merging consecutive days with one label into a single `…至…` line. */
export class ExplanationWriter {
  readonly #lines: string[] = [];
  #run: { from: LocalDate; to: LocalDate; label: string } | undefined;

  /** Adds a day to the current run when it continues it, else starts a new run. */
  group(day: LocalDate, label: string): void {
    if (this.#run && this.#run.label === label && addDays(this.#run.to, 1) === day) this.#run.to = day;
    else {
      this.#flush();
      this.#run = { from: day, to: day, label };
    }
  }

  /** Adds a line of its own (a counted day, an event) after the open run. */
  line(text: string): void {
    this.#flush();
    this.#lines.push(text);
  }

  /** The lines written, the open run included. */
  finish(): string[] {
    this.#flush();
    return [...this.#lines];
  }

  #flush(): void {
    if (this.#run) this.#lines.push(rangeLine(this.#run.from, this.#run.to, this.#run.label));
    this.#run = undefined;
  }
}

/** The label of a paused run: Art. 32 (third party), Art. 34 (organ), or the fee payment period. */
export function pauseLabel(kind: ConsultationParty | 'fee'): string {
  if (kind === 'third-party') return '征求第三方意见，暂停计算（条例第三十二条）';
  if (kind === 'organ') return '征求其他机关意见，暂停计算（条例第三十四条）';
  return '等待申请人缴纳信息处理费，暂停计算（国办函〔2020〕109号）';
}

/** The first line: the receipt date and the counting rule (条例 Art. 31, 33). */
export function receiptLine(receivedOn: LocalDate): string {
  return `${receivedOn}（${weekdayName(receivedOn)}） 收到申请，当日不计，自次日起计算答复期限（条例第三十一条、第三十三条）`;
}

/** The date an event-specific period ends, for the event's own line. */
export interface EventDates {
  consulteeDueOn?: LocalDate;
  feePaymentDueOn?: LocalDate;
  feePeriodPauses: boolean;
}

/** One line per recorded event, citing the provision it applies. */
export function eventLine(event: RequestEvent, dates: EventDates): string {
  const on = event.on;
  switch (event.type) {
    case 'correction-requested':
      return `${on} 一次性告知申请人补正（${event.items.join('；')}），补正期限至${event.correctionDueOn}（条例第三十条）`;
    case 'correction-received':
      return `${on} 收到补正后的申请，答复期限自次日起重新计算（条例第三十条）`;
    case 'consultation-started':
      return event.party === 'third-party'
        ? `${on} 向第三方${event.name}发出征求意见书，第三方应于${dates.consulteeDueOn}前提出意见；征求意见期间不计入答复期限（条例第三十二条、第三十三条第三款）`
        : `${on} 向${event.name}发出征求意见书，应于${dates.consulteeDueOn}前提出意见，逾期视为同意公开；征求意见期间不计入答复期限（条例第三十四条、第三十三条第三款）`;
    case 'consultation-ended':
      return `${on} 征求意见结束，次日起恢复计算`;
    case 'extension-approved':
      return `${on} 经${event.approvedBy}同意延长答复期限${event.workingDays}个工作日，并告知申请人（条例第三十三条第二款）`;
    case 'fee-notified':
      return `${on} 发出收费通知（${FEE_METHOD_LABELS[event.method]}，${event.amount}元），申请人应于${dates.feePaymentDueOn}前缴纳（国办函〔2020〕109号）${
        dates.feePeriodPauses ? '；缴费期间不计入答复期限' : '；缴费期间照常计算'
      }`;
    case 'fee-paid':
      return dates.feePeriodPauses ? `${on} 申请人缴纳信息处理费，次日起恢复计算` : `${on} 申请人缴纳信息处理费`;
    case 'replied':
      return `${on} 作出答复：${OUTCOMES[event.outcome].label}（${OUTCOMES[event.outcome].legalBasis}）`;
    case 'abandoned':
      return `${on} 视为放弃申请，不再处理`;
    case 'withdrawn':
      return `${on} 申请人撤回申请`;
  }
}
