import { describe, expect, it } from 'vitest';
import { CHANNELS, parseRequestEvent, REQUEST_EVENT_TYPES } from './request-events.ts';

describe('the API vocabulary (issue 4)', () => {
  it('fixes channels and event types', () => {
    expect(CHANNELS).toEqual(['online', 'letter', 'in-person', 'fax', 'email']);
    expect(REQUEST_EVENT_TYPES).toEqual([
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
    ]);
  });
});

describe('parseRequestEvent', () => {
  it.each([
    [
      { type: 'correction-requested', on: '2025-10-09', items: ['文件名称'], correctionDueOn: '2025-10-20' },
      { type: 'correction-requested', on: '2025-10-09', items: ['文件名称'], correctionDueOn: '2025-10-20' },
    ],
    [{ type: 'correction-received', on: '2025-10-15', extra: 1 }, { type: 'correction-received', on: '2025-10-15' }],
    [
      { type: 'consultation-started', on: '2025-10-20', party: 'organ', name: '县财政局' },
      { type: 'consultation-started', on: '2025-10-20', party: 'organ', name: '县财政局' },
    ],
    [
      { type: 'extension-approved', on: '2025-11-10', workingDays: 10, approvedBy: '主任' },
      { type: 'extension-approved', on: '2025-11-10', workingDays: 10, approvedBy: '主任' },
    ],
    [
      { type: 'fee-notified', on: '2025-11-12', amount: 200, method: 'per-piece' },
      { type: 'fee-notified', on: '2025-11-12', amount: 200, method: 'per-piece' },
    ],
    [
      { type: 'replied', on: '2025-11-28', outcome: 'unavailable-not-responsible', reason: '不属本机关', responsibleOrgan: { name: '县财政局' } },
      { type: 'replied', on: '2025-11-28', outcome: 'unavailable-not-responsible', reason: '不属本机关', responsibleOrgan: { name: '县财政局' } },
    ],
    [{ type: 'withdrawn', on: '2025-10-10', reason: '已自行获取' }, { type: 'withdrawn', on: '2025-10-10', reason: '已自行获取' }],
    [{ type: 'abandoned', on: '2025-10-21', outcome: 'disclosed' }, { type: 'abandoned', on: '2025-10-21' }],
  ])('accepts %j', (input, expected) => {
    expect(parseRequestEvent(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [null, 'not-an-object', undefined],
    [[], 'not-an-object', undefined],
    [{ type: 'approved', on: '2025-10-09' }, 'unknown-event-type', 'approved'],
    [{ type: 'fee-paid', on: '2025-02-30' }, 'invalid-date', 'on'],
    [{ type: 'fee-paid' }, 'invalid-date', 'on'],
    [{ type: 'correction-requested', on: '2025-10-09', items: '名称', correctionDueOn: '2025-10-20' }, 'invalid-field', 'items'],
    [{ type: 'correction-requested', on: '2025-10-09', items: [], correctionDueOn: '20251020' }, 'invalid-date', 'correctionDueOn'],
    [{ type: 'consultation-started', on: '2025-10-20', party: 'petitioner', name: 'x' }, 'invalid-field', 'party'],
    [{ type: 'extension-approved', on: '2025-11-10', workingDays: '10', approvedBy: '主任' }, 'invalid-field', 'workingDays'],
    [{ type: 'fee-notified', on: '2025-11-12', amount: 200, method: 'both' }, 'invalid-field', 'method'],
    [{ type: 'fee-notified', on: '2025-11-12', amount: Number.POSITIVE_INFINITY, method: 'per-piece' }, 'invalid-field', 'amount'],
    [{ type: 'replied', on: '2025-11-28', outcome: 'granted' }, 'invalid-field', 'outcome'],
    [{ type: 'replied', on: '2025-11-28', outcome: 'unavailable-not-responsible', responsibleOrgan: '县财政局' }, 'invalid-field', 'responsibleOrgan'],
  ])('refuses %j: %s', (input, reason, detail) => {
    expect(parseRequestEvent(input)).toEqual(detail === undefined ? { ok: false, reason } : { ok: false, reason, detail });
  });
});
