/**
 * The default wording of each outcome's 告知书 (条例 Art. 36–39; 30; 42) and the placeholders an office may use when it
 * edits them. The receipt facts, the deadline facts, the legal basis and the remedies (行政复议, 行政诉讼) are added by
 * the generator to every notice, so an edited template can never drop them.
 */
import { OUTCOME_CODES, type OutcomeCode } from './domain/outcomes.ts';

/** Placeholders a template may contain, with what they stand for (shown on the template page). */
export const NOTICE_PLACEHOLDERS = {
  申请人: '申请人姓名或名称',
  收到日期: '收到申请之日',
  申请内容: '申请公开的政府信息（名称、文号或描述）',
  答复日期: '答复日期',
  理由: '答复时填写的理由',
  获取途径: '已主动公开信息的获取方式和途径',
  负责机关: '负责公开该信息的行政机关及联系方式',
  法律依据: '答复结果的法律依据',
  本机关: '本机关名称',
  受理编号: '申请受理编号',
} as const;

export type NoticePlaceholder = keyof typeof NOTICE_PLACEHOLDERS;

const WITHHELD = (what: string) => ({
  title: '政府信息不予公开告知书',
  body: `经审查，您申请获取的政府信息${what}。根据{法律依据}的规定，本机关决定不予公开。\n理由如下：{理由}`,
});

const NOT_PROCESSED = (what: string) => ({ title: '政府信息公开申请不予处理告知书', body: what });

/** The shipped wording, used until the office saves its own (foi_notice_templates). */
export const DEFAULT_NOTICE_TEMPLATES: Readonly<Record<OutcomeCode, { title: string; body: string }>> = {
  disclosed: { title: '政府信息公开告知书', body: '经审查，您申请获取的政府信息属于可以公开的政府信息。根据{法律依据}的规定，现将该政府信息提供给您，请查收。' },
  'disclosed-already-public': { title: '政府信息公开告知书', body: '经审查，您申请获取的政府信息已经主动公开。根据{法律依据}的规定，现告知您获取该政府信息的方式和途径：{获取途径}。' },
  'partially-disclosed': {
    title: '政府信息部分公开告知书',
    body: '经审查，您申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理。根据{法律依据}的规定，现向您提供可以公开的内容。\n对不予公开的内容，理由如下：{理由}',
  },
  'withheld-state-secret': WITHHELD('属于国家秘密'),
  'withheld-law-prohibited': WITHHELD('属于法律、行政法规禁止公开的政府信息'),
  'withheld-security-stability': WITHHELD('公开后可能危及国家安全、公共安全、经济安全、社会稳定'),
  'withheld-third-party': WITHHELD('涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容'),
  'withheld-internal-affairs': WITHHELD('属于人事管理、后勤管理、内部工作流程等内部事务信息'),
  'withheld-process-information': WITHHELD('属于讨论记录、过程稿、磋商信函、请示报告等过程性信息'),
  'withheld-enforcement-file': WITHHELD('属于行政执法案卷信息'),
  'withheld-administrative-query': WITHHELD('属于行政查询事项'),
  'unavailable-not-held': { title: '政府信息不存在告知书', body: '经检索，本机关没有您申请公开的政府信息。根据{法律依据}的规定，现告知您该政府信息不存在。' },
  'unavailable-not-responsible': {
    title: '非本机关负责公开告知书',
    body: '经审查，您申请获取的政府信息不属于本机关负责公开。根据{法律依据}的规定，现告知如下：{理由}\n负责公开该政府信息的行政机关：{负责机关}。',
  },
  'unavailable-needs-creation': { title: '政府信息公开申请答复告知书', body: '经审查，您申请获取的信息需要本机关对现有政府信息进行加工、分析方能形成。根据{法律依据}的规定，本机关不予提供。' },
  'unavailable-unclear-after-correction': { title: '政府信息公开申请答复告知书', body: '本机关已告知您补正申请，但补正后申请内容仍不明确，无法确定您所需的政府信息。根据{法律依据}的规定，本机关无法提供。' },
  'not-processed-petition': NOT_PROCESSED('经审查，您以政府信息公开申请的形式提出的是信访、投诉、举报等事项。根据{法律依据}的规定，本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等相应渠道提出。'),
  'not-processed-repeat': NOT_PROCESSED('经查，本机关已就您此前提出的申请公开相同政府信息的申请作出答复。根据{法律依据}的规定，本机关不予重复处理。'),
  'not-processed-publication': NOT_PROCESSED('经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。根据{法律依据}的规定，现告知您获取的途径：{获取途径}。'),
  'not-processed-excessive': NOT_PROCESSED('您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，本机关认为申请理由不合理。根据{法律依据}的规定，本机关不予处理。\n理由如下：{理由}'),
  'not-processed-confirmation': NOT_PROCESSED('经审查，您的申请是要求本机关确认或者重新出具您已获取的信息，不属于申请公开政府信息，本机关不予处理。'),
  'other-no-correction': { title: '政府信息公开申请终止处理告知书', body: '本机关已一次性告知您补正申请，您无正当理由逾期未补正。根据{法律依据}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。' },
  'other-fee-unpaid': { title: '政府信息公开申请终止处理告知书', body: '本机关已向您发出收费通知，您逾期未按收费通知要求缴纳信息处理费。根据{法律依据}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。' },
  'other-special-law-channel': { title: '政府信息公开申请答复告知书', body: '经审查，您申请获取的信息，有关法律、行政法规对信息的获取有特别规定。根据{法律依据}的规定，请您依照有关法律、行政法规的规定办理。\n说明：{理由}' },
  other: { title: '政府信息公开申请答复告知书', body: '关于您的申请，本机关答复如下：{理由}' },
};

/** Placeholders used in `text` that are not defined (a template with any is refused on save). */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !(n in NOTICE_PLACEHOLDERS)))];
}

/** Fills `{名称}` placeholders; an empty value leaves `（未填写）`, so a gap shows in the draft instead of vanishing. */
export function fillPlaceholders(text: string, values: Partial<Record<NoticePlaceholder, string>>): string {
  return text.replace(/\{([^{}]*)\}/g, (whole, name: string) => (name in NOTICE_PLACEHOLDERS ? values[name as NoticePlaceholder] || '（未填写）' : whole));
}

export const NOTICE_OUTCOMES: readonly OutcomeCode[] = OUTCOME_CODES;
