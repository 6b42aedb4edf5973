/**
 * Chinese messages for every refusal and field error of the 依申请公开 domain (STYLE.md §6: people see messages from
 * a table keyed by code, never `error.message`). The `Record` types make each table complete.
 */
import type { IntakeErrorCode, ReceiptDateRefusal } from './intake.ts';
import type { EventInputRefusal } from './request-events.ts';
import type { RequestRefusal } from './request-workflow.ts';
import type { ReviewRefusal } from './reviews.ts';

/** 条例 Art. 30–39: why an event was refused. */
export const REQUEST_REFUSAL_MESSAGES: Readonly<Record<RequestRefusal, string>> = {
  'not-allowed-in-state': '当前办理状态下不能进行该操作。',
  'event-before-receipt': '日期不能早于收到申请之日。',
  'event-before-previous': '日期不能早于上一个办理环节的日期。',
  'event-in-future': '日期不能晚于今天。',
  'correction-already-requested': '补正应一次性告知，本申请已告知过补正（条例第三十条）。',
  'correction-too-late': '已超过收到申请之日起7个工作日的补正告知期限（条例第三十条）。',
  'correction-items-required': '请列明需要补正的事项（条例第三十条）。',
  'correction-due-not-after-request': '补正期限应晚于告知补正之日。',
  'consultee-name-required': '请填写被征求意见的第三方或机关名称。',
  'extension-already-approved': '答复期限只能延长一次（条例第三十三条第二款）。',
  'extension-out-of-range': '延长的期限应为1至20个工作日（条例第三十三条第二款）。',
  'approver-required': '延期须经政府信息公开工作机构负责人同意，请填写批准人（条例第三十三条第二款）。',
  'fee-already-notified': '每件申请只能按件或按量一种标准收费一次（国办函〔2020〕109号）。',
  'fee-amount-invalid': '收费金额应为大于零的整数元。',
  'unknown-outcome': '请选择答复类型。',
  'outcome-only-by-abandonment': '逾期不补正、逾期未缴费的，应记录为“视为放弃申请”，而非答复。',
  'reason-required': '该答复类型须说明理由（条例第三十六条、第三十七条）。',
  'responsible-organ-required': '请告知负责公开该信息的行政机关名称和联系方式（条例第三十六条第（五）项）。',
  'where-to-find-required': '请告知获取该信息的方式和途径（条例第三十六条第（一）项）。',
  'no-correction-received': '未收到补正的申请，不能答复“补正后申请内容仍不明确”（条例第三十条）。',
  'correction-period-not-passed': '补正期限尚未届满，不能视为放弃申请（条例第三十条）。',
  'payment-period-not-passed': '缴费期限（收到收费通知次日起20个工作日）尚未届满，不能视为放弃申请。',
};

/** Why an API body is not an event. */
export const EVENT_INPUT_MESSAGES: Readonly<Record<EventInputRefusal, string>> = {
  'not-an-object': '请求内容格式不正确。',
  'unknown-event-type': '不支持的办理环节类型。',
  'invalid-date': '日期格式应为YYYY-MM-DD的有效日期。',
  'invalid-field': '字段格式不正确。',
};

/** 条例 Art. 29: field errors of the application form. */
export const INTAKE_MESSAGES: Readonly<Record<IntakeErrorCode, string>> = {
  required: '此项为必填项。',
  'too-long': '内容过长。',
  'invalid-choice': '请从列表中选择。',
  'phone-format': '请填写有效的手机号码或带区号的固定电话。',
  'email-format': '请填写有效的电子邮箱。',
  'id-number-format': '身份证号码应为18位。',
  'id-number-birth-date': '身份证号码中的出生日期无效。',
  'id-number-check-digit': '身份证号码校验位不正确，请核对。',
  'credit-code-format': '统一社会信用代码应为18位数字或大写字母。',
  'credit-code-check-digit': '统一社会信用代码校验位不正确，请核对。',
  'address-required-for-post': '选择邮寄的，请填写通信地址。',
  'email-required-for-email': '选择电子邮件获取的，请填写电子邮箱。',
  'description-too-long': '所需信息的描述不超过2000字。',
};

/** 条例 Art. 31: why no receipt date could be fixed. */
export const RECEIPT_DATE_MESSAGES: Readonly<Record<ReceiptDateRefusal, string>> = {
  'letter-kind-required': '请选择信函是否需要签收（条例第三十一条第（二）项）。',
  'receipt-date-required': '请填写提交、签收或确认之日（条例第三十一条）。',
  'invalid-date': '日期格式应为YYYY-MM-DD的有效日期。',
  'receipt-date-in-future': '收到申请之日不能晚于今天。',
  'confirmed-before-arrival': '确认之日不能早于申请到达之日。',
};

/** 条例 Art. 51: why a review record was refused. */
export const REVIEW_MESSAGES: Readonly<Record<ReviewRefusal, string>> = {
  'not-an-object': '请求内容格式不正确。',
  'invalid-kind': '请选择行政复议或行政诉讼类型。',
  'invalid-result': '请选择结果：维持、纠正、其他或尚未审结。',
  'invalid-date': '日期格式应为YYYY-MM-DD的有效日期。',
  'filed-in-future': '申请或起诉日期不能晚于今天。',
  'decided-in-future': '审结日期不能晚于今天。',
  'decided-before-filed': '审结日期不能早于申请或起诉日期。',
  'decision-date-required': '已审结的，请填写审结日期。',
  'pending-has-decision-date': '尚未审结的，不应填写审结日期。',
};
