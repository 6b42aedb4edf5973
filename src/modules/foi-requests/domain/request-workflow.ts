/**
 * The 依申请公开 workflow as a declared state table (STYLE.md §3; REFERENCE.md §3.10): `applyEvent` checks the
 * table, then the date order, then the event's own guards from 条例 Art. 30–39 and 国办函〔2020〕109号.
 */
import type { LocalDate } from '../../../kernel/local-date.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { WorkingDayCalendar } from '../../../kernel/working-days.ts';
import { ABANDONMENT_OUTCOMES, isOutcomeCode, OUTCOMES, WITHDRAWN_OUTCOME, type OutcomeCode } from './outcomes.ts';
import { REQUEST_EVENT_TYPES, type Replied, type RequestEvent, type RequestEventType } from './request-events.ts';
import { correctionNoticeDueOn, feePaymentDueOn, MAX_EXTENSION_WORKING_DAYS } from './statutory-periods.ts';

/** Case states, as participles; `received` is 办理中 (the reply clock runs). */
export const REQUEST_STATES = ['received', 'awaiting-correction', 'consulting', 'awaiting-payment', 'replied', 'abandoned', 'withdrawn'] as const;

/** One case state (REFERENCE.md §3.10). */
export type RequestState = (typeof REQUEST_STATES)[number];

/** Chinese state names for staff and the applicant's status page. */
export const REQUEST_STATE_LABELS: Readonly<Record<RequestState, string>> = {
  received: '办理中',
  'awaiting-correction': '待补正',
  consulting: '征求意见中',
  'awaiting-payment': '待缴费',
  replied: '已答复',
  abandoned: '视为放弃申请',
  withdrawn: '已撤回',
};

/** States in which the case is closed and takes no more events. */
export const CLOSED_STATES: readonly RequestState[] = ['replied', 'abandoned', 'withdrawn'];

/** One row of the table: the states an event may come from and the state it leads to (`unchanged`: stays put). */
export interface RequestTransitionRule {
  from: readonly RequestState[];
  to: RequestState | 'unchanged';
  label: string;
}

const OPEN: readonly RequestState[] = ['received', 'awaiting-correction', 'consulting', 'awaiting-payment'];

/**
 * The table (条例 Art. 30–39). A reply waits until consultation has ended and the fee is paid; an extension may be
 * approved while consulting or awaiting payment; abandonment (视为放弃) only follows a 补正 or a 收费通知.
 */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestEventType, RequestTransitionRule>> = {
  'correction-requested': { from: ['received'], to: 'awaiting-correction', label: '告知补正' },
  'correction-received': { from: ['awaiting-correction'], to: 'received', label: '收到补正' },
  'consultation-started': { from: ['received'], to: 'consulting', label: '征求意见' },
  'consultation-ended': { from: ['consulting'], to: 'received', label: '征求意见结束' },
  // An extension neither ends a consultation nor a payment period.
  'extension-approved': { from: ['received', 'consulting', 'awaiting-payment'], to: 'unchanged', label: '延期答复' },
  'fee-notified': { from: ['received'], to: 'awaiting-payment', label: '收费通知' },
  'fee-paid': { from: ['awaiting-payment'], to: 'received', label: '缴纳费用' },
  replied: { from: ['received'], to: 'replied', label: '答复' },
  abandoned: { from: ['awaiting-correction', 'awaiting-payment'], to: 'abandoned', label: '视为放弃申请' },
  withdrawn: { from: OPEN, to: 'withdrawn', label: '申请人撤回' },
};

/** Why an event is refused (closed union; Chinese texts in `REQUEST_MESSAGES`). */
export type RequestRefusal =
  | 'not-allowed-in-state'
  | 'event-before-receipt'
  | 'event-before-previous'
  | 'event-in-future'
  | 'correction-already-requested'
  | 'correction-too-late'
  | 'correction-items-required'
  | 'correction-due-not-after-request'
  | 'consultee-name-required'
  | 'extension-already-approved'
  | 'extension-out-of-range'
  | 'approver-required'
  | 'fee-already-notified'
  | 'fee-amount-invalid'
  | 'unknown-outcome'
  | 'outcome-only-by-abandonment'
  | 'reason-required'
  | 'responsible-organ-required'
  | 'where-to-find-required'
  | 'no-correction-received'
  | 'correction-period-not-passed'
  | 'payment-period-not-passed';

/** What the guards need besides the event list: 收到申请之日 (Art. 31) and today, for the future-date check. */
export interface RequestContext {
  receivedOn: LocalDate;
  today: LocalDate;
}

/** The state after an event, and the outcome the case is counted under once it is closed (else null). */
export interface AppliedEvent {
  state: RequestState;
  outcome: OutcomeCode | null;
}

function targetState(state: RequestState, event: RequestEvent): RequestState {
  const to = REQUEST_TRANSITIONS[event.type].to;
  return to === 'unchanged' ? state : to;
}

const hasText = (text: string | undefined): boolean => typeof text === 'string' && text.trim().length > 0;
/** The latest event of a type, or undefined. */
export function findLastEvent<T extends RequestEventType>(events: readonly RequestEvent[], type: T): Extract<RequestEvent, { type: T }> | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type === type) return event as Extract<RequestEvent, { type: T }>;
  }
  return undefined;
}

/** 条例 Art. 36(一), 36(三), 36(五), 37 and 30: what the chosen outcome requires of the reply. */
function replyRefusal(event: Replied, events: readonly RequestEvent[]): RequestRefusal | undefined {
  if (!isOutcomeCode(event.outcome)) return 'unknown-outcome';
  if ((ABANDONMENT_OUTCOMES as readonly string[]).includes(event.outcome)) return 'outcome-only-by-abandonment';
  const definition = OUTCOMES[event.outcome];
  if (definition.requiresReason && !hasText(event.reason)) return 'reason-required';
  if (definition.requiresResponsibleOrgan && !hasText(event.responsibleOrgan?.name)) return 'responsible-organ-required';
  if (definition.requiresWhereToFind && !hasText(event.whereToFind)) return 'where-to-find-required';
  if (event.outcome === 'unavailable-unclear-after-correction' && !findLastEvent(events, 'correction-received')) return 'no-correction-received';
  return undefined;
}

/** Each event's own guards, once the table and the date order allow it. */
function guardRefusal(
  state: RequestState,
  events: readonly RequestEvent[],
  event: RequestEvent,
  calendar: WorkingDayCalendar,
  receivedOn: LocalDate,
): RequestRefusal | undefined {
  switch (event.type) {
    case 'correction-requested':
      // Art. 30: 7个工作日内一次性告知.
      if (findLastEvent(events, 'correction-requested')) return 'correction-already-requested';
      if (event.on > correctionNoticeDueOn(receivedOn, calendar).date) return 'correction-too-late';
      if (event.items.filter((item) => hasText(item)).length === 0) return 'correction-items-required';
      return event.correctionDueOn > event.on ? undefined : 'correction-due-not-after-request';
    case 'consultation-started':
      return hasText(event.name) ? undefined : 'consultee-name-required';
    case 'extension-approved': {
      // Art. 33 para 2: one extension, at most 20 工作日, approved by the 工作机构负责人.
      if (findLastEvent(events, 'extension-approved')) return 'extension-already-approved';
      const days = event.workingDays;
      if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_WORKING_DAYS) return 'extension-out-of-range';
      return hasText(event.approvedBy) ? undefined : 'approver-required';
    }
    case 'fee-notified':
      // 国办函〔2020〕109号 Art. 3: one method per application, so one notice.
      if (findLastEvent(events, 'fee-notified')) return 'fee-already-notified';
      // Every 109号 rate is a whole number of 元.
      return Number.isInteger(event.amount) && event.amount > 0 ? undefined : 'fee-amount-invalid';
    case 'replied':
      return replyRefusal(event, events);
    case 'abandoned':
      return abandonmentRefusal(state, events, calendar, event.on);
    default:
      return undefined;
  }
}

/** 条例 Art. 30 (逾期不补正) and 国办函〔2020〕109号 (逾期未缴纳): only once the period has passed. */
function abandonmentRefusal(state: RequestState, events: readonly RequestEvent[], calendar: WorkingDayCalendar, on: LocalDate): RequestRefusal | undefined {
  if (state === 'awaiting-correction') {
    const requested = findLastEvent(events, 'correction-requested');
    return requested && on > requested.correctionDueOn ? undefined : 'correction-period-not-passed';
  }
  const notified = findLastEvent(events, 'fee-notified');
  return notified && on > feePaymentDueOn(notified.on, calendar).date ? undefined : 'payment-period-not-passed';
}

/** The outcome a closing event records (issue 4: abandoned → other-no-correction / other-fee-unpaid; withdrawn → other). */
function closingOutcome(state: RequestState, event: RequestEvent): OutcomeCode | null {
  if (event.type === 'replied') return event.outcome;
  if (event.type === 'withdrawn') return WITHDRAWN_OUTCOME;
  if (event.type === 'abandoned') return state === 'awaiting-correction' ? 'other-no-correction' : 'other-fee-unpaid';
  return null;
}

/**
 * Applies `event` to a case in `state` whose earlier events are `events` (条例 Art. 30–39): the table first,
 * then the date order (events never precede receipt, the previous event or today), then the event's guards.
 */
export function applyEvent(
  state: RequestState,
  events: readonly RequestEvent[],
  event: RequestEvent,
  calendar: WorkingDayCalendar,
  context: RequestContext,
): Result<AppliedEvent, RequestRefusal> {
  if (!REQUEST_TRANSITIONS[event.type].from.includes(state)) return refuse('not-allowed-in-state', `${event.type} from ${state}`);
  if (event.on < context.receivedOn) return refuse('event-before-receipt', `${event.on} < ${context.receivedOn}`);
  const previous = events.at(-1);
  if (previous && event.on < previous.on) return refuse('event-before-previous', `${event.on} < ${previous.on}`);
  if (event.on > context.today) return refuse('event-in-future', `${event.on} > ${context.today}`);
  const refusal = guardRefusal(state, events, event, calendar, context.receivedOn);
  if (refusal) return refuse(refusal);
  return ok({ state: targetState(state, event), outcome: closingOutcome(state, event) });
}

/** The state and outcome reached by applying `events` in order from receipt, or the first refusal and its index. */
export function replayEvents(
  events: readonly RequestEvent[],
  calendar: WorkingDayCalendar,
  context: RequestContext,
): Result<AppliedEvent, RequestRefusal> {
  let current: AppliedEvent = { state: 'received', outcome: null };
  for (const [index, event] of events.entries()) {
    const applied = applyEvent(current.state, events.slice(0, index), event, calendar, context);
    if (!applied.ok) return refuse(applied.reason, `event ${index} (${event.type}): ${applied.detail ?? applied.reason}`);
    current = applied.value;
  }
  return ok(current);
}

/** The event types the table allows from `state`, in table order (input-dependent guards are checked on submit). */
export function allowedEvents(state: RequestState, events: readonly RequestEvent[] = []): RequestEventType[] {
  return REQUEST_EVENT_TYPES.filter((type) => {
    if (!REQUEST_TRANSITIONS[type].from.includes(state)) return false;
    // Once-only events (Art. 30 一次性; Art. 33 one extension; 109号 Art. 3 one method) drop out once used.
    if (type === 'correction-requested' || type === 'extension-approved' || type === 'fee-notified') return !findLastEvent(events, type);
    return true;
  });
}
