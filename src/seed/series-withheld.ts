/**
 * 依申请公开 and 不予公开 items: registered and reviewed but never published (条例 Art. 13–16). Each 不予公开 item
 * names its ground from the closed list of REFERENCE.md §1.3 and says why it applies.
 */
import { DEMO_YEARS, LAST_WRITTEN_ON, dateIn, type DemoExemptionBasis, type DemoGenre, type DemoTopic, type ItemSpec } from './item-spec.ts';
import type { Random } from './random.ts';
import { companyName, h2, ol, p, table, wan } from './text-templates.ts';

interface Template {
  id: string;
  docCode?: string;
  unitName: string;
  topic: DemoTopic;
  genre: DemoGenre;
  title: (year: number, rng: Random) => string;
  reason: string;
  basis?: DemoExemptionBasis;
  catalogueEntryKey: string | null;
  body: (year: number, rng: Random) => string;
}

const money = (rng: Random) => wan(rng.money(2, 20));
const filler = p('本文件按照公开属性源头认定机制，在拟制时由承办科室提出公开属性意见，经局政府信息公开工作机构审查、分管局领导审定后登记在政府信息管理目录中。属性认定情况每年复核一次，条件变化后可以公开的，及时转为主动公开。');

const ON_REQUEST: readonly Template[] = [
  { id: 'voucher-ledger', unitName: '成果科', topic: '科技', genre: '其他文件', catalogueEntryKey: 'science-funds', title: (y) => `${y}年度科技创新券兑付明细台账`, reason: '逐笔列明各企业的服务合同和兑付金额，仅与特定企业相关，不属于需要社会公众广泛知晓的信息，可依申请提供。', body: (y, r) => [p(`${y}年度科技创新券兑付明细如下（单位：万元）。`), table(['序号', '企业名称', '服务机构', '兑付金额'], [1, 2, 3, 4].map((i) => [i, companyName(r), `${r.pick(['省', '市'])}检验检测研究院`, money(r)])), filler].join('') },
  { id: 'performance-report', docCode: '县科技报', unitName: '财务科', topic: '财政', genre: '其他文件', catalogueEntryKey: 'science-funds', title: (y) => `县科技局关于${y}年度科技项目资金绩效自评情况的报告`, reason: '向县财政局报送的绩效自评材料，绩效评价结果已在部门决算中公开，原始报告可依申请提供。', body: (y, r) => [p(`根据县财政局关于开展${y}年度项目支出绩效自评的通知，我局对科技项目资金开展了绩效自评，现将情况报告如下。`), h2('一、资金安排和使用'), p(`全年安排科技项目资金${wan(r.money(200, 500))}万元，执行率${r.int(92, 100)}%。`), h2('二、绩效目标完成情况'), p('年度绩效目标基本完成，项目验收通过率较上年有所提高。'), h2('三、存在的问题'), p('个别项目资金拨付进度偏慢。'), filler].join('') },
  { id: 'contract-ledger', unitName: '成果科', topic: '科技', genre: '统计信息', catalogueEntryKey: 'on-request-information', title: (y) => `${y}年度技术合同认定登记台账`, reason: '登记台账含合同当事人和成交金额等逐项信息，汇总数据已在统计信息中公开，台账可依申请提供。', body: (y, r) => [p(`${y}年度技术合同认定登记台账（摘要）。`), table(['序号', '技术合同名称', '卖方', '成交额（万元）'], [1, 2, 3].map((i) => [i, `${r.pick(['工艺', '设备', '软件'])}技术开发合同`, companyName(r), money(r)])), filler].join('') },
  { id: 'commissioner-assessment', unitName: '农业科', topic: '农业、畜牧业、渔业', genre: '其他文件', catalogueEntryKey: 'on-request-information', title: (y) => `${y}年度县级科技特派员考核结果明细`, reason: '考核明细涉及科技特派员个人评分，仅与被考核人员相关，考核优秀名单已另行公开，明细可依申请提供。', body: (y, r) => [p(`根据科技特派员管理有关规定，我局对${y}年度县级科技特派员进行了考核，考核明细如下。`), table(['序号', '服务乡镇', '服务天数', '考核得分'], [1, 2, 3, 4].map((i) => [i, r.pick(['城关镇', '青山镇', '河口镇', '东岭镇']), r.int(40, 80), r.int(75, 98)])), filler].join('') },
  { id: 'asset-inventory', unitName: '财务科', topic: '财政', genre: '其他文件', catalogueEntryKey: 'on-request-information', title: (y) => `县科技局${y}年度国有资产清查报告`, reason: '资产清查报告为报送财政部门的专项材料，社会关注度低，可依申请提供。', body: (y, r) => [p(`根据县财政局统一部署，我局成立资产清查工作小组，对${y}年度国有资产进行了全面清查，逐项核对资产卡片与实物。`), p(`清查基准日资产总额${wan(r.money(80, 200))}万元，其中固定资产${wan(r.money(40, 90))}万元，未发现资产损失。`), h2('清查范围'), ol(['局机关各科室', '所属科技情报研究所']), p('清查中发现的账实不符资产，已按规定办理调账手续。'), filler].join('') },
  { id: 'ruling', unitName: '知识产权局', topic: '知识产权', genre: '其他文件', catalogueEntryKey: 'on-request-information', title: (y, r) => `县知识产权局专利侵权纠纷行政裁决书（${y}年第${r.int(1, 4)}号）`, reason: '专利侵权纠纷行政裁决涉及特定当事人之间的民事争议，可依申请向当事人和利害关系人提供。', body: (_y, r) => [p(`请求人：${companyName(r)}。被请求人：${companyName(r)}。`), p('请求人以被请求人制造、销售的产品落入其实用新型专利权保护范围为由，请求责令被请求人停止侵权行为。本局依法受理后，组成合议组进行了口头审理，双方当事人到庭陈述意见并提交了证据。'), h2('裁决结果'), p(r.chance(0.5) ? '被请求人的行为构成专利侵权，责令其立即停止制造、销售侵权产品。' : '被请求人的产品未落入涉案专利权的保护范围，驳回请求人的请求。'), filler].join('') },
];

const EXEMPT: readonly Template[] = [
  { id: 'leave-plan', unitName: '办公室', topic: '人事工作', genre: '其他文件', basis: 'internal-affairs', catalogueEntryKey: null, title: (y) => `县科技局${y}年度干部职工年休假安排`, reason: '属于本机关人事管理方面的内部事务信息，依据条例第十六条第一款不予公开。', body: (y) => [p(`为落实带薪年休假制度，统筹安排${y}年度干部职工休假，确保工作正常运转，现将各科室年休假安排通知如下。`), ol(['各科室负责人统筹本科室人员休假，确保每个工作日有人在岗。', '休假前应填写请休假审批表，经分管局领导批准。', '重要工作期间原则上不安排休假。', '科室负责人休假的，应明确临时负责人。']), filler].join('') },
  { id: 'vehicle-ledger', unitName: '办公室', topic: '科技', genre: '其他文件', basis: 'internal-affairs', catalogueEntryKey: null, title: (y) => `县科技局${y}年度公务用车使用管理台账`, reason: '属于本机关后勤管理方面的内部事务信息，“三公”经费已在部门预决算中公开。', body: (y, r) => [p(`${y}年度公务用车使用情况登记（摘要）。`), table(['月份', '出车次数', '行驶里程（公里）', '主要用途'], [1, 2, 3].map((m) => [`${m * 4}月`, r.int(8, 20), r.int(300, 900), '项目现场核查、执法检查'])), filler].join('') },
  { id: 'workflow', unitName: '办公室', topic: '政务公开', genre: '其他文件', basis: 'internal-affairs', catalogueEntryKey: null, title: (y) => `县科技局公文处理内部工作流程（${y}年修订）`, reason: '属于本机关内部工作流程，不对外部产生权利义务影响，依据条例第十六条第一款不予公开。', body: () => [p('为规范公文处理，提高办文效率，根据《党政机关公文处理工作条例》，结合我局实际，修订公文处理内部工作流程。'), ol(['收文：办公室统一签收、登记，拟办意见后送局领导批示。', '发文：承办科室起草，科室负责人核稿，办公室审核，局领导签发。', '公开属性：发文时由承办科室提出公开属性意见，办公室审查。', '归档：办结的文件由承办科室在次年6月底前整理归档。']), filler].join('') },
  { id: 'request-memo', docCode: '县科技报', unitName: '高新科', topic: '科技', genre: '其他文件', basis: 'process-information', catalogueEntryKey: null, title: (y) => `县科技局关于${y}年度县级科技计划项目立项的请示`, reason: '属于向县政府报送的请示报告，为决策过程中的过程性信息，最终立项结果已公示。', body: (y, r) => [p('县人民政府：'), p(`根据县级科技计划项目管理有关规定，我局于${y}年组织了县级科技计划项目申报工作，共收到申报项目${r.int(30, 60)}项。`), p(`经形式审查、专家评审和局党组研究，拟将${r.int(8, 15)}个项目列入${y}年度县级科技计划，安排经费${wan(r.money(150, 400))}万元，资金从县级科技专项资金中列支。`), p('妥否，请批示。'), filler].join('') },
  { id: 'party-minutes', unitName: '办公室', topic: '科技', genre: '其他文件', basis: 'process-information', catalogueEntryKey: null, title: (y, r) => `局党组会议纪要（${y}年第${r.int(2, 12)}次）`, reason: '属于讨论记录，是过程性信息，依据条例第十六条第二款不予公开；会议决定事项已通过正式文件公开。', body: (y) => [p(`${y}年局党组会议由局长主持，班子成员出席，办公室主任列席。会议研究了以下事项：`), ol(['研究县级科技计划项目拟立项名单。', '研究科技创新券兑付有关事项。', '研究政务公开工作。']), p('会议对上述事项逐项进行了讨论，形成了处理意见，并明确了责任科室和完成时限。'), filler].join('') },
  { id: 'draft-text', unitName: '成果科', topic: '科技', genre: '其他文件', basis: 'process-information', catalogueEntryKey: null, title: (y) => `科技成果转化奖补政策起草过程稿（${y}年）`, reason: '属于政策起草过程中形成的过程稿，依据条例第十六条第二款不予公开；正式文件及征求意见稿已公开。', body: () => [p('本稿为内部讨论稿，各条款尚在研究论证中，需进一步征求县财政局、县司法局和有关企业的意见。'), ol(['支持对象：购买科技成果并在本县转化的企业。', '支持标准：按实际支付金额的一定比例给予补助（比例待定）。', '资金来源：县级科技专项资金。']), filler].join('') },
  { id: 'consultation-letter', docCode: '县科技函', unitName: '办公室', topic: '科技', genre: '其他文件', basis: 'process-information', catalogueEntryKey: null, title: (y) => `关于商请研究${y}年度科技专项资金安排的函`, reason: '属于与县财政局之间的磋商信函，是过程性信息，依据条例第十六条第二款不予公开。', body: (y, r) => [p('县财政局：'), p(`根据${y}年全县科技工作安排和科技创新政策兑现需要，建议年度科技专项资金安排${wan(r.money(300, 700))}万元，主要用于科技计划项目、科技创新券和企业研发机构奖补。`), p('上述资金需求已按项目逐项测算，测算依据附后。请予研究，并将意见函复我局。如有疑问，请与我局财务科联系。'), filler].join('') },
  { id: 'enterprise-materials', unitName: '高新科', topic: '科技', genre: '其他文件', basis: 'third-party', catalogueEntryKey: null, title: (y, r) => `${companyName(r)}${y}年度高新技术企业认定申报材料`, reason: '含企业研发费用明细、核心技术和财务数据，属于商业秘密，公开会损害第三方合法权益，企业不同意公开。', body: (y, r) => [p(`企业于${y}年提交高新技术企业认定申报材料，主要包括：`), ol(['高新技术企业认定申请书。', '企业知识产权清单和证明材料。', `近三个会计年度研究开发费用专项审计报告（研发费用合计${wan(r.money(300, 1200))}万元）。`, '高新技术产品（服务）收入专项审计报告。']), filler].join('') },
  { id: 'case-file', unitName: '知识产权局', topic: '知识产权', genre: '其他文件', basis: 'enforcement-file', catalogueEntryKey: null, title: (y, r) => `假冒专利案调查取证材料（${y}年第${r.int(1, 3)}号案卷）`, reason: '属于行政执法案卷信息，依据条例第十六条第二款不予公开；行政处罚决定已依法公开。', body: () => [p('本案卷按照行政执法案卷管理规定整理装订，保管期限为长期，包括以下材料：'), ol(['立案审批表。', '现场检查笔录和照片。', '询问笔录。', '专利登记簿副本。', '案件调查终结报告和处罚决定审批表。', '行政处罚告知书和送达回证。']), filler].join('') },
  { id: 'classified-project', unitName: '高新科', topic: '科技', genre: '其他文件', basis: 'state-secret', catalogueEntryKey: null, title: (y) => `${y}年度涉密科技项目管理台账`, reason: '经定密责任人依法确定为国家秘密，依据条例第十四条不予公开。', body: (y) => [p(`${y}年度涉密科技项目管理台账按照《中华人民共和国保守国家秘密法》和保密管理规定在涉密计算机上登记管理，本条目仅作政府信息管理目录登记，不含涉密内容。`), p('台账内容包括项目名称、承担单位、密级和保密期限、知悉范围等，由定密责任人确定密级。台账的查阅、复制和传递严格按照保密管理规定执行。'), filler].join('') },
];

function specOf(tpl: Template, year: number, rng: Random, attribute: 'on-request' | 'exempt'): ItemSpec {
  const writtenOn = dateIn(rng, year, year === 2026 ? rng.int(1, 10) : rng.int(1, 12));
  const title = tpl.title(year, rng);
  return {
    key: `withheld-${tpl.id}-${year}`, organKey: 'kjj', unitName: tpl.unitName, docCode: tpl.docCode ?? null, writtenOn, title, topic: tpl.topic, genre: tpl.genre,
    catalogueEntryKey: tpl.catalogueEntryKey, summary: `${title}。公开属性：${attribute === 'exempt' ? '不予公开' : '依申请公开'}。`,
    bodyHtml: tpl.body(year, rng) + (attribute === 'exempt'
      ? p('公民、法人或者其他组织申请获取本信息的，由局办公室依照《中华人民共和国政府信息公开条例》第三十六条第（三）项告知不予公开并说明理由。')
      : p('公民、法人或者其他组织可以向局办公室申请获取本信息，局办公室自收到申请之日起20个工作日内答复。')),
    withheld: attribute === 'exempt' ? { attribute, basis: tpl.basis ?? 'internal-affairs', reason: tpl.reason } : { attribute, reason: tpl.reason },
  };
}

/** `onRequest` 依申请公开 and `exempt` 不予公开 items over the demo years, drawn from the templates. */
export function withheldSpecs(rng: Random, counts: { onRequest: number; exempt: number }): ItemSpec[] {
  const draw = (templates: readonly Template[], n: number, attribute: 'on-request' | 'exempt') => {
    const pairs = templates.flatMap((t) => DEMO_YEARS.map((y) => [t, y] as const));
    if (n > pairs.length) throw new RangeError(`only ${pairs.length} ${attribute} combinations`);
    return rng.sample(pairs, n).map(([t, y]) => specOf(t, y, rng, attribute)).filter((s) => s.writtenOn <= LAST_WRITTEN_ON);
  };
  return [...draw(ON_REQUEST, counts.onRequest, 'on-request'), ...draw(EXEMPT, counts.exempt, 'exempt')];
}
