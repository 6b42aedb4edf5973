/**
 * 淮安市洪泽区人民政府 2024年政府信息公开工作年度报告 as platform JSON, copied from ANNUAL-REPORT-FORMAT.md §8.2
 * (source: KIROGOVCOMPARE sample_pdfs_v1/hzq2024_working.pdf [P]). Test data only.
 */
import type { AnnualReportJson } from './report-json.ts';

/** §8.2 verbatim: the published figures in the emitted 3-sub-row （六） layout. */
export const HONGZE_2024_JSON: AnnualReportJson = {
  format: '国办公开办函〔2021〕30号',
  organ: '淮安市洪泽区人民政府',
  year: 2024,
  sections: [
    { heading: '六、其他需要报告的事项', text: '2024年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。' },
  ],
  tables: {
    '第二十条第（一）项': {
      columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
      rows: [
        { section: null, label: '规章', cells: [0, 0, 0] },
        { section: null, label: '行政规范性文件', cells: [3, 0, 8] },
      ],
    },
    '第二十条第（五）项': {
      columns: ['本年处理决定数量'],
      rows: [
        { section: null, label: '行政许可', cells: [9487] },
      ],
    },
    '第二十条第（六）项': {
      columns: ['本年处理决定数量'],
      rows: [
        { section: null, label: '行政处罚', cells: [2776] },
        { section: null, label: '行政强制', cells: [84] },
      ],
    },
    '第二十条第（八）项': {
      columns: ['本年收费金额（单位：万元）'],
      rows: [
        { section: null, label: '行政事业性收费', cells: [7545] },
      ],
    },
    '三、收到和处理政府信息公开申请情况': {
      columns: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
      rows: [
        { section: null, label: '一、本年新收政府信息公开申请数量', cells: [95, 0, 0, 0, 0, 0, 95] },
        { section: null, label: '二、上年结转政府信息公开申请数量', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '三、本年度办理结果', label: '（一）予以公开', cells: [50, 0, 0, 0, 0, 0, 50] },
        { section: '三、本年度办理结果', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', cells: [9, 0, 0, 0, 0, 0, 9] },
        { section: '（三）不予公开', label: '1.属于国家秘密', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '（三）不予公开', label: '2.其他法律行政法规禁止公开', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '（三）不予公开', label: '3.危及“三安全一稳定”', cells: [1, 0, 0, 0, 0, 0, 1] },
        { section: '（三）不予公开', label: '4.保护第三方合法权益', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '（三）不予公开', label: '5.属于三类内部事务信息', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '（三）不予公开', label: '6.属于四类过程性信息', cells: [1, 0, 0, 0, 0, 0, 1] },
        { section: '（三）不予公开', label: '7.属于行政执法案卷', cells: [1, 0, 0, 0, 0, 0, 1] },
        { section: '（三）不予公开', label: '8.属于行政查询事项', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '（四）无法提供', label: '1.本机关不掌握相关政府信息', cells: [31, 0, 0, 0, 0, 0, 31] },
        { section: '（四）无法提供', label: '2.没有现成信息需要另行制作', cells: [1, 0, 0, 0, 0, 0, 1] },
        { section: '（四）无法提供', label: '3.补正后申请内容仍不明确', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '（五）不予处理', label: '1.信访举报投诉类申请', cells: [1, 0, 0, 0, 0, 0, 1] },
        { section: '（五）不予处理', label: '2.重复申请', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '（五）不予处理', label: '3.要求提供公开出版物', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '（五）不予处理', label: '4.无正当理由大量反复申请', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '（六）其他处理', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '（六）其他处理', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '（六）其他处理', label: '3.其他', cells: [0, 0, 0, 0, 0, 0, 0] },
        { section: '三、本年度办理结果', label: '（七）总计', cells: [95, 0, 0, 0, 0, 0, 95] },
        { section: null, label: '四、结转下年度继续办理', cells: [0, 0, 0, 0, 0, 0, 0] },
      ],
    },
    '四、政府信息公开行政复议、行政诉讼情况': {
      columns: ['行政复议/结果维持', '行政复议/结果纠正', '行政复议/其他结果', '行政复议/尚未审结', '行政复议/总计', '行政诉讼/未经复议直接起诉/结果维持', '行政诉讼/未经复议直接起诉/结果纠正', '行政诉讼/未经复议直接起诉/其他结果', '行政诉讼/未经复议直接起诉/尚未审结', '行政诉讼/未经复议直接起诉/总计', '行政诉讼/复议后起诉/结果维持', '行政诉讼/复议后起诉/结果纠正', '行政诉讼/复议后起诉/其他结果', '行政诉讼/复议后起诉/尚未审结', '行政诉讼/复议后起诉/总计'],
      rows: [
        { section: null, label: '', cells: [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3] },
      ],
    },
  },
};

/**
 * The same figures as printed in the published report (§8.1): （六）其他处理 as a single row, and （二） under the short
 * label some reports print, which import must accept.
 */
export function hongze2024AsPublished(): AnnualReportJson {
  const json = structuredClone(HONGZE_2024_JSON);
  const table = json.tables['三、收到和处理政府信息公开申请情况'];
  const first = table.rows.findIndex((r) => r.section === '（六）其他处理');
  table.rows.splice(first, 3, { section: '三、本年度办理结果', label: '（六）其他处理', cells: [0, 0, 0, 0, 0, 0, 0] });
  const partial = table.rows.find((r) => r.label.startsWith('（二）'));
  if (partial) partial.label = '（二）部分公开';
  return json;
}
