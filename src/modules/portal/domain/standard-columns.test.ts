import { describe, expect, it } from 'vitest';
import { annualReportEntries, describeIndexPattern, guideEntries, rulesEntries } from './standard-columns.ts';

const rows = [
  { id: 'g', level1: '政府信息公开', level2: '政府信息公开指南' },
  { id: 'r', level1: '政府信息公开', level2: '政府信息公开制度' },
  { id: 'a', level1: '政府信息公开', level2: '政府信息公开工作年度报告' },
  { id: 'a2', level1: '政务公开', level2: '年报' },
  { id: 'x', level1: '政务服务', level2: '服务指南' },
  { id: 'y', level1: '行政执法', level2: '执法制度' },
];

describe('standard columns from 基本目录 rows', () => {
  it('finds the 指南, 制度 and 年报 rows by their names, not other guides or rules', () => {
    expect(guideEntries(rows).map((e) => e.id)).toEqual(['g']);
    expect(rulesEntries(rows).map((e) => e.id)).toEqual(['r']);
    expect(annualReportEntries(rows).map((e) => e.id)).toEqual(['a', 'a2']);
  });

  it.each([
    ['{机构代码}/{YYYY}-{serial:5}', '机构代码/年份-5位流水号'],
    ['{机构代码}/{YYYYMM}-{serial:4}', '机构代码/年月（6位）-4位流水号'],
  ])('explains the 索引号 pattern %s', (pattern, text) => {
    expect(describeIndexPattern(pattern)).toBe(text);
  });
});
