/**
 * The bureau's organisational and disclosure items: 机构职能, 权力清单, 审批事项目录, 服务指南, 科技政策汇编,
 * 信息公开指南 and 制度, 年度报告 (counted from the items themselves), 规划 with their 征求意见, 督查整改 and training news.
 */
import { DEMO_PEOPLE } from './demo-organisation.ts';
import { DEMO_YEARS, dateIn, onWorkingDay, plusDays, type FinishedItem, type ItemSpec } from './item-spec.ts';
import type { Random } from './random.ts';
import { BUREAU_CONTACT, FIELDS, cnDate, h2, ol, p, signature, table } from './text-templates.ts';

const KJJ = '某县科学技术局';
type Base = Pick<ItemSpec, 'organKey' | 'unitName' | 'docCode'>;
const OFFICE: Base = { organKey: 'kjj', unitName: '办公室', docCode: null };

function organisation(rng: Random, year: number): ItemSpec {
  return {
    ...OFFICE, key: `kjj-${year}-organisation`, writtenOn: dateIn(rng, year, rng.pick([3, 4])), title: `县科技局机构职能（${year}年更新）`,
    topic: '科技', genre: '其他文件', catalogueEntryKey: 'organisation-functions',
    summary: '县科技局主要职责、内设机构、办公地址、办公时间和联系方式。',
    bodyHtml: [
      h2('一、主要职责'),
      ol(['贯彻落实国家、省、市科技创新方针政策，拟订全县科技发展规划和政策并组织实施。', '统筹县级科技计划项目和资金管理，组织开展科技项目的申报、立项、验收。', '负责高新技术企业培育、科技型中小企业评价和科技企业孵化载体建设。', '负责农业农村科技工作，组织实施科技特派员制度。', '负责科技成果转化、技术市场和科学技术奖励工作。', '负责知识产权保护和专利行政执法工作（挂县知识产权局牌子）。']),
      h2('二、内设机构'),
      p('办公室、高新科、农业科、成果科、财务科，县知识产权局。'),
      h2('三、办公地址和时间'),
      p(`办公地址：某县城关镇人民东路88号县行政中心3号楼5楼。办公时间：工作日上午8:30至12:00，下午${year >= 2023 ? '14:30至17:30' : '14:00至17:30'}（法定节假日除外）。联系电话：${BUREAU_CONTACT.phone}。`),
    ].join(''),
  };
}

function leaders(rng: Random, year: number): ItemSpec {
  return {
    ...OFFICE, docCode: '县科技发', key: `kjj-${year}-leaders`, writtenOn: dateIn(rng, year, rng.pick([2, 6, 9])), title: `县科技局领导班子成员及分工（${year}年调整）`,
    topic: '人事工作', genre: '人事信息', catalogueEntryKey: 'organisation-leaders', retractReason: '领导分工表中一名同志的职务表述有误，撤回更正后重新发布。',
    summary: `局长${DEMO_PEOPLE.director}主持全面工作，副局长${DEMO_PEOPLE.deputyDirector}、${DEMO_PEOPLE.secondDeputy}分管业务科室。`,
    bodyHtml: [
      p('根据人事变动情况，经局党组研究，对局领导班子成员分工调整如下：'),
      table(['姓名', '职务', '分工'], [
        [DEMO_PEOPLE.director, '党组书记、局长', '主持局全面工作，分管办公室、财务科。'],
        [DEMO_PEOPLE.deputyDirector, '党组成员、副局长', '负责高新技术产业、科技成果转化和政务公开工作，分管高新科、成果科。'],
        [DEMO_PEOPLE.secondDeputy, '党组成员、副局长', '负责农业农村科技和知识产权工作，分管农业科、县知识产权局。'],
      ]),
      p('局领导外出期间，由局长指定一名班子成员主持日常工作。'),
    ].join(''),
  };
}

function lists(rng: Random, year: number, kind: 'power' | 'approval' | 'ip-rules' | 'service-catalogue'): ItemSpec {
  const meta = {
    power: ['权力清单和责任清单', 'power-list', '行政权力事项的职权类型、实施依据、责任事项和追责情形'],
    approval: ['行政审批事项目录', 'approval-catalogue', '行政审批事项名称、设定依据、审批条件、程序和期限'],
    'ip-rules': ['专利行政执法事项清单和执法流程', 'ip-enforcement-rules', '执法主体、执法依据、执法程序、救济渠道和执法流程'],
    'service-catalogue': ['公共服务事项目录', 'public-service-catalogue', '公共服务事项名称、服务对象、服务内容和承办科室'],
  } as const;
  const [name, entry, content] = meta[kind];
  const rows = [
    ['假冒专利行为的处罚', '行政处罚', '《中华人民共和国专利法》', '县知识产权局'],
    ['专利侵权纠纷的处理', '行政裁决', '《中华人民共和国专利法》', '县知识产权局'],
    ['科技计划项目的立项和验收', '其他行政权力', '《中华人民共和国科学技术进步法》', '高新科'],
    ['县科学技术奖的评审和奖励', '行政奖励', '《国家科学技术奖励条例》', '成果科'],
    ['技术合同认定登记', '行政确认', '《技术合同认定登记管理办法》', '成果科'],
    ['科技创新券的发放和兑付', '行政给付', '县科技创新券管理有关规定', '成果科'],
  ];
  return {
    organKey: 'kjj', unitName: kind === 'ip-rules' ? '知识产权局' : '办公室', docCode: kind === 'ip-rules' ? null : kind === 'service-catalogue' ? '县科技办' : '县科技发',
    key: `kjj-${year}-${kind}`, writtenOn: dateIn(rng, year, rng.pick([5, 6, 9])), title: `县科技局${name}（${year}年版）`,
    topic: kind === 'ip-rules' ? '知识产权' : '科技', genre: '其他文件', catalogueEntryKey: entry,
    summary: `公布县科技局${name}（${year}年版），包括${content}。`,
    bodyHtml: [
      p(`根据县政府关于${kind === 'power' ? '推行权力清单和责任清单动态调整' : '深化“放管服”改革'}的要求，我局对${name}进行了梳理和动态调整，现予公布。`),
      table(['序号', '事项名称', '职权类型', '实施依据', '承办机构'], rows.slice(0, rng.int(4, 6)).map((r, i) => [i + 1, ...r])),
      p(`各事项的${content}详见县政务服务网。监督电话：${BUREAU_CONTACT.phone}。`),
    ].join(''),
  };
}

function serviceGuide(rng: Random, year: number, name: string, unitName: string): ItemSpec {
  return {
    organKey: 'kjj', unitName, docCode: null, key: `kjj-${year}-guide-${unitName === '成果科' ? 'results' : 'hightech'}`,
    writtenOn: dateIn(rng, year, rng.pick([4, 10])), title: `${name}服务指南`, topic: '科技', genre: '其他文件', catalogueEntryKey: 'service-guides',
    summary: `${name}的设定依据、申请条件、办理材料、办理地点、办理时限和联系方式。`,
    bodyHtml: [
      table(['要素', '内容'], [
        ['事项名称', name], ['设定依据', name.includes('技术合同') ? '《技术合同认定登记管理办法》' : '《科技型中小企业评价办法》（国科发政〔2017〕115号）'],
        ['申请条件', '在本县注册登记的企业或其他组织'], ['办理材料', '申请表、营业执照复印件、相关证明材料'],
        ['办理地点', '县政务服务中心科技窗口'], ['办理时间', '工作日上午8:30至12:00，下午14:30至17:30'],
        ['办理时限', '承诺5个工作日'], ['收费标准', '不收费'], ['咨询电话', BUREAU_CONTACT.phone],
      ]),
      p('办理流程：申请人提交材料，窗口受理，科室审核，办结并告知结果。可通过县政务服务网在线办理。'),
    ].join(''),
  };
}

function policyCompilation(rng: Random, year: number): ItemSpec {
  const writtenOn = dateIn(rng, year, rng.pick([3, 4]));
  return {
    ...OFFICE, key: `kjj-${year}-policy-compilation`, writtenOn, title: `${year}年科技惠企政策汇编`, topic: '科技', genre: '其他文件',
    catalogueEntryKey: 'science-policies', summary: `汇集中央、省、市、县现行有效的科技惠企政策，涵盖研发投入、高企培育、成果转化和人才引进。`,
    bodyHtml: [
      p('为便于企业和群众知晓、享受科技政策，我局对中央、省、市、县出台的科技惠企政策进行了梳理汇总，现集中发布。'),
      h2('一、国家政策'),
      ol(['《中华人民共和国科学技术进步法》', '《高新技术企业认定管理办法》（国科发火〔2016〕32号）', '《科技型中小企业评价办法》（国科发政〔2017〕115号）', '企业研发费用税前加计扣除政策']),
      h2('二、县级政策'),
      p('县级科技政策文件及其解读见本网站“政策文件”栏目，涉及科技创新券、科技计划项目、企业研发机构、科技成果转化等事项。'), p('汇编内容将根据政策出台和废止情况动态更新。企业可通过县政务服务网“惠企政策”专区在线申报。'),
      p(`政策咨询：县科技局办公室，电话${BUREAU_CONTACT.phone}。`),
    ].join(''),
  };
}

function disclosureDoc(rng: Random, year: number, kind: 'guide' | 'confidentiality' | 'attribute' | 'requests'): ItemSpec {
  const meta = {
    guide: ['县科技局政府信息公开指南', 'disclosure-guide', '信息分类和编排体系、获取方式、依申请公开的受理机构和程序'],
    confidentiality: ['县科技局政府信息公开保密审查制度', 'disclosure-rules', '拟公开政府信息的保密审查程序和责任'],
    attribute: ['县科技局政府信息公开属性源头认定制度', 'disclosure-rules', '公文拟制时认定主动公开、依申请公开或不予公开属性的程序'],
    requests: ['县科技局政府信息公开申请办理制度', 'disclosure-rules', '申请的接收、登记、补正、征求意见、答复和归档'],
  } as const;
  const [title, entry, content] = meta[kind];
  return {
    ...OFFICE, docCode: '县科技办', key: `kjj-${year}-disclosure-${kind}`, writtenOn: dateIn(rng, year, kind === 'guide' ? 5 : rng.pick([6, 9])),
    title: kind === 'guide' ? `${title}（${year}年修订）` : `关于印发《${title}》的通知`, topic: '政务公开', genre: '其他文件', catalogueEntryKey: entry,
    summary: `规定${content}。`,
    bodyHtml: [
      p(`根据《中华人民共和国政府信息公开条例》，结合我局实际，${kind === 'guide' ? '编制本指南' : '制定本制度'}，规定${content}。`),
      h2('一、主动公开'),
      p('主动公开的政府信息自形成或者变更之日起20个工作日内，通过县政府门户网站信息公开专栏公开。信息分类按照主动公开基本目录编排。'),
      h2('二、依申请公开'),
      p('公民、法人或者其他组织可以通过当面、信函、网络等方式向我局申请获取政府信息。能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过20个工作日。'),
      h2('三、工作机构'),
      p(`政府信息公开工作机构：县科技局办公室。地址：某县城关镇人民东路88号县行政中心3号楼5楼。办公时间：工作日上午8:30至12:00，下午14:30至17:30。电话：${BUREAU_CONTACT.phone}；传真：0576-83912611；电子邮箱：kjj@example.gov.cn。`),
    ].join(''),
  };
}

/** 年度报告 tables (国办公开办函〔2021〕30号) filled from the items the demo itself contains. */
function annualReportBody(year: number, rng: Random): (items: readonly FinishedItem[]) => string {
  const received = rng.int(1, 7);
  const granted = rng.int(0, received);
  const partly = rng.int(0, received - granted);
  return (items) => {
    const own = items.filter((i) => i.organKey === 'kjj' && i.state !== 'draft' && i.publishedOn !== null);
    const inYear = (d: string | null) => d !== null && d.startsWith(String(year));
    const yearEnd = `${year}-12-31`;
    const normative = own.filter((i) => i.genre === '行政规范性文件');
    const issued = normative.filter((i) => inYear(i.writtenOn)).length;
    const repealed = normative.filter((i) => inYear(i.repealedOn)).length;
    const current = normative.filter((i) => i.writtenOn <= yearEnd && (i.repealedOn ?? i.expiredOn ?? '9999') > yearEnd).length;
    const sum = (genre: string) => own.filter((i) => i.genre === genre && inYear(i.writtenOn)).reduce((s, i) => s + i.tally, 0);
    const published = own.filter((i) => inYear(i.publishedOn)).length;
    return [
      p(`本报告根据《中华人民共和国政府信息公开条例》第四十九条、第五十条规定编制，所列数据统计期限为${year}年1月1日至12月31日。`),
      h2('一、总体情况'),
      p(`${year}年，我局全年在县政府门户网站信息公开专栏主动公开政府信息${published}条，收到政府信息公开申请${received}件，均在法定期限内答复。落实公开属性源头认定和保密审查机制，更新主动公开基本目录。`),
      h2('二、主动公开政府信息情况'),
      table(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [['规章', 0, 0, 0], ['行政规范性文件', issued, repealed, current]], '第二十条第（一）项'),
      table(['信息内容', '本年处理决定数量'], [['行政许可', sum('行政许可')]], '第二十条第（五）项'),
      table(['信息内容', '本年处理决定数量'], [['行政处罚', sum('行政处罚')], ['行政强制', 0]], '第二十条第（六）项'),
      table(['信息内容', '本年收费金额（单位：万元）'], [['行政事业性收费', '0.00']], '第二十条第（八）项'),
      h2('三、收到和处理政府信息公开申请情况'),
      p(`本年新收政府信息公开申请${received}件，其中予以公开${granted}件，部分公开${partly}件，本机关不掌握相关政府信息${received - granted - partly}件。`),
      h2('四、政府信息公开行政复议、行政诉讼情况'),
      p('本年度未发生因政府信息公开引起的行政复议和行政诉讼。'),
      h2('五、存在的主要问题及改进情况'),
      p('个别信息发布不够及时，政策解读形式较为单一。下一步将严格落实信息发布时限要求，丰富图解、视频等解读形式。'),
      h2('六、其他需要报告的事项'),
      p('本年度未收取信息处理费。'),
    ].join('');
  };
}

function annualReport(rng: Random, year: number): ItemSpec {
  return {
    ...OFFICE, key: `kjj-${year}-annual-report`, writtenOn: dateIn(rng, year + 1, 1, 8, 22), title: `县科技局${year}年政府信息公开工作年度报告`,
    topic: '政务公开', genre: '年度报告', catalogueEntryKey: 'disclosure-annual-report', lagWorkingDays: rng.int(1, 4), isPinned: true,
    summary: `${year}年县科技局主动公开、依申请公开、行政复议和行政诉讼情况，存在的问题及改进措施。`,
    bodyHtml: annualReportBody(year, rng),
  };
}

/** A 规划 published after 重大决策预公开: 征求意见, 采纳情况, the plan itself. */
function plan(rng: Random, key: string, name: string, year: number, month: number): ItemSpec[] {
  const draftOn = dateIn(rng, year, month, 1, 10);
  const endOn = plusDays(draftOn, 30);
  const feedbackOn = onWorkingDay(plusDays(endOn, rng.int(5, 12)));
  const writtenOn = onWorkingDay(plusDays(feedbackOn, rng.int(5, 15)));
  const received = rng.int(8, 25);
  const fields = rng.sample(FIELDS, 4).join('、');
  return [
    { ...OFFICE, key: `${key}-draft`, writtenOn: draftOn, lagWorkingDays: 0, isPinned: true, title: `关于公开征求《${name}（征求意见稿）》意见的公告`, topic: '科技', genre: '通知公告', catalogueEntryKey: 'decision-drafts', summary: `公开征求《${name}（征求意见稿）》意见，期限为${cnDate(draftOn)}至${cnDate(endOn)}。`, bodyHtml: [p(`为科学编制《${name}》，现将征求意见稿及起草说明向社会公布，公开征求意见。`), p(`征求意见时间：${cnDate(draftOn)}至${cnDate(endOn)}，共30日。`), p('意见可通过电子邮件发送至kjj_zqyj@example.gov.cn，或邮寄至县科技局办公室。'), h2('起草说明'), p(`规划提出聚焦${fields}等重点领域，到规划期末全社会研究与试验发展经费投入强度达到全市平均水平。`), p('规划草案共分发展基础、总体要求、重点任务和保障措施四个部分，已征求县级有关部门和部分企业、科研机构的意见。欢迎社会各界提出意见建议，我局将认真研究，并在规划印发前公开意见采纳情况。')].join('') },
    { ...OFFICE, key: `${key}-feedback`, writtenOn: feedbackOn, lagWorkingDays: 1, isPinned: true, title: `《${name}（征求意见稿）》意见采纳情况的反馈`, topic: '科技', genre: '通知公告', catalogueEntryKey: 'decision-feedback', summary: `征求意见期间共收到意见${received}条，对意见采纳和未予采纳的情况作出说明。`, bodyHtml: [p(`征求意见期间共收到意见建议${received}条，采纳${Math.floor(received / 2)}条，未予采纳${received - Math.floor(received / 2)}条。`), p('采纳的意见主要涉及加强人才引进、支持企业研发机构建设和完善科技金融服务；未予采纳的意见主要涉及超出县级事权或已有政策覆盖的事项，已逐条说明理由。'), table(['意见类别', '条数', '处理情况'], [['人才引进和培养', 4, '采纳，已在重点任务中增加相关内容'], ['科技金融服务', 3, '采纳，已在保障措施中补充'], ['调整县级事权以外的事项', 2, '未予采纳，超出县级事权']]), p('感谢社会各界对全县科技创新工作的关心和支持。')].join('') },
    { ...OFFICE, key, docCode: '县科技发', writtenOn, isPinned: true, title: name, topic: '科技', genre: '规划计划', catalogueEntryKey: 'plans', summary: `明确规划期内全县科技创新的发展目标、重点任务和保障措施，聚焦${fields}等领域。`, bodyHtml: [h2('一、发展基础'), p('近年来，全县科技创新能力稳步提升，高新技术企业数量持续增长，企业研发投入不断加大，科技服务乡村振兴成效明显。'), h2('二、发展目标'), p('到规划期末，高新技术企业数量实现翻番，规模以上工业企业研发机构覆盖率达到60%以上。'), h2('三、重点任务'), ol([`聚焦${fields}，实施关键核心技术攻关。`, '培育壮大科技企业梯队。', '建设高能级创新平台。', '完善科技成果转化体系。', '深化科技特派员制度。']), h2('四、保障措施'), p('加强组织领导，建立县科技创新工作联席会议制度；加大财政科技投入，确保财政科技支出只增不减；完善考核评价，将科技创新指标纳入乡镇和部门年度考核；营造尊重知识、尊重人才、鼓励创新、宽容失败的创新氛围。'), signature(KJJ, writtenOn)].join('') },
  ];
}

function supervision(rng: Random, year: number): ItemSpec {
  return {
    ...OFFICE, docCode: '县科技报', key: `kjj-${year}-rectification`, writtenOn: dateIn(rng, year, rng.pick([9, 10])), title: `县科技局关于${year}年县政府督查反馈问题整改落实情况的报告`,
    topic: '科技', genre: '其他文件', catalogueEntryKey: 'supervision-rectification', summary: '针对县政府督查反馈的项目推进和资金拨付问题，逐项说明整改措施和完成情况。',
    bodyHtml: [p(`根据县政府督查室${year}年专项督查反馈意见，我局认真组织整改，现将整改落实情况报告如下。`), table(['序号', '反馈问题', '整改措施', '整改情况'], [[1, '部分科技项目推进缓慢', '建立项目月度调度机制', '已完成'], [2, '创新券兑付周期较长', '简化兑付材料，实行线上审核', '已完成'], [3, '政策解读形式单一', '增加图解和视频解读', '持续推进']]), p('对整改中发现的责任问题，已按规定对相关人员进行提醒谈话。')].join(''),
  };
}

function training(rng: Random, year: number): ItemSpec {
  const n = rng.int(20, 45);
  return {
    ...OFFICE, key: `kjj-${year}-disclosure-training`, writtenOn: dateIn(rng, year, rng.pick([5, 6, 10])), title: `县科技局组织开展${year}年政务公开业务培训`,
    topic: '政务公开', genre: '工作动态', catalogueEntryKey: 'work-news', summary: `局机关和下属单位${n}名干部参加政务公开业务培训，学习政府信息公开条例和公开属性认定。`,
    bodyHtml: [p(`近日，县科技局组织开展${year}年政务公开业务培训，局机关各科室和下属单位政务公开工作人员${n}人参加。培训采取集中授课和案例研讨相结合的方式进行，局办公室负责人主讲。`), p('培训围绕《中华人民共和国政府信息公开条例》、主动公开基本目录、公开属性源头认定、依申请公开办理和保密审查等内容进行讲解，并通报了县政务公开工作考核中发现的问题。'), p('培训还结合我局信息公开专栏的实际，逐项讲解了信息发布审核流程和常见错误，并对主动公开基本目录中的事项分工进行了梳理，明确各科室负责的公开事项和时限。'), p(`${DEMO_PEOPLE.deputyDirector}副局长要求，各科室要把政务公开作为日常工作，严格落实信息发布“三审”制度，做到应公开尽公开、公开及时准确。`)].join(''),
  };
}

/** The bureau's organisational, disclosure and planning items. */
export function governanceSpecs(rng: Random): ItemSpec[] {
  const specs: ItemSpec[] = [];
  for (const y of [2019, 2022, 2025]) specs.push(organisation(rng, y));
  for (const y of [2019, 2021, 2024]) specs.push(leaders(rng, y), lists(rng, y, 'power'));
  for (const y of [2019, 2023]) specs.push(lists(rng, y, 'approval'), disclosureDoc(rng, y, 'guide'));
  for (const y of [2020, 2023]) specs.push(lists(rng, y, 'service-catalogue'));
  for (const y of [2019, 2022]) specs.push(lists(rng, y, 'ip-rules'));
  specs.push(serviceGuide(rng, 2021, '技术合同认定登记', '成果科'), serviceGuide(rng, 2022, '科技型中小企业评价入库', '高新科'));
  specs.push(disclosureDoc(rng, 2019, 'confidentiality'), disclosureDoc(rng, 2020, 'attribute'), disclosureDoc(rng, 2021, 'requests'));
  for (const y of DEMO_YEARS) {
    specs.push(training(rng, y));
    if (y >= 2020) specs.push(policyCompilation(rng, y));
    if (y <= 2025) specs.push(annualReport(rng, y));
  }
  specs.push(...plan(rng, 'kjj-2021-plan-14th', '某县“十四五”科技创新发展规划', 2021, 6));
  specs.push(...plan(rng, 'kjj-2024-action-plan', '某县科技创新三年行动计划（2024—2026年）', 2024, 3));
  specs.push(supervision(rng, 2021), supervision(rng, 2024));
  return specs;
}
