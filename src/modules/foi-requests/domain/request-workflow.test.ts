import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import { OFFICIAL_CALENDAR_YEARS } from '../../../kernel/official-calendar.ts';
import { WorkingDayCalendar } from '../../../kernel/working-days.ts';
import type { CorrectionRequested, RequestEvent, RequestEventType } from './request-events.ts';
import {
  allowedEvents,
  applyEvent,
  REQUEST_STATES,
  REQUEST_TRANSITIONS,
  replayEvents,
  type RequestContext,
  type RequestState,
} from './request-workflow.ts';

const calendar = new WorkingDayCalendar(OFFICIAL_CALENDAR_YEARS);
const d = localDate;
/** Friday 2025-09-26, the HOLIDAYS.md §7 example: 补正 notice due 2025-10-13. */
const context: RequestContext = { receivedOn: d('2025-09-26'), today: d('2026-06-30') };

const correctionRequested = (on: string, due = '2025-10-10'): CorrectionRequested => ({
  type: 'correction-requested',
  on: d(on),
  items: ['请说明所需文件的名称或文号'],
  correctionDueOn: d(due),
});

/** One history per state, each satisfying every guard. */
const HISTORIES: Record<RequestState, RequestEvent[]> = {
  received: [],
  'awaiting-correction': [correctionRequested('2025-09-29')],
  consulting: [{ type: 'consultation-started', on: d('2025-09-29'), party: 'third-party', name: '某科技有限公司' }],
  // payment due 20 工作日 after 2025-09-29: 2025-11-03
  'awaiting-payment': [{ type: 'fee-notified', on: d('2025-09-29'), amount: 100, method: 'per-piece' }],
  replied: [{ type: 'replied', on: d('2025-09-29'), outcome: 'disclosed' }],
  abandoned: [correctionRequested('2025-09-29'), { type: 'abandoned', on: d('2025-10-13') }],
  withdrawn: [{ type: 'withdrawn', on: d('2025-09-29') }],
};

/** One event per type that passes its own guards from every state the table allows. */
const CANDIDATES: Record<RequestEventType, RequestEvent> = {
  'correction-requested': correctionRequested('2025-10-09', '2025-10-20'),
  'correction-received': { type: 'correction-received', on: d('2025-10-09') },
  'consultation-started': { type: 'consultation-started', on: d('2025-10-09'), party: 'organ', name: '县财政局' },
  'consultation-ended': { type: 'consultation-ended', on: d('2025-10-09') },
  'extension-approved': { type: 'extension-approved', on: d('2025-10-09'), workingDays: 20, approvedBy: '办公室主任' },
  'fee-notified': { type: 'fee-notified', on: d('2025-10-09'), amount: 4700, method: 'per-volume' },
  'fee-paid': { type: 'fee-paid', on: d('2025-10-09') },
  replied: { type: 'replied', on: d('2025-10-09'), outcome: 'disclosed' },
  abandoned: { type: 'abandoned', on: d('2025-11-10') },
  withdrawn: { type: 'withdrawn', on: d('2025-10-09') },
};

/** The workflow written out by hand, independently of REQUEST_TRANSITIONS: state → resulting state and outcome. */
const EXPECTED: Record<RequestEventType, Partial<Record<RequestState, [RequestState, string | null]>>> = {
  'correction-requested': { received: ['awaiting-correction', null] },
  'correction-received': { 'awaiting-correction': ['received', null] },
  'consultation-started': { received: ['consulting', null] },
  'consultation-ended': { consulting: ['received', null] },
  'extension-approved': {
    received: ['received', null],
    consulting: ['consulting', null],
    'awaiting-payment': ['awaiting-payment', null],
  },
  'fee-notified': { received: ['awaiting-payment', null] },
  'fee-paid': { 'awaiting-payment': ['received', null] },
  replied: { received: ['replied', 'disclosed'] },
  abandoned: { 'awaiting-correction': ['abandoned', 'other-no-correction'], 'awaiting-payment': ['abandoned', 'other-fee-unpaid'] },
  withdrawn: {
    received: ['withdrawn', 'other'],
    'awaiting-correction': ['withdrawn', 'other'],
    consulting: ['withdrawn', 'other'],
    'awaiting-payment': ['withdrawn', 'other'],
  },
};

const TYPES = Object.keys(REQUEST_TRANSITIONS) as RequestEventType[];

describe('the declared table, state by state', () => {
  it('the histories lead to their states', () => {
    for (const state of REQUEST_STATES) {
      expect(replayEvents(HISTORIES[state], calendar, context)).toMatchObject({ ok: true, value: { state } });
    }
  });

  it.each(REQUEST_STATES.flatMap((state) => TYPES.map((type) => [state, type] as const)))('from %s, %s', (state, type) => {
    const expected = EXPECTED[type][state];
    const result = applyEvent(state, HISTORIES[state], CANDIDATES[type], calendar, context);
    if (expected) expect(result).toEqual({ ok: true, value: { state: expected[0], outcome: expected[1] } });
    else expect(result).toEqual({ ok: false, reason: 'not-allowed-in-state', detail: `${type} from ${state}` });
  });

  it.each(['replied', 'abandoned', 'withdrawn'] as const)('%s is terminal', (state) => {
    expect(allowedEvents(state, HISTORIES[state])).toEqual([]);
  });
});

const ev = <T extends RequestEvent>(event: T): T => event;

describe('guards (条例 Art. 30, 32–39; 国办函〔2020〕109号)', () => {
  it.each<[string, RequestState, RequestEvent[], RequestEvent, string, Partial<RequestContext>?]>([
    // Art. 30: 7个工作日内一次性
    ['补正 only once', 'received', [correctionRequested('2025-09-29'), { type: 'correction-received', on: d('2025-10-09') }], correctionRequested('2025-10-10', '2025-10-20'), 'correction-already-requested'],
    ['补正 on the 8th 工作日 is too late (due 2025-10-13)', 'received', [], correctionRequested('2025-10-14', '2025-10-24'), 'correction-too-late'],
    ['补正 names its items', 'received', [], { ...correctionRequested('2025-09-29'), items: [' '] }, 'correction-items-required'],
    ['补正 without items', 'received', [], { ...correctionRequested('2025-09-29'), items: [] }, 'correction-items-required'],
    ['补正 period must end after the notice', 'received', [], correctionRequested('2025-09-29', '2025-09-29'), 'correction-due-not-after-request'],
    ['correction not before the 补正 notice', 'awaiting-correction', [correctionRequested('2025-10-09')], { type: 'correction-received', on: d('2025-10-08') }, 'event-before-previous'],
    // Art. 32/34
    ['a consultee is named', 'received', [], ev({ type: 'consultation-started', on: d('2025-09-29'), party: 'third-party', name: '' }), 'consultee-name-required'],
    ['consultation ends after it starts', 'consulting', HISTORIES.consulting, { type: 'consultation-ended', on: d('2025-09-28') }, 'event-before-previous'],
    // Art. 33 para 2
    ['one extension only', 'received', [ev({ type: 'extension-approved', on: d('2025-10-09'), workingDays: 5, approvedBy: '主任' })], CANDIDATES['extension-approved'], 'extension-already-approved'],
    ['extension of 21 工作日', 'received', [], { ...CANDIDATES['extension-approved'], workingDays: 21 } as RequestEvent, 'extension-out-of-range'],
    ['extension of 0 工作日', 'received', [], { ...CANDIDATES['extension-approved'], workingDays: 0 } as RequestEvent, 'extension-out-of-range'],
    ['extension of 2.5 工作日', 'received', [], { ...CANDIDATES['extension-approved'], workingDays: 2.5 } as RequestEvent, 'extension-out-of-range'],
    ['extension needs the approver', 'consulting', HISTORIES.consulting, { ...CANDIDATES['extension-approved'], approvedBy: ' ' } as RequestEvent, 'approver-required'],
    // 109号 Art. 3
    ['one fee notice per application', 'received', [...HISTORIES['awaiting-payment'], { type: 'fee-paid', on: d('2025-10-09') }], CANDIDATES['fee-notified'], 'fee-already-notified'],
    ['fee of 0 元', 'received', [], { ...CANDIDATES['fee-notified'], amount: 0 } as RequestEvent, 'fee-amount-invalid'],
    ['fee of 10.5 元', 'received', [], { ...CANDIDATES['fee-notified'], amount: 10.5 } as RequestEvent, 'fee-amount-invalid'],
    // Art. 36–39: the reply
    ['outcome outside the closed list', 'received', [], { type: 'replied', on: d('2025-10-09'), outcome: 'granted' } as unknown as RequestEvent, 'unknown-outcome'],
    ['逾期不补正 is recorded by abandoned', 'received', [], ev({ type: 'replied', on: d('2025-10-09'), outcome: 'other-no-correction' }), 'outcome-only-by-abandonment'],
    ['逾期未缴费 is recorded by abandoned', 'received', [], ev({ type: 'replied', on: d('2025-10-09'), outcome: 'other-fee-unpaid' }), 'outcome-only-by-abandonment'],
    ['不予公开 states the reason (Art. 36(三))', 'received', [], ev({ type: 'replied', on: d('2025-10-09'), outcome: 'withheld-state-secret' }), 'reason-required'],
    ['部分公开 states the reason (Art. 37)', 'received', [], ev({ type: 'replied', on: d('2025-10-09'), outcome: 'partially-disclosed', reason: '  ' }), 'reason-required'],
    ['not responsible names the organ (Art. 36(五))', 'received', [], ev({ type: 'replied', on: d('2025-10-09'), outcome: 'unavailable-not-responsible', reason: '职责不属本机关' }), 'responsible-organ-required'],
    ['already public says where (Art. 36(一))', 'received', [], ev({ type: 'replied', on: d('2025-10-09'), outcome: 'disclosed-already-public' }), 'where-to-find-required'],
    ['unclear after correction needs a correction (Art. 30)', 'received', [], ev({ type: 'replied', on: d('2025-10-09'), outcome: 'unavailable-unclear-after-correction' }), 'no-correction-received'],
    ['no reply before receipt', 'received', [], ev({ type: 'replied', on: d('2025-09-25'), outcome: 'disclosed' }), 'event-before-receipt'],
    ['no event dated after today', 'received', [], CANDIDATES.replied, 'event-in-future', { today: d('2025-10-08') }],
    // 视为放弃 only once the period has passed
    ['abandoned on the last day of the 补正 period', 'awaiting-correction', HISTORIES['awaiting-correction'], { type: 'abandoned', on: d('2025-10-10') }, 'correction-period-not-passed'],
    ['abandoned on the last day to pay (2025-11-03)', 'awaiting-payment', HISTORIES['awaiting-payment'], { type: 'abandoned', on: d('2025-11-03') }, 'payment-period-not-passed'],
  ])('%s', (_name, state, history, event, reason, override) => {
    expect(applyEvent(state, history, event, calendar, { ...context, ...override })).toMatchObject({ ok: false, reason });
  });

  it.each<[string, RequestState, RequestEvent[], RequestEvent, RequestState, string | null]>([
    ['补正 on the 7th 工作日 (2025-10-13)', 'received', [], correctionRequested('2025-10-13', '2025-10-24'), 'awaiting-correction', null],
    ['extension of exactly 20 工作日', 'received', [], CANDIDATES['extension-approved'], 'received', null],
    ['an event on the day of the previous one', 'consulting', HISTORIES.consulting, { type: 'consultation-ended', on: d('2025-09-29') }, 'received', null],
    ['a reply on the day of receipt (Art. 33 para 1: 当场答复)', 'received', [], ev({ type: 'replied', on: d('2025-09-26'), outcome: 'disclosed' }), 'replied', 'disclosed'],
    ['abandoned the day after the 补正 period', 'awaiting-correction', HISTORIES['awaiting-correction'], { type: 'abandoned', on: d('2025-10-11') }, 'abandoned', 'other-no-correction'],
    ['abandoned the day after the payment period', 'awaiting-payment', HISTORIES['awaiting-payment'], { type: 'abandoned', on: d('2025-11-04') }, 'abandoned', 'other-fee-unpaid'],
    ['unclear after a correction', 'received', [correctionRequested('2025-09-29'), { type: 'correction-received', on: d('2025-10-09') }], ev({ type: 'replied', on: d('2025-10-20'), outcome: 'unavailable-unclear-after-correction' }), 'replied', 'unavailable-unclear-after-correction'],
    ['not responsible with the organ named', 'received', [], ev({ type: 'replied', on: d('2025-10-09'), outcome: 'unavailable-not-responsible', reason: '该信息由县财政局制作', responsibleOrgan: { name: '县财政局', contact: '0571-12345678' } }), 'replied', 'unavailable-not-responsible'],
    ['a petition is answered on the clock (Art. 39)', 'received', [], ev({ type: 'replied', on: d('2025-10-09'), outcome: 'not-processed-petition' }), 'replied', 'not-processed-petition'],
  ])('allows %s', (_name, state, history, event, to, outcome) => {
    expect(applyEvent(state, history, event, calendar, context)).toEqual({ ok: true, value: { state: to, outcome } });
  });

  it('checks the table before the date order', () => {
    expect(applyEvent('replied', HISTORIES.replied, { type: 'fee-paid', on: d('2025-09-01') }, calendar, context)).toMatchObject({ reason: 'not-allowed-in-state' });
  });
});

describe('replayEvents', () => {
  const history: RequestEvent[] = [
    correctionRequested('2025-10-09', '2025-10-20'),
    { type: 'correction-received', on: d('2025-10-15') },
    { type: 'consultation-started', on: d('2025-10-20'), party: 'third-party', name: '某科技有限公司' },
    { type: 'consultation-ended', on: d('2025-10-27') },
    { type: 'extension-approved', on: d('2025-11-10'), workingDays: 10, approvedBy: '办公室主任' },
    { type: 'fee-notified', on: d('2025-11-12'), amount: 200, method: 'per-piece' },
    { type: 'fee-paid', on: d('2025-11-14') },
    { type: 'replied', on: d('2025-11-28'), outcome: 'partially-disclosed', reason: '涉及个人隐私的部分不予公开' },
  ];

  it('replays a whole case to its outcome', () => {
    expect(replayEvents(history, calendar, context)).toEqual({ ok: true, value: { state: 'replied', outcome: 'partially-disclosed' } });
  });

  it('names the first refused event', () => {
    const broken = [...history.slice(0, 2), { ...history[5]!, on: d('2025-10-14') }];
    expect(replayEvents(broken, calendar, context)).toEqual({
      ok: false,
      reason: 'event-before-previous',
      detail: 'event 2 (fee-notified): 2025-10-14 < 2025-10-15',
    });
  });
});

describe('allowedEvents', () => {
  it.each<[RequestState, RequestEvent[], RequestEventType[]]>([
    ['received', [], ['correction-requested', 'consultation-started', 'extension-approved', 'fee-notified', 'replied', 'withdrawn']],
    [
      'received',
      [correctionRequested('2025-09-29'), { type: 'correction-received', on: d('2025-10-09') }, CANDIDATES['extension-approved']],
      ['consultation-started', 'fee-notified', 'replied', 'withdrawn'],
    ],
    ['awaiting-correction', HISTORIES['awaiting-correction'], ['correction-received', 'abandoned', 'withdrawn']],
    ['consulting', HISTORIES.consulting, ['consultation-ended', 'extension-approved', 'withdrawn']],
    ['awaiting-payment', HISTORIES['awaiting-payment'], ['extension-approved', 'fee-paid', 'abandoned', 'withdrawn']],
  ])('from %s after %j', (state, history, expected) => {
    expect(allowedEvents(state, history)).toEqual(expected);
  });

  it('agrees with the table for every state without history', () => {
    for (const state of REQUEST_STATES) {
      expect(allowedEvents(state)).toEqual(TYPES.filter((t) => REQUEST_TRANSITIONS[t].from.includes(state)));
    }
  });
});

