import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTCOME_ROWS, OUTCOME_CODES, outcomeRow, type OutcomeCode } from './outcome-rows.ts';
import { applicationRows, outcomeRowsOf } from './report-format.ts';

const labelOf = (code: OutcomeCode, layout: 'split' | 'single' = 'split') => {
  const key = outcomeRow(code, layout);
  const row = applicationRows(layout).find((r) => r.key === key);
  return row && (row.section && row.section !== '三、本年度办理结果' ? `${row.section} ${row.label}` : row.label);
};

describe('outcome → table 三 row (REFERENCE.md §3.11)', () => {
  it.each<[OutcomeCode, string]>([
    ['disclosed', '（一）予以公开'],
    ['disclosed-already-public', '（一）予以公开'],
    ['partially-disclosed', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
    ['withheld-state-secret', '（三）不予公开 1.属于国家秘密'],
    ['withheld-law-prohibited', '（三）不予公开 2.其他法律行政法规禁止公开'],
    ['withheld-security-stability', '（三）不予公开 3.危及“三安全一稳定”'],
    ['withheld-third-party', '（三）不予公开 4.保护第三方合法权益'],
    ['withheld-internal-affairs', '（三）不予公开 5.属于三类内部事务信息'],
    ['withheld-process-information', '（三）不予公开 6.属于四类过程性信息'],
    ['withheld-enforcement-file', '（三）不予公开 7.属于行政执法案卷'],
    ['withheld-administrative-query', '（三）不予公开 8.属于行政查询事项'],
    ['unavailable-not-held', '（四）无法提供 1.本机关不掌握相关政府信息'],
    ['unavailable-not-responsible', '（四）无法提供 1.本机关不掌握相关政府信息'],
    ['unavailable-needs-creation', '（四）无法提供 2.没有现成信息需要另行制作'],
    ['unavailable-unclear-after-correction', '（四）无法提供 3.补正后申请内容仍不明确'],
    ['not-processed-petition', '（五）不予处理 1.信访举报投诉类申请'],
    ['not-processed-repeat', '（五）不予处理 2.重复申请'],
    ['not-processed-publication', '（五）不予处理 3.要求提供公开出版物'],
    ['not-processed-excessive', '（五）不予处理 4.无正当理由大量反复申请'],
    ['not-processed-confirmation', '（五）不予处理 5.要求行政机关确认或重新出具已获取信息'],
    ['other-no-correction', '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    ['other-fee-unpaid', '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    ['other-special-law-channel', '（六）其他处理 3.其他'],
    ['other', '（六）其他处理 3.其他'],
  ])('%s → %s', (code, label) => {
    expect(labelOf(code)).toBe(label);
  });

  it('maps every one of the 24 outcomes to exactly one outcome row, never to 一, 二, （七） or 四', () => {
    expect(Object.keys(DEFAULT_OUTCOME_ROWS).sort()).toEqual([...OUTCOME_CODES].sort());
    const outcomeKeys = new Set(outcomeRowsOf('split').map((r) => r.key));
    for (const code of OUTCOME_CODES) expect(outcomeKeys.has(DEFAULT_OUTCOME_ROWS[code])).toBe(true);
  });

  it('reaches every one of the 21 outcome rows, so no printed row is unreachable from the records', () => {
    const reached = new Set(OUTCOME_CODES.map((c) => DEFAULT_OUTCOME_ROWS[c]));
    expect(outcomeRowsOf('split').filter((r) => !reached.has(r.key as never))).toEqual([]);
  });

  it('folds （六）1–3 into the single （六）其他处理 row of the 2019 layout and leaves the others alone', () => {
    expect(labelOf('other-no-correction', 'single')).toBe('（六）其他处理');
    expect(labelOf('other-fee-unpaid', 'single')).toBe('（六）其他处理');
    expect(labelOf('other', 'single')).toBe('（六）其他处理');
    expect(labelOf('not-processed-repeat', 'single')).toBe('（五）不予处理 2.重复申请');
  });

  it('lets the county replace the mapping as data', () => {
    const custom = { ...DEFAULT_OUTCOME_ROWS, 'unavailable-not-responsible': 'other' as const };
    expect(outcomeRow('unavailable-not-responsible', 'split', custom)).toBe('other');
  });
});
