/**
 * The Chinese text people see for every error code and refusal reason of the catalogue domain (STYLE.md §6:
 * messages come from a table keyed by code, never from `error.message`). The key type is the union of every
 * code the domain can return, so a new code without a message does not compile.
 */
import type { DisclosureErrorCode } from './disclosure.ts';
import type { DocumentNumberProblem } from './document-number.ts';
import type { GenreRefusal } from './genres.ts';
import type { IndexNumberProblem, IndexPatternProblem } from './index-number.ts';
import type { ItemFieldErrorCode } from './item.ts';
import type { ItemTransitionRefusal } from './item-workflow.ts';
import { PUBLICATION_GATE_MESSAGES, type PublicationGateCode } from './publication-gate.ts';
import type { TopicRefusal } from './topics.ts';
import type { ItemLinkRefusal, ValidityRefusal } from './validity.ts';

/** Every code the catalogue domain can return. */
export type CatalogueMessageCode =
  | ItemFieldErrorCode
  | DisclosureErrorCode
  | DocumentNumberProblem
  | ItemTransitionRefusal
  | IndexPatternProblem
  | IndexNumberProblem
  | TopicRefusal
  | GenreRefusal
  | ValidityRefusal
  | ItemLinkRefusal
  | PublicationGateCode;

/** Code → message shown to officers and API clients. */
export const CATALOGUE_MESSAGES: Record<CatalogueMessageCode, string> = {
  // Fields
  required: '此项为必填项。',
  'too-long': '内容超过长度上限。',
  'control-characters': '不能包含换行、制表符等控制字符或不可见的方向控制字符。',
  'invalid-date': '日期无效，请按“年-月-日”填写，例如 2026-03-02。',
  'date-in-future': '日期不能晚于今天。',
  'date-before-written': '日期不能早于成文日期。',
  'date-before-effective': '失效或废止日期不能早于生效日期。',
  'unknown-topic': '主题分类不存在，请从主题分类表中选择。',
  ambiguous: '该主题分类名称对应多个分类，请使用“一级分类/二级分类”的写法。',
  'unknown-genre': '体裁不存在，请从体裁列表中选择。',
  'duplicate-joint-issuer': '联合发文机构重复。',
  'lead-issuer-as-joint-issuer': '发布机构（牵头机关）不应同时列为联合发文机构。',
  'unknown-validity': '有效性只能是“有效”“失效”或“废止”。',
  'validity-date-not-allowed': '只有失效或废止的文件才填写失效/废止日期。',
  // 公开属性 (条例第十三条至第十六条)
  'unknown-disclosure-attribute': '公开属性只能是“主动公开”“依申请公开”或“不予公开”。',
  'unknown-exemption-basis': '不予公开理由须从条例第十四条、第十五条、第十六条规定的情形中选择。',
  'exemption-not-allowed': '只有“不予公开”的信息才填写不予公开理由。',
  'on-request-reason-not-allowed': '只有“依申请公开”的信息才填写依申请公开理由。',
  // 发文字号 (GB/T 9704-2012 第7.2.4条)
  'contains-whitespace': '发文字号中不应有空格。',
  malformed: '发文字号格式不正确，应为“机关代字〔年份〕序号号”，例如 县科技发〔2023〕12号。',
  'missing-issuer-code': '发文字号缺少机关代字，例如“县科技发”。',
  'wrong-brackets': '发文字号的年份应使用六角括号“〔〕”，不能使用 [ ]、( )、（ ）、【 】等括号。',
  'year-not-full': '发文字号中的年份应标全称，例如 2023，不能写作 23。',
  'missing-suffix': '发文字号应以“号”字结尾。',
  'ordinal-prefix': '发文顺序号前不加“第”字。',
  'invalid-serial': '发文顺序号应为正整数（阿拉伯数字）。',
  'leading-zero': '发文顺序号不编虚位，例如 1 不编为 01。',
  'year-mismatch': '发文字号中的年份应与成文日期的年份一致。',
  // 发布流程
  'not-allowed-in-state': '当前状态下不能进行此操作。',
  'not-proactive': '只有主动公开的政府信息才能发布；依申请公开、不予公开的信息不得发布。',
  'reason-required': '请填写理由。',
  'review-note-required': '审核通过前须填写保密审查意见（条例第十七条）。',
  'publish-time-required': '请填写定时发布的时间。',
  'publish-time-in-past': '定时发布时间必须晚于当前时间。',
  'never-published': '该信息尚未发布，无需撤回；不需要的草稿可保留不发布。',
  // 索引号
  'unbalanced-braces': '索引号规则中的花括号不配对。',
  'unknown-placeholder': '索引号规则含有不支持的占位符；可用 {机构代码}、{YYYY}、{YYYYMM}、{serial:N}。',
  'invalid-serial-width': '流水号位数应写作 {serial:N}，N 为 1 至 9。',
  'duplicate-serial': '索引号规则只能包含一个流水号 {serial:N}。',
  'missing-serial': '索引号规则必须包含流水号 {serial:N}。',
  'missing-period': '索引号规则必须包含年份 {YYYY} 或年月 {YYYYMM}，否则流水号无法按期重新编排。',
  'invalid-organ-code': '机构代码只能由数字、字母和连字符组成，例如统一社会信用代码。',
  'serial-overflow': '本期流水号已超出索引号规则规定的位数。',
  // 有效性与关联
  'date-required': '失效或废止的文件须填写失效/废止日期。',
  'repealed-is-final': '已废止的文件不能恢复为有效或改为失效；如需继续适用，应重新制发文件。',
  'link-item-required': '请选择要关联的信息。',
  'self-link': '信息不能修订或废止自身。',
  'duplicate-link': '这两条信息之间已有修订或废止关联。',
  'link-cycle': '该关联会形成循环（被修订或废止的文件不能反过来修订或废止新文件）。',
  // 发布前检查（issue 6）
  ...PUBLICATION_GATE_MESSAGES,
};
