/**
 * Wrong or non-standard political expressions. A serious 表述错误 fails the whole site under 国办秘函〔2019〕19号
 * (REFERENCE.md §7.2), so the wrong forms are 确定; style guidance from 新华社《新闻报道中的禁用词》 is 提示.
 * Only unambiguous forms belong here: 中国共产党中央委员会 contains 共产党中央, so that is not a rule.
 */
import type { Severity } from '../finding.ts';
import type { PhraseRule } from '../phrase-rule.ts';

const rule = (phrase: string, suggestion: string, severity: Severity, more: Partial<PhraseRule> = {}): PhraseRule => ({
  phrase,
  suggestion,
  category: 'political',
  severity,
  ...more,
});

/** Wrong or non-standard political expressions (configurable: office rules may add or disable). */
export const POLITICAL_RULES: readonly PhraseRule[] = [
  rule('中华人民共合国', '中华人民共和国', '确定'),
  rule('中华人名共和国', '中华人民共和国', '确定'),
  rule('中国共产当', '中国共产党', '确定'),
  rule('特色社会注意', '特色社会主义', '确定'),
  rule('马克思列宁注意', '马克思列宁主义', '确定'),
  rule('毛泽东思相', '毛泽东思想', '确定'),
  rule('社会主义核心价值关', '社会主义核心价值观', '确定'),
  rule('习进平', '习近平', '确定', { message: '党和国家领导人姓名错误：应为“习近平”' }),
  rule('党的20大', '党的二十大', '确定'),
  rule('党的19大', '党的十九大', '确定'),
  rule('党的18大', '党的十八大', '确定'),
  rule('十八大依来', '十八大以来', '确定'),
  rule('台湾政府', '台湾当局', '确定', { message: '不使用“台湾政府”，应称“台湾当局”' }),
  rule('台湾总统', '台湾地区领导人', '确定', { message: '不使用“台湾总统”，应称“台湾地区领导人”' }),
  rule('北朝鲜', '朝鲜', '提示', { message: '称“朝鲜”，不称“北朝鲜”' }),
  rule('南朝鲜', '韩国', '提示', { message: '称“韩国”，不称“南朝鲜”' }),
  rule('两岸三地', '两岸暨香港、澳门', '提示', { message: '不使用“两岸三地”的说法' }),
];
