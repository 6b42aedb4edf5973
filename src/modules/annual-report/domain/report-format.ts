/**
 * 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》 as data: the section headings and the
 * official labels of tables 二, 三 and 四, character for character (ANNUAL-REPORT-FORMAT.md §2–§5). 条例 Art. 50
 * fixes what a report contains; this file fixes how it is printed. Every label here is [V] unless noted.
 */

/** The format identifier carried by every report and its JSON (ANNUAL-REPORT-FORMAT.md §7). */
export const REPORT_FORMAT = '国办公开办函〔2021〕30号';

/** 30号 section headings 一 to 六, in printed order (条例 Art. 50 items 一–五 plus 总体情况). */
export const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

/** Sub-heads of 一、总体情况 named by the 30号 text (主动公开 … 监督保障). */
export const OVERVIEW_SUBHEADINGS = [
  '（一）主动公开',
  '（二）依申请公开',
  '（三）政府信息管理',
  '（四）政府信息公开平台建设',
  '（五）监督保障',
] as const;

/** A header cell as printed, for renderers of the official layout (DOCX, HTML). */
export interface HeaderCell {
  text: string;
  colspan: number;
  rowspan: number;
}

// ---------------------------------------------------------------- table 二 (条例 Art. 20)

/** Rows of table 二, one key per official row label. */
export type ProactiveRowKey = 'regulation' | 'normative-document' | 'licensing' | 'penalty' | 'enforcement' | 'fees';

/** One captioned block of table 二: its caption, value columns and rows. */
export interface ProactiveBlock {
  caption: '第二十条第（一）项' | '第二十条第（五）项' | '第二十条第（六）项' | '第二十条第（八）项';
  columns: readonly string[];
  rows: readonly { key: ProactiveRowKey; label: string }[];
}

/** Header of the label column of every block of table 二. */
export const PROACTIVE_LABEL_HEADER = '信息内容';

/** 本年收费金额 is the only decimal cell of the report (万元, R7). */
export const FEES_COLUMN = '本年收费金额（单位：万元）';

/** The four blocks of table 二 (Art. 20 items 一, 五, 六, 八); there is no 政府集中采购 row in the 2021 format. */
export const PROACTIVE_BLOCKS: readonly ProactiveBlock[] = [
  {
    caption: '第二十条第（一）项',
    columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
    rows: [
      { key: 'regulation', label: '规章' },
      { key: 'normative-document', label: '行政规范性文件' },
    ],
  },
  { caption: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: [{ key: 'licensing', label: '行政许可' }] },
  {
    caption: '第二十条第（六）项',
    columns: ['本年处理决定数量'],
    rows: [
      { key: 'penalty', label: '行政处罚' },
      { key: 'enforcement', label: '行政强制' },
    ],
  },
  { caption: '第二十条第（八）项', columns: [FEES_COLUMN], rows: [{ key: 'fees', label: '行政事业性收费' }] },
];

// ---------------------------------------------------------------- table 三 (条例 Art. 50 item 二)

/** Caption of table 三. */
export const APPLICATION_TABLE_CAPTION = '三、收到和处理政府信息公开申请情况';

/** Applicant kinds in column order (issue 4's codes): 自然人, then the five 法人或其他组织 columns. */
export const APPLICANT_KINDS = [
  'natural-person',
  'commercial',
  'research',
  'public-interest',
  'legal-services',
  'other',
] as const;

/** One applicant kind. */
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** A data column of table 三: an applicant kind or 总计. */
export type ApplicantColumn = ApplicantKind | 'total';

/** The seven data columns of table 三 in printed order; no 法人或其他组织小计 column exists in the official layout. */
export const APPLICANT_COLUMNS: readonly ApplicantColumn[] = [...APPLICANT_KINDS, 'total'];

/** Official labels of the table 三 columns. */
export const APPLICANT_COLUMN_LABELS: Readonly<Record<ApplicantColumn, string>> = {
  'natural-person': '自然人',
  commercial: '商业企业',
  research: '科研机构',
  'public-interest': '社会公益组织',
  'legal-services': '法律服务机构',
  other: '其他',
  total: '总计',
};

/** The 勾稽 note heading the label column of table 三 (printed rule R1). */
export const APPLICATION_CHECK_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** The three printed header rows of table 三. */
export const APPLICATION_HEADER: readonly (readonly HeaderCell[])[] = [
  [
    { text: APPLICATION_CHECK_NOTE, colspan: 3, rowspan: 3 },
    { text: '申请人情况', colspan: 7, rowspan: 1 },
  ],
  [
    { text: '自然人', colspan: 1, rowspan: 2 },
    { text: '法人或其他组织', colspan: 5, rowspan: 1 },
    { text: '总计', colspan: 1, rowspan: 2 },
  ],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => ({ text, colspan: 1, rowspan: 1 })),
];

/** Outcome rows of the 2021 layout (三（一）–（六）), named like the outcome codes that feed them. */
export type OutcomeRowKey =
  | 'disclosed'
  | 'partially-disclosed'
  | 'withheld-state-secret'
  | 'withheld-law-prohibited'
  | 'withheld-security-stability'
  | 'withheld-third-party'
  | 'withheld-internal-affairs'
  | 'withheld-process-information'
  | 'withheld-enforcement-file'
  | 'withheld-administrative-query'
  | 'unavailable-not-held'
  | 'unavailable-needs-creation'
  | 'unavailable-unclear-after-correction'
  | 'not-processed-petition'
  | 'not-processed-repeat'
  | 'not-processed-publication'
  | 'not-processed-excessive'
  | 'not-processed-confirmation'
  | 'other-no-correction'
  | 'other-fee-unpaid'
  | 'other';

/** The single （六）其他处理 row of the 2019 试行 layout (and of reports such as 洪泽区 2024). */
export type SingleOtherRowKey = 'other-processing';

/** Every row of table 三: 一 本年新收, 二 上年结转, the outcome rows, （七）总计, 四 结转下年度继续办理. */
export type ApplicationRowKey = 'received' | 'brought-forward' | OutcomeRowKey | SingleOtherRowKey | 'results-total' | 'carried-forward';

/** `split`: （六） as three sub-rows (2021, emitted by default); `single`: （六） as one row (2019 试行, some 2021 reports). */
export type OtherRowsLayout = 'split' | 'single';

/** One printed data row of table 三: JSON `section`, official `label`, and whether it is an outcome row (R3). */
export interface ApplicationRow {
  key: ApplicationRowKey;
  section: string | null;
  label: string;
  isOutcome: boolean;
}

const RESULTS = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

const row = (key: ApplicationRowKey, section: string | null, label: string, isOutcome = true): ApplicationRow => ({
  key,
  section,
  label,
  isOutcome,
});

const HEAD_ROWS: readonly ApplicationRow[] = [
  row('received', null, '一、本年新收政府信息公开申请数量', false),
  row('brought-forward', null, '二、上年结转政府信息公开申请数量', false),
  row('disclosed', RESULTS, '（一）予以公开'),
  row('partially-disclosed', RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
  row('withheld-state-secret', WITHHELD, '1.属于国家秘密'),
  row('withheld-law-prohibited', WITHHELD, '2.其他法律行政法规禁止公开'),
  row('withheld-security-stability', WITHHELD, '3.危及“三安全一稳定”'),
  row('withheld-third-party', WITHHELD, '4.保护第三方合法权益'),
  row('withheld-internal-affairs', WITHHELD, '5.属于三类内部事务信息'),
  row('withheld-process-information', WITHHELD, '6.属于四类过程性信息'),
  row('withheld-enforcement-file', WITHHELD, '7.属于行政执法案卷'),
  row('withheld-administrative-query', WITHHELD, '8.属于行政查询事项'),
  row('unavailable-not-held', UNAVAILABLE, '1.本机关不掌握相关政府信息'),
  row('unavailable-needs-creation', UNAVAILABLE, '2.没有现成信息需要另行制作'),
  row('unavailable-unclear-after-correction', UNAVAILABLE, '3.补正后申请内容仍不明确'),
  row('not-processed-petition', NOT_PROCESSED, '1.信访举报投诉类申请'),
  row('not-processed-repeat', NOT_PROCESSED, '2.重复申请'),
  row('not-processed-publication', NOT_PROCESSED, '3.要求提供公开出版物'),
  row('not-processed-excessive', NOT_PROCESSED, '4.无正当理由大量反复申请'),
  row('not-processed-confirmation', NOT_PROCESSED, '5.要求行政机关确认或重新出具已获取信息'),
];

/** （六）其他处理 as three sub-rows [P: ANNUAL-REPORT-FORMAT.md §4]. */
const SPLIT_OTHER_ROWS: readonly ApplicationRow[] = [
  row('other-no-correction', OTHER, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
  row('other-fee-unpaid', OTHER, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
  row('other', OTHER, '3.其他'),
];

/** （六）其他处理 as one row, as the 2019 试行 format printed it. */
const SINGLE_OTHER_ROWS: readonly ApplicationRow[] = [row('other-processing', RESULTS, OTHER)];

const TAIL_ROWS: readonly ApplicationRow[] = [
  row('results-total', RESULTS, '（七）总计', false),
  row('carried-forward', null, '四、结转下年度继续办理', false),
];

/** The （六） sub-rows that the single-row layout folds into （六）其他处理. */
export const SPLIT_OTHER_ROW_KEYS: readonly OutcomeRowKey[] = ['other-no-correction', 'other-fee-unpaid', 'other'];

/** The data rows of table 三 in printed order: 25 in the `split` layout, 23 in the `single` one. */
export function applicationRows(layout: OtherRowsLayout): readonly ApplicationRow[] {
  return [...HEAD_ROWS, ...(layout === 'split' ? SPLIT_OTHER_ROWS : SINGLE_OTHER_ROWS), ...TAIL_ROWS];
}

/** The outcome rows (三（一）–（六）) of a layout, whose sum is （七）总计 (R3). */
export function outcomeRowsOf(layout: OtherRowsLayout): readonly ApplicationRow[] {
  return applicationRows(layout).filter((r) => r.isOutcome);
}

// ---------------------------------------------------------------- table 四 (条例 Art. 50 item 三)

/** Caption of table 四. */
export const REVIEW_TABLE_CAPTION = '四、政府信息公开行政复议、行政诉讼情况';

/** The three groups of table 四 (issue 4's review kinds). */
export const REVIEW_KINDS = ['reconsideration', 'litigation-direct', 'litigation-after-reconsideration'] as const;

/** One review kind: 行政复议, 未经复议直接起诉, 复议后起诉. */
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** The five columns of every group; `pending` is 尚未审结. */
export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** One column of a table 四 group. */
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];

/** Official labels of the group columns. */
export const REVIEW_COLUMN_LABELS: Readonly<Record<ReviewColumn, string>> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** The header chain of each group, from the top header row down. */
export const REVIEW_GROUP_PATHS: Readonly<Record<ReviewKind, readonly string[]>> = {
  reconsideration: ['行政复议'],
  'litigation-direct': ['行政诉讼', '未经复议直接起诉'],
  'litigation-after-reconsideration': ['行政诉讼', '复议后起诉'],
};

/** The 15 JSON column labels of table 四: the header chain joined by `/`, because 结果维持 etc. repeat (§7). */
export const REVIEW_TABLE_COLUMNS: readonly string[] = REVIEW_KINDS.flatMap((kind) =>
  REVIEW_COLUMNS.map((column) => [...REVIEW_GROUP_PATHS[kind], REVIEW_COLUMN_LABELS[column]].join('/')),
);

/** The three printed header rows of table 四. */
export const REVIEW_HEADER: readonly (readonly HeaderCell[])[] = [
  [
    { text: '行政复议', colspan: 5, rowspan: 1 },
    { text: '行政诉讼', colspan: 10, rowspan: 1 },
  ],
  [
    ...REVIEW_COLUMNS.map((c) => ({ text: REVIEW_COLUMN_LABELS[c], colspan: 1, rowspan: 2 })),
    { text: '未经复议直接起诉', colspan: 5, rowspan: 1 },
    { text: '复议后起诉', colspan: 5, rowspan: 1 },
  ],
  [...REVIEW_COLUMNS, ...REVIEW_COLUMNS].map((c) => ({ text: REVIEW_COLUMN_LABELS[c], colspan: 1, rowspan: 1 })),
];
