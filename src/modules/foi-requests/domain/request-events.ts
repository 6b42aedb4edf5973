/**
 * The facts of a 依申请公开 case: its receipt (条例 Art. 31) and the events that follow (Art. 30, 32–36, 42).
 * Status and reply due date are derived from these at read time, never stored (STYLE.md §3).
 */
import { parseLocalDate, type LocalDate } from '../../../kernel/local-date.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import { isOutcomeCode, type OutcomeCode } from './outcomes.ts';

/** 条例 Art. 29, 31: the ways an application arrives (API names fixed by issue 4). */
export const CHANNELS = ['online', 'letter', 'in-person', 'fax', 'email'] as const;

/** One channel of application (条例 Art. 31 fixes the receipt date per channel). */
export type Channel = (typeof CHANNELS)[number];

/** Chinese channel names (条例 Art. 29: 信件、数据电文; Art. 31: 当面、邮寄、互联网、传真). */
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  online: '网上申请',
  letter: '信函申请',
  'in-person': '当面申请',
  fax: '传真申请',
  email: '电子邮件申请',
};

/** 条例 Art. 31: the case's 收到申请之日 (the confirmation or sign-for date, not the arrival) and its channel. */
export interface Receipt {
  receivedOn: LocalDate;
  channel: Channel;
}

/** The event types of issue 4's API, in the order a case usually meets them (条例 Art. 30–36). */
export const REQUEST_EVENT_TYPES = [
  'correction-requested',
  'correction-received',
  'consultation-started',
  'consultation-ended',
  'extension-approved',
  'fee-notified',
  'fee-paid',
  'replied',
  'abandoned',
  'withdrawn',
] as const;

/** One event type. */
export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];

/** 条例 Art. 32 (third party) or Art. 34 (another organ that made the information jointly). */
export const CONSULTATION_PARTIES = ['third-party', 'organ'] as const;

/** Who is consulted (条例 Art. 32, 34). */
export type ConsultationParty = (typeof CONSULTATION_PARTIES)[number];

/** 国办函〔2020〕109号 Art. 3: 按件 or 按量, never both on one application. */
export const FEE_METHODS = ['per-piece', 'per-volume'] as const;

/** How a fee is computed (国办函〔2020〕109号 Art. 4, 5). */
export type FeeMethod = (typeof FEE_METHODS)[number];

/** The organ that should disclose the information, named in an Art. 36(五) reply. */
export interface ResponsibleOrgan {
  name: string;
  contact?: string;
}

/** 条例 Art. 30: the one-time 补正 notice, with the items to correct and the period the 机关 sets. */
export interface CorrectionRequested {
  type: 'correction-requested';
  on: LocalDate;
  items: string[];
  correctionDueOn: LocalDate;
}

/** 条例 Art. 30: the corrected application arrives; the reply clock restarts from this day. */
export interface CorrectionReceived {
  type: 'correction-received';
  on: LocalDate;
}

/** 条例 Art. 32/34: the 征求意见书 goes out; the reply clock pauses (Art. 33 para 3). */
export interface ConsultationStarted {
  type: 'consultation-started';
  on: LocalDate;
  party: ConsultationParty;
  name: string;
}

/** 条例 Art. 32/34: the consultee answered (or the 机关 decides after its 15 工作日); the clock runs again. */
export interface ConsultationEnded {
  type: 'consultation-ended';
  on: LocalDate;
}

/** 条例 Art. 33 para 2: the 工作机构负责人 approves an extension of 1–20 工作日, notified to the applicant. */
export interface ExtensionApproved {
  type: 'extension-approved';
  on: LocalDate;
  workingDays: number;
  approvedBy: string;
}

/** 国办函〔2020〕109号: the 收费通知, with the amount in 元 and the method; `on` is the day the applicant receives it. */
export interface FeeNotified {
  type: 'fee-notified';
  on: LocalDate;
  amount: number;
  method: FeeMethod;
}

/** 国办函〔2020〕109号: the fee is paid. */
export interface FeePaid {
  type: 'fee-paid';
  on: LocalDate;
}

/** 条例 Art. 36–39: the reply, one outcome of the closed list, with what its 告知书 must say. */
export interface Replied {
  type: 'replied';
  on: LocalDate;
  outcome: OutcomeCode;
  reason?: string;
  responsibleOrgan?: ResponsibleOrgan;
  whereToFind?: string;
}

/** 条例 Art. 30 / 国办函〔2020〕109号: 视为放弃申请; the outcome follows from the state it leaves. */
export interface Abandoned {
  type: 'abandoned';
  on: LocalDate;
}

/** The applicant withdraws the application; counted under （六）3.其他. */
export interface Withdrawn {
  type: 'withdrawn';
  on: LocalDate;
  reason?: string;
}

/** Every event of a case (条例 Art. 30–39, 42), discriminated by `type`. */
export type RequestEvent =
  | CorrectionRequested
  | CorrectionReceived
  | ConsultationStarted
  | ConsultationEnded
  | ExtensionApproved
  | FeeNotified
  | FeePaid
  | Replied
  | Abandoned
  | Withdrawn;

/** Why raw input is not an event: the shape only; the workflow checks what the law allows. */
export type EventInputRefusal = 'not-an-object' | 'unknown-event-type' | 'invalid-date' | 'invalid-field';

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

const optionalText = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string';

type Fields = Record<string, unknown>;
type Parsed = Result<RequestEvent, EventInputRefusal>;

function parseFields(type: RequestEventType, on: LocalDate, r: Fields): Parsed {
  const bad = (field: string): Parsed => refuse('invalid-field', field);
  switch (type) {
    case 'correction-requested': {
      if (!Array.isArray(r.items) || !r.items.every((i) => typeof i === 'string')) return bad('items');
      const due = typeof r.correctionDueOn === 'string' ? parseLocalDate(r.correctionDueOn) : undefined;
      return due ? ok({ type, on, items: r.items as string[], correctionDueOn: due }) : refuse('invalid-date', 'correctionDueOn');
    }
    case 'consultation-started':
      if (!isOneOf(CONSULTATION_PARTIES, r.party)) return bad('party');
      return typeof r.name === 'string' ? ok({ type, on, party: r.party, name: r.name }) : bad('name');
    case 'extension-approved':
      if (typeof r.workingDays !== 'number') return bad('workingDays');
      return typeof r.approvedBy === 'string' ? ok({ type, on, workingDays: r.workingDays, approvedBy: r.approvedBy }) : bad('approvedBy');
    case 'fee-notified':
      if (typeof r.amount !== 'number' || !Number.isFinite(r.amount)) return bad('amount');
      return isOneOf(FEE_METHODS, r.method) ? ok({ type, on, amount: r.amount, method: r.method }) : bad('method');
    case 'replied':
      return parseReply(on, r);
    case 'withdrawn':
      return optionalText(r.reason) ? ok(r.reason === undefined ? { type, on } : { type, on, reason: r.reason }) : bad('reason');
    default:
      return ok({ type, on });
  }
}

function parseReply(on: LocalDate, r: Fields): Parsed {
  if (!isOutcomeCode(r.outcome)) return refuse('invalid-field', 'outcome');
  if (!optionalText(r.reason)) return refuse('invalid-field', 'reason');
  if (!optionalText(r.whereToFind)) return refuse('invalid-field', 'whereToFind');
  const organ = r.responsibleOrgan as Fields | undefined;
  if (organ !== undefined && (typeof organ !== 'object' || organ === null || typeof organ.name !== 'string' || !optionalText(organ.contact))) {
    return refuse('invalid-field', 'responsibleOrgan');
  }
  const event: Replied = { type: 'replied', on, outcome: r.outcome };
  if (r.reason !== undefined) event.reason = r.reason;
  if (r.whereToFind !== undefined) event.whereToFind = r.whereToFind;
  if (organ !== undefined) event.responsibleOrgan = organ.contact === undefined ? { name: organ.name as string } : { name: organ.name as string, contact: organ.contact as string };
  return ok(event);
}

/** Checks the shape of an API body `{type, on, …}` (issue 4) and returns a typed event; law is checked by the workflow. */
export function parseRequestEvent(input: unknown): Result<RequestEvent, EventInputRefusal> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return refuse('not-an-object');
  const r = input as Fields;
  if (!isOneOf(REQUEST_EVENT_TYPES, r.type)) return refuse('unknown-event-type', String(r.type));
  const on = typeof r.on === 'string' ? parseLocalDate(r.on) : undefined;
  if (!on) return refuse('invalid-date', 'on');
  return parseFields(r.type, on, r);
}
