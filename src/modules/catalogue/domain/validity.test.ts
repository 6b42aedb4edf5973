import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import { isValidity, validateLink, validateValidityChange, validateValidityEndDate, VALIDITY_LABELS, type ItemLink, type Validity } from './validity.ts';

const dates = { today: localDate('2026-03-02'), writtenOn: localDate('2023-05-10') };

describe('labels', () => {
  it('prints 有效 / 失效 / 废止', () => {
    expect(VALIDITY_LABELS).toEqual({ effective: '有效', expired: '失效', repealed: '废止' });
  });
  it.each([
    ['repealed', true],
    ['废止', false],
    [null, false],
  ])('isValidity(%j) = %s', (value, expected) => {
    expect(isValidity(value)).toBe(expected);
  });
});

describe('validateValidityEndDate', () => {
  it.each([
    [undefined, 'date-required'],
    [null, 'date-required'],
    ['2023-05-09', 'date-before-written'],
    ['2026-03-03', 'date-in-future'],
  ])('%s → %s', (on, reason) => {
    expect(validateValidityEndDate(on === null || on === undefined ? on : localDate(on), dates)).toEqual({ ok: false, reason });
  });
  it.each([['2023-05-10'], ['2026-03-02'], ['2024-12-31']])('accepts %s (bounds inclusive)', (on) => {
    expect(validateValidityEndDate(localDate(on), dates)).toEqual({ ok: true, value: on });
  });
});

describe('validateValidityChange', () => {
  it.each<[Validity, Validity, string | null, unknown]>([
    ['effective', 'expired', '2025-12-31', { validity: 'expired', endedOn: '2025-12-31' }],
    ['effective', 'repealed', '2026-03-02', { validity: 'repealed', endedOn: '2026-03-02' }],
    ['expired', 'repealed', '2026-01-05', { validity: 'repealed', endedOn: '2026-01-05' }],
    ['expired', 'effective', null, { validity: 'effective', endedOn: null }],
    ['effective', 'effective', '2025-01-01', { validity: 'effective', endedOn: null }],
    ['repealed', 'repealed', '2025-06-30', { validity: 'repealed', endedOn: '2025-06-30' }],
  ])('%s → %s on %s', (current, next, on, value) => {
    expect(validateValidityChange(current, next, { ...dates, on: on === null ? null : localDate(on) })).toEqual({ ok: true, value });
  });

  it.each<[Validity, Validity, string | null, string]>([
    ['repealed', 'effective', null, 'repealed-is-final'],
    ['repealed', 'expired', '2025-01-01', 'repealed-is-final'],
    ['effective', 'repealed', null, 'date-required'],
    ['effective', 'expired', '2023-01-01', 'date-before-written'],
    ['effective', 'expired', '2026-04-01', 'date-in-future'],
  ])('refuses %s → %s on %s: %s', (current, next, on, reason) => {
    expect(validateValidityChange(current, next, { ...dates, on: on === null ? null : localDate(on) })).toEqual({ ok: false, reason });
  });
});

describe('validateLink', () => {
  const existing: ItemLink[] = [
    { fromId: 'c', toId: 'b', kind: 'revises' },
    { fromId: 'b', toId: 'a', kind: 'repeals' },
  ];
  it.each<[string, string, string, unknown]>([
    ['d', 'c', 'revises', { ok: true, value: { fromId: 'd', toId: 'c', kind: 'revises' } }],
    ['c', 'a', 'repeals', { ok: true, value: { fromId: 'c', toId: 'a', kind: 'repeals' } }],
    ['a', 'a', 'revises', { ok: false, reason: 'self-link' }],
    ['', 'a', 'revises', { ok: false, reason: 'link-item-required' }],
    ['c', 'b', 'repeals', { ok: false, reason: 'duplicate-link' }],
    ['b', 'c', 'revises', { ok: false, reason: 'duplicate-link' }],
    ['a', 'c', 'revises', { ok: false, reason: 'link-cycle' }],
  ])('%s → %s (%s)', (fromId, toId, kind, expected) => {
    expect(validateLink(fromId, toId, kind as ItemLink['kind'], existing)).toEqual(expected);
  });

  it('accepts any non-self link without history', () => {
    expect(validateLink('new', 'old', 'repeals')).toEqual({ ok: true, value: { fromId: 'new', toId: 'old', kind: 'repeals' } });
  });
});
