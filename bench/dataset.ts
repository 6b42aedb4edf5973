/**
 * A deterministic benchmark catalogue: N items of realistic county-government text (标题, 发文字号 with
 * 〔YYYY〕, several paragraphs of 政务 prose, 成文日期 2005–2026, 主题分类 and 体裁 from the app's defaults,
 * a share of items the public must never see), streamed to JSONL so that 1 000 000 items never sit in memory.
 *
 *   npx tsx bench/dataset.ts --items 100000 --seed 1 --out bench/.cache/dataset-s1-n100000.jsonl
 *
 * The same seed and N always give the same bytes (mulberry32 from src/seed/random.ts; nothing reads the clock).
 */
import { createWriteStream, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { creditCodeCheckChar, organisationCodeCheckChar } from '../src/seed/credit-code.ts';
import { Random } from '../src/seed/random.ts';
import { DEFAULT_GENRES } from '../src/modules/catalogue/domain/genres.ts';
import { DEFAULT_TOPICS, resolveTopic } from '../src/modules/catalogue/domain/topics.ts';
import type { DisclosureAttribute, ExemptionBasis } from '../src/modules/catalogue/domain/disclosure.ts';
import type { Validity } from '../src/modules/catalogue/domain/validity.ts';

/** One generated item, as a JSONL line. Organs are referred to by key (see BENCH_ORGANS). */
export interface BenchItem {
  n: number;
  organ: string;
  unit: string | null;
  title: string;
  documentNumber: string | null;
  writtenOn: string;
  /** Null for items that were never published. */
  publishedOn: string | null;
  topicCode: string;
  genreCode: string;
  summary: string;
  bodyHtml: string;
  disclosure: DisclosureAttribute;
  exemption: { basis: ExemptionBasis; reason: string } | null;
  onRequestReason: string | null;
  /** published and retracted items have an edition; the others are working copies only. */
  state: 'published' | 'retracted' | 'draft' | 'submitted' | 'approved';
  validity: Validity;
  validityEndedOn: string | null;
  effectiveOn: string | null;
  jointIssuers: string[];
  retractReason: string | null;
}

export interface BenchOrgan {
  key: string;
  name: string;
  shortName: string;
  code: string;
  docCode: string;
  units: string[];
  isMain: boolean;
}

/** The last 成文日期 and 发布日期 drawn (fixed, so the data never depends on the day it is generated). */
export const LAST_WRITTEN_ON = '2026-11-20';
export const LAST_PUBLISHED_ON = '2026-11-27';
const FIRST_YEAR = 2005;

/** A valid 统一社会信用代码 (GB 32100) for organ number k of the fictional county 331023. */
function creditCode(k: number): string {
  const body = `0026${String(57100 + k * 37).padStart(4, '0')}`.slice(0, 8);
  const first17 = `11331023${body}${organisationCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

const ORGAN_LIST: readonly Omit<BenchOrgan, 'code'>[] = [
  { key: 'kjj', name: '某县科学技术局', shortName: '县科技局', docCode: '县科技发', units: ['办公室', '高新科', '农业科', '成果科', '知识产权局'], isMain: true },
  { key: 'zfb', name: '某县人民政府办公室', shortName: '县政府办', docCode: '县政办发', units: ['办公室', '政务公开办公室', '督查室'], isMain: false },
  { key: 'fgj', name: '某县发展和改革局', shortName: '县发改局', docCode: '县发改发', units: ['办公室', '规划科', '价格科'], isMain: false },
  { key: 'czj', name: '某县财政局', shortName: '县财政局', docCode: '县财预', units: ['办公室', '预算科', '国库科'], isMain: false },
  { key: 'jyj', name: '某县教育局', shortName: '县教育局', docCode: '县教发', units: ['办公室', '基础教育科', '职成教科'], isMain: false },
  { key: 'nyj', name: '某县农业农村局', shortName: '县农业农村局', docCode: '县农发', units: ['办公室', '种植业科', '乡村振兴科'], isMain: false },
  { key: 'hbj', name: '某县生态环境分局', shortName: '县生态环境分局', docCode: '县环发', units: ['办公室', '环境监测站', '执法大队'], isMain: false },
  { key: 'scj', name: '某县市场监督管理局', shortName: '县市场监管局', docCode: '县市监发', units: ['办公室', '食品安全科', '质量科'], isMain: false },
  { key: 'yjj', name: '某县应急管理局', shortName: '县应急管理局', docCode: '县应急发', units: ['办公室', '安全生产科', '防灾减灾科'], isMain: false },
  { key: 'rsj', name: '某县人力资源和社会保障局', shortName: '县人力社保局', docCode: '县人社发', units: ['办公室', '就业科', '社保科'], isMain: false },
  { key: 'jsj', name: '某县住房和城乡建设局', shortName: '县住建局', docCode: '县建发', units: ['办公室', '住房保障科', '村镇建设科'], isMain: false },
  { key: 'wjj', name: '某县卫生健康局', shortName: '县卫健局', docCode: '县卫健发', units: ['办公室', '医政科', '疾控科'], isMain: false },
  { key: 'mzj', name: '某县民政局', shortName: '县民政局', docCode: '县民发', units: ['办公室', '社会救助科', '养老服务科'], isMain: false },
  { key: 'slj', name: '某县水利局', shortName: '县水利局', docCode: '县水发', units: ['办公室', '水旱灾害防御科', '河湖管理科'], isMain: false },
];

export const BENCH_ORGANS: readonly BenchOrgan[] = ORGAN_LIST.map((o, k) => ({ ...o, code: creditCode(k + 1) }));

/** A subject area of county work: its 主题分类, the organ that handles it and the words its documents use. */
interface Domain {
  topic: string;
  organ: string;
  field: string;
  works: readonly string[];
  lists: readonly string[];
  rules: readonly string[];
  metrics: readonly string[];
}

const DOMAINS: readonly Domain[] = [
  { topic: '科技、教育/科技', organ: 'kjj', field: '科技创新', works: ['高新技术企业认定', '科技型中小企业评价', '县级科技计划项目申报', '科技特派员选派', '科技成果转化', '研发费用加计扣除政策宣传', '科技活动周', '众创空间备案', '企业研发机构建设', '科技创新券兑付'], lists: ['高新技术企业认定推荐名单', '县级科技计划项目拟立项名单', '科技特派员名单', '县科学技术奖拟奖项目', '众创空间备案名单'], rules: ['县级科技计划项目管理办法', '科技创新券管理办法', '科技特派员管理办法', '县科学技术奖励办法'], metrics: ['全社会研发经费支出占地区生产总值比重', '高新技术产业增加值占规上工业增加值比重', '每万人发明专利拥有量'] },
  { topic: '科技、教育/知识产权', organ: 'kjj', field: '知识产权', works: ['知识产权宣传周', '专利侵权纠纷行政裁决', '知识产权质押融资', '商标品牌培育', '地理标志保护', '打击侵犯知识产权和制售假冒伪劣商品'], lists: ['知识产权示范企业名单', '专利资助拟资助名单'], rules: ['专利资助管理办法', '知识产权质押融资风险补偿办法'], metrics: ['每万人高价值发明专利拥有量', '知识产权质押融资金额'] },
  { topic: '综合政务/政务公开', organ: 'zfb', field: '政务公开', works: ['政务公开标准化规范化建设', '政府信息公开工作年度报告编制', '政府网站和政务新媒体检查', '政府开放日活动', '基层政务公开目录编制', '政策解读和回应关切'], lists: ['政府网站和政务新媒体检查情况', '政务公开工作考核结果'], rules: ['政府信息公开申请办理工作规范', '政府信息公开保密审查办法', '政策解读工作办法'], metrics: ['政府信息主动公开率', '依申请公开按期答复率'] },
  { topic: '综合政务/应急管理', organ: 'yjj', field: '应急管理', works: ['防汛防台', '森林防灭火', '突发事件应急演练', '应急物资储备', '地质灾害防治', '安全生产大检查'], lists: ['应急避难场所名单', '地质灾害隐患点名单'], rules: ['突发事件总体应急预案', '防汛防台应急预案', '森林火灾应急预案'], metrics: ['应急救援队伍覆盖率', '避灾安置场所覆盖率'] },
  { topic: '国民经济管理、国有资产监管/宏观经济', organ: 'fgj', field: '经济社会发展', works: ['国民经济和社会发展计划编制', '重大项目谋划', '优化营商环境', '民营经济发展', '投资项目审批制度改革', '社会信用体系建设'], lists: ['县重点建设项目名单', '重大产业项目名单'], rules: ['政府投资项目管理办法', '县重点建设项目管理办法'], metrics: ['地区生产总值增速', '固定资产投资增速', '社会消费品零售总额增速'] },
  { topic: '国民经济管理、国有资产监管/物价', organ: 'fgj', field: '价格管理', works: ['居民阶梯水价调整', '价格监测', '成本监审', '价格听证', '平价商店建设'], lists: ['价格监测点名单', '定价目录'], rules: ['定价目录', '价格听证办法'], metrics: ['居民消费价格涨幅'] },
  { topic: '财政、金融、审计/财政', organ: 'czj', field: '财政管理', works: ['部门预算编制', '预算绩效管理', '政府采购', '国库集中支付', '财政资金直达', '涉农资金统筹整合', '惠民惠农补贴发放'], lists: ['财政专项资金分配结果', '政府采购意向'], rules: ['预算绩效管理办法', '财政专项资金管理办法', '政府采购内部控制制度'], metrics: ['一般公共预算收入增速', '民生支出占比'] },
  { topic: '科技、教育/教育', organ: 'jyj', field: '教育事业', works: ['义务教育招生入学', '学前教育普及普惠', '教师招聘', '学生资助', '校园安全', '“双减”工作', '职业教育产教融合'], lists: ['义务教育学校招生范围', '学生资助名单', '教师招聘拟聘用人员名单'], rules: ['义务教育招生入学工作实施办法', '学生资助资金管理办法', '民办学校管理办法'], metrics: ['学前三年入园率', '义务教育巩固率', '高中阶段毛入学率'] },
  { topic: '农业、林业、水利/农业、畜牧业、渔业', organ: 'nyj', field: '现代农业', works: ['粮食生产', '高标准农田建设', '耕地地力保护补贴发放', '农作物病虫害防控', '畜禽养殖污染治理', '家庭农场培育', '农产品质量安全监管'], lists: ['耕地地力保护补贴发放名单', '示范性家庭农场名单', '农业龙头企业名单'], rules: ['农业产业化扶持办法', '高标准农田建设管理办法'], metrics: ['粮食播种面积', '农村居民人均可支配收入增速'] },
  { topic: '民政、扶贫、救灾/扶贫', organ: 'nyj', field: '乡村振兴', works: ['巩固拓展脱贫攻坚成果', '防止返贫动态监测和帮扶', '衔接推进乡村振兴补助资金', '和美乡村建设', '村级集体经济发展'], lists: ['衔接资金项目库', '乡村振兴示范村名单'], rules: ['衔接推进乡村振兴补助资金管理办法', '扶贫项目资产后续管理办法'], metrics: ['村级集体经济年经营性收入', '脱贫人口人均纯收入增速'] },
  { topic: '城乡建设、环境保护/环境监测、保护与治理', organ: 'hbj', field: '生态环境保护', works: ['大气污染防治', '水污染防治', '土壤污染防治', '建设项目环境影响评价审批', '中央生态环境保护督察反馈问题整改', '排污许可管理'], lists: ['重点排污单位名录', '环境影响评价文件拟批准名单'], rules: ['生态环境损害赔偿制度改革实施方案', '排污权有偿使用和交易办法'], metrics: ['空气质量优良天数比例', '地表水达到或好于Ⅲ类水体比例'] },
  { topic: '市场监管、安全生产监管/食品药品监管', organ: 'scj', field: '食品安全', works: ['食品安全监督抽检', '校园食品安全守护行动', '农村集体聚餐管理', '药品零售企业监督检查', '“你点我检”活动'], lists: ['食品安全监督抽检不合格产品', '食品生产许可名单'], rules: ['食品小作坊管理办法', '食品安全信用分级管理办法'], metrics: ['食品抽检合格率'] },
  { topic: '市场监管、安全生产监管/安全生产监管', organ: 'yjj', field: '安全生产', works: ['安全生产专项整治三年行动', '危险化学品安全监管', '有限空间作业专项整治', '安全生产执法检查', '重大事故隐患排查整治'], lists: ['安全生产失信惩戒对象名单', '安全生产标准化达标企业名单'], rules: ['安全生产约谈办法', '生产安全事故隐患举报奖励办法'], metrics: ['生产安全事故起数', '亿元地区生产总值生产安全事故死亡率'] },
  { topic: '劳动、人事、监察/劳动就业', organ: 'rsj', field: '就业创业', works: ['高校毕业生就业', '职业技能培训', '创业担保贷款', '根治欠薪', '公益性岗位开发'], lists: ['职业技能培训补贴发放名单', '公益性岗位人员名单', '创业担保贷款贴息名单'], rules: ['职业技能培训补贴管理办法', '创业担保贷款实施办法'], metrics: ['城镇新增就业人数', '城镇调查失业率'] },
  { topic: '劳动、人事、监察/社会保障', organ: 'rsj', field: '社会保障', works: ['城乡居民基本养老保险', '被征地农民参加基本养老保险', '工伤保险', '失业保险稳岗返还', '社会保障卡应用'], lists: ['失业保险稳岗返还企业名单', '城乡居民养老保险待遇领取人员名单'], rules: ['城乡居民基本养老保险实施办法', '被征地农民参加基本养老保险实施办法'], metrics: ['基本养老保险参保率'] },
  { topic: '城乡建设、环境保护/城乡建设（含住房）', organ: 'jsj', field: '城乡建设', works: ['城镇老旧小区改造', '公共租赁住房保障', '农村危房改造', '建筑施工安全', '物业管理', '城市燃气安全'], lists: ['公共租赁住房保障对象名单', '老旧小区改造项目名单'], rules: ['公共租赁住房管理办法', '住宅专项维修资金管理办法'], metrics: ['城镇老旧小区改造完成户数'] },
  { topic: '卫生、体育/卫生', organ: 'wjj', field: '卫生健康', works: ['基本公共卫生服务', '家庭医生签约服务', '医共体建设', '爱国卫生运动', '疫苗接种', '传染病防控'], lists: ['基本公共卫生服务项目资金分配', '医疗机构执业登记名单'], rules: ['医疗机构设置规划', '基本公共卫生服务项目管理办法'], metrics: ['人均预期寿命', '婴儿死亡率'] },
  { topic: '民政、扶贫、救灾/社会福利', organ: 'mzj', field: '民政服务', works: ['最低生活保障', '特困人员供养', '临时救助', '养老服务体系建设', '困难残疾人生活补贴发放', '殡葬改革'], lists: ['最低生活保障对象名单', '特困供养人员名单', '居家养老服务照料中心名单'], rules: ['最低生活保障实施办法', '临时救助实施办法', '养老服务补贴办法'], metrics: ['城乡低保标准', '养老机构护理型床位占比'] },
  { topic: '农业、林业、水利/水利', organ: 'slj', field: '水利建设', works: ['河长制湖长制', '水旱灾害防御', '农村饮用水安全', '小型水库除险加固', '水土保持', '取水许可管理'], lists: ['河长名单', '取水许可审批结果', '山塘水库安全责任人名单'], rules: ['河道管理办法', '农村饮用水工程运行管理办法'], metrics: ['农村自来水普及率', '水土流失治理面积'] },
  { topic: '综合政务/政务督查', organ: 'zfb', field: '督查督办', works: ['县政府重点工作督查', '民生实事项目推进', '人大代表建议和政协提案办理', '“12345”政务服务便民热线办理'], lists: ['民生实事项目进展情况', '建议提案办理结果'], rules: ['县政府督查工作办法', '建议提案办理工作办法'], metrics: ['民生实事项目完成率', '热线按时办结率'] },
];

const TOWNS = ['城关镇', '青山镇', '河口镇', '东岭镇', '西塘镇', '桥头镇', '溪口镇', '南湖乡', '北坪乡', '石门乡', '白沙镇', '龙潭乡'];
const COMPANY_STEMS = ['恒润', '华卓', '天元', '瑞丰', '博远', '康达', '新航', '金盾', '汇智', '鼎信', '明川', '宏宇', '青禾', '远景', '海川', '振邦', '锐创', '泰和', '嘉联', '永达'];
const COMPANY_TRADES = ['机械制造', '电子科技', '新材料科技', '生物科技', '智能装备', '汽车零部件', '医疗器械', '环保科技', '食品', '精密铸造', '光电科技', '农业开发', '建设工程', '茶业'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['建华', '丽娟', '志强', '海燕', '晓明', '文静', '国平', '雪梅', '永刚', '春燕', '立军', '慧敏', '振宇', '伟东', '思远', '宏伟', '玉兰'];
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The Party congress whose spirit documents of that year invoke. */
function congress(year: number): string {
  if (year >= 2023) return '党的二十大和二十届二中、三中全会';
  if (year >= 2018) return '党的十九大和十九届历次全会';
  if (year >= 2013) return '党的十八大和十八届历次全会';
  if (year >= 2008) return '党的十七大';
  return '党的十六大';
}

/** Plan periods: 十一五 … 十五五. */
function fiveYearPlan(year: number): string {
  const k = Math.floor((year - 2006) / 5);
  return ['“十一五”', '“十二五”', '“十三五”', '“十四五”', '“十五五”'][Math.min(Math.max(k, 0), 4)] as string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const DAY_MS = 86_400_000;
const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY_MS;
function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}
const minDate = (a: string, b: string) => (a < b ? a : b);

const topicCodeOf = (path: string): string => {
  const r = resolveTopic(DEFAULT_TOPICS, path);
  if (!r.ok) throw new Error(`bench dataset: unknown topic ${path}`);
  return r.value.code;
};
const DOMAIN_TOPICS = DOMAINS.map((d) => topicCodeOf(d.topic));
const GENRE_CODES = new Set(DEFAULT_GENRES.map((g) => g.code));

/** 体裁 shares (per mille); a county issues no 规章, and news and notices dominate. */
const GENRE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['work-news', 300],
  ['notice', 250],
  ['other-document', 120],
  ['normative-document', 60],
  ['policy-interpretation', 40],
  ['plan', 50],
  ['personnel', 40],
  ['statistics', 40],
  ['budget-and-final-accounts', 25],
  ['annual-report', 5],
  ['administrative-licensing', 30],
  ['administrative-penalty', 25],
  ['emergency-management', 10],
  ['proposal-handling', 5],
];
for (const [code] of GENRE_WEIGHTS) if (!GENRE_CODES.has(code)) throw new Error(`bench dataset: unknown genre ${code}`);
const GENRE_TOTAL = GENRE_WEIGHTS.reduce((s, [, w]) => s + w, 0);

function pickGenre(rng: Random): string {
  let x = rng.next() * GENRE_TOTAL;
  for (const [code, w] of GENRE_WEIGHTS) if ((x -= w) < 0) return code;
  return 'notice';
}

/** 成文 years weighted towards recent years (sites keep more of them): weight = 1 + (year − 2005). */
const YEARS = Array.from({ length: 2026 - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
const YEAR_TOTAL = YEARS.reduce((s, y) => s + 1 + (y - FIRST_YEAR), 0);
function pickYear(rng: Random): number {
  let x = rng.next() * YEAR_TOTAL;
  for (const y of YEARS) if ((x -= 1 + (y - FIRST_YEAR)) < 0) return y;
  return 2026;
}

const company = (rng: Random) => `某县${rng.pick(COMPANY_STEMS)}${rng.pick(COMPANY_TRADES)}有限公司`;
/** 某县 + name, without doubling 县 (县重点建设项目管理办法 → 某县重点建设项目管理办法). */
const county = (name: string) => (name.startsWith('县') ? `某${name}` : `某县${name}`);
const person = (rng: Random) => `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;

// ---- sentences -------------------------------------------------------------------------------------

interface Ctx {
  rng: Random;
  year: number;
  d: Domain;
  organ: BenchOrgan;
  work: string;
  writtenOn: string;
}

type Phrase = (c: Ctx) => string;

const PURPOSE: readonly Phrase[] = [
  (c) => `为深入贯彻落实${congress(c.year)}精神，全面落实省委、市委、县委关于${c.d.field}工作的决策部署，进一步做好${c.work}工作，`,
  (c) => `为进一步规范${c.work}工作，提高${c.d.field}工作的科学化、规范化、精细化水平，`,
  (c) => `根据上级有关文件精神，结合我县实际，为扎实推进${c.work}，`,
  (c) => `为加快推进${c.d.field}高质量发展，切实解决群众急难愁盼问题，`,
  (c) => `为认真贯彻《中华人民共和国政府信息公开条例》，保障人民群众知情权、参与权、表达权和监督权，做好${c.work}相关工作，`,
];
const PURPOSE_TAIL: readonly Phrase[] = [
  (c) => `经县人民政府同意，现就${c.year}年度${c.work}有关事项通知如下。`,
  () => '现将有关事项通知如下。',
  (c) => `${c.organ.shortName}研究制定了本方案。`,
  (c) => `现就做好${c.work}工作提出如下意见。`,
];
const GENERAL: readonly Phrase[] = [
  () => '坚持以人民为中心的发展思想，坚持稳中求进工作总基调，统筹发展和安全。',
  (c) => `坚持问题导向、目标导向和结果导向，聚焦${c.d.field}领域的突出问题和薄弱环节，精准施策、靶向发力。`,
  (c) => `各乡镇人民政府、县级各有关单位要切实加强组织领导，把${c.work}列入重要议事日程，明确责任分工，压实工作责任。`,
  () => '确保各项工作任务落到实处、取得实效。',
  (c) => `要加强宣传引导，充分利用政府网站、政务新媒体、村务公开栏等渠道，广泛宣传${c.work}的政策措施和典型经验，营造良好社会氛围。`,
  (c) => `建立健全${c.d.field}工作长效机制，推动${c.work}常态化、制度化、规范化。`,
  () => '对工作中发现的问题，要及时研究解决；遇有重大问题，及时向县委、县政府报告。',
  () => '进一步优化营商环境，激发各类经营主体活力，增强发展内生动力。',
  () => '推进政务公开标准化规范化建设，及时公开政策文件、办事指南和工作进展，主动回应社会关切。',
  (c) => `加大督查考核力度，将${c.work}纳入县政府年度综合考核，对工作不力、进度滞后的单位予以通报。`,
  () => '资金使用要严格执行国家有关财务规章制度，专款专用，任何单位和个人不得截留、挤占、挪用。',
  (c) => `到${c.year + 2}年，全县${c.d.metrics[0] ?? c.d.field + '指标'}${c.rng.pick(['明显提升', '稳步提高', '位居全市前列', '达到省定目标'])}。`,
  (c) => `${c.year}年，全县${c.rng.pick(c.d.metrics)}${c.rng.pick(['同比增长', '较上年提高', '达到'])}${c.rng.int(2, 96)}.${c.rng.int(0, 9)}${c.rng.pick(['%', '个百分点', '%，高于全市平均水平'])}。`,
  (c) => `各单位要于${cnDate(fromDayNumber(dayNumber(c.writtenOn) + c.rng.int(10, 40)))}前将${c.work}工作总结及有关报表报送${c.organ.shortName}${c.rng.pick(c.organ.units)}，逾期不报的视为放弃。`,
  (c) => `${c.rng.pick(TOWNS)}、${c.rng.pick(TOWNS)}等乡镇要发挥示范带动作用，及时总结推广好经验好做法。`,
  () => '要严格落实安全生产责任制，坚决防范和遏制重特大事故发生。',
  () => '严格执行中央八项规定及其实施细则精神，坚决反对形式主义、官僚主义，切实为基层减负。',
  (c) => `${c.organ.shortName}将会同县财政局、县审计局等部门，对${c.work}实施情况开展监督检查，检查结果向社会公开。`,
  () => '加强部门协同和信息共享，形成上下联动、齐抓共管的工作格局。',
  (c) => `对符合条件的经营主体，按规定给予最高${c.rng.pick(['5', '10', '20', '30', '50', '100'])}万元的一次性奖励。`,
  (c) => `申报单位对申报材料的真实性负责，对弄虚作假骗取${c.d.field}资金的，一经查实，追回已拨付资金，${c.rng.int(3, 5)}年内取消其申报资格，并纳入社会信用体系予以惩戒。`,
  () => '健全“双随机、一公开”监管机制，实现随机抽查事项全覆盖，抽查结果及时通过国家企业信用信息公示系统向社会公示。',
  (c) => `深化“最多跑一次”改革，推动${c.work}相关事项“一网通办”“掌上可办”，让数据多跑路、群众少跑腿。`,
  (c) => `建立${c.work}工作台账，实行清单化管理、项目化推进，每月${c.rng.int(5, 10)}日前报送上月工作进展情况。`,
  () => '强化风险意识和底线思维，做好舆情监测和应急处置，维护社会和谐稳定。',
  (c) => `持续推进${c.rng.pick(c.d.works)}，加快补齐短板弱项，不断增强人民群众的获得感、幸福感、安全感。`,
];
const SECTION_HEADS = [
  ['总体要求', '主要任务', '保障措施'],
  ['工作目标', '重点工作', '工作步骤', '工作要求'],
  ['指导思想', '基本原则', '主要内容', '组织实施'],
  ['申报范围', '申报条件', '申报程序', '有关要求'],
  ['基本情况', '主要做法', '存在问题', '下一步工作打算'],
];
const STEPS: readonly Phrase[] = [
  (c) => `动员部署阶段（${cnDate(c.writtenOn)}至${c.year}年${Math.min(12, Number(c.writtenOn.slice(5, 7)) + 1)}月底）。制定工作方案，召开动员会议，明确目标任务和责任分工。`,
  () => '组织实施阶段。各责任单位按照职责分工，全面推进各项工作任务，及时协调解决工作中遇到的困难和问题。',
  () => '督查推进阶段。县政府督查室会同有关部门开展专项督查，对发现的问题建立清单、限期整改。',
  () => '总结评估阶段。各单位全面总结工作成效和经验做法，形成书面总结报送牵头部门。',
];

function paragraph(c: Ctx, sentences: number): string {
  let text = '';
  for (let i = 0; i < sentences; i++) text += c.rng.pick(GENERAL)(c);
  return `<p>${text}</p>`;
}

function tableOf(c: Ctx, rows: number): string {
  let body = '';
  for (let i = 1; i <= rows; i++) body += `<tr><td>${i}</td><td>${company(c.rng)}</td><td>${c.rng.pick(TOWNS)}</td><td>${c.rng.int(1, 300)}.${c.rng.int(10, 99)}</td></tr>`;
  return `<table><thead><tr><th scope="col">序号</th><th scope="col">单位名称</th><th scope="col">所在乡镇</th><th scope="col">金额（万元）</th></tr></thead><tbody>${body}</tbody></table>`;
}

function body(c: Ctx, genre: string): string {
  const parts: string[] = [];
  const rng = c.rng;
  const addressees = rng.pick(['各乡镇人民政府，县政府各部门、各直属单位：', '各有关单位：', '各乡镇（街道），县级有关单位，各有关企业：', '']);
  if (addressees && genre !== 'work-news') parts.push(`<p>${addressees}</p>`);
  if (genre === 'work-news') {
    const leader = person(rng);
    parts.push(`<p>${cnDate(c.writtenOn)}，${c.organ.name}召开${c.work}工作推进会，${c.organ.shortName}党组书记、局长${leader}出席会议并讲话。会议传达学习了上级有关会议精神，通报了前一阶段${c.work}工作进展情况。</p>`);
    parts.push(paragraph(c, rng.int(2, 4)));
    parts.push(`<p>会议强调，${rng.pick(GENERAL)(c)}${rng.pick(GENERAL)(c)}</p>`);
    parts.push(`<p>${rng.pick(TOWNS)}、${rng.pick(TOWNS)}及县级有关单位负责人参加会议。</p>`);
    return parts.join('');
  }
  parts.push(`<p>${rng.pick(PURPOSE)(c)}${rng.pick(PURPOSE_TAIL)(c)}</p>`);
  const heads = rng.pick(SECTION_HEADS);
  const sections = rng.int(2, heads.length);
  for (let i = 0; i < sections; i++) {
    parts.push(`<h2>${CN_NUM[i]}、${heads[i]}</h2>`);
    if (heads[i] === '工作步骤') {
      parts.push(`<ol>${STEPS.map((s) => `<li>${s(c)}</li>`).join('')}</ol>`);
      continue;
    }
    const paragraphs = rng.int(1, 2);
    for (let k = 0; k < paragraphs; k++) parts.push(paragraph(c, rng.int(2, 4)));
  }
  if (genre === 'notice' && rng.chance(0.25)) parts.push(tableOf(c, rng.int(3, 10)));
  if (genre === 'budget-and-final-accounts' || genre === 'statistics') parts.push(tableOf(c, rng.int(4, 8)));
  if (genre === 'normative-document') parts.push(`<p>本办法自${cnDate(fromDayNumber(dayNumber(c.writtenOn) + 30))}起施行，有效期${rng.pick(['三', '五'])}年，由${c.organ.name}负责解释。</p>`);
  if (rng.chance(0.6)) parts.push(`<p>联系人：${person(rng)}；联系电话：0576-839${rng.int(10000, 99999)}。</p>`);
  parts.push(`<p>${c.organ.name}</p><p>${cnDate(c.writtenOn)}</p>`);
  return parts.join('');
}

function title(c: Ctx, genre: string): string {
  const { rng, year, d, organ, work } = c;
  switch (genre) {
    case 'work-news':
      return rng.pick([`${organ.shortName}召开${year}年${work}工作推进会`, `${organ.shortName}主要负责人带队赴${rng.pick(TOWNS)}调研${work}工作`, `我县${work}工作取得阶段性成效`, `${rng.pick(TOWNS)}扎实推进${work}`, `${organ.shortName}开展${work}专项检查`]);
    case 'notice':
      return rng.pick([`关于开展${year}年度${work}工作的通知`, `关于做好${year}年${work}工作的通知`, `关于组织申报${year}年度${work}的通知`, `${year}年度${rng.pick(d.lists)}公示`, `关于公布${year}年度${rng.pick(d.lists)}的通知`, `关于${work}有关事项的公告`]);
    case 'other-document':
      return rng.pick([`关于印发《某县${year}年${work}工作方案》的通知`, `关于进一步加强${work}工作的通知`, `关于下达${year}年度${d.field}专项资金的通知`, `关于调整${work}有关政策的通知`]);
    case 'normative-document':
      return rng.pick([`关于印发《${county(rng.pick(d.rules))}》的通知`, county(rng.pick(d.rules)), `关于进一步加强${work}管理的实施意见`, `${county(rng.pick(d.rules).replace(/办法$/, ''))}实施细则（试行）`]);
    case 'policy-interpretation':
      return `《${county(rng.pick(d.rules))}》政策解读`;
    case 'plan':
      return rng.pick([`某县${fiveYearPlan(year)}${d.field}发展规划`, `${organ.name}${year}年工作要点`, `${organ.name}${year}年工作总结和${year + 1}年工作思路`, `某县${year}年${work}实施方案`]);
    case 'personnel':
      return rng.pick([`关于${person(rng)}等同志职务任免的通知`, `${year}年${organ.name}下属事业单位公开招聘工作人员公告`, `${year}年${organ.name}公开招聘拟聘用人员公示`]);
    case 'statistics':
      return `${year}年${rng.int(1, 12)}月${d.field}主要指标完成情况`;
    case 'budget-and-final-accounts':
      return rng.pick([`${organ.name}${year}年度部门预算`, `${organ.name}${year}年度部门决算`, `${organ.name}${year}年度“三公”经费预算情况说明`]);
    case 'annual-report':
      return `${organ.name}${year}年政府信息公开工作年度报告`;
    case 'administrative-licensing':
      return rng.pick([`关于${company(rng)}${rng.pick(['取水许可', '建设项目环境影响报告表', '食品生产许可', '危险化学品经营许可', '公共场所卫生许可'])}的批复`, `${year}年${rng.int(1, 12)}月行政许可办理结果公示`]);
    case 'administrative-penalty':
      return `${organ.shortName}行政处罚决定书（${organ.docCode.replace(/发$/, '')}罚〔${year}〕${rng.int(1, 300)}号）`;
    case 'emergency-management':
      return `某县${rng.pick(['防汛防台', '森林火灾', '地质灾害', '突发公共卫生事件', '危险化学品事故', '低温雨雪冰冻灾害'])}应急预案`;
    case 'proposal-handling':
      return rng.pick([`关于县政协${CN_NUM[rng.int(7, 9)]}届${CN_NUM[rng.int(0, 4)]}次会议第${rng.int(1, 250)}号提案的答复`, `对县十${CN_NUM[rng.int(4, 7)]}届人大${CN_NUM[rng.int(0, 4)]}次会议第${rng.int(1, 180)}号建议的答复`]);
    default:
      return `关于${work}的通知`;
  }
}

const EXEMPT_REASONS: readonly (readonly [ExemptionBasis, string])[] = [
  ['internal-affairs', '属于本机关内部管理信息，对公众权利义务不产生直接影响。'],
  ['process-information', '属于研究讨论过程中的过程性信息，尚未形成正式决定。'],
  ['third-party', '涉及第三方商业秘密，经征求意见第三方不同意公开。'],
  ['enforcement-file', '属于行政执法案卷信息。'],
  ['state-secret', '经保密审查属于国家秘密。'],
];

/** Generates item `n` (0-based) of the stream; `docSerials` carries the 发文字号 serials per organ and year. */
function generateItem(rng: Random, n: number, docSerials: Map<string, number>): BenchItem {
  const d = DOMAINS[Math.floor(rng.next() * DOMAINS.length)] as Domain;
  const topicCode = DOMAIN_TOPICS[DOMAINS.indexOf(d)] as string;
  const organ = rng.chance(0.9) ? (BENCH_ORGANS.find((o) => o.key === d.organ) as BenchOrgan) : rng.pick(BENCH_ORGANS);
  const year = pickYear(rng);
  const start = dayNumber(`${year}-01-01`);
  const end = Math.min(dayNumber(`${year}-12-31`), dayNumber(LAST_WRITTEN_ON));
  const writtenOn = fromDayNumber(start + Math.floor(rng.next() * (end - start + 1)));
  const genre = pickGenre(rng);
  const work = rng.pick(d.works);
  const c: Ctx = { rng, year, d, organ, work, writtenOn };
  const t = title(c, genre);
  const html = body(c, genre);
  const summary = `${organ.shortName}${rng.pick(['就', '围绕', '关于'])}${work}${rng.pick(['有关事项作出部署', '明确了工作目标、主要任务和保障措施', '公布有关情况', '提出具体要求'])}。`;

  const hasNumber = ['normative-document', 'other-document', 'notice', 'plan', 'personnel', 'emergency-management'].includes(genre) && rng.chance(genre === 'notice' ? 0.5 : 0.85);
  let documentNumber: string | null = null;
  if (hasNumber) {
    const key = `${organ.key}/${year}`;
    const serial = (docSerials.get(key) ?? 0) + 1;
    docSerials.set(key, serial);
    documentNumber = `${organ.docCode}〔${year}〕${serial}号`;
  }

  // 公开属性 and workflow state: about 86 % are public; the rest must never reach the public.
  const r = rng.next();
  let disclosure: DisclosureAttribute = 'proactive';
  let exemption: BenchItem['exemption'] = null;
  let onRequestReason: string | null = null;
  let state: BenchItem['state'] = 'published';
  if (r < 0.05) {
    disclosure = 'on-request';
    onRequestReason = '涉及特定群体，仅对申请人公开。';
    state = rng.pick(['draft', 'approved'] as const);
  } else if (r < 0.09) {
    disclosure = 'exempt';
    const [basis, reason] = rng.pick(EXEMPT_REASONS);
    exemption = { basis, reason };
    state = rng.pick(['draft', 'approved'] as const);
  } else if (r < 0.12) {
    state = rng.pick(['draft', 'submitted', 'approved'] as const);
  } else if (r < 0.14) {
    state = 'retracted';
  }
  const published = state === 'published' || state === 'retracted';
  const publishedOn = published ? minDate(fromDayNumber(dayNumber(writtenOn) + rng.int(0, 12)), LAST_PUBLISHED_ON) : null;

  let validity: Validity = 'effective';
  let validityEndedOn: string | null = null;
  let effectiveOn: string | null = null;
  if (genre === 'normative-document') {
    effectiveOn = fromDayNumber(dayNumber(writtenOn) + 30);
    const v = rng.next();
    const lastEnd = dayNumber(LAST_WRITTEN_ON);
    if (v < 0.25 && dayNumber(writtenOn) + 400 < lastEnd) {
      validity = v < 0.12 ? 'repealed' : 'expired';
      validityEndedOn = fromDayNumber(dayNumber(writtenOn) + rng.int(365, Math.max(365, lastEnd - dayNumber(writtenOn) - 1)));
    }
  }
  const jointIssuers = documentNumber && rng.chance(0.04) ? [rng.pick(BENCH_ORGANS.filter((o) => o.key !== organ.key)).name] : [];
  return {
    n,
    organ: organ.key,
    unit: rng.chance(0.8) ? rng.pick(organ.units) : null,
    title: t,
    documentNumber,
    writtenOn,
    publishedOn,
    topicCode,
    genreCode: genre,
    summary,
    bodyHtml: html,
    disclosure,
    exemption,
    onRequestReason,
    state,
    validity,
    validityEndedOn,
    effectiveOn,
    jointIssuers,
    retractReason: state === 'retracted' ? rng.pick(['信息有误，予以撤回。', '公示名单有误，撤回更正后重新发布。', '误将内部信息发布，予以撤回。']) : null,
  };
}

/** The items of a dataset, lazily, in order. */
export function* generateItems(seed: number, count: number): Generator<BenchItem> {
  const rng = new Random(seed);
  const docSerials = new Map<string, number>();
  for (let n = 0; n < count; n++) yield generateItem(rng, n, docSerials);
}

/** Writes the dataset as JSONL (written to a temporary name and renamed, so a partial file is never taken). */
export async function writeDataset(seed: number, count: number, file: string, log: (line: string) => void = () => {}): Promise<{ bytes: number; ms: number }> {
  mkdirSync(dirname(file), { recursive: true });
  const started = performance.now();
  const tmp = `${file}.partial`;
  const out = createWriteStream(tmp);
  let bytes = 0;
  let chunk: string[] = [];
  const flush = async () => {
    const text = chunk.join('');
    chunk = [];
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((r) => out.once('drain', r));
  };
  let n = 0;
  for (const item of generateItems(seed, count)) {
    chunk.push(JSON.stringify(item) + '\n');
    if (++n % 1000 === 0) await flush();
    if (n % 100_000 === 0) log(`  generated ${n.toLocaleString('en')} items`);
  }
  await flush();
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  renameSync(tmp, file);
  return { bytes, ms: performance.now() - started };
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const items = Number(arg('items', '10000'));
  const seed = Number(arg('seed', '1'));
  const out = arg('out', `bench/.cache/dataset-s${seed}-n${items}.jsonl`);
  const r = await writeDataset(seed, items, out, console.log);
  console.log(`wrote ${items.toLocaleString('en')} items (${(r.bytes / 1e6).toFixed(1)} MB) to ${out} in ${(r.ms / 1000).toFixed(1)} s`);
}
