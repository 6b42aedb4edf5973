/**
 * The 县科技局's 主动公开基本目录 (国办发〔2019〕54号; columns of REFERENCE.md §9.1), drawn from the duties of the
 * bureau's 2023 政务公开实施方案, plus the rows of 县政府办 that its own demo items use. `organKey` says whose row it is.
 */
import type { DemoOrganKey } from './demo-organisation.ts';

export type DemoBasisType = '法律' | '行政法规' | '规章' | '规范性文件' | '其他';
export type DemoChannel =
  | '政府网站' | '政府公报' | '两微一端' | '发布会/听证会' | '广播电视' | '纸质媒体' | '公开查阅点' | '政务服务中心'
  | '便民服务站' | '入户/现场' | '社区/企事业单位/村公示栏（电子屏）' | '精准推送' | '其他';

/** One row of the catalogue. */
export interface DemoCatalogueEntry {
  key: string;
  organKey: DemoOrganKey;
  level1: string;
  level2: string;
  content: string;
  basis: { type: DemoBasisType; title: string }[];
  timeLimitWorkingDays: number | null;
  timeLimitText: string;
  subject: string;
  channels: DemoChannel[];
  audience: ('全社会' | '特定群体')[];
  methods: ('主动' | '依申请')[];
  levels: ('县级' | '乡级')[];
}

const TIAOLI = '《中华人民共和国政府信息公开条例》';
const law = (title: string) => ({ type: '法律' as const, title });
const reg = (title: string) => ({ type: '行政法规' as const, title });
const rule = (title: string) => ({ type: '规章' as const, title });
const doc = (title: string) => ({ type: '规范性文件' as const, title });
const other = (title: string) => ({ type: '其他' as const, title });

const WD20 = '信息形成或者变更之日起20个工作日内';
const WEB: DemoChannel[] = ['政府网站'];
const OFFICE = '县科技局办公室';

type Row = Omit<DemoCatalogueEntry, 'organKey' | 'audience' | 'methods' | 'levels' | 'timeLimitWorkingDays' | 'timeLimitText'> &
  Partial<Pick<DemoCatalogueEntry, 'organKey' | 'audience' | 'methods' | 'levels' | 'timeLimitWorkingDays' | 'timeLimitText'>>;

/** Fills the columns most rows share: 县级, 全社会, 主动, 20 working days (条例第二十六条). */
const row = (r: Row): DemoCatalogueEntry => ({
  organKey: 'kjj',
  audience: ['全社会'],
  methods: ['主动'],
  levels: ['县级'],
  timeLimitWorkingDays: 20,
  timeLimitText: WD20,
  ...r,
});

export const DEMO_CATALOGUE_ENTRIES: readonly DemoCatalogueEntry[] = [
  row({ key: 'organisation-functions', level1: '机构职能', level2: '机构职能', content: '机关职能、内设机构、办公地址、办公时间、联系方式', basis: [law('《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》'), reg(`${TIAOLI}第二十条第（二）项`)], subject: OFFICE, channels: ['政府网站', '公开查阅点'] }),
  row({ key: 'organisation-leaders', level1: '机构职能', level2: '领导信息', content: '局领导姓名、职务、工作分工', basis: [reg(`${TIAOLI}第二十条第（二）项`)], subject: OFFICE, channels: WEB }),
  row({ key: 'power-list', level1: '权力清单和责任清单', level2: '权力清单和责任清单', content: '行政权力事项名称、职权类型、实施依据、实施主体、责任事项、追责情形、监督电话，动态调整情况', basis: [doc('中共中央办公厅、国务院办公厅《关于推行地方各级政府工作部门权力清单制度的指导意见》'), reg(`${TIAOLI}第二十条`)], subject: OFFICE, channels: ['政府网站', '政务服务中心'] }),
  row({ key: 'approval-catalogue', level1: '行政审批', level2: '行政审批事项目录', content: '行政审批事项名称、设定依据、审批条件、审批程序、审批期限、申请材料目录和申请书示范文本', basis: [law('《中华人民共和国行政许可法》第三十条'), reg(`${TIAOLI}第二十条第（五）项`)], subject: OFFICE, channels: ['政府网站', '政务服务中心'] }),
  row({ key: 'licensing-results', level1: '行政审批', level2: '行政许可办理结果', content: '许可事项、申请人（单位）、许可决定、决定日期、有效期', basis: [law('《中华人民共和国行政许可法》第四十条')], timeLimitWorkingDays: 7, timeLimitText: '作出行政许可决定之日起7个工作日内', subject: '县科技局办公室', channels: ['政府网站', '政务服务中心'], audience: ['全社会', '特定群体'] }),
  row({ key: 'random-inspection-list', level1: '事中事后监管', level2: '随机抽查事项清单', content: '抽查事项、抽查依据、抽查主体、抽查内容、抽查方式、抽查比例和频次', basis: [doc('《国务院办公厅关于推广随机抽查规范事中事后监管的通知》（国办发〔2015〕58号）')], subject: OFFICE, channels: WEB }),
  row({ key: 'random-inspection-results', level1: '事中事后监管', level2: '抽查情况及查处结果', content: '抽查计划、抽查对象、抽查结果、发现问题的处理情况', basis: [doc('《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）')], subject: OFFICE, channels: ['政府网站', '精准推送'] }),
  row({ key: 'ip-enforcement-rules', level1: '知识产权执法监管', level2: '执法依据和程序', content: '执法主体、执法人员、职责权限、执法依据、执法程序、救济渠道、执法流程图', basis: [law('《中华人民共和国专利法》'), doc('《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）')], subject: '县知识产权局', channels: ['政府网站', '公开查阅点'] }),
  row({ key: 'ip-penalties', level1: '知识产权执法监管', level2: '行政处罚决定', content: '行政处罚决定书文号、案件名称、违法主体、违法事实、处罚依据、处罚结果、作出决定的机关和日期', basis: [law('《中华人民共和国行政处罚法》第四十八条'), law('《中华人民共和国专利法》第六十八条')], timeLimitWorkingDays: 7, timeLimitText: '作出行政处罚决定之日起7个工作日内', subject: '县知识产权局', channels: ['政府网站'] }),
  row({ key: 'public-service-catalogue', level1: '政务服务', level2: '公共服务事项目录', content: '公共服务事项名称、服务对象、服务内容、承办科室', basis: [doc('《国务院关于加快推进“互联网+政务服务”工作的指导意见》（国发〔2016〕55号）')], subject: OFFICE, channels: ['政府网站', '政务服务中心'] }),
  row({ key: 'service-guides', level1: '政务服务', level2: '服务指南', content: '事项名称、设定依据、申请条件、办理材料、办理地点、办理机构、收费标准、办理时间、联系电话、办理流程', basis: [law('《中华人民共和国行政许可法》第三十条'), doc('《国务院关于加快推进“互联网+政务服务”工作的指导意见》（国发〔2016〕55号）')], subject: OFFICE, channels: ['政府网站', '政务服务中心', '两微一端'] }),
  row({ key: 'science-policies', level1: '科技政策', level2: '科技政策集中发布', content: '中央、省、市、县出台的重大科技政策文件汇编，政策原文及解读链接', basis: [law('《中华人民共和国科学技术进步法》'), reg(`${TIAOLI}第十九条`)], subject: '县科技局办公室（高新科、农业科、成果科、知识产权局配合）', channels: ['政府网站', '两微一端', '精准推送'] }),
  row({ key: 'normative-documents', level1: '政策文件', level2: '行政规范性文件', content: '以本机关名义制发的行政规范性文件全文，发文字号、成文日期、施行日期、有效期，修订和废止情况', basis: [reg(`${TIAOLI}第二十条第（一）项`), doc('《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）')], subject: OFFICE, channels: ['政府网站', '政府公报', '公开查阅点'] }),
  row({ key: 'other-documents', level1: '政策文件', level2: '其他文件', content: '以本机关名义制发的、需要公众知晓的其他文件', basis: [reg(`${TIAOLI}第十九条`)], subject: OFFICE, channels: WEB }),
  row({ key: 'policy-interpretation', level1: '政策解读', level2: '文字解读和图解', content: '政策出台背景、目标任务、主要内容、适用对象、新旧政策差异、执行标准和注意事项', basis: [doc('《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）')], timeLimitWorkingDays: 3, timeLimitText: '文件公开后3个工作日内', subject: '文件起草科室', channels: ['政府网站', '两微一端'] }),
  row({ key: 'leader-interpretation', level1: '政策解读', level2: '领导干部解读', content: '局负责人通过新闻发布会、访谈、发表文章等方式解读重要政策措施，每年不少于1次', basis: [doc('《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）')], timeLimitWorkingDays: null, timeLimitText: '政策发布后及时', subject: '县科技局主要负责人', channels: ['政府网站', '发布会/听证会', '广播电视'] }),
  row({ key: 'public-concern', level1: '回应关切', level2: '政务舆情回应', content: '涉及本机关的重要政务舆情、媒体关切的回应情况，事实真相、政策措施和处置结果', basis: [doc('《国务院办公厅关于在政务公开工作中进一步做好政务舆情回应的通知》（国办发〔2016〕61号）')], timeLimitWorkingDays: null, timeLimitText: '实时；特别重大、重大突发事件发生后24小时内举行新闻发布会', subject: OFFICE, channels: ['政府网站', '两微一端', '广播电视'] }),
  row({ key: 'press-conferences', level1: '回应关切', level2: '新闻发布会', content: '新闻发布会发布内容、发布人、答记者问实录', basis: [reg(`${TIAOLI}第二十三条`)], timeLimitWorkingDays: 3, timeLimitText: '发布会举行后3个工作日内', subject: OFFICE, channels: ['发布会/听证会', '政府网站', '广播电视'] }),
  row({ key: 'decision-drafts', level1: '重大决策预公开', level2: '决策草案征求意见', content: '决策草案、起草说明、决策依据，意见提出方式和期限（一般不少于30日）', basis: [reg('《重大行政决策程序暂行条例》第十五条')], timeLimitWorkingDays: null, timeLimitText: '决策作出前', subject: OFFICE, channels: ['政府网站', '纸质媒体'] }),
  row({ key: 'decision-feedback', level1: '重大决策预公开', level2: '意见收集和采纳情况', content: '意见收集情况、采纳情况和未予采纳的理由', basis: [reg('《重大行政决策程序暂行条例》第十八条、第三十二条')], subject: OFFICE, channels: WEB }),
  row({ key: 'policy-implementation', level1: '政策执行', level2: '政策执行和落实情况', content: '政府工作报告、发展规划和县委县政府部署的重点工作的执行措施、实施步骤、责任分工、进展和完成情况', basis: [doc('《中共中央办公厅 国务院办公厅关于全面推进政务公开工作的意见》')], subject: OFFICE, channels: WEB }),
  row({ key: 'supervision-rectification', level1: '政策执行', level2: '督查整改情况', content: '督查发现的问题、整改落实情况和奖惩情况', basis: [doc('《中共中央办公厅 国务院办公厅关于全面推进政务公开工作的意见》')], subject: OFFICE, channels: WEB }),
  row({ key: 'department-budget', level1: '财政预决算', level2: '部门预算', content: '部门职责、机构设置、部门预算收支总表等报表（支出按功能分类公开到项级科目）、“三公”经费和机关运行经费安排说明', basis: [law('《中华人民共和国预算法》第十四条'), reg('《中华人民共和国预算法实施条例》第六条')], timeLimitWorkingDays: null, timeLimitText: '部门预算批复后20日内', subject: '县科技局财务科', channels: WEB }),
  row({ key: 'department-final-accounts', level1: '财政预决算', level2: '部门决算', content: '部门决算收支报表（支出按功能分类公开到项级科目）、“三公”经费和机关运行经费使用说明、绩效评价情况', basis: [law('《中华人民共和国预算法》第十四条'), reg('《中华人民共和国预算法实施条例》第六条')], timeLimitWorkingDays: null, timeLimitText: '部门决算批复后20日内', subject: '县科技局财务科', channels: WEB }),
  row({ key: 'science-projects', level1: '科技项目', level2: '项目申报、立项和验收', content: '项目申报通知、立项名单公示、验收结果公示，申报条件、评审程序和结果', basis: [law('《中华人民共和国科学技术进步法》'), doc('《国务院关于改进加强中央财政科研项目和资金管理的若干意见》（国发〔2014〕11号）')], subject: '县科技局高新科、农业科', channels: ['政府网站', '精准推送'], audience: ['全社会', '特定群体'], methods: ['主动', '依申请'] }),
  row({ key: 'science-funds', level1: '科技项目', level2: '科技项目资金安排', content: '资金名称、项目承担单位、资助金额、资金用途和绩效目标', basis: [law('《中华人民共和国预算法》'), doc('《国务院关于优化科研管理提升科研绩效若干措施的通知》（国发〔2018〕25号）')], subject: '县科技局财务科', channels: WEB, methods: ['主动', '依申请'] }),
  row({ key: 'science-awards', level1: '科技奖励', level2: '科学技术奖励', content: '拟奖项目和完成人公示、异议处理、奖励决定', basis: [reg('《国家科学技术奖励条例》'), law('《中华人民共和国科学技术进步法》')], subject: '县科技局成果科', channels: ['政府网站', '纸质媒体'] }),
  row({ key: 'high-tech-enterprises', level1: '高新技术企业', level2: '认定申报和结果', content: '认定申报通知、申报条件、推荐企业名单和认定结果', basis: [doc('《高新技术企业认定管理办法》（国科发火〔2016〕32号）')], subject: '县科技局高新科', channels: ['政府网站', '精准推送'], audience: ['全社会', '特定群体'] }),
  row({ key: 'science-commissioners', level1: '科技服务', level2: '科技特派员', content: '科技特派员选派名单、服务对象、服务成效', basis: [doc('《国务院办公厅关于深入推行科技特派员制度的若干意见》（国办发〔2016〕32号）')], subject: '县科技局农业科', channels: ['政府网站', '社区/企事业单位/村公示栏（电子屏）'], levels: ['县级', '乡级'] }),
  row({ key: 'work-news', level1: '工作动态', level2: '工作动态', content: '本机关重要会议、重点工作、重要活动的开展情况', basis: [reg(`${TIAOLI}第十九条`)], timeLimitWorkingDays: 5, timeLimitText: '活动结束后5个工作日内', subject: OFFICE, channels: ['政府网站', '两微一端'] }),
  row({ key: 'plans', level1: '规划计划', level2: '发展规划和年度计划', content: '科技创新发展规划、专项规划、年度工作计划和总结', basis: [reg(`${TIAOLI}第二十条第（三）项`)], subject: OFFICE, channels: WEB }),
  row({ key: 'statistics', level1: '统计信息', level2: '科技统计', content: '研究与试验发展经费投入、高新技术产业、技术合同成交额等统计数据和分析', basis: [law('《中华人民共和国统计法》'), reg(`${TIAOLI}第二十条第（四）项`)], subject: '县科技局办公室', channels: WEB }),
  row({ key: 'personnel', level1: '人事信息', level2: '人事任免和招聘', content: '干部任前公示、直属事业单位公开招聘公告、拟聘用人员名单', basis: [rule('《事业单位公开招聘人员暂行规定》（人事部令第6号）')], subject: OFFICE, channels: WEB, audience: ['全社会', '特定群体'] }),
  row({ key: 'disclosure-guide', level1: '政府信息公开', level2: '政府信息公开指南', content: '信息分类和编排体系、获取方式、政府信息公开工作机构名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式', basis: [reg(`${TIAOLI}第十二条`)], subject: OFFICE, channels: ['政府网站', '公开查阅点'] }),
  row({ key: 'disclosure-rules', level1: '政府信息公开', level2: '政府信息公开制度', content: '主动公开、依申请公开、保密审查、公开属性源头认定等工作制度', basis: [reg(`${TIAOLI}第十七条`)], subject: OFFICE, channels: WEB }),
  row({ key: 'disclosure-annual-report', level1: '政府信息公开', level2: '政府信息公开工作年度报告', content: '按国家规定格式编制的上一年度政府信息公开工作年度报告', basis: [reg(`${TIAOLI}第四十九条、第五十条`), other('《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）')], timeLimitWorkingDays: null, timeLimitText: '每年1月31日前', subject: OFFICE, channels: ['政府网站', '公开查阅点'] }),
  row({ key: 'disclosure-work-plan', level1: '政府信息公开', level2: '政务公开工作要点和实施方案', content: '年度政务公开工作任务、责任分工和完成时限', basis: [other('国务院办公厅年度政务公开工作要点')], subject: OFFICE, channels: WEB }),
  row({ key: 'on-request-information', level1: '政府信息公开', level2: '依申请公开的政府信息', content: '涉及特定主体、不属于主动公开范围的政府信息，依申请提供', basis: [reg(`${TIAOLI}第二十七条`)], timeLimitWorkingDays: 20, timeLimitText: '收到申请之日起20个工作日内答复', subject: OFFICE, channels: ['其他'], audience: ['特定群体'], methods: ['依申请'] }),
  row({ key: 'county-disclosure-work', organKey: 'zfb', level1: '政务公开', level2: '政务公开工作部署和考核', content: '全县政务公开工作要点、考核办法、考核和第三方评估结果通报', basis: [reg(`${TIAOLI}第三条、第四十六条`)], subject: '县政府办公室（县政务公开办公室）', channels: ['政府网站', '政府公报'] }),
  row({ key: 'county-website-inspection', organKey: 'zfb', level1: '政务公开', level2: '政府网站和政务新媒体检查', content: '全县政府网站和政务新媒体季度检查情况通报', basis: [doc('《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）')], subject: '县政府办公室（县政务公开办公室）', channels: WEB }),
  row({ key: 'county-policy-interpretation', organKey: 'zfb', level1: '政策文件', level2: '政策解读', content: '县政府办公室制发的规范性文件的解读材料', basis: [doc('《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）')], timeLimitWorkingDays: 3, timeLimitText: '文件公开后3个工作日内', subject: '县政府办公室', channels: ['政府网站', '两微一端'] }),
  row({ key: 'county-normative-documents', organKey: 'zfb', level1: '政策文件', level2: '县政府办公室行政规范性文件', content: '以县政府办公室名义制发的行政规范性文件全文及修订、废止情况', basis: [reg(`${TIAOLI}第二十条第（一）项`)], subject: '县政府办公室', channels: ['政府网站', '政府公报'] }),
];
