import { describe, expect, it } from 'vitest';
import type { AnnualReport, ApplicantCells } from './annual-report.ts';
import { HONGZE_2024_JSON } from './hongze-2024.fixture.ts';
import type { ApplicationRowKey } from './report-format.ts';
import { fromReportJson } from './report-json.ts';
import { RULE_CODES, checkReport, isReportConsistent, type RuleCode } from './rules.ts';

/** The 洪泽区 2024 figures, which pass every rule (ANNUAL-REPORT-FORMAT.md §8.1 checks). */
function hongze(): AnnualReport {
  const parsed = fromReportJson(HONGZE_2024_JSON);
  if (!parsed.ok) throw new Error(parsed.reason);
  return structuredClone(parsed.value);
}

/** Sets one cell of table 三 (column 自然人 unless given), leaving every other cell as it was. */
function setCell(
  report: AnnualReport,
  key: ApplicationRowKey,
  value: number,
  column: keyof ApplicantCells = 'natural-person',
): AnnualReport {
  const rows = { ...report.applications.rows, [key]: { ...report.applications.rows[key]!, [column]: value } };
  return { ...report, applications: { ...report.applications, rows } };
}

const failuresOf = (report: AnnualReport, rule: RuleCode, previous?: AnnualReport) =>
  checkReport(report, previous).filter((f) => f.rule === rule && !f.ok);
const failingRules = (report: AnnualReport, previous?: AnnualReport) =>
  [...new Set(checkReport(report, previous).filter((f) => !f.ok).map((f) => f.rule))];

describe('checkReport: a consistent report passes', () => {
  it('gives one passing finding per rule, R6 skipped without last year', () => {
    const findings = checkReport(hongze());
    expect(findings.map((f) => [f.rule, f.ok])).toEqual(RULE_CODES.map((r) => [r, true]));
    expect(findings.find((f) => f.rule === 'R6')).toMatchObject({ skipped: true, message: expect.stringContaining('R6 未核对') });
    expect(isReportConsistent(findings)).toBe(true);
  });

  it('passes R6 when last year carried forward what this year brought forward', () => {
    const previous = { ...hongze(), year: 2023 };
    expect(failingRules(hongze(), previous)).toEqual([]);
    expect(checkReport(hongze(), previous).find((f) => f.rule === 'R6')?.skipped).toBeUndefined();
  });

  it('accepts a decimal fee amount (万元)', () => {
    const report = hongze();
    expect(failingRules({ ...report, proactive: { ...report.proactive, feesWanYuan: 7730.28 } })).toEqual([]);
  });
});

describe('checkReport: one failing report per rule, naming the cell and the reason', () => {
  it('R1: 一 + 二 ≠ （七） + 四 in a column', () => {
    // 结转下年度 raised in 自然人 and 总计 alike, so only R1 breaks.
    const report = setCell(setCell(hongze(), 'carried-forward', 2), 'carried-forward', 2, 'total');
    expect(failingRules(report)).toEqual(['R1']);
    const [natural, total] = failuresOf(report, 'R1');
    expect(natural?.message).toBe(
      '表三“自然人”列：一、本年新收（95）加二、上年结转（0）为95，不等于（七）总计（95）加四、结转下年度继续办理（2）之和97。',
    );
    expect(natural?.cells).toContainEqual({ table: '三、收到和处理政府信息公开申请情况', row: '四、结转下年度继续办理', column: '自然人' });
    expect(total?.message).toContain('表三“总计”列');
  });

  it('R2: a partially disclosed application also counted under another outcome', () => {
    // One of the 9 部分公开 also entered under （三）4, without touching （七）总计.
    const report = setCell(setCell(hongze(), 'withheld-third-party', 1), 'withheld-third-party', 1, 'total');
    expect(failingRules(report)).toEqual(['R2', 'R3']);
    expect(failuresOf(report, 'R2')[0]?.message).toBe(
      '表三“自然人”列：（二）部分公开9件，而（一）至（六）各项之和比（七）总计多1件，部分公开的申请可能又计入了其他情形；区分处理的，只计（二）部分公开，不计其他情形。',
    );
  });

  it('R2 does not fire when the outcome rows fall short of （七）总计 (that is R3 only)', () => {
    const report = setCell(setCell(hongze(), 'disclosed', 49), 'disclosed', 49, 'total');
    expect(failingRules(report)).toEqual(['R3']);
  });

  it('R3: （七）总计 ≠ the sum of （一）–（六）', () => {
    const report = setCell(setCell(hongze(), 'disclosed', 49), 'disclosed', 49, 'total');
    expect(failuresOf(report, 'R3').map((f) => f.message)).toEqual([
      '表三“自然人”列：（七）总计为95，但（一）至（六）各项之和为94。',
      '表三“总计”列：（七）总计为95，但（一）至（六）各项之和为94。',
    ]);
    expect(failuresOf(report, 'R3')[0]?.cells).toEqual([{ table: '三、收到和处理政府信息公开申请情况', row: '（七）总计', column: '自然人' }]);
  });

  it('R3 in the single （六） layout counts the single row', () => {
    const parsed = fromReportJson({ ...HONGZE_2024_JSON });
    if (!parsed.ok) throw new Error(parsed.reason);
    const single = { ...parsed.value, applications: { layout: 'single' as const, rows: { ...parsed.value.applications.rows } } };
    const report = setCell(setCell(single, 'other-processing', 1), 'other-processing', 1, 'total');
    expect(failuresOf(report, 'R3').map((f) => f.message)[0]).toBe('表三“自然人”列：（七）总计为95，但（一）至（六）各项之和为96。');
  });

  it('R4: a row whose 总计 is not the sum of the six applicant columns', () => {
    // One more 自然人 application received and carried forward, entered in the 自然人 column but not in 总计.
    const report = setCell(setCell(hongze(), 'received', 96), 'carried-forward', 1);
    expect(failingRules(report)).toEqual(['R4']);
    expect(failuresOf(report, 'R4')).toEqual([
      {
        rule: 'R4',
        ok: false,
        cells: [{ table: '三、收到和处理政府信息公开申请情况', row: '一、本年新收政府信息公开申请数量', column: '总计' }],
        message: '表三“一、本年新收政府信息公开申请数量”行：总计为95，但自然人至其他六列之和为96。',
      },
      {
        rule: 'R4',
        ok: false,
        cells: [{ table: '三、收到和处理政府信息公开申请情况', row: '四、结转下年度继续办理', column: '总计' }],
        message: '表三“四、结转下年度继续办理”行：总计为0，但自然人至其他六列之和为1。',
      },
    ]);
  });

  it('R5: a table 四 group whose 总计 is not the sum of its four results', () => {
    const report = hongze();
    const direct = { ...report.reviews['litigation-direct'], pending: 1 };
    const broken = { ...report, reviews: { ...report.reviews, 'litigation-direct': direct } };
    expect(failingRules(broken)).toEqual(['R5']);
    expect(failuresOf(broken, 'R5')[0]).toMatchObject({
      cells: [{ table: '四、政府信息公开行政复议、行政诉讼情况', row: '', column: '行政诉讼/未经复议直接起诉/总计' }],
      message: '表四“行政诉讼/未经复议直接起诉”：总计为1，但结果维持、结果纠正、其他结果、尚未审结之和为2。',
    });
  });

  it('R6: this year’s 上年结转 differs from last year’s 结转下年度继续办理', () => {
    const previous = { ...setCell(setCell(hongze(), 'carried-forward', 3), 'carried-forward', 3, 'total'), year: 2023 };
    expect(failingRules(hongze(), previous)).toEqual(['R6']);
    expect(failuresOf(hongze(), 'R6', previous)[0]?.message).toBe(
      '表三“自然人”列：二、上年结转政府信息公开申请数量为0，但2023年度报告的四、结转下年度继续办理为3。',
    );
  });

  it('R6: last year’s report must be of the year before', () => {
    expect(failuresOf(hongze(), 'R6', { ...hongze(), year: 2022 })[0]?.message).toBe('用于核对的上一年度报告是2022年度的，应为2023年度。');
  });

  it('R7: a negative or fractional count, or a negative fee', () => {
    const report = setCell(setCell(hongze(), 'brought-forward', -1), 'brought-forward', -1, 'total');
    const withReceived = setCell(setCell(report, 'received', 95.5), 'received', 95.5, 'total');
    const broken = { ...withReceived, proactive: { ...withReceived.proactive, feesWanYuan: -3 } };
    expect(failuresOf(broken, 'R7').map((f) => f.message)).toEqual([
      '表二第二十条第（八）项“行政事业性收费”行“本年收费金额（单位：万元）”列的值-3不是非负数。',
      '表三“一、本年新收政府信息公开申请数量”行“自然人”列的值95.5不是非负整数。',
      '表三“一、本年新收政府信息公开申请数量”行“总计”列的值95.5不是非负整数。',
      '表三“二、上年结转政府信息公开申请数量”行“自然人”列的值-1不是非负整数。',
      '表三“二、上年结转政府信息公开申请数量”行“总计”列的值-1不是非负整数。',
    ]);
  });

  it('R7: a count in table 四 that is not a whole number', () => {
    const report = hongze();
    const reconsideration = { ...report.reviews.reconsideration, upheld: 0.5, total: 1.5 };
    const broken = { ...report, reviews: { ...report.reviews, reconsideration } };
    expect(failuresOf(broken, 'R7').map((f) => f.cells[0]?.column)).toEqual(['行政复议/结果维持', '行政复议/总计']);
    expect(failingRules(broken)).toEqual(['R7']);
  });
});
