/**
 * The closed set of reply outcomes (条例 Art. 30, 35–39, 42), their 告知书 requirements, and the row of the annual
 * report's table 三 each one is counted under (REFERENCE.md §3.11 [U]; labels: ANNUAL-REPORT-FORMAT.md §4).
 * Row keys are those of the annual-report module's `OutcomeRowKey`, so its tallies take this mapping unchanged.
 */

import { OUTCOME_CODES, type OutcomeCode } from '../../../kernel/foi-outcomes.ts';

export { OUTCOME_CODES, type OutcomeCode };

/** Narrows untrusted input to an outcome code (条例 Art. 36: the reply is one of the listed kinds). */
export function isOutcomeCode(value: unknown): value is OutcomeCode {
  return typeof value === 'string' && (OUTCOME_CODES as readonly string[]).includes(value);
}

/** The rows of table 三 （一）–（六） in printed order, with their official labels (条例 Art. 50 item 二). */
export const ANNUAL_REPORT_APPLICATION_ROWS = [
  { key: 'disclosed', section: '三、本年度办理结果', label: '（一）予以公开' },
  { key: 'partially-disclosed', section: '三、本年度办理结果', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: 'withheld-state-secret', section: '（三）不予公开', label: '1.属于国家秘密' },
  { key: 'withheld-law-prohibited', section: '（三）不予公开', label: '2.其他法律行政法规禁止公开' },
  { key: 'withheld-security-stability', section: '（三）不予公开', label: '3.危及“三安全一稳定”' },
  { key: 'withheld-third-party', section: '（三）不予公开', label: '4.保护第三方合法权益' },
  { key: 'withheld-internal-affairs', section: '（三）不予公开', label: '5.属于三类内部事务信息' },
  { key: 'withheld-process-information', section: '（三）不予公开', label: '6.属于四类过程性信息' },
  { key: 'withheld-enforcement-file', section: '（三）不予公开', label: '7.属于行政执法案卷' },
  { key: 'withheld-administrative-query', section: '（三）不予公开', label: '8.属于行政查询事项' },
  { key: 'unavailable-not-held', section: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
  { key: 'unavailable-needs-creation', section: '（四）无法提供', label: '2.没有现成信息需要另行制作' },
  { key: 'unavailable-unclear-after-correction', section: '（四）无法提供', label: '3.补正后申请内容仍不明确' },
  { key: 'not-processed-petition', section: '（五）不予处理', label: '1.信访举报投诉类申请' },
  { key: 'not-processed-repeat', section: '（五）不予处理', label: '2.重复申请' },
  { key: 'not-processed-publication', section: '（五）不予处理', label: '3.要求提供公开出版物' },
  { key: 'not-processed-excessive', section: '（五）不予处理', label: '4.无正当理由大量反复申请' },
  { key: 'not-processed-confirmation', section: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息' },
  { key: 'other-no-correction', section: '（六）其他处理', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { key: 'other-fee-unpaid', section: '（六）其他处理', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { key: 'other', section: '（六）其他处理', label: '3.其他' },
] as const;

/** One outcome row of table 三. */
export type ApplicationRowKey = (typeof ANNUAL_REPORT_APPLICATION_ROWS)[number]['key'];

/** What an outcome is, why the law allows it, what its 告知书 must contain, and where the report counts it. */
export interface OutcomeDefinition {
  /** Chinese name shown to officers and in the 告知书 heading. */
  label: string;
  /** The 条例 provisions (or other source) the reply rests on. */
  legalBasis: string;
  row: ApplicationRowKey;
  /** Art. 36(三), 36(五), 37: the reply states its reasons. */
  requiresReason: boolean;
  /** Art. 36(五): the organ responsible for disclosing the information is named, with its contact. */
  requiresResponsibleOrgan: boolean;
  /** Art. 36(一): the applicant is told how and where to obtain the already published information. */
  requiresWhereToFind: boolean;
}

const define = (
  label: string,
  legalBasis: string,
  row: ApplicationRowKey,
  needs: { reason?: true; organ?: true; whereToFind?: true } = {},
): OutcomeDefinition => ({
  label,
  legalBasis,
  row,
  requiresReason: needs.reason === true,
  requiresResponsibleOrgan: needs.organ === true,
  requiresWhereToFind: needs.whereToFind === true,
});

const WITHHELD = '条例第三十六条第（三）项';

/** Every outcome's definition; the `Record` type makes the mapping total (REFERENCE.md §3.11 [U]). */
export const OUTCOMES: Readonly<Record<OutcomeCode, OutcomeDefinition>> = {
  disclosed: define('予以公开', '条例第三十六条第（二）项', 'disclosed'),
  'disclosed-already-public': define('已主动公开，告知获取方式和途径', '条例第三十六条第（一）项', 'disclosed', { whereToFind: true }),
  'partially-disclosed': define('部分公开', '条例第三十七条', 'partially-disclosed', { reason: true }),
  'withheld-state-secret': define('不予公开（属于国家秘密）', `条例第十四条、${WITHHELD}`, 'withheld-state-secret', { reason: true }),
  'withheld-law-prohibited': define('不予公开（其他法律行政法规禁止公开）', `条例第十四条、${WITHHELD}`, 'withheld-law-prohibited', { reason: true }),
  'withheld-security-stability': define('不予公开（危及“三安全一稳定”）', `条例第十四条、${WITHHELD}`, 'withheld-security-stability', { reason: true }),
  'withheld-third-party': define('不予公开（保护第三方合法权益）', `条例第十五条、第三十二条、${WITHHELD}`, 'withheld-third-party', { reason: true }),
  'withheld-internal-affairs': define('不予公开（属于内部事务信息）', `条例第十六条第一款、${WITHHELD}`, 'withheld-internal-affairs', { reason: true }),
  'withheld-process-information': define('不予公开（属于过程性信息）', `条例第十六条第二款、${WITHHELD}`, 'withheld-process-information', { reason: true }),
  'withheld-enforcement-file': define('不予公开（属于行政执法案卷信息）', `条例第十六条第二款、${WITHHELD}`, 'withheld-enforcement-file', { reason: true }),
  // "行政查询事项" is a reporting category with no ground in Art. 14–16 (REFERENCE.md §1.3 [U]).
  'withheld-administrative-query': define('不予公开（属于行政查询事项）', WITHHELD, 'withheld-administrative-query', { reason: true }),
  'unavailable-not-held': define('政府信息不存在', '条例第三十六条第（四）项', 'unavailable-not-held'),
  // Counted with 不掌握 "in common practice" (REFERENCE.md §3.11 [U]).
  'unavailable-not-responsible': define('不属于本机关负责公开', '条例第三十六条第（五）项', 'unavailable-not-held', { reason: true, organ: true }),
  'unavailable-needs-creation': define('需要另行制作（加工、分析）', '条例第三十八条', 'unavailable-needs-creation'),
  'unavailable-unclear-after-correction': define('补正后申请内容仍不明确', '条例第三十条', 'unavailable-unclear-after-correction'),
  'not-processed-petition': define('信访、投诉、举报类申请，不作为政府信息公开申请处理', '条例第三十九条第一款', 'not-processed-petition'),
  'not-processed-repeat': define('重复申请，不予重复处理', '条例第三十六条第（六）项', 'not-processed-repeat'),
  'not-processed-publication': define('要求提供公开出版物，告知获取途径', '条例第三十九条第二款', 'not-processed-publication'),
  'not-processed-excessive': define('无正当理由大量反复申请，不予处理', '条例第三十五条', 'not-processed-excessive', { reason: true }),
  // No article of the 条例 names this case; it is a table 三 category only [U].
  'not-processed-confirmation': define('要求确认或重新出具已获取信息，不予处理', '《政府信息公开工作年度报告》统计类别（条例未列明）', 'not-processed-confirmation'),
  'other-no-correction': define('逾期不补正，视为放弃申请', '条例第三十条', 'other-no-correction'),
  'other-fee-unpaid': define('逾期未缴纳信息处理费，视为放弃申请', '条例第四十二条、国办函〔2020〕109号', 'other-fee-unpaid'),
  'other-special-law-channel': define('依照有关法律、行政法规的规定办理', '条例第三十六条第（七）项', 'other', { reason: true }),
  other: define('其他处理', '条例第三十三条', 'other', { reason: true }),
};

/** Outcomes recorded by `abandoned`, never by `replied`: 视为放弃申请 (条例 Art. 30; 国办函〔2020〕109号). */
export const ABANDONMENT_OUTCOMES = ['other-no-correction', 'other-fee-unpaid'] as const satisfies readonly OutcomeCode[];

/** A withdrawn application counts under （六）3.其他 (issue 4; 条例 has no withdrawal article). */
export const WITHDRAWN_OUTCOME: OutcomeCode = 'other';

/** The table 三 row an outcome is counted under (条例 Art. 50 item 二; REFERENCE.md §3.11 [U]). */
export function applicationRowOf(outcome: OutcomeCode): ApplicationRowKey {
  return OUTCOMES[outcome].row;
}
