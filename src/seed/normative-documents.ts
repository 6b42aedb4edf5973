/**
 * The 行政规范性文件 of the demo and how each one ended: 修订 (the old one is 失效), 废止 by a later document,
 * or 有效期 lapsed. Terms follow the common provincial rule that a 规范性文件 runs at most 5 years.
 */
import type { DemoOrganKey } from './demo-organisation.ts';
import type { DemoTopic } from './item-spec.ts';

/** One 规范性文件 of the demo. `next` says what later document ends it, if any. */
export interface NormativeDef {
  key: string;
  organKey: DemoOrganKey;
  unitName: string;
  topic: DemoTopic;
  /** The document's name without 《》. */
  name: string;
  year: number;
  month: number;
  termYears: 3 | 5;
  next?: { key: string; kind: 'revise' | 'repeal' };
  purpose: string;
  articles: readonly string[];
  hasInterpretation?: boolean;
  /** Published as a 决策草案 for comment (重大行政决策程序暂行条例 Art. 15) before it is issued. */
  hasConsultation?: boolean;
  /** Takes effect on this date instead of the first of a month after it is written. */
  effectiveOn?: string;
}

/** The key of the 废止 decision that repeals several documents at once (a 清理 outcome). */
export const ABOLITION_KEY = 'kjj-2023-abolition-decision';

const ABOLISH = { key: ABOLITION_KEY, kind: 'repeal' } as const;
const revise = (key: string) => ({ key, kind: 'revise' }) as const;
const repeal = (key: string) => ({ key, kind: 'repeal' }) as const;

const FUNDS = '项目经费实行专款专用，承担单位应当单独核算，接受财政、审计和科技部门的监督检查。';
const SUPERVISION = '对弄虚作假骗取资金的，追回已拨付资金，五年内取消申报资格，并按规定记入科研诚信记录。';

export const NORMATIVE_DEFS: readonly NormativeDef[] = [
  { key: 'norm-voucher-2019', organKey: 'kjj', unitName: '成果科', topic: '科技', name: '某县科技创新券管理办法', year: 2019, month: 5, termYears: 5, next: revise('norm-voucher-2022'), purpose: '以创新券方式支持中小微企业购买检验检测、技术开发等科技服务', articles: ['创新券由县科技局统一发放，用于企业向服务机构购买研发设计、检验检测、技术转移等科技服务。', '每家企业每年申领额度不超过10万元，按服务合同实际金额的50%兑付。', SUPERVISION] },
  { key: 'norm-voucher-2022', organKey: 'kjj', unitName: '成果科', topic: '科技', name: '某县科技创新券管理办法', year: 2022, month: 6, termYears: 5, next: revise('norm-voucher-2026'), hasInterpretation: true, hasConsultation: true, purpose: '扩大创新券使用范围，实现省内通用通兑', articles: ['创新券在省内通用通兑，企业可向省科技创新云服务平台登记的服务机构购买科技服务。', '每家企业每年申领额度不超过20万元，按服务合同实际金额的50%兑付，科技型中小企业提高到60%。', '县科技局每季度公开创新券发放和兑付情况。', SUPERVISION] },
  { key: 'norm-voucher-2026', organKey: 'kjj', unitName: '成果科', topic: '科技', name: '某县科技创新券管理办法', year: 2026, month: 8, termYears: 5, purpose: '将创新券兑付全流程纳入线上办理，缩短兑付周期', articles: ['创新券申领、使用、兑付全流程在线办理，兑付时限由30个工作日压缩至15个工作日。', '首次申领创新券的企业，按服务合同实际金额的60%兑付。', SUPERVISION] },
  { key: 'norm-project-mgmt-2019', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县科技计划项目管理办法', year: 2019, month: 3, termYears: 5, next: repeal('norm-project-mgmt-2023'), purpose: '规范县级科技计划项目的申报、立项、实施和验收', articles: ['县级科技计划项目分为工业、农业和社会发展三类，每年集中申报一次。', '项目立项实行专家评审，评审结果经局党组会议研究后公示5个工作日。', '项目实施期一般不超过两年，到期后三个月内申请验收。'] },
  { key: 'norm-project-mgmt-2023', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县科技计划项目管理办法', year: 2023, month: 4, termYears: 5, hasInterpretation: true, hasConsultation: true, purpose: '推行“揭榜挂帅”和“赛马制”，赋予科研人员更大自主权', articles: ['县级科技计划项目分为重点研发项目、“揭榜挂帅”项目和农业科技示范项目。', '项目立项实行专家评审和现场考察相结合，拟立项名单公示不少于5个工作日。', '项目负责人可在不改变研究方向和考核指标的前提下自主调整研究方案和技术路线。', '项目验收实行“里程碑”式考核，验收结论分为通过、结题和不通过。'] },
  { key: 'norm-project-funds-2019', organKey: 'kjj', unitName: '财务科', topic: '财政', name: '某县科技计划项目资金管理办法', year: 2019, month: 4, termYears: 5, next: revise('norm-project-funds-2021'), purpose: '加强县级科技计划项目资金管理，提高资金使用效益', articles: ['项目资金采取前补助和后补助两种方式支持。', FUNDS, '项目结余资金由县科技局按规定收回。'] },
  { key: 'norm-project-funds-2021', organKey: 'kjj', unitName: '财务科', topic: '财政', name: '某县科技计划项目资金管理办法', year: 2021, month: 5, termYears: 5, next: revise('norm-project-funds-2025'), purpose: '落实扩大科研经费使用自主权的要求，简化预算编制', articles: ['设备费以外的直接费用调剂权全部下放给项目承担单位。', '间接费用比例提高到直接费用扣除设备购置费后的30%。', FUNDS] },
  { key: 'norm-project-funds-2025', organKey: 'kjj', unitName: '财务科', topic: '财政', name: '某县科技计划项目资金管理办法', year: 2025, month: 6, termYears: 5, hasInterpretation: true, purpose: '推行项目经费包干制试点和全过程绩效管理', articles: ['对农业科技示范项目试行经费包干制，由项目负责人自主决定经费使用。', '项目资金实行全过程绩效管理，绩效评价结果作为后续立项的重要依据。', FUNDS, SUPERVISION] },
  { key: 'norm-hte-pool-2019', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县高新技术企业培育库管理办法', year: 2019, month: 8, termYears: 3, purpose: '建立高新技术企业培育库，实行分类培育', articles: ['培育库实行企业自愿申报、县科技局审核入库、动态管理。', '入库企业优先推荐申报县级科技计划项目，优先享受创新券政策。', '入库满三年仍未通过高新技术企业认定的，移出培育库。'] },
  { key: 'norm-hte-pool-2022', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县高新技术企业培育库管理办法', year: 2022, month: 10, termYears: 5, purpose: '完善入库标准，强化入库企业精准辅导', articles: ['入库企业应为在本县注册的科技型中小企业，上年度研发费用占营业收入比例不低于3%。', '县科技局为入库企业提供“一对一”认定辅导。', '培育库每年更新一次，更新结果在政府网站公开。'] },
  { key: 'norm-patent-funding-2019', organKey: 'kjj', unitName: '知识产权局', topic: '知识产权', name: '某县专利资助奖励办法', year: 2019, month: 6, termYears: 5, next: repeal('norm-ip-funding-2021'), purpose: '鼓励发明创造，对专利申请和授权给予资助', articles: ['对本县企事业单位和个人获得授权的发明专利，每件资助5000元。', '对获得授权的实用新型专利，每件资助1000元。', '同一项发明创造只资助一次。'] },
  { key: 'norm-ip-funding-2021', organKey: 'kjj', unitName: '知识产权局', topic: '知识产权', name: '某县知识产权资助奖励办法', year: 2021, month: 7, termYears: 5, next: repeal('norm-ip-funding-2025'), hasInterpretation: true, purpose: '落实严格规范专利申请行为的要求，取消对专利申请的资助', articles: ['不再对专利申请阶段给予资助，对授权发明专利实行后补助。', '支持企业开展知识产权贯标、专利导航和海外专利布局。', '对存在非正常专利申请行为的单位和个人，取消当年度资助资格。'] },
  { key: 'norm-ip-funding-2025', organKey: 'kjj', unitName: '知识产权局', topic: '知识产权', name: '某县知识产权高质量发展奖励办法', year: 2025, month: 3, termYears: 5, purpose: '全面取消专利授权资助，转向支持专利转化运用和高价值专利培育', articles: ['不再对专利授权给予资助或奖励。', '支持高价值专利培育、专利转化运用和知识产权质押融资。', '对获得中国专利奖的单位给予奖励。'] },
  { key: 'norm-awards-2020', organKey: 'kjj', unitName: '成果科', topic: '科技', name: '某县科学技术奖励办法', year: 2020, month: 4, termYears: 5, next: revise('norm-awards-2024'), purpose: '奖励在科学技术进步活动中作出突出贡献的单位和个人', articles: ['县科学技术奖每两年评审一次，设一等奖、二等奖、三等奖。', '县科学技术奖评审委员会负责评审工作，拟奖项目公示7个工作日。'] },
  { key: 'norm-awards-2024', organKey: 'kjj', unitName: '成果科', topic: '科技', name: '某县科学技术奖励办法', year: 2024, month: 5, termYears: 5, hasInterpretation: true, purpose: '实行提名制，增设青年科技奖', articles: ['县科学技术奖实行提名制，由专家、学会和县级有关部门提名。', '增设县青年科技奖，奖励45周岁以下作出突出贡献的科技人员。', '拟奖项目和人选公示不少于7个工作日，异议处理结果书面告知异议人。'] },
  { key: 'norm-commissioner-2020', organKey: 'kjj', unitName: '农业科', topic: '农业、畜牧业、渔业', name: '某县科技特派员管理办法', year: 2020, month: 6, termYears: 5, next: revise('norm-commissioner-2025'), purpose: '规范科技特派员选派、服务和考核', articles: ['科技特派员由乡镇提出需求、县科技局统筹选派，每届服务期两年。', '科技特派员每月到服务地开展工作不少于4天。', '县科技局每年对科技特派员进行考核，考核结果作为续派依据。'] },
  { key: 'norm-commissioner-2025', organKey: 'kjj', unitName: '农业科', topic: '农业、畜牧业、渔业', name: '某县科技特派员管理办法', year: 2025, month: 2, termYears: 5, hasInterpretation: true, purpose: '推行团队科技特派员和法人科技特派员，服务乡村产业发展', articles: ['科技特派员分为个人、团队和法人科技特派员。', '团队科技特派员围绕一个主导产业组建，服务期三年。', '对考核优秀的科技特派员给予工作经费奖励。'] },
  { key: 'norm-incubator-2020', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县科技企业孵化器认定和管理办法', year: 2020, month: 6, termYears: 5, next: repeal('norm-carriers-2024'), purpose: '规范县级科技企业孵化器认定和管理', articles: ['县级科技企业孵化器孵化场地面积不低于3000平方米，在孵企业不少于15家。', '对认定的县级科技企业孵化器给予一次性奖励。'] },
  { key: 'norm-makerspace-2020', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县众创空间认定管理办法', year: 2020, month: 7, termYears: 5, next: repeal('norm-carriers-2024'), purpose: '鼓励建设低成本、便利化的众创空间', articles: ['县级众创空间服务场地面积不低于500平方米，入驻创业团队不少于10个。', '县科技局每年对众创空间进行绩效评价。'] },
  { key: 'norm-carriers-2024', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县科技企业孵化载体认定和管理办法', year: 2024, month: 3, termYears: 5, hasInterpretation: true, purpose: '将科技企业孵化器和众创空间的认定管理合并规范', articles: ['孵化载体分为科技企业孵化器和众创空间两类，统一认定、分类评价。', '孵化载体绩效评价结果分为优秀、良好、合格和不合格四档，评价结果向社会公开。', '连续两年评价不合格的，撤销认定。'] },
  { key: 'norm-star-2019', organKey: 'kjj', unitName: '农业科', topic: '农业、畜牧业、渔业', name: '某县星创天地认定管理办法', year: 2019, month: 9, termYears: 5, purpose: '推动农村创新创业，建设星创天地', articles: ['星创天地应当具有不少于200平方米的创业服务场地和一定规模的实训基地。', '对认定的县级星创天地给予一次性奖励。'] },
  { key: 'norm-rd-subsidy-2021', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县企业研发费用补助实施细则', year: 2021, month: 4, termYears: 5, purpose: '引导企业加大研发投入', articles: ['对享受研发费用加计扣除政策的企业，按上年度研发费用增量的10%给予补助。', '单家企业年度补助金额不超过50万元。', SUPERVISION] },
  { key: 'norm-new-rd-2022', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县新型研发机构认定和扶持办法', year: 2022, month: 5, termYears: 5, purpose: '培育投资主体多元化、运行机制市场化的新型研发机构', articles: ['新型研发机构应当具有独立法人资格，研发人员占职工总数的比例不低于30%。', '对认定的县级新型研发机构，按其上年度研发投入给予补助。'] },
  { key: 'norm-tech-contract-2021', organKey: 'kjj', unitName: '成果科', topic: '科技', name: '某县技术合同认定登记奖补实施细则', year: 2021, month: 9, termYears: 5, next: ABOLISH, purpose: '鼓励企业通过技术交易吸纳科技成果', articles: ['对经认定登记的技术开发、技术转让合同，按技术交易额的5%给予技术吸纳方补助。', '同一企业年度补助不超过20万元。'] },
  { key: 'norm-sme-2022', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县科技型中小企业评价入库奖补办法', year: 2022, month: 3, termYears: 5, purpose: '扩大科技型中小企业群体', articles: ['对首次通过科技型中小企业评价入库的企业给予一次性奖励。', '奖励资金按年度集中兑付，兑付名单在政府网站公示。'] },
  { key: 'norm-agri-park-2020', organKey: 'kjj', unitName: '农业科', topic: '农业、畜牧业、渔业', name: '某县农业科技园区管理办法', year: 2020, month: 5, termYears: 5, next: ABOLISH, purpose: '规范县级农业科技园区建设和管理', articles: ['县级农业科技园区核心区面积不低于500亩。', '园区实行年度考核，考核结果作为扶持资金安排的依据。'] },
  { key: 'norm-ip-pledge-2021', organKey: 'kjj', unitName: '知识产权局', topic: '知识产权', name: '某县知识产权质押融资风险补偿资金管理办法', year: 2021, month: 11, termYears: 5, purpose: '缓解科技型中小企业融资难', articles: ['设立知识产权质押融资风险补偿资金，对合作银行发生的贷款损失按比例给予补偿。', '单笔贷款风险补偿比例不超过本金损失的40%。'] },
  { key: 'norm-transfer-2023', organKey: 'kjj', unitName: '成果科', topic: '科技', name: '某县科技成果转化奖补办法', year: 2023, month: 6, termYears: 5, hasInterpretation: true, purpose: '促进科技成果在本县转化和产业化', articles: ['对企业购买高校、科研院所科技成果并在本县实施转化的，按实际支付金额的20%给予补助。', '对在本县转化科技成果的科研团队给予奖励。', SUPERVISION] },
  { key: 'norm-foreign-expert-2019', organKey: 'kjj', unitName: '成果科', topic: '科技', name: '某县引进外国专家项目管理办法', year: 2019, month: 10, termYears: 5, next: ABOLISH, purpose: '规范引进外国专家项目的申报和管理', articles: ['引进外国专家项目每年申报一次，由县科技局组织评审。', '项目资助资金主要用于外国专家的国际旅费和工薪补贴。'] },
  { key: 'norm-popularization-2020', organKey: 'kjj', unitName: '成果科', topic: '科技', name: '某县科普示范基地认定管理办法', year: 2020, month: 9, termYears: 5, purpose: '规范县级科普示范基地认定', articles: ['科普示范基地应当常年向公众开放，年开放时间不少于120天。', '科普示范基地每三年复核一次。'] },
  { key: 'norm-rd-center-2019', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县企业研发机构建设奖补办法', year: 2019, month: 7, termYears: 5, next: repeal('norm-rd-center-2022'), purpose: '鼓励企业建设研发机构', articles: ['对新认定的县级企业研发中心给予一次性奖励。', '对新认定的省级企业研发中心给予配套奖励。'] },
  { key: 'norm-rd-center-2022', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县企业研发机构认定和奖补办法', year: 2022, month: 4, termYears: 5, purpose: '统一县级企业研发机构的认定标准和奖补政策', articles: ['县级企业研发中心应当有固定的研发场所，研发人员不少于10人。', '研发机构实行动态管理，每三年复核一次。'] },
  { key: 'norm-platform-eval-2024', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县科技创新平台绩效评价办法', year: 2024, month: 8, termYears: 5, purpose: '以绩效评价引导科技创新平台提质增效', articles: ['绩效评价每两年开展一次，评价结果分为优秀、良好、合格和不合格。', '评价结果向社会公开，并作为平台奖补资金安排的依据。'] },
  { key: 'norm-acceptance-2025', organKey: 'kjj', unitName: '成果科', topic: '科技', name: '某县科技计划项目验收管理办法', year: 2025, month: 9, termYears: 5, purpose: '规范县级科技计划项目验收程序', articles: ['项目验收由县科技局组织专家进行，可采取会议验收、现场验收或书面验收。', '验收结果在政府网站公示5个工作日。'] },
  { key: 'norm-talent-2019', organKey: 'kjj', unitName: '成果科', topic: '人事工作', name: '某县高层次科技人才引进扶持办法', year: 2019, month: 12, termYears: 3, purpose: '引进高层次科技人才来县创新创业', articles: ['对引进的高层次科技人才给予安家补助和项目启动资金。', '扶持资金分三年兑付，每年考核一次。'] },
  { key: 'norm-gradient-2026', organKey: 'kjj', unitName: '高新科', topic: '科技', name: '某县科技企业梯度培育实施办法', year: 2026, month: 10, termYears: 5, hasInterpretation: true, effectiveOn: '2027-01-01', purpose: '构建科技型中小企业、高新技术企业和科技领军企业梯度培育体系', articles: ['科技企业梯度培育分为科技型中小企业、高新技术企业、科技领军企业三个层级。', '县科技局每年发布梯度培育企业名单，实行分层分类服务。', '对晋级的企业按层级给予奖励。'] },
  { key: 'norm-foi-rules-2020', organKey: 'zfb', unitName: '政务公开办公室', topic: '政务公开', name: '某县政府信息公开申请办理工作规程', year: 2020, month: 6, termYears: 5, next: revise('norm-foi-rules-2024'), purpose: '规范全县行政机关政府信息公开申请的登记、审查、答复和归档', articles: ['行政机关收到政府信息公开申请，应当当日登记，并出具收到申请的告知。', '申请内容不明确的，应当在收到申请之日起7个工作日内一次性告知申请人作出补正。', '行政机关应当自收到申请之日起20个工作日内予以答复。'] },
  { key: 'norm-foi-rules-2024', organKey: 'zfb', unitName: '政务公开办公室', topic: '政务公开', name: '某县政府信息公开申请办理工作规程', year: 2024, month: 7, termYears: 5, hasInterpretation: true, purpose: '统一答复文书格式，建立疑难申请会商机制', articles: ['全县统一使用规范的政府信息公开申请答复文书格式。', '对涉及多个部门的疑难申请，由县政务公开办公室组织会商。', '答复前应当进行合法性审查，确保不拒收、不拒办、不超时答复。'] },
  { key: 'norm-assessment-2019', organKey: 'zfb', unitName: '政务公开办公室', topic: '政务公开', name: '某县政务公开工作考核办法', year: 2019, month: 5, termYears: 5, next: repeal('norm-assessment-2023'), purpose: '建立全县政务公开工作考核制度', articles: ['考核对象为各乡镇人民政府和县政府各部门。', '考核采取日常监测、年度评估和社会评议相结合的方式。'] },
  { key: 'norm-assessment-2023', organKey: 'zfb', unitName: '政务公开办公室', topic: '政务公开', name: '某县政务公开工作考核评价办法', year: 2023, month: 5, termYears: 5, purpose: '引入第三方评估，完善考核评价指标体系', articles: ['考核评价引入第三方评估，评估结果占考核总分的40%。', '考核评价结果在全县通报，并纳入县级综合考核。', '政务公开工作在综合考核中所占分值权重不低于4%。'] },
];
