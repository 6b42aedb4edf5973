/** The phrase lists, rule by rule: each wrong form is found, and the correct Chinese around it is not. */
import { describe, expect, it } from 'vitest';
import { checkText } from './check-text.ts';
import type { PhraseCategory } from './finding.ts';
import { DEFAULT_RULE_SET } from './rule-set.ts';

const phraseFindings = (text: string, category: PhraseCategory) =>
  checkText(text, DEFAULT_RULE_SET).filter((f) => f.category === category).map((f) => [f.text, f.suggestion]);

describe('conversion artifacts', () => {
  it.each([
    ['加强管理效劳公开', '效劳', '服务'],
    ['公开行政审批事工程录', '事工程录', '事项目录'],
    ['围绕政府工作报告、开展规划以及重要会议', '开展规划', '发展规划'],
    ['编制科技开展规划编制说明', '开展规划', '发展规划'],
    ['助力深化改革、经济开展、民生改善', '经济开展', '经济发展'],
    ['推动县域经济社会开展。', '经济社会开展', '经济社会发展'],
    ['并及时反响意见收集情况', '反响意见', '反馈意见'],
    ['快速反响、及时发声', '快速反响', '快速反应'],
    ['推进政府信息主动公开根本目录建设', '根本目录', '基本目录'],
    ['起草重要政策、标准性文件前', '标准性文件', '规范性文件'],
    ['进一步标准权力清单和责任清单公开', '标准权力清单', '规范权力清单'],
    ['围绕标准事中事后监管', '标准事中事后监管', '规范事中事后监管'],
    ['标准依申请公开工作', '标准依申请公开', '规范依申请公开'],
    ['“互联网+政务服务〞工作', '〞', '”'],
    ['深入开展〝科技下乡”活动', '〝', '“'],
    ['完善科普根底设施', '根底设施', '基础设施'],
    ['切实做好平安生产工作', '平安生产', '安全生产'],
    ['树立健全工作机制', '树立健全', '建立健全'],
    ['进一步进步申报质量', '进一步进步', '进一步提高'],
    ['将办理结果及时反响给企业', '反响给', '反馈给'],
    ['推动全县科技事业高质量开展。', '高质量开展', '高质量发展'],
    ['县开展和改革局', '开展和改革', '发展和改革'],
  ])('%s: %s → %s', (text, wrong, right) => {
    expect(phraseFindings(text, 'conversion')).toEqual([[wrong, right]]);
  });

  it.each([
    ['分级分层开展培训'],
    ['逐步推行行政审批标准化'],
    ['积极开展政务公开工作'],
    ['活动反响强烈，社会反响良好'],
    ['上半年开展规划编制前期调研，下半年开展规划实施情况中期评估'],
    ['围绕数字经济开展专题调研'],
    ['在全社会开展规划宣传'],
    ['坚持以人民为中心的根本立场，这是根本原则和根本制度'],
    ['参与制定国家标准2项，执法监管的依据、内容、标准、程序和结果全部公开'],
    ['甘愿为人民效劳'],
    ['积极参与平安建设'],
    ['高质量开展科技特派员工作'],
    ['对征集到的反馈意见建立快速反应机制，服务经济社会发展大局'],
    ['推动产业发展规划落地'],
  ])('%s: nothing', (text) => {
    expect(phraseFindings(text, 'conversion')).toEqual([]);
  });
});

describe('common 错别字', () => {
  it.each([
    ['截止目前，全县共有高新技术企业46家', '截止目前', '截至目前'],
    ['截止2023年底，全县共建成研发平台21个', '截止', '截至'],
    ['对申请应当即使答复', '即使', '及时'],
    ['属于主动公开范围的，要即使公开', '即使', '及时'],
    ['认真按排各项工作', '按排', '安排'],
    ['研究布署下一步工作', '布署', '部署'],
    ['咨询请拔打0371-12345678', '拔打', '拨打'],
    ['进一步规范权利清单和责任清单公开', '权利清单', '权力清单'],
    ['希望大家再接再励', '再接再励', '再接再厉'],
  ])('%s: %s → %s', (text, wrong, right) => {
    expect(phraseFindings(text, 'typo')).toEqual([[wrong, right]]);
  });

  it.each([
    ['即使公开了申报结果，仍有企业不清楚流程'],
    ['获奖项目按排名先后确定奖励等次'],
    ['申报截止日期为5月20日'],
    ['申报于2023年5月20日截止'],
    ['依法保障公民的知情权利'],
  ])('%s: nothing', (text) => {
    expect(phraseFindings(text, 'typo')).toEqual([]);
  });
});

describe('doubled single characters', () => {
  it.each([
    ['为农户提供精准的的技术服务', '的的', '的'],
    ['各乡镇完成了了数据填报', '了了', '了'],
    ['这个问题是是必须解决的', '是是', '是'],
  ])('%s: %s → %s', (text, wrong, right) => {
    expect(phraseFindings(text, 'repetition')).toEqual([[wrong, right]]);
  });

  it.each([
    ['人人参与，常常抓，走走看看，天天泡在田间，村村通，家家户户'],
    ['决不能不了了之；为了了解需求；除了了解情况'],
    ['调查目的的确定经过讨论；的的确确做到了问需于企；合同标的的金额'],
    ['一是是否建立制度；不论是是非非'],
    ['促进人与自然和和美美'],
    ['在在建项目中推广新技术'],
    ['对领导干部要研究研究、马上就办；要一步一步推进，一点一点积累'],
  ])('%s: nothing', (text) => {
    expect(checkText(text, DEFAULT_RULE_SET).filter((f) => f.category === 'repetition')).toEqual([]);
  });
});

describe('political expressions', () => {
  it.each([
    ['根据《中华人民共合国政府信息公开条例》', '中华人民共合国', '中华人民共和国'],
    ['学习贯彻习近平新时代中国特色社会注意思想', '特色社会注意', '特色社会主义'],
    ['全面贯彻党的20大精神', '党的20大', '党的二十大'],
    ['集中学习了中国共产当党章', '中国共产当', '中国共产党'],
    ['十八大依来，我县科技事业取得长足进步', '十八大依来', '十八大以来'],
    ['积极参与两岸三地科技交流', '两岸三地', '两岸暨香港、澳门'],
  ])('%s: %s → %s', (text, wrong, right) => {
    expect(phraseFindings(text, 'political')).toEqual([[wrong, right]]);
  });

  it('leaves the correct forms alone', () => {
    const text = '党的十八大以来，在以习近平同志为核心的党中央坚强领导下，贯彻中国共产党中央委员会决策部署和党的二十大精神，依据《中华人民共和国政府信息公开条例》，践行社会主义核心价值观。';
    expect(checkText(text, DEFAULT_RULE_SET)).toEqual([]);
  });

  it('rates a wrong state name or leader name as 确定 and style advice as 提示', () => {
    const severities = checkText('中华人民共合国；习进平；北朝鲜', DEFAULT_RULE_SET).map((f) => [f.text, f.severity]);
    expect(severities).toEqual([['中华人民共合国', '确定'], ['习进平', '确定'], ['北朝鲜', '提示']]);
  });
});
