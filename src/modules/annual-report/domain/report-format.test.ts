import { describe, expect, it } from 'vitest';
import {
  APPLICANT_COLUMNS,
  APPLICANT_COLUMN_LABELS,
  APPLICATION_HEADER,
  PROACTIVE_BLOCKS,
  REVIEW_HEADER,
  REVIEW_TABLE_COLUMNS,
  SECTION_HEADINGS,
  applicationRows,
  outcomeRowsOf,
} from './report-format.ts';

const span = (row: readonly { colspan: number }[]) => row.reduce((s, c) => s + c.colspan, 0);

describe('the 2021 format as data (ANNUAL-REPORT-FORMAT.md §2–§5)', () => {
  it('has the six official section headings in order', () => {
    expect(SECTION_HEADINGS).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('has the four blocks of table 二 with exactly six data rows and no 政府集中采购', () => {
    expect(PROACTIVE_BLOCKS.map((b) => b.caption)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    expect(PROACTIVE_BLOCKS.flatMap((b) => b.rows.map((r) => r.label))).toEqual([
      '规章',
      '行政规范性文件',
      '行政许可',
      '行政处罚',
      '行政强制',
      '行政事业性收费',
    ]);
    expect(PROACTIVE_BLOCKS[0]?.columns).toEqual(['本年制发件数', '本年废止件数', '现行有效件数']);
    expect(PROACTIVE_BLOCKS[3]?.columns).toEqual(['本年收费金额（单位：万元）']);
  });

  it('has the seven table 三 columns and no 法人或其他组织小计', () => {
    expect(APPLICANT_COLUMNS.map((c) => APPLICANT_COLUMN_LABELS[c])).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    expect(APPLICATION_HEADER.map(span)).toEqual([10, 7, 5]);
  });

  it('prints 25 data rows in the split layout, 23 with a single （六） row, and 22 rows under 三、本年度办理结果', () => {
    const split = applicationRows('split');
    expect(split).toHaveLength(25);
    expect(applicationRows('single')).toHaveLength(23);
    expect(split.slice(2, 24)).toHaveLength(22);
    expect(outcomeRowsOf('split')).toHaveLength(21);
    expect(outcomeRowsOf('single')).toHaveLength(19);
    expect(split.map((r) => r.label)).toContain('3.危及“三安全一稳定”');
    expect(split[3]?.label).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(applicationRows('single').find((r) => r.key === 'other-processing')).toEqual({
      key: 'other-processing',
      section: '三、本年度办理结果',
      label: '（六）其他处理',
      isOutcome: true,
    });
  });

  it('labels the 15 table 四 columns by their header chain, as §7 lists them', () => {
    expect(REVIEW_TABLE_COLUMNS).toEqual([
      '行政复议/结果维持', '行政复议/结果纠正', '行政复议/其他结果', '行政复议/尚未审结', '行政复议/总计',
      '行政诉讼/未经复议直接起诉/结果维持', '行政诉讼/未经复议直接起诉/结果纠正', '行政诉讼/未经复议直接起诉/其他结果',
      '行政诉讼/未经复议直接起诉/尚未审结', '行政诉讼/未经复议直接起诉/总计',
      '行政诉讼/复议后起诉/结果维持', '行政诉讼/复议后起诉/结果纠正', '行政诉讼/复议后起诉/其他结果',
      '行政诉讼/复议后起诉/尚未审结', '行政诉讼/复议后起诉/总计',
    ]);
    expect(REVIEW_HEADER.map(span)).toEqual([15, 15, 10]);
  });
});
