import { describe, expect, it } from 'vitest';
import { HONGZE_2024_JSON, hongze2024AsPublished } from './hongze-2024.fixture.ts';
import { fromReportJson, normaliseLabel, toReportJson, type AnnualReportJson } from './report-json.ts';
import { checkReport } from './rules.ts';

const copy = (): AnnualReportJson => structuredClone(HONGZE_2024_JSON);
const T3 = '三、收到和处理政府信息公开申请情况';
const T4 = '四、政府信息公开行政复议、行政诉讼情况';

describe('toReportJson / fromReportJson (ANNUAL-REPORT-FORMAT.md §7)', () => {
  it('round-trips the §8.2 JSON exactly', () => {
    const parsed = fromReportJson(HONGZE_2024_JSON);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(toReportJson(parsed.value)).toEqual(HONGZE_2024_JSON);
  });

  it('reads the figures into the report by official label', () => {
    const parsed = fromReportJson(HONGZE_2024_JSON);
    if (!parsed.ok) throw new Error(parsed.reason);
    const r = parsed.value;
    expect(r.proactive.normativeDocument).toEqual({ issued: 3, repealed: 0, effective: 8 });
    expect([r.proactive.licensing, r.proactive.penalty, r.proactive.enforcement, r.proactive.feesWanYuan]).toEqual([9487, 2776, 84, 7545]);
    expect(r.applications.rows['partially-disclosed']?.['natural-person']).toBe(9);
    expect(r.reviews['litigation-after-reconsideration']).toEqual({ upheld: 2, corrected: 0, other: 1, pending: 0, total: 3 });
  });

  it('keeps a published single （六）其他处理 row in place of the three sub-rows, and accepts the short （二） label', () => {
    const parsed = fromReportJson(hongze2024AsPublished());
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.applications.layout).toBe('single');
    const rows = toReportJson(parsed.value).tables[T3].rows;
    expect(rows.map((r) => r.label)).toContain('（六）其他处理');
    expect(rows.find((r) => r.label === '（六）其他处理')?.section).toBe('三、本年度办理结果');
    expect(rows.map((r) => r.label)).not.toContain('3.其他');
    expect(rows[3]?.label).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  });

  it('tolerates spacing, half-width brackets and straight quotes in labels, and reads empty cells as 0', () => {
    const json = copy();
    const row = json.tables[T3].rows.find((r) => r.label.startsWith('3.危及'));
    if (row) row.label = '3. 危及"三安全一稳定"';
    (json.tables[T4].rows[0]!.cells as (number | null)[])[2] = null;
    const parsed = fromReportJson(json);
    expect(parsed.ok && parsed.value.applications.rows['withheld-security-stability']?.total).toBe(1);
    expect(parsed.ok && parsed.value.reviews.reconsideration.other).toBe(0);
    expect(normaliseLabel('(六) 其他处理')).toBe(normaliseLabel('（六）其他处理'));
  });

  it.each<[string, (j: AnnualReportJson) => unknown, string]>([
    ['a non-object', () => 'report', 'not-an-object'],
    ['another format', (j) => ({ ...j, format: '国办公开办函〔2019〕60号' }), 'unsupported-format'],
    ['no year', (j) => ({ ...j, year: '2024' }), 'missing-field'],
    ['a missing block of 二', (j) => ({ ...j, tables: { ...j.tables, '第二十条第（八）项': undefined } }), 'missing-table'],
    ['a 法人或其他组织小计 column', (j) => { j.tables[T3].columns.splice(6, 0, '法人或其他组织小计'); return j; }, 'unexpected-columns'],
    ['a row too short', (j) => { j.tables[T3].rows[0]!.cells.pop(); return j; }, 'wrong-cell-count'],
    ['a text cell', (j) => { (j.tables[T4].rows[0]!.cells as unknown[])[0] = '一'; return j; }, 'cell-not-a-number'],
    ['an unknown row', (j) => { j.tables[T3].rows[0]!.label = '一、本年收到申请'; return j; }, 'unknown-row'],
    ['a missing row', (j) => { j.tables[T3].rows.splice(24, 1); return j; }, 'missing-row'],
    ['both （六） layouts', (j) => {
      j.tables[T3].rows.push({ section: '三、本年度办理结果', label: '（六）其他处理', cells: [0, 0, 0, 0, 0, 0, 0] });
      return j;
    }, 'mixed-other-rows'],
  ])('refuses %s', (_name, mutate, reason) => {
    const result = fromReportJson(mutate(copy()));
    expect(result.ok ? 'accepted' : result.reason).toBe(reason);
  });
});

describe('importing 洪泽区 2023 (ANNUAL-REPORT-FORMAT.md §8.3): rule failures are warnings, never rejections', () => {
  it('accepts a table 四 that fails R5 and reports which totals are wrong', () => {
    const json = copy();
    json.year = 2023;
    json.tables[T4].rows[0]!.cells = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0];
    const parsed = fromReportJson(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const r5 = checkReport(parsed.value).filter((f) => f.rule === 'R5' && !f.ok);
    expect(r5.map((f) => f.message)).toEqual([
      '表四“行政复议”：总计为0，但结果维持、结果纠正、其他结果、尚未审结之和为11。',
      '表四“行政诉讼/复议后起诉”：总计为0，但结果维持、结果纠正、其他结果、尚未审结之和为5。',
    ]);
  });
});
