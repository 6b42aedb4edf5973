/** Common 错别字 in government texts, each a phrase that is wrong wherever it stands (or in the context given). */
import type { Severity } from '../finding.ts';
import type { PhraseRule } from '../phrase-rule.ts';

const rule = (phrase: string, suggestion: string, severity: Severity, more: Partial<PhraseRule> = {}): PhraseRule => ({
  phrase,
  suggestion,
  category: 'typo',
  severity,
  ...more,
});

/** 应当及时公开 typed as 应当即使公开: only between a modal and a disclosure verb (即使公开也… is correct). */
const MODALS: readonly string[] = ['应当', '应', '要', '并', '须', '必须', '务必', '予以'];
const DISCLOSURE_VERBS: readonly string[] = ['公开', '发布', '更新', '答复', '处理', '报送', '上报', '回应', '整改', '反馈', '告知'];

/** 错别字 that are wrong wherever they stand, or in the context given. */
export const TYPO_RULES: readonly PhraseRule[] = [
  rule('截止目前', '截至目前', '确定', { message: '“截至”表示到某时为止，“截止”表示停止：应为“截至目前”' }),
  rule('截止到目前', '截至目前', '疑似'),
  // 截止 takes no object (截止日期, 于5月20日截止); before a time it is 截至: 截止2023年底 → 截至2023年底.
  rule('截止', '截至', '确定', {
    followedBy: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '今年', '去年', '上年', '本年', '年底', '当前', '本月', '上月', '发稿', '目前'],
    message: '“截止”后不带时间宾语：表示到某时为止应为“截至”',
  }),
  rule('即使', '及时', '确定', { precededBy: MODALS, followedBy: DISCLOSURE_VERBS }),
  // 按排名先后, 按排列顺序 are correct.
  rule('按排', '安排', '确定', { notFollowedBy: ['名', '序', '列', '位', '班'] }),
  rule('布署', '部署', '确定'),
  rule('部暑', '部署', '确定'),
  rule('座落', '坐落', '确定'),
  rule('再接再励', '再接再厉', '确定'),
  rule('一如继往', '一如既往', '确定'),
  rule('既往不究', '既往不咎', '确定'),
  rule('编篡', '编纂', '确定'),
  rule('拔打', '拨打', '确定'),
  rule('贯切', '贯彻', '确定'),
  rule('峻工', '竣工', '确定'),
  rule('按装', '安装', '确定'),
  rule('振憾', '震撼', '确定'),
  rule('震憾', '震撼', '确定'),
  rule('防碍', '妨碍', '确定'),
  rule('一股作气', '一鼓作气', '确定'),
  rule('迫不急待', '迫不及待', '确定'),
  rule('墨守陈规', '墨守成规', '确定'),
  rule('不径而走', '不胫而走', '确定'),
  rule('各行其事', '各行其是', '确定'),
  rule('针贬时弊', '针砭时弊', '确定'),
  rule('粗制烂造', '粗制滥造', '确定'),
  rule('变本加利', '变本加厉', '确定'),
  rule('走头无路', '走投无路', '确定'),
  rule('出奇不意', '出其不意', '确定'),
  rule('鞠躬尽粹', '鞠躬尽瘁', '确定'),
  rule('披星带月', '披星戴月', '确定'),
  rule('权利清单', '权力清单', '确定', { followedBy: ['和责任清单', '、责任清单', '与责任清单'] }),
  rule('签定', '签订', '疑似'),
  rule('好象', '好像', '疑似'),
  rule('重迭', '重叠', '疑似'),
  // 《通用规范汉字表》 makes 账 the form for money matters; 帐 is for 蚊帐.
  rule('帐户', '账户', '提示'),
  rule('帐目', '账目', '提示'),
  rule('帐号', '账号', '提示'),
];
