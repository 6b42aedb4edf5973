import { describe, expect, it } from 'vitest';
import type { AnnualReport } from './annual-report.ts';
import { HONGZE_2024_JSON } from './hongze-2024.fixture.ts';
import { fromReportJson } from './report-json.ts';
import { applicationPrintedTable, proactivePrintedTable, reportDocument, reviewPrintedTable, textBlocks, type PrintedTable } from './report-layout.ts';

const hongze = (): AnnualReport => {
  const read = fromReportJson(HONGZE_2024_JSON);
  if (!read.ok) throw new Error(read.reason);
  return read.value;
};

/** Lays the cells on a grid as a browser or Word would; every row must come out exactly `columnCount` wide. */
function gridWidths(table: PrintedTable): number[] {
  const spansDown: { lastRow: number; width: number }[] = [];
  return table.rows.map((row, r) => {
    const fromAbove = spansDown.filter((s) => s.lastRow >= r).reduce((sum, s) => sum + s.width, 0);
    for (const cell of row) if (cell.rowspan > 1) spansDown.push({ lastRow: r + cell.rowspan - 1, width: cell.colspan });
    return fromAbove + row.reduce((sum, cell) => sum + cell.colspan, 0);
  });
}

describe('printed tables (国办公开办函〔2021〕30号 layout)', () => {
  it('fills every row of tables 二, 三 and 四 to the full width, merged cells included', () => {
    const report = hongze();
    for (const table of [proactivePrintedTable(report.proactive), applicationPrintedTable(report.applications), reviewPrintedTable(report.reviews)]) {
      expect(new Set(gridWidths(table))).toEqual(new Set([table.columnCount]));
    }
  });

  it('prints table 三 with the 勾稽 note over three header rows and nested row labels', () => {
    const t = applicationPrintedTable(hongze().applications);
    expect(t.headerRowCount).toBe(3);
    expect(t.rows).toHaveLength(28);
    expect(t.rows[0]![0]).toMatchObject({ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colspan: 3, rowspan: 3 });
    expect(t.rows[3]!.slice(0, 2).map((c) => [c.text, c.colspan])).toEqual([['一、本年新收政府信息公开申请数量', 3], ['95', 1]]);
    expect(t.rows[5]!.slice(0, 3).map((c) => [c.text, c.colspan, c.rowspan])).toEqual([['三、本年度办理结果', 1, 22], ['（一）予以公开', 2, 1], ['50', 1, 1]]);
    expect(t.rows[7]!.slice(0, 3).map((c) => [c.text, c.rowspan])).toEqual([['（三）不予公开', 8], ['1.属于国家秘密', 1], ['0', 1]]);
    expect(t.rows[27]![0]).toMatchObject({ text: '四、结转下年度继续办理', colspan: 3 });
  });

  it('prints table 二 as four captioned blocks whose single value column spans three', () => {
    const t = proactivePrintedTable({ ...hongze().proactive, feesWanYuan: 7730.28 });
    expect(t.rows.map((r) => r[0]!.text)).toEqual(['第二十条第（一）项', '信息内容', '规章', '行政规范性文件', '第二十条第（五）项', '信息内容', '行政许可', '第二十条第（六）项', '信息内容', '行政处罚', '行政强制', '第二十条第（八）项', '信息内容', '行政事业性收费']);
    expect(t.rows[13]!.map((c) => [c.text, c.colspan])).toEqual([['行政事业性收费', 1], ['7730.28', 3]]);
    expect(t.rows[3]!.map((c) => c.text)).toEqual(['行政规范性文件', '3', '0', '8']);
  });

  it('prints table 四 with fifteen value cells under the three header rows', () => {
    const t = reviewPrintedTable(hongze().reviews);
    expect(t.rows[3]!.map((c) => c.text).join(' ')).toBe('1 1 0 0 2 1 0 0 0 1 2 0 1 0 3');
  });

  it('puts each section’s table after its text, and turns （一）-style lines into level-2 headings', () => {
    const doc = reportDocument(hongze(), { signedOn: '2025年1月20日' });
    expect(doc.title).toBe('淮安市洪泽区人民政府2024年政府信息公开工作年度报告');
    const kinds = doc.blocks.map((b) => (b.kind === 'heading' ? b.text : b.kind));
    expect(kinds.indexOf('table')).toBe(kinds.indexOf('二、主动公开政府信息情况') + 1);
    expect(doc.signature).toEqual(['淮安市洪泽区人民政府', '2025年1月20日']);
    expect(textBlocks('（一）主动公开\n全年公开信息10条。\n（请补充：培训情况。）')).toEqual([
      { kind: 'heading', level: 2, text: '（一）主动公开' },
      { kind: 'paragraph', text: '全年公开信息10条。' },
      { kind: 'paragraph', text: '（请补充：培训情况。）' },
    ]);
  });
});
