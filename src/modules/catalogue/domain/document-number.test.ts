import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import { parseDocumentNumber, validateDocumentNumber } from './document-number.ts';

describe('parseDocumentNumber', () => {
  it.each([
    ['县科技发〔2023〕12号', '县科技发', 2023, 12],
    ['xx政办发〔2023〕37号', 'xx政办发', 2023, 37],
    ['国办秘函〔2019〕19号', '国办秘函', 2019, 19],
    ['国办发〔2017〕47号', '国办发', 2017, 47],
    [' 县科技发〔2026〕1号 ', '县科技发', 2026, 1],
    ['县科技发〔2026〕100号', '县科技发', 2026, 100],
  ])('accepts %s', (text, issuerCode, year, serial) => {
    expect(parseDocumentNumber(text)).toEqual({ ok: true, value: { issuerCode, year, serial, text: text.trim() } });
  });

  it.each([
    ['xx政办发(2023)37号', 'xx政办发〔2023〕37号'],
    ['县科技发[2023]12号', '县科技发〔2023〕12号'],
    ['县科技发（2023）12号', '县科技发〔2023〕12号'],
    ['县科技发【2023】12号', '县科技发〔2023〕12号'],
    ['县科技发〔2023]12号', '县科技发〔2023〕12号'],
    ['县科技发[2023〕12号', '县科技发〔2023〕12号'],
    ['县科技发［2023］12号', '县科技发〔2023〕12号'],
    ['县科技发〖2023〗12号', '县科技发〔2023〕12号'],
    ['县科技发(2023)12', '县科技发〔2023〕12'],
  ])('refuses %s as wrong-brackets, suggesting %s', (text, suggestion) => {
    expect(parseDocumentNumber(text)).toEqual({ ok: false, reason: 'wrong-brackets', suggestion });
  });

  it.each([
    ['', 'required', undefined],
    ['   ', 'required', undefined],
    ['县科技发 〔2023〕12号', 'contains-whitespace', '县科技发〔2023〕12号'],
    ['县科技发2023年12号', 'malformed', undefined],
    ['县科技发〔2023〕12号文', 'malformed', undefined],
    ['〔2023〕12号', 'missing-issuer-code', undefined],
    ['县科技发〔23〕12号', 'year-not-full', undefined],
    ['县科技发〔2023〕12', 'missing-suffix', undefined],
    ['县科技发〔2023〕第12号', 'ordinal-prefix', '县科技发〔2023〕12号'],
    ['县科技发〔2023〕号', 'invalid-serial', undefined],
    ['县科技发〔2023〕十二号', 'invalid-serial', undefined],
    ['县科技发〔2023〕12.5号', 'invalid-serial', undefined],
    ['县科技发〔2023〕-3号', 'invalid-serial', undefined],
    ['县科技发〔2023〕0号', 'invalid-serial', undefined],
    ['县科技发〔2023〕012号', 'leading-zero', '县科技发〔2023〕12号'],
    ['县科技发〔2023〕01号', 'leading-zero', '县科技发〔2023〕1号'],
  ])('refuses %j: %s', (text, reason, suggestion) => {
    const expected = suggestion === undefined ? { ok: false, reason } : { ok: false, reason, suggestion };
    expect(parseDocumentNumber(text)).toEqual(expected);
  });
});

describe('validateDocumentNumber', () => {
  it.each([
    ['县科技发〔2023〕12号', '2023-01-01', true],
    ['县科技发〔2023〕12号', '2023-12-31', true],
    ['县科技发〔2023〕12号', '2024-01-02', false],
    ['县科技发〔2024〕1号', '2023-12-29', false],
  ])('%s written on %s: year matches = %s', (text, writtenOn, matches) => {
    const result = validateDocumentNumber(text, localDate(writtenOn));
    expect(result.ok ? 'ok' : result.reason).toBe(matches ? 'ok' : 'year-mismatch');
  });

  it('reports a form problem before the year', () => {
    expect(validateDocumentNumber('县科技发[2022]12号', localDate('2023-05-01'))).toMatchObject({ reason: 'wrong-brackets' });
  });
});
