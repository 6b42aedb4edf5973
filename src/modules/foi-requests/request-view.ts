/**
 * A request as read: the stored facts plus what is derived from its events and today's calendar (STYLE.md §3: status
 * and due date are computed at read time, so a calendar change is reflected without touching stored rows).
 */
import type { LocalDate } from '../../kernel/local-date.ts';
import type { WorkingDayCalendar } from '../../kernel/working-days.ts';
import type { OutcomeCode } from './domain/outcomes.ts';
import { replyDeadline, type ReplyDeadline } from './domain/reply-deadline.ts';
import type { RequestEvent, RequestEventType } from './domain/request-events.ts';
import { allowedEvents, REQUEST_TRANSITIONS, replayEvents, type RequestState } from './domain/request-workflow.ts';
import type { FoiRequestRecord, RecordedEvent } from './sql/foi-rows.ts';

export interface FoiRequestView {
  request: FoiRequestRecord;
  events: RecordedEvent[];
  state: RequestState;
  outcome: OutcomeCode | null;
  deadline: ReplyDeadline;
  allowed: RequestEventType[];
  /** Set when the stored history no longer passes the rules under today's calendar (see `derive`). */
  inconsistency: string | null;
}

/** The state reached by the table alone, ignoring guards: used only when the full replay refuses a stored history. */
function stateByTable(events: readonly RequestEvent[]): RequestState {
  let state: RequestState = 'received';
  for (const e of events) {
    const to = REQUEST_TRANSITIONS[e.type].to;
    if (to !== 'unchanged') state = to;
  }
  return state;
}

/**
 * Derives state, outcome and deadline. A history recorded under an earlier calendar can fail a calendar-dependent guard
 * today (e.g. the 7-day 补正 limit after a new holiday notice); such a case is still shown, flagged, rather than failing.
 */
export function derive(request: FoiRequestRecord, recorded: RecordedEvent[], calendar: WorkingDayCalendar, today: LocalDate, dueSoonWorkingDays?: number): FoiRequestView {
  const events = recorded.map((r) => r.event);
  const replayed = replayEvents(events, calendar, { receivedOn: request.receivedOn, today });
  if (replayed.ok) {
    const deadline = replyDeadline(request.receivedOn, events, calendar, today, dueSoonWorkingDays === undefined ? {} : { dueSoonWorkingDays });
    return { request, events: recorded, state: replayed.value.state, outcome: replayed.value.outcome, deadline, allowed: allowedEvents(replayed.value.state, events), inconsistency: null };
  }
  const state = stateByTable(events);
  const inconsistency = `${replayed.reason}${replayed.detail ? `: ${replayed.detail}` : ''}`;
  const deadline: ReplyDeadline = {
    state,
    status: 'running',
    dueOn: null,
    isProvisional: false,
    limitWorkingDays: 20,
    workingDaysUsed: 0,
    workingDaysLeft: 0,
    isOverdue: false,
    correctionNoticeDueOn: request.receivedOn,
    correctionDueOn: null,
    consulteeDueOn: null,
    feePaymentDueOn: null,
    explanation: [`按当前工作日历重新核对时，已记录的办理过程不再符合规则（${inconsistency}），请人工核查答复期限。`],
  };
  return { request, events: recorded, state, outcome: null, deadline, allowed: [], inconsistency };
}

/** Whether the case is still open (no reply, abandonment or withdrawal yet). */
export function isOpen(view: FoiRequestView): boolean {
  return !['replied', 'abandoned', 'withdrawn'].includes(view.state);
}
