/**
 * Doubled single characters that are slips (的的, 了了). Each lists the contexts where the pair is correct Chinese:
 * 目的的确定, 的的确确, 不了了之, 为了了解, 是是非非, 一是是否, 和和美美, 在在建项目.
 * Doubled words and doubled list items (标准化、标准化) are found by `detectors/repetition.ts`.
 */
import type { Severity } from '../finding.ts';
import type { PhraseRule } from '../phrase-rule.ts';

const rule = (phrase: string, suggestion: string, severity: Severity, more: Partial<PhraseRule> = {}): PhraseRule => ({
  phrase,
  suggestion,
  category: 'repetition',
  severity,
  ...more,
});

/** Doubled single characters, with the contexts where the doubling is correct. */
export const REPETITION_RULES: readonly PhraseRule[] = [
  rule('的的', '的', '确定', { notPrecededBy: ['目', '标', '端'], notFollowedBy: ['确'] }),
  rule('了了', '了', '确定', {
    notPrecededBy: ['不', '为', '除', '明', '一'],
    notFollowedBy: ['解', '之', '然', '结', '断', '却', '如'],
  }),
  rule('是是', '是', '疑似', { notFollowedBy: ['非', '否'] }),
  rule('和和', '和', '疑似', { notFollowedBy: ['谐', '睦', '气', '美', '平'] }),
  rule('在在', '在', '疑似', {
    notFollowedBy: ['建', '职', '岗', '线', '校', '编', '办', '用', '审', '押', '逃', '读', '研', '库', '册', '售', '途'],
  }),
];

/**
 * Words whose doubling is correct: ABAB verb reduplication (研究研究, 商量商量) and a noun followed by the same
 * verb (条例 Art. 20: 法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息). Words beginning with 一
 * (一步一步, 一个一个) are always allowed by the detector.
 */
export const ALLOWED_REPEATS: readonly string[] = [
  '研究', '讨论', '学习', '了解', '商量', '考虑', '检查', '休息', '活动', '交流', '介绍', '打扫', '锻炼', '比较',
  '体验', '琢磨', '收拾', '整理', '准备', '思考', '尝试', '沟通', '调查', '谢谢', '看看', '试试', '走走', '聊聊',
  '规定', '决定', '要求',
];
