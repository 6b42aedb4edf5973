import { describe, expect, it } from 'vitest';
import {
  ABANDONMENT_OUTCOMES,
  ANNUAL_REPORT_APPLICATION_ROWS,
  applicationRowOf,
  isOutcomeCode,
  OUTCOME_CODES,
  OUTCOMES,
  WITHDRAWN_OUTCOME,
  type OutcomeCode,
} from './outcomes.ts';

describe('the closed outcome list (issue 4)', () => {
  it('has the 24 codes of the API, in order', () => {
    expect(OUTCOME_CODES).toEqual([
      'disclosed',
      'disclosed-already-public',
      'partially-disclosed',
      'withheld-state-secret',
      'withheld-law-prohibited',
      'withheld-security-stability',
      'withheld-third-party',
      'withheld-internal-affairs',
      'withheld-process-information',
      'withheld-enforcement-file',
      'withheld-administrative-query',
      'unavailable-not-held',
      'unavailable-not-responsible',
      'unavailable-needs-creation',
      'unavailable-unclear-after-correction',
      'not-processed-petition',
      'not-processed-repeat',
      'not-processed-publication',
      'not-processed-excessive',
      'not-processed-confirmation',
      'other-no-correction',
      'other-fee-unpaid',
      'other-special-law-channel',
      'other',
    ]);
  });

  it.each([
    ['disclosed', true],
    ['other', true],
    ['granted', false],
    ['withdrawn', false],
    [undefined, false],
  ])('isOutcomeCode(%j) = %s', (value, expected) => {
    expect(isOutcomeCode(value)).toBe(expected);
  });
});

describe('table 三 rows (ANNUAL-REPORT-FORMAT.md §4)', () => {
  it('lists the 21 outcome rows in printed order with their official labels', () => {
    expect(ANNUAL_REPORT_APPLICATION_ROWS.map((r) => `${r.section} ${r.label}`)).toEqual([
      '三、本年度办理结果 （一）予以公开',
      '三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '（三）不予公开 1.属于国家秘密',
      '（三）不予公开 2.其他法律行政法规禁止公开',
      '（三）不予公开 3.危及“三安全一稳定”',
      '（三）不予公开 4.保护第三方合法权益',
      '（三）不予公开 5.属于三类内部事务信息',
      '（三）不予公开 6.属于四类过程性信息',
      '（三）不予公开 7.属于行政执法案卷',
      '（三）不予公开 8.属于行政查询事项',
      '（四）无法提供 1.本机关不掌握相关政府信息',
      '（四）无法提供 2.没有现成信息需要另行制作',
      '（四）无法提供 3.补正后申请内容仍不明确',
      '（五）不予处理 1.信访举报投诉类申请',
      '（五）不予处理 2.重复申请',
      '（五）不予处理 3.要求提供公开出版物',
      '（五）不予处理 4.无正当理由大量反复申请',
      '（五）不予处理 5.要求行政机关确认或重新出具已获取信息',
      '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '（六）其他处理 3.其他',
    ]);
  });

  it('has unique row keys', () => {
    const keys = ANNUAL_REPORT_APPLICATION_ROWS.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('maps every outcome to exactly one listed row', () => {
    const keys: string[] = ANNUAL_REPORT_APPLICATION_ROWS.map((r) => r.key);
    for (const code of OUTCOME_CODES) expect(keys.filter((k) => k === applicationRowOf(code))).toHaveLength(1);
    expect(Object.keys(OUTCOMES).sort()).toEqual([...OUTCOME_CODES].sort());
  });

  it('feeds every row from at least one outcome', () => {
    const fed = new Set(OUTCOME_CODES.map(applicationRowOf));
    expect(ANNUAL_REPORT_APPLICATION_ROWS.filter((r) => !fed.has(r.key))).toEqual([]);
  });

  it.each<[OutcomeCode, string]>([
    ['disclosed', 'disclosed'],
    ['disclosed-already-public', 'disclosed'], // Art. 36(一) counts as （一）
    ['partially-disclosed', 'partially-disclosed'],
    ['withheld-administrative-query', 'withheld-administrative-query'],
    ['unavailable-not-responsible', 'unavailable-not-held'], // Art. 36(五) → （四）1 [U]
    ['unavailable-unclear-after-correction', 'unavailable-unclear-after-correction'],
    ['not-processed-excessive', 'not-processed-excessive'],
    ['other-no-correction', 'other-no-correction'],
    ['other-fee-unpaid', 'other-fee-unpaid'],
    ['other-special-law-channel', 'other'], // Art. 36(七) → （六）3 [U]
    ['other', 'other'],
  ])('%s → %s', (code, row) => {
    expect(applicationRowOf(code)).toBe(row);
  });

  it('counts a withdrawn application under （六）3.其他', () => {
    expect(applicationRowOf(WITHDRAWN_OUTCOME)).toBe('other');
  });

  it('reserves 视为放弃 outcomes for abandonment', () => {
    expect(ABANDONMENT_OUTCOMES).toEqual(['other-no-correction', 'other-fee-unpaid']);
  });
});

describe('what each reply must contain', () => {
  const needing = (flag: 'requiresReason' | 'requiresResponsibleOrgan' | 'requiresWhereToFind') =>
    OUTCOME_CODES.filter((code) => OUTCOMES[code][flag]);

  it('states reasons for 不予公开 (Art. 36(三)), 部分公开 (Art. 37), not responsible (Art. 36(五)) and the open-ended ones', () => {
    expect(needing('requiresReason')).toEqual([
      'partially-disclosed',
      'withheld-state-secret',
      'withheld-law-prohibited',
      'withheld-security-stability',
      'withheld-third-party',
      'withheld-internal-affairs',
      'withheld-process-information',
      'withheld-enforcement-file',
      'withheld-administrative-query',
      'unavailable-not-responsible',
      'not-processed-excessive',
      'other-special-law-channel',
      'other',
    ]);
  });

  it('names the responsible organ only for Art. 36(五)', () => {
    expect(needing('requiresResponsibleOrgan')).toEqual(['unavailable-not-responsible']);
  });

  it('says where to find it only for Art. 36(一)', () => {
    expect(needing('requiresWhereToFind')).toEqual(['disclosed-already-public']);
  });

  it.each<[OutcomeCode, string]>([
    ['disclosed-already-public', '条例第三十六条第（一）项'],
    ['partially-disclosed', '条例第三十七条'],
    ['withheld-third-party', '条例第十五条、第三十二条、条例第三十六条第（三）项'],
    ['unavailable-needs-creation', '条例第三十八条'],
    ['not-processed-petition', '条例第三十九条第一款'],
    ['not-processed-repeat', '条例第三十六条第（六）项'],
    ['other-special-law-channel', '条例第三十六条第（七）项'],
  ])('%s rests on %s', (code, basis) => {
    expect(OUTCOMES[code].legalBasis).toBe(basis);
  });
});
