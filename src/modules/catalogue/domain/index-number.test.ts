import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import {
  DEFAULT_INDEX_PATTERN,
  formatIndexNumber,
  indexNumberPeriodKey,
  isIndexNumberChangeAllowed,
  validateIndexPattern,
  type IndexPattern,
} from './index-number.ts';
import type { ItemState } from './item-workflow.ts';

function pattern(text: string): IndexPattern {
  const parsed = validateIndexPattern(text);
  if (!parsed.ok) throw new Error(`test pattern refused: ${parsed.reason}`);
  return parsed.value;
}

const CREDIT_CODE = '11330000MB1234567X';

describe('validateIndexPattern', () => {
  it('parses the default into tokens', () => {
    expect(validateIndexPattern(DEFAULT_INDEX_PATTERN)).toEqual({
      ok: true,
      value: {
        source: '{机构代码}/{YYYY}-{serial:5}',
        tokens: [{ kind: 'organ-code' }, { kind: 'literal', text: '/' }, { kind: 'year' }, { kind: 'literal', text: '-' }, { kind: 'serial', width: 5 }],
        period: 'year',
        hasOrganCode: true,
      },
    });
  });

  it.each([
    ['{机构代码}/{YYYYMM}-{serial:5}', 'month', true],
    ['XXKJ-{YYYY}-{serial:4}', 'year', false],
    ['{YYYY}{YYYYMM}{serial:1}', 'month', false],
  ])('accepts %s (period %s)', (text, period, hasOrganCode) => {
    expect(validateIndexPattern(text)).toMatchObject({ ok: true, value: { period, hasOrganCode } });
  });

  it.each([
    ['{机构代码}/{YYYY}', 'missing-serial', undefined],
    ['', 'missing-serial', undefined],
    ['{机构代码}/{serial:5}', 'missing-period', undefined],
    ['{YYYY}-{serial:5}-{serial:2}', 'duplicate-serial', undefined],
    ['{机构代码}/{YY}-{serial:5}', 'unknown-placeholder', '{YY}'],
    ['{组织机构代码}/{YYYY}-{serial:5}', 'unknown-placeholder', '{组织机构代码}'],
    ['{YYYY}-{serial}', 'invalid-serial-width', '{serial}'],
    ['{YYYY}-{serial:0}', 'invalid-serial-width', '{serial:0}'],
    ['{YYYY}-{serial:10}', 'invalid-serial-width', '{serial:10}'],
    ['{YYYY}-{serial:x}', 'invalid-serial-width', '{serial:x}'],
    ['{YYYY-{serial:5}', 'unbalanced-braces', '{'],
    ['{YYYY}}-{serial:5}', 'unbalanced-braces', '}'],
  ])('refuses %j: %s', (text, reason, detail) => {
    const expected = detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
    expect(validateIndexPattern(text)).toEqual(expected);
  });
});

describe('formatIndexNumber', () => {
  it.each([
    [DEFAULT_INDEX_PATTERN, CREDIT_CODE, '2026-03-02', 12, '11330000MB1234567X/2026-00012'],
    [DEFAULT_INDEX_PATTERN, '000014349', '2018-07-01', 222, '000014349/2018-00222'],
    [DEFAULT_INDEX_PATTERN, '0142768-8', '2022-12-31', 185, '0142768-8/2022-00185'],
    ['{机构代码}/{YYYYMM}-{serial:5}', '1134170300324923M', '2024-04-15', 32, '1134170300324923M/202404-00032'],
    ['XXKJ-{YYYY}-{serial:3}', '', '2026-01-01', 999, 'XXKJ-2026-999'],
    [DEFAULT_INDEX_PATTERN, CREDIT_CODE, '2026-03-02', 99_999, '11330000MB1234567X/2026-99999'],
  ])('%s, %s, %s, #%i → %s', (text, organCode, date, serial, expected) => {
    expect(formatIndexNumber(pattern(text), { organCode, date: localDate(date), serial })).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 1, 'invalid-organ-code'],
    ['11 3300', 1, 'invalid-organ-code'],
    ['113/300', 1, 'invalid-organ-code'],
    [CREDIT_CODE, 0, 'invalid-serial'],
    [CREDIT_CODE, 1.5, 'invalid-serial'],
    [CREDIT_CODE, 100_000, 'serial-overflow'],
  ])('refuses organ %j serial %s: %s', (organCode, serial, reason) => {
    expect(formatIndexNumber(pattern(DEFAULT_INDEX_PATTERN), { organCode, date: localDate('2026-03-02'), serial })).toMatchObject({ ok: false, reason });
  });
});

describe('indexNumberPeriodKey', () => {
  it.each([
    [DEFAULT_INDEX_PATTERN, CREDIT_CODE, '2026-03-02', '11330000MB1234567X/2026'],
    [DEFAULT_INDEX_PATTERN, CREDIT_CODE, '2026-12-31', '11330000MB1234567X/2026'],
    [DEFAULT_INDEX_PATTERN, CREDIT_CODE, '2027-01-01', '11330000MB1234567X/2027'],
    [DEFAULT_INDEX_PATTERN, '000014349', '2026-03-02', '000014349/2026'],
    ['{机构代码}/{YYYYMM}-{serial:5}', CREDIT_CODE, '2026-03-02', '11330000MB1234567X/202603'],
    ['XXKJ-{YYYY}-{serial:4}', CREDIT_CODE, '2026-03-02', '*/2026'],
    ['XXKJ-{YYYY}-{serial:4}', '000014349', '2026-03-02', '*/2026'],
  ])('%s for %s on %s → %s', (text, organCode, date, expected) => {
    expect(indexNumberPeriodKey(pattern(text), organCode, localDate(date))).toBe(expected);
  });
});

describe('isIndexNumberChangeAllowed', () => {
  it.each<[ItemState, boolean, boolean]>([
    ['draft', false, true],
    ['submitted', false, true],
    ['approved', false, true],
    ['scheduled', false, true],
    ['draft', true, false],
    ['published', true, false],
    ['published', false, false],
    ['retracted', true, false],
  ])('%s, hasBeenPublished=%s → %s', (state, hasBeenPublished, expected) => {
    expect(isIndexNumberChangeAllowed({ state, hasBeenPublished })).toBe(expected);
  });
});
