/**
 * The bureau's yearly science-and-technology work: 科技计划项目 (申报、立项、经费、验收), 高新技术企业认定,
 * “双随机、一公开”, 科技特派员, 科技活动周, 知识产权宣传周, 科技统计 and 县科学技术奖.
 */
import { DEMO_YEARS, dateIn, type ItemSpec } from './item-spec.ts';
import type { Random } from './random.ts';
import { BUREAU_CONTACT, FARM_TOPICS, FIELDS, TOWNS, cnDate, companyNames, contact, h2, ol, p, personNames, signature, table, wan } from './text-templates.ts';

const KJJ = '某县科学技术局';
const PUBLICITY = (days: number) =>
  p(`公示期为${days}个工作日。公示期间，任何单位和个人对公示内容有异议的，可以书面形式向县科技局反映，并提供必要的证明材料。以单位名义提出异议的须加盖公章，以个人名义提出异议的须署真实姓名和联系方式。`);

const PROJECT_SUBJECTS = ['关键工艺研发', '智能化改造技术研究', '新产品开发', '检测方法研究', '绿色生产技术集成示范', '品种选育与示范推广'];

function projectCall(rng: Random, year: number): ItemSpec {
  const writtenOn = dateIn(rng, year, 3, 1, 20);
  const deadline = dateIn(rng, year, 4, 10, 25);
  return {
    key: `kjj-${year}-project-call`, organKey: 'kjj', unitName: '高新科', docCode: '县科技发', writtenOn,
    title: `关于组织申报${year}年度县级科技计划项目的通知`, topic: '科技', genre: '通知公告', catalogueEntryKey: 'science-projects',
    summary: `组织申报${year}年度县级工业、农业和社会发展科技计划项目，申报截止时间为${cnDate(deadline)}。`,
    bodyHtml: [
      p('各乡镇人民政府，县级有关单位，各有关企业：'),
      p(`为加快实施创新驱动发展战略，现组织申报${year}年度县级科技计划项目，有关事项通知如下。`),
      h2('一、申报方向'),
      ol([`工业领域：重点支持${rng.sample(FIELDS, 3).join('、')}等产业的关键技术攻关和新产品开发。`, '农业领域：重点支持良种繁育、绿色种养、农产品精深加工技术集成与示范。', '社会发展领域：重点支持医疗卫生、生态环境、公共安全等民生科技研究。']),
      h2('二、申报条件'),
      p('申报单位应为在本县注册登记、具有独立法人资格的企事业单位，具有较强的研发能力和健全的财务管理制度；项目负责人应为申报单位在职人员，同期主持县级科技计划项目不超过1项。'),
      h2('三、申报要求'),
      p(`请申报单位于${cnDate(deadline)}前通过县科技项目管理系统提交申报书，并将纸质材料一式两份报送县科技局高新科（农业领域报送农业科）。县科技局不收取任何评审费用。`),
      contact(BUREAU_CONTACT.person, BUREAU_CONTACT.phone),
      signature(KJJ, writtenOn),
    ].join(''),
  };
}

function projectRows(rng: Random, n: number): (string | number)[][] {
  return companyNames(rng, n).map((c, i) => [i + 1, `${rng.pick(FIELDS)}${rng.pick(PROJECT_SUBJECTS)}`, c, wan(rng.money(5, 30))]);
}

function projectApproval(rng: Random, year: number): ItemSpec {
  const rows = projectRows(rng, rng.int(6, 10));
  return {
    key: `kjj-${year}-project-approval`, organKey: 'kjj', unitName: '高新科', docCode: null, writtenOn: dateIn(rng, year, rng.pick([6, 7])),
    title: `${year}年度县级科技计划项目拟立项名单公示`, topic: '科技', genre: '通知公告', catalogueEntryKey: 'science-projects',
    summary: `经形式审查、专家评审和局党组研究，${rows.length}个项目拟列入${year}年度县级科技计划，现予公示。`,
    bodyHtml: [
      p(`根据《关于组织申报${year}年度县级科技计划项目的通知》，经形式审查、专家评审和局党组会议研究，拟将以下${rows.length}个项目列入${year}年度县级科技计划，现予公示。`),
      table(['序号', '项目名称', '承担单位', '拟补助经费（万元）'], rows),
      PUBLICITY(5),
      contact(BUREAU_CONTACT.person, BUREAU_CONTACT.phone),
    ].join(''),
    retractReason: '公示名单中一个项目的承担单位名称有误，撤回更正后重新发布。',
  };
}

function projectFunds(rng: Random, year: number): ItemSpec {
  const writtenOn = dateIn(rng, year, rng.pick([8, 9]));
  const total = rng.money(150, 420);
  return {
    key: `kjj-${year}-project-funds`, organKey: 'kjj', unitName: '财务科', docCode: '县科技发', writtenOn,
    title: `关于下达${year}年度县级科技计划项目经费的通知`, topic: '科技', genre: '其他文件', catalogueEntryKey: 'science-funds',
    summary: `下达${year}年度县级科技计划项目经费${wan(total)}万元，明确资金用途、绩效目标和管理要求。`,
    bodyHtml: [
      p('各项目承担单位：'),
      p(`根据县级科技计划项目管理和资金管理有关规定，经项目立项公示无异议，县科技局会同县财政局审核，`),
      p(`经县政府同意，现下达${year}年度县级科技计划项目经费${wan(total)}万元，支出列“2060502 技术创新服务体系”科目。项目明细见已公示的立项名单。`),
      h2('管理要求'),
      ol(['项目经费实行专款专用，单独核算，不得截留、挪用。', '承担单位应按任务书约定的绩效目标组织实施，按时报送项目执行情况。', '县科技局会同县财政局对经费使用情况进行抽查，抽查结果向社会公开。', '项目实施中发生重大变更的，承担单位应及时书面报告县科技局，经同意后方可调整。']),
      signature(KJJ, writtenOn),
    ].join(''),
  };
}

function projectAcceptance(rng: Random, year: number): ItemSpec {
  const rows = projectRows(rng, rng.int(5, 9)).map((r) => [r[0] as number, r[1] as string, r[2] as string, rng.chance(0.85) ? '通过验收' : '结题']);
  return {
    key: `kjj-${year}-project-acceptance`, organKey: 'kjj', unitName: '成果科', docCode: null, writtenOn: dateIn(rng, year, rng.pick([11, 12]), 1, 20),
    title: `${year}年度县级科技计划项目验收结果公示`, topic: '科技', genre: '通知公告', catalogueEntryKey: 'science-projects',
    summary: `${rows.length}个到期县级科技计划项目完成验收，现将验收结果予以公示。`,
    bodyHtml: [
      p(`根据县级科技计划项目管理有关规定，我局组织专家对${rows.length}个到期项目进行了验收，现将验收结果公示如下。`),
      table(['序号', '项目名称', '承担单位', '验收结论'], rows),
      PUBLICITY(5),
    ].join(''),
  };
}

function highTechNotice(rng: Random, year: number): ItemSpec {
  const writtenOn = dateIn(rng, year, rng.pick([4, 5]));
  return {
    key: `kjj-${year}-hte-notice`, organKey: 'kjj', unitName: '高新科', docCode: '县科技办', writtenOn,
    title: `关于组织开展${year}年度高新技术企业认定申报工作的通知`, topic: '科技', genre: '通知公告', catalogueEntryKey: 'high-tech-enterprises',
    summary: `依据《高新技术企业认定管理办法》组织${year}年度高新技术企业认定申报，说明申报条件、程序和县级奖励政策。`,
    bodyHtml: [
      p('各有关企业：'),
      p(`根据《高新技术企业认定管理办法》（国科发火〔2016〕32号）和《高新技术企业认定管理工作指引》，现将${year}年度高新技术企业认定申报工作有关事项通知如下。`),
      h2('一、申报条件'),
      p('企业申请认定时须注册成立一年以上；通过自主研发、受让、受赠、并购等方式获得对其主要产品在技术上发挥核心支持作用的知识产权所有权；近三个会计年度研究开发费用总额占同期销售收入总额的比例符合规定要求。'),
      h2('二、申报程序'),
      p('企业在“高新技术企业认定管理工作网”注册并填报申报材料，经县科技局初审后报市科技局，由省高新技术企业认定机构组织评审、公示和备案。'),
      h2('三、其他事项'),
      p('县科技局将组织申报辅导培训，免费为企业提供政策咨询服务。对首次认定的高新技术企业，按县有关政策给予奖励。'),
      contact('李俊峰', '0576-83912615'),
      signature(KJJ, writtenOn),
    ].join(''),
  };
}

function highTechList(rng: Random, year: number): ItemSpec {
  const names = companyNames(rng, rng.int(8, 16));
  return {
    key: `kjj-${year}-hte-list`, organKey: 'kjj', unitName: '高新科', docCode: null, writtenOn: dateIn(rng, year, rng.pick([6, 7])),
    title: `${year}年度某县高新技术企业认定推荐名单公示`, topic: '科技', genre: '通知公告', catalogueEntryKey: 'high-tech-enterprises',
    summary: `经县科技局初审，${names.length}家企业拟推荐申报${year}年度高新技术企业认定，现予公示。`,
    bodyHtml: [p(`经企业自愿申报、县科技局初审，以下${names.length}家企业拟推荐申报${year}年度高新技术企业认定，现予公示。`), table(['序号', '企业名称', '所在乡镇'], names.map((n, i) => [i + 1, n, rng.pick(TOWNS)])), PUBLICITY(5)].join(''),
    retractReason: '公示名单误含一家已注销企业，撤回更正后重新发布。',
  };
}

function randomInspection(rng: Random, year: number, part: 'list' | 'results'): ItemSpec {
  const isList = part === 'list';
  const items = ['县级科技计划项目实施情况检查', '科技创新券使用情况检查', '专利标识标注行为检查', '科技企业孵化器运行情况检查'];
  const objects = companyNames(rng, rng.int(4, 8));
  return {
    key: `kjj-${year}-random-${part}`, organKey: 'kjj', unitName: isList ? '办公室' : '知识产权局', docCode: isList ? '县科技办' : null,
    writtenOn: isList ? dateIn(rng, year, 3, 1, 28) : dateIn(rng, year, rng.pick([11, 12]), 1, 20),
    title: isList ? `县科技局${year}年度随机抽查事项清单` : `县科技局${year}年度“双随机、一公开”抽查结果公示`, topic: isList ? '科技' : '知识产权',
    genre: '通知公告', catalogueEntryKey: isList ? 'random-inspection-list' : 'random-inspection-results',
    summary: isList ? `${year}年度随机抽查事项、依据、主体、内容、方式和比例。` : `${year}年度随机抽查${objects.length}家单位，抽查结果及发现问题的处理情况。`,
    bodyHtml: isList
      ? [p('根据“双随机、一公开”监管工作要求，现将我局本年度随机抽查事项清单公布如下。'), table(['序号', '抽查事项', '抽查依据', '抽查主体', '抽查方式', '抽查比例'], items.map((it, i) => [i + 1, it, i === 2 ? '《中华人民共和国专利法》《专利标识标注办法》' : '县级科技计划项目和资金管理有关规定', i === 2 ? '县知识产权局' : '县科技局', '随机抽取检查对象，随机选派执法检查人员，现场检查', `${rng.int(5, 20)}%`]))].join('')
      : [p(`按照年度抽查计划，我局随机抽取检查对象${objects.length}家，随机选派执法检查人员，完成现场检查。结果如下。`), table(['序号', '检查对象', '检查事项', '检查结果'], objects.map((o, i) => [i + 1, o, rng.pick(items), rng.chance(0.8) ? '未发现问题' : '发现问题，已责令限期整改'])), p('对发现问题的单位，我局已下达整改通知书，整改情况将纳入后续跟踪检查。')].join(''),
  };
}

function commissionerNews(rng: Random, year: number, n: number): ItemSpec {
  const topic = rng.pick(FARM_TOPICS);
  const town = rng.pick(TOWNS);
  const [expert] = personNames(rng, 1);
  const month = [3, 6, 9, 11][n] ?? 5;
  const farmers = rng.int(30, 120);
  return {
    key: `kjj-${year}-commissioner-news-${n + 1}`, organKey: 'kjj', unitName: '农业科', docCode: null, writtenOn: dateIn(rng, year, month),
    title: `科技特派员${expert}深入${town}开展${topic}技术指导`, topic: rng.chance(0.6) ? '农业、畜牧业、渔业' : '科技', genre: '工作动态',
    catalogueEntryKey: 'science-commissioners',
    summary: `县级科技特派员${expert}在${town}开展${topic}现场培训，${farmers}余名农户参加。`,
    bodyHtml: [
      p(`近日，县级科技特派员${expert}来到${town}，围绕${topic}开展现场技术指导和培训，当地种养大户、家庭农场负责人和农户${farmers}余人参加。`),
      p(`培训中，${expert}结合当前农时，讲解了${topic}的关键技术要点和常见问题的解决办法，并深入田间地头，面对面解答农户提出的问题。`),
      p(`当天，${expert}还走访了当地${rng.int(2, 5)}家农业经营主体，了解生产中遇到的技术难题，现场制定了技术服务计划，并约定在关键农时再次上门指导。县科技局农业科工作人员一同参加活动，收集农户对科技服务的意见建议。`),
      p(`科技特派员制度是推动科技服务乡村振兴的重要抓手。${year}年，县科技局共选派县级科技特派员${rng.int(25, 48)}名，实现乡镇全覆盖，累计开展技术服务${rng.int(120, 400)}人次。`),
    ].join(''),
  };
}

function commissionerList(rng: Random, year: number): ItemSpec {
  const writtenOn = dateIn(rng, year, 3, 5, 28);
  const names = personNames(rng, rng.int(8, 12));
  return {
    key: `kjj-${year}-commissioner-list`, organKey: 'kjj', unitName: '农业科', docCode: '县科技发', writtenOn,
    title: `关于公布${year}年度县级科技特派员选派名单的通知`, topic: '农业、畜牧业、渔业', genre: '通知公告', catalogueEntryKey: 'science-commissioners',
    summary: `公布${year}年度县级科技特派员选派名单（部分）、服务乡镇和服务领域，明确工作职责。`,
    bodyHtml: [
      p('各乡镇人民政府，县级有关单位：'),
      p(`根据《国务院办公厅关于深入推行科技特派员制度的若干意见》（国办发〔2016〕32号）和县科技特派员管理有关规定，经个人申请、单位推荐和审核，确定${year}年度县级科技特派员选派名单，现予公布。`),
      table(['序号', '姓名', '服务乡镇', '服务领域'], names.map((n, i) => [i + 1, n, TOWNS[i % TOWNS.length] ?? '', rng.pick(FARM_TOPICS)])),
      p('各科技特派员要深入服务对象开展技术指导，每月到服务地开展工作不少于4天，年度服务情况纳入考核。'),
      signature(KJJ, writtenOn),
    ].join(''),
  };
}

function event(rng: Random, year: number, kind: 'science-week' | 'ip-week'): ItemSpec {
  const isIp = kind === 'ip-week';
  const participants = rng.int(800, 3000);
  return {
    key: `kjj-${year}-${kind}`, organKey: 'kjj', unitName: isIp ? '知识产权局' : '成果科', docCode: null,
    writtenOn: isIp ? dateIn(rng, year, 4, 26, 28) : dateIn(rng, year, 5, 15, 28),
    title: isIp ? `县知识产权局开展${year}年“4·26”知识产权宣传周活动` : `${year}年某县科技活动周启动`, topic: isIp ? '知识产权' : '科技', genre: '工作动态',
    catalogueEntryKey: 'work-news',
    summary: isIp ? `宣传周期间开展专利法律法规宣讲、企业知识产权培训和集市执法检查，发放资料${participants}余份。` : `科技活动周在县科技馆启动，开展科普展览、科技咨询和科普进校园活动，参与群众${participants}余人次。`,
    bodyHtml: isIp
      ? [p(`4月26日是世界知识产权日。${year}年知识产权宣传周期间，县知识产权局联合县市场监管局等单位，在县城广场和各乡镇集市开展宣传活动。`), ol(['设置咨询台，解答群众关于专利申请、商标注册和侵权维权的问题。', '组织企业知识产权管理人员培训，讲解专利布局和风险防范。', '对商场、集市销售的标注专利标识的商品开展检查，规范专利标识标注行为。']), p(`活动共发放宣传资料${participants}余份，接受群众咨询${rng.int(80, 300)}人次。`), p('宣传周期间，县知识产权局还走进企业开展“知识产权服务进企业”活动，帮助企业梳理专利布局中存在的问题。'), p('县知识产权局负责人表示，将以宣传周为契机，持续加强知识产权保护，严厉打击假冒专利等违法行为，为全县创新发展营造良好环境。')].join('')
      : [p(`${year}年科技活动周以“科技创新 共享未来”为主题，在县科技馆广场启动。县政府分管领导出席启动仪式，县科协、县教育局、县农业农村局等单位和部分科技企业参加。`), p(`活动期间，全县组织科普展览、科技咨询、科普讲座、科普进校园等活动${rng.int(15, 40)}场，参与群众${participants}余人次，营造了崇尚科学、热爱科学的浓厚氛围。县科技局组织科技特派员和农业技术人员现场提供咨询服务，并向群众发放科普读物。`), p(`科技活动周期间，县科技馆免费向公众开放，${rng.sample(TOWNS, 3).join('、')}等乡镇同步开展科普大篷车巡展、农业实用技术培训和科学健身指导等活动。`), p('县科技局负责人表示，将持续推进科学普及与科技创新协同发展，组织更多科技工作者走进基层，提升全民科学素质。')].join(''),
  };
}

function statistics(rng: Random, year: number, kind: 'rd' | 'h1'): ItemSpec {
  const isRd = kind === 'rd';
  const rd = rng.money(3.5, 9.8);
  const share = (rng.money(1.4, 2.6)).toFixed(2);
  const rows = [['工业', rng.money(30, 60)], ['高新技术产业增加值', rng.money(45, 70)], ['技术合同成交额', rng.money(1, 6)]] as const;
  return {
    key: `kjj-${year}-stats-${kind}`, organKey: 'kjj', unitName: '办公室', docCode: null,
    writtenOn: isRd ? dateIn(rng, year, rng.pick([9, 10])) : dateIn(rng, year, 8, 1, 25),
    title: isRd ? `${year - 1}年某县科技经费投入统计情况` : `${year}年上半年全县高新技术产业运行情况`, topic: '统计', genre: '统计信息', catalogueEntryKey: 'statistics',
    summary: isRd ? `${year - 1}年全县研究与试验发展经费支出${rd}亿元，投入强度${share}%。` : `${year}年上半年全县高新技术产业增加值占规模以上工业增加值的${rows[1][1]}%。`,
    bodyHtml: isRd
      ? [p(`根据县统计局和县科技局联合开展的科技经费投入统计调查，${year - 1}年全县共投入研究与试验发展（R&amp;D）经费${rd}亿元，经费投入强度（与地区生产总值之比）为${share}%。`), table(['指标', '数值'], [['R&amp;D经费支出（亿元）', rd], ['其中：企业（亿元）', (rd * 0.86).toFixed(2)], ['其中：研究机构和高等学校（亿元）', (rd * 0.14).toFixed(2)], ['投入强度（%）', share]]), p('注：数据来源于科技经费投入统计调查，部分数据因四舍五入的原因，存在总计与分项合计不等的情况。')].join('')
      : [p(`${year}年上半年，全县规模以上工业中高新技术产业实现增加值${rows[0][1]}亿元，占规模以上工业增加值的${rows[1][1]}%；登记技术合同成交额${rows[2][1]}亿元。`), table(['指标', '上半年'], [['高新技术产业增加值（亿元）', rows[0][1]], ['占规模以上工业增加值比重（%）', rows[1][1]], ['技术合同成交额（亿元）', rows[2][1]]]), p(`从企业看，全县高新技术企业实现营业收入同比增长${rng.int(5, 18)}%，研发费用同比增长${rng.int(6, 25)}%，企业创新主体地位进一步巩固。`), p(`分行业看，${rng.sample(FIELDS, 2).join('、')}等行业增长较快，拉动作用明显。下阶段，县科技局将加强高新技术企业培育和研发投入引导，推动高新技术产业持续较快增长。`), p('注：高新技术产业统计口径按照省统计局、省科技厅有关规定执行，上半年数据为快报数，最终数据以年报为准。')].join(''),
  };
}

function awards(rng: Random, year: number): ItemSpec {
  const rows = companyNames(rng, rng.int(5, 8)).map((c, i) => [i + 1, `${rng.pick(FIELDS)}${rng.pick(PROJECT_SUBJECTS)}`, c, i < 1 ? '一等奖' : i < 3 ? '二等奖' : '三等奖']);
  return {
    key: `kjj-${year}-awards`, organKey: 'kjj', unitName: '成果科', docCode: null, writtenOn: dateIn(rng, year, rng.pick([10, 11]), 1, 15),
    title: `${year}年度某县科学技术奖拟奖项目公示`, topic: '科技', genre: '通知公告', catalogueEntryKey: 'science-awards',
    summary: `经评审委员会评审，${rows.length}个项目拟获${year}年度县科学技术奖，现予公示。`,
    bodyHtml: [p(`根据《某县科学技术奖励办法》，经形式审查、专业组初评和评审委员会评审，${rows.length}个项目拟获${year}年度县科学技术奖，现予公示。`), table(['序号', '项目名称', '主要完成单位', '拟奖等级'], rows), PUBLICITY(7)].join(''),
  };
}

/** The yearly science items of 县科技局 for every demo year. */
export function scienceSpecs(rng: Random): ItemSpec[] {
  const specs: ItemSpec[] = [];
  for (const year of DEMO_YEARS) {
    specs.push(projectCall(rng, year), projectApproval(rng, year), projectFunds(rng, year), projectAcceptance(rng, year));
    specs.push(highTechNotice(rng, year), highTechList(rng, year), commissionerList(rng, year));
    specs.push(randomInspection(rng, year, 'list'), randomInspection(rng, year, 'results'));
    specs.push(event(rng, year, 'science-week'), event(rng, year, 'ip-week'), statistics(rng, year, 'rd'), statistics(rng, year, 'h1'));
    for (let n = 0; n < 4; n++) if (n < 3 || rng.chance(0.5)) specs.push(commissionerNews(rng, year, n));
    if (year % 2 === 0) specs.push(awards(rng, year));
  }
  return specs;
}
