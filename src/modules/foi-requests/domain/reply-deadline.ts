/**
 * The reply due date of a 依申请公开 case as a pure function of its events and the calendar (STYLE.md §3-§4):
 * 条例 Art. 33 para 2: 20 工作日 from receipt, one extension of at most 20; Art. 33 para 3 with Art. 32/34: consulting
 * time does not count; Art. 30: after 补正 the clock restarts on the day the corrected application arrives;
 * 国办函〔2020〕109号: the fee payment period does not count either (`feePeriodPauses`, [U], default true).
 */
import { addDays, daysBetween, type LocalDate } from '../../../kernel/local-date.ts';
import type { WorkingDayCalendar } from '../../../kernel/working-days.ts';
import { countedDayLine, eventLine, ExplanationWriter, pauseLabel, receiptLine, restDayLabel } from './deadline-explanation.ts';
import type { ConsultationParty, RequestEvent } from './request-events.ts';
import { CLOSED_STATES, findLastEvent, replayEvents, type RequestState } from './request-workflow.ts';
import { consulteeDueOn, correctionNoticeDueOn, feePaymentDueOn, REPLY_WORKING_DAYS } from './statutory-periods.ts';

/** Settings of the count that the law leaves open (REFERENCE.md §4.3, §11 item 4 [U]). */
export interface ReplyDeadlineOptions {
  /** [U] Whether the days after the 收费通知 up to payment are excluded from the Art. 33 limit. Default true. */
  feePeriodPauses?: boolean;
  /** Open cases with at most this many 工作日 left are `due-soon`. Default 5. */
  dueSoonWorkingDays?: number;
}

/** Derived at read time, never stored: where the case stands against its deadline. */
export type DeadlineStatus = 'running' | 'due-soon' | 'overdue' | 'paused' | 'awaiting-correction' | 'replied-on-time' | 'replied-late' | 'closed';

/** The reply deadline of a case with the days counted so far and the explanation, line by line, in Chinese. */
export interface ReplyDeadline {
  state: RequestState;
  status: DeadlineStatus;
  /** Null while no reply clock runs: awaiting 补正, or closed without one. */
  dueOn: LocalDate | null;
  isProvisional: boolean;
  /** 20, plus the approved extension. */
  limitWorkingDays: number;
  /** Counted 工作日 up to today (open) or the closing date (closed); beyond the limit when late. */
  workingDaysUsed: number;
  workingDaysLeft: number;
  isOverdue: boolean;
  /** Art. 30: last day for the one-time 补正 notice (7 工作日 after receipt). */
  correctionNoticeDueOn: LocalDate;
  /** Art. 30: the applicant's 补正 period as the 机关 set it. */
  correctionDueOn: LocalDate | null;
  /** Art. 32/34: the last consultee's 15 工作日. */
  consulteeDueOn: LocalDate | null;
  /** 国办函〔2020〕109号: last day to pay. */
  feePaymentDueOn: LocalDate | null;
  explanation: string[];
}

/** Paused days d with `after` < d <= `through` (the start day itself counts). */
interface Pause {
  kind: ConsultationParty | 'fee';
  after: LocalDate;
  through: LocalDate;
  /** Still running today: the due date assumes it ends today. */
  isOpen: boolean;
  /** Cut at the consultee's or the payer's deadline. */
  isCapped: boolean;
}

const earlier = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);

/**
 * Art. 33 para 3 / 109号: the paused intervals. An open one runs to `asOf`; none runs past its own deadline
 * (Art. 32 逾期未提出意见 → the 机关 decides; Art. 34 逾期视为同意; 109号 逾期未缴纳 → 视为放弃).
 */
function pausesOf(events: readonly RequestEvent[], calendar: WorkingDayCalendar, asOf: LocalDate, feePeriodPauses: boolean): Pause[] {
  const pauses: Pause[] = [];
  let open: { kind: Pause['kind']; after: LocalDate; cap: LocalDate } | undefined;
  const close = (end: LocalDate, isOpen: boolean): void => {
    if (!open) return;
    pauses.push({ kind: open.kind, after: open.after, through: earlier(end, open.cap), isOpen, isCapped: open.cap < end });
    open = undefined;
  };
  for (const event of events) {
    if (event.type === 'consultation-started') open = { kind: event.party, after: event.on, cap: consulteeDueOn(event.on, calendar).date };
    else if (event.type === 'fee-notified' && feePeriodPauses) open = { kind: 'fee', after: event.on, cap: feePaymentDueOn(event.on, calendar).date };
    else if (event.type === 'consultation-ended' || event.type === 'fee-paid' || CLOSES.has(event.type)) close(event.on, false);
  }
  close(asOf, true);
  return pauses;
}

const CLOSES: ReadonlySet<RequestEvent['type']> = new Set(['replied', 'abandoned', 'withdrawn']);

/** The walk's output: counted days, the due date, and the explanation lines in date order. */
interface Walk {
  dueOn: LocalDate;
  isProvisional: boolean;
  usedAsOf: number;
  lines: string[];
}

/** Days are walked one by one; a case never needs ten years (guards a corrupt calendar). */
const MAX_WALK_DAYS = 3660;

/** Walks from the day after `clockStart` to the due date, labelling every day, then counts on silently to `asOf`. */
function walk(
  clockStart: LocalDate,
  limit: number,
  pauses: readonly Pause[],
  events: readonly RequestEvent[],
  calendar: WorkingDayCalendar,
  asOf: LocalDate,
  lineOf: (event: RequestEvent) => string,
): Walk {
  const writer = new ExplanationWriter();
  const pauseOn = (day: LocalDate): Pause | undefined => pauses.find((p) => p.after < day && day <= p.through);
  let used = 0;
  let usedAsOf = 0;
  let isProvisional = false;
  let day = clockStart;
  while (used < limit) {
    day = addDays(day, 1);
    if (daysBetween(clockStart, day) > MAX_WALK_DAYS) throw new RangeError(`no due date within ${MAX_WALK_DAYS} days of ${clockStart}`);
    if (calendar.isProvisional(day)) isProvisional = true;
    const pause = pauseOn(day);
    const description = calendar.describeDay(day);
    if (pause) writer.group(day, pauseLabel(pause.kind) + pauseNote(pause, asOf));
    else if (description.isWorkingDay) writer.line(countedDayLine(day, ++used, description));
    else writer.group(day, restDayLabel(day, description));
    if (day <= asOf) usedAsOf = used;
    for (const event of events) if (event.on === day) writer.line(lineOf(event));
  }
  const dueOn = day;
  for (let late = addDays(dueOn, 1); late <= asOf; late = addDays(late, 1)) {
    if (!pauseOn(late) && calendar.isWorkingDay(late)) usedAsOf++;
  }
  // Events after the due date (a late reply, a late extension) are listed once the count is done.
  for (const event of events) if (event.on > dueOn) writer.line(lineOf(event));
  return { dueOn, isProvisional, usedAsOf, lines: writer.finish() };
}

function pauseNote(pause: Pause, asOf: LocalDate): string {
  if (pause.isCapped) return pause.kind === 'fee' ? '；缴费期限届满' : '；意见期限届满，此后恢复计算';
  return pause.isOpen && pause.through === asOf ? `；尚未结束，暂计至${asOf}` : '';
}

/** What every answer carries, whether or not a reply clock runs. */
type CaseDates = Pick<ReplyDeadline, 'state' | 'correctionNoticeDueOn' | 'correctionDueOn' | 'consulteeDueOn' | 'feePaymentDueOn'>;

/** The case's own deadlines (Art. 30, 32/34, 109号) and a writer for its event lines. */
function caseDatesOf(receivedOn: LocalDate, events: readonly RequestEvent[], calendar: WorkingDayCalendar, state: RequestState, feePeriodPauses: boolean) {
  const consultation = findLastEvent(events, 'consultation-started');
  const fee = findLastEvent(events, 'fee-notified');
  const notice = correctionNoticeDueOn(receivedOn, calendar);
  const dates: CaseDates = {
    state,
    correctionNoticeDueOn: notice.date,
    correctionDueOn: findLastEvent(events, 'correction-requested')?.correctionDueOn ?? null,
    consulteeDueOn: consultation ? consulteeDueOn(consultation.on, calendar).date : null,
    feePaymentDueOn: fee ? feePaymentDueOn(fee.on, calendar).date : null,
  };
  const lineOf = (event: RequestEvent): string =>
    eventLine(event, {
      // each consultation line names its own consultee's deadline
      consulteeDueOn: event.type === 'consultation-started' ? consulteeDueOn(event.on, calendar).date : undefined,
      feePaymentDueOn: dates.feePaymentDueOn ?? undefined,
      feePeriodPauses,
    });
  const head = [receiptLine(receivedOn), `补正告知期限：${notice.date}（收到申请之日起7个工作日内一次性告知，条例第三十条）${notice.isProvisional ? '（暂定）' : ''}`];
  return { dates, lineOf, head };
}

/**
 * 条例 Art. 30, 32–34 and 国办函〔2020〕109号: the reply deadline of the case received on `receivedOn` with `events`
 * (already accepted by `applyEvent`; throws RangeError otherwise), as of `today`.
 */
export function replyDeadline(
  receivedOn: LocalDate,
  events: readonly RequestEvent[],
  calendar: WorkingDayCalendar,
  today: LocalDate,
  options: ReplyDeadlineOptions = {},
): ReplyDeadline {
  const feePeriodPauses = options.feePeriodPauses ?? true;
  const replayed = replayEvents(events, calendar, { receivedOn, today: events.at(-1)?.on ?? receivedOn });
  if (!replayed.ok) throw new RangeError(`events not accepted by the workflow: ${replayed.reason} ${replayed.detail ?? ''}`.trim());
  const state = replayed.value.state;
  const isClosed = CLOSED_STATES.includes(state);
  const asOf = isClosed ? events.at(-1)!.on : today;
  const { dates, lineOf, head } = caseDatesOf(receivedOn, events, calendar, state, feePeriodPauses);
  const corrected = findLastEvent(events, 'correction-received');

  // Art. 30: no reply clock runs until the corrected application arrives; uncorrected, the case is abandoned.
  if (dates.correctionDueOn && !corrected) {
    const explanation = [...head, ...events.map(lineOf), '答复期限自收到补正的申请之日起计算（条例第三十条）'];
    const status = isClosed ? 'closed' : 'awaiting-correction';
    return { ...dates, status, dueOn: null, isProvisional: false, limitWorkingDays: REPLY_WORKING_DAYS, workingDaysUsed: 0, workingDaysLeft: REPLY_WORKING_DAYS, isOverdue: false, explanation };
  }

  const clockStart = corrected?.on ?? receivedOn;
  const extensionDays = findLastEvent(events, 'extension-approved')?.workingDays ?? 0;
  const limit = REPLY_WORKING_DAYS + extensionDays;
  const pauses = pausesOf(events, calendar, asOf, feePeriodPauses)
    .filter((p) => p.through > clockStart)
    .map((p) => (p.after < clockStart ? { ...p, after: clockStart } : p));
  const counted = walk(clockStart, limit, pauses, events, calendar, asOf, lineOf);

  const isOverdue = asOf > counted.dueOn;
  const left = Math.max(0, limit - counted.usedAsOf);
  const isPaused = !isClosed && pauses.some((p) => p.isOpen && !p.isCapped && p.through === today && p.after < today);
  const status = statusOf(state, isOverdue, isPaused, left, options.dueSoonWorkingDays ?? 5);
  const explanation = [
    ...head,
    ...events.filter((e) => e.on <= clockStart).map(lineOf),
    ...counted.lines,
    summaryLine(counted.dueOn, limit, extensionDays, counted.isProvisional),
    progressLine(status, asOf, counted.dueOn, counted.usedAsOf, limit, left),
  ];
  return { ...dates, status, dueOn: counted.dueOn, isProvisional: counted.isProvisional, limitWorkingDays: limit, workingDaysUsed: counted.usedAsOf, workingDaysLeft: left, isOverdue, explanation };
}

function statusOf(state: RequestState, isOverdue: boolean, isPaused: boolean, left: number, dueSoon: number): DeadlineStatus {
  if (state === 'replied') return isOverdue ? 'replied-late' : 'replied-on-time';
  if (CLOSED_STATES.includes(state)) return 'closed';
  if (isOverdue) return 'overdue';
  if (isPaused) return 'paused';
  return left <= dueSoon ? 'due-soon' : 'running';
}

function summaryLine(dueOn: LocalDate, limit: number, extensionDays: number, isProvisional: boolean): string {
  const extension = extensionDays > 0 ? `，含延长的${extensionDays}个工作日` : '';
  const provisional = isProvisional ? '；暂定：期间涉及尚未公布放假安排的年份，公布后重新计算' : '';
  return `答复期限：${dueOn}（共${limit}个工作日${extension}）${provisional}`;
}

function progressLine(status: DeadlineStatus, asOf: LocalDate, dueOn: LocalDate, used: number, limit: number, left: number): string {
  const late = used > limit ? `${used - limit}个工作日` : '';
  if (status === 'replied-on-time') return `${asOf} 已答复，用时${used}个工作日，按期答复`;
  if (status === 'replied-late') return `${asOf} 已答复，用时${used}个工作日，超过答复期限（${dueOn}）${late}`;
  if (status === 'closed') return `${asOf} 办结，用时${used}个工作日`;
  if (status === 'overdue') return `截至${asOf}已用${used}个工作日，已超过答复期限（${dueOn}）${late}`;
  return `截至${asOf}已用${used}个工作日，剩余${left}个工作日`;
}
