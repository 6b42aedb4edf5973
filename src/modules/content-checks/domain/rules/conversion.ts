/**
 * Conversion artifacts: words a faulty Traditional→Simplified conversion or a synonym "rewriter" substitutes in
 * government texts (the seed plan 2023年县科技局政务公开实施方案 carries 效劳, 事工程录, 开展规划, 反响意见, 快速反响,
 * 根本目录, 标准性文件 and 〞). The substitutes are ordinary words (开展, 标准, 根本, 反响), so each rule is a
 * phrase whose context makes it wrong, never the bare word: 开展培训, 推行行政审批标准化 and 反响强烈 are correct.
 */
import type { Severity } from '../finding.ts';
import { PHRASE_END, type PhraseRule } from '../phrase-rule.ts';

const rule = (phrase: string, suggestion: string, severity: Severity, more: Partial<PhraseRule> = {}): PhraseRule => ({
  phrase,
  suggestion,
  category: 'conversion',
  severity,
  ...more,
});

/** Where 开展 stands for 发展 it ends a noun phrase: 经济开展、民生改善 → 经济发展. */
const DEVELOPMENT_NOUN_END: readonly string[] = [
  ...PHRASE_END,
  '和', '与', '及', '的', '水平', '质量', '战略', '目标', '态势', '大局', '动能', '环境', '方式', '成果', '需求', '规划', '局',
];

/** Nouns that name a 发展规划: 科技开展规划编制 is still 科技发展规划. */
const PLAN_OWNERS: readonly string[] = [
  '经济', '经济社会', '产业', '事业', '五年', '中长期', '长远', '总体', '科技', '十四五', '“十四五”', '行业', '区域', '县域', '城乡',
];

/** Conversion artifacts, each in the context that makes it wrong. */
export const CONVERSION_RULES: readonly PhraseRule[] = [
  // 服务 → 效劳. 为人民效劳 is literary but correct.
  rule('效劳', '服务', '确定', { notPrecededBy: ['为国', '为祖国', '为人民', '为国家', '为党', '乐于', '甘愿', '愿意'] }),
  // 事项目录 split as 事|项目|录, 项目 → 工程.
  rule('事工程录', '事项目录', '确定'),
  rule('开展规划', '发展规划', '确定', {
    followedBy: ['以及', '纲要', '确定', '提出', '要求', '目标', '任务', ...PHRASE_END, '和', '与', '及'],
  }),
  rule('开展规划', '发展规划', '疑似', { precededBy: PLAN_OWNERS }),
  rule('经济开展', '经济发展', '确定', { followedBy: DEVELOPMENT_NOUN_END }),
  rule('经济社会开展', '经济社会发展', '确定', { followedBy: DEVELOPMENT_NOUN_END }),
  rule('可持续开展', '可持续发展', '确定'),
  rule('开展和改革', '发展和改革', '确定'),
  rule('开展改革委', '发展改革委', '确定'),
  rule('开展改革局', '发展改革局', '确定'),
  rule('开展中国家', '发展中国家', '确定'),
  rule('新开展理念', '新发展理念', '确定'),
  rule('新开展格局', '新发展格局', '确定'),
  rule('驱动开展战略', '驱动发展战略', '确定'),
  rule('科学开展观', '科学发展观', '确定'),
  rule('安康开展', '健康发展', '确定'),
  rule('高质量开展', '高质量发展', '疑似', { followedBy: [...PHRASE_END, '和', '新', '之', '要求', '阶段', '道路', '水平'] }),
  // 反馈 / 反应 → 反响. 反响强烈, 社会反响 are correct.
  rule('反响意见', '反馈意见', '确定'),
  rule('快速反响', '快速反应', '确定'),
  rule('反响机制', '反馈机制', '疑似'),
  rule('信息反响', '信息反馈', '疑似'),
  rule('意见反响', '意见反馈', '疑似'),
  rule('反响渠道', '反馈渠道', '确定'),
  rule('反响给', '反馈给', '确定'),
  // 基本 → 根本. 根本原则, 根本宗旨, 根本制度 are correct.
  rule('根本目录', '基本目录', '确定'),
  rule('根本公共', '基本公共', '确定'),
  rule('根本医疗', '基本医疗', '确定'),
  rule('根本养老', '基本养老', '确定'),
  rule('根本农田', '基本农田', '确定'),
  rule('根本信息', '基本信息', '确定'),
  rule('根本要素', '基本要素', '确定'),
  rule('根本情况', '基本情况', '疑似'),
  rule('根本实现', '基本实现', '疑似'),
  rule('根本形成', '基本形成', '疑似'),
  rule('根本完成', '基本完成', '疑似'),
  // 规范 → 标准. 标准化, 国家标准, 执法标准 are correct.
  rule('标准性文件', '规范性文件', '确定'),
  rule('标准权力清单', '规范权力清单', '确定'),
  rule('标准权力运行', '规范权力运行', '确定'),
  rule('标准事中事后监管', '规范事中事后监管', '确定'),
  rule('标准依申请公开', '规范依申请公开', '确定'),
  rule('标准有序', '规范有序', '确定'),
  rule('标准行政行为', '规范行政行为', '疑似'),
  // 基础 → 根底.
  rule('根底设施', '基础设施', '确定'),
  rule('根底研究', '基础研究', '确定'),
  rule('根底数据', '基础数据', '确定'),
  rule('根底教育', '基础教育', '确定'),
  rule('根底性', '基础性', '确定'),
  rule('根底工作', '基础工作', '疑似'),
  // 安全 → 平安. 平安建设, 平安中国 are correct.
  rule('平安生产', '安全生产', '确定'),
  rule('食品平安', '食品安全', '确定'),
  rule('网络平安', '网络安全', '确定'),
  rule('信息平安', '信息安全', '确定'),
  rule('数据平安', '数据安全', '确定'),
  rule('消防平安', '消防安全', '确定'),
  rule('平安隐患', '安全隐患', '确定'),
  rule('平安监管', '安全监管', '疑似'),
  // 建立 → 树立, 认真 → 仔细, 巩固 → 稳固, 提高 → 进步.
  rule('树立健全', '建立健全', '确定'),
  rule('仔细贯彻', '认真贯彻', '确定'),
  rule('仔细履行', '认真履行', '确定'),
  rule('仔细落实', '认真落实', '疑似'),
  rule('稳固拓展', '巩固拓展', '确定'),
  rule('稳固脱贫', '巩固脱贫', '确定'),
  rule('进一步进步', '进一步提高', '确定'),
  rule('进步工作效率', '提高工作效率', '确定'),
  rule('进步效率', '提高效率', '疑似'),
  // Vertical-text quotation marks left by conversion: “互联网+政务服务〞.
  rule('〞', '”', '确定', { message: '引号错误：“〞”应为后引号“””' }),
  rule('〝', '“', '确定', { message: '引号错误：“〝”应为前引号“““' }),
];
