/**
 * The bureau's yearly governance items: 政务公开实施方案, 工作要点 and 总结, 部门预算 and 决算 (预算法 Art. 14:
 * published within 20 days of 批复, 功能分类 to the 项 level), and the 政府工作报告 task reports.
 */
import { DEMO_YEARS, dateIn, type ItemSpec } from './item-spec.ts';
import type { Random } from './random.ts';
import { BUREAU_CONTACT, FIELDS, contact, h2, ol, p, signature, table, wan } from './text-templates.ts';

const KJJ = '某县科学技术局';

/** 政务公开实施方案: the structure of the bureau's 2023 plan, written for each year. */
function disclosurePlan(rng: Random, year: number): ItemSpec {
  // After the county's 工作要点 (issued by 4月20日, zfb-*-key-points), which asks for the plans by the end of April.
  const writtenOn = dateIn(rng, year, 4, 23, 28);
  const weight = year >= 2023 ? '不低于4%' : '不低于3%';
  const focus = year <= 2020 ? '“三引一促”、科技扶贫' : year <= 2022 ? '科技助力共同富裕、科技特派员服务乡村振兴' : '科技创新赋能产业升级、科技特派员服务乡村振兴';
  return {
    key: `kjj-${year}-disclosure-plan`, organKey: 'kjj', unitName: '办公室', docCode: '县科技办', writtenOn,
    title: `县科技局${year}年政务公开工作实施方案`, topic: '政务公开', genre: '其他文件', catalogueEntryKey: 'disclosure-work-plan',
    summary: `落实${year}年全县政务公开工作要点，明确管理服务、政策执行、权力运行、解读回应、制度建设五方面公开任务和责任科室。`,
    bodyHtml: [
      p(`为深入贯彻落实《某县${year}年政务公开工作要点》精神，不断扩大政务公开范围，提高政务公开的实效性和针对性，结合我局实际，制定本实施方案。`),
      h2('一、总体要求'),
      p('认真落实县政府工作报告和廉政工作会议有关要求，细化政务公开工作任务，加大公开力度，加强政策解读回应，扩大公众参与，切实保障人民群众对科技工作的知情权、参与权、表达权和监督权，助力深化改革、经济发展、民生改善和政府建设。'),
      h2('二、工作重点'),
      ol([
        '加强管理服务公开。规范权力清单和责任清单公开，在政府网站公开行政审批事项目录、权力清单和责任清单，并根据动态调整情况及时更新；依法公开随机抽查事项清单和抽查结果，推进知识产权执法监管信息公开；梳理公共服务事项目录和服务指南并在政府网站公开。（办公室、知识产权局牵头负责）',
        `加强政策执行公开。对中央、省、市、县出台的重大科技政策梳理汇总后在政府网站集中发布；围绕政府工作报告、发展规划和${focus}等重点工作，公开执行措施、实施步骤、责任分工和进展情况。（办公室牵头负责，高新科、农业科、成果科、知识产权局配合）`,
        '加强权力运行公开。实行重大决策预公开，决策前公布决策草案和决策依据，广泛听取公众意见，并及时反馈意见收集情况、采纳情况和未予采纳的理由；部门预决算支出公开到功能分类项级科目，同步说明机关运行经费情况。（办公室、财务科牵头负责）',
        '加强解读回应。落实同步解读机制，起草规范性文件时将解读方案一并报批，解读材料于文件公开后3个工作日内在政府网站发布；局负责人年内解读重要政策措施不少于1次；遇有重大突发事件，24小时内举行新闻发布会。（办公室牵头负责，各科室配合）',
        '加强制度和能力建设。推进主动公开基本目录建设，落实公开属性源头认定机制，规范依申请公开办理，确保不拒收、不拒办、不超时答复。积极参加县政府办公室组织的培训，提升队伍专业化水平。（办公室牵头负责）',
      ]),
      h2('三、监督检查'),
      p(`局办公室负责全局政务公开督导工作。各科室在年底前对政务公开工作进行全面自查，形成书面材料报局办公室。政务公开工作在局内绩效考核中所占分值权重${weight}。`),
      signature(KJJ, writtenOn),
    ].join(''),
  };
}

function workPlan(rng: Random, year: number): ItemSpec {
  const writtenOn = dateIn(rng, year, 2, 10, 28);
  const fields = rng.sample(FIELDS, 3);
  const targets = [rng.int(8, 20), rng.int(15, 40), rng.int(2, 6), rng.int(10, 25)] as const;
  return {
    key: `kjj-${year}-work-plan`, organKey: 'kjj', unitName: '办公室', docCode: '县科技发', writtenOn,
    title: `县科技局${year}年工作要点`, topic: '科技', genre: '规划计划', catalogueEntryKey: 'plans',
    summary: `${year}年全县科技工作的总体思路、主要目标和重点任务，新增高新技术企业${targets[0]}家、科技型中小企业${targets[1]}家。`,
    bodyHtml: [
      p(`${year}年全县科技工作的总体思路是：坚持创新在现代化建设全局中的核心地位，以企业为主体、以项目为抓手，围绕${fields.join('、')}等产业培育创新主体、建设创新平台、优化创新生态，为全县经济社会高质量发展提供科技支撑。`),
      h2('一、主要目标'),
      p(`全年新增高新技术企业${targets[0]}家，新增科技型中小企业${targets[1]}家，新建省级以上研发机构${targets[2]}家，技术合同成交额增长${targets[3]}%以上，全社会研究与试验发展经费投入强度稳步提高。`),
      h2('二、重点任务'),
      ol([
        '培育创新主体。实施高新技术企业“育苗”行动，完善培育库动态管理，做好认定申报辅导。',
        '建设创新平台。支持企业建设研发中心，推动科技企业孵化器和众创空间提质增效。',
        '推进成果转化。落实科技创新券政策，组织产学研对接活动，做好技术合同认定登记。',
        '服务乡村振兴。深化科技特派员制度，组织开展农业技术培训和示范推广。',
        '加强知识产权保护。开展专利执法检查和“4·26”知识产权宣传周活动，推进知识产权质押融资。',
        '提升治理能力。做好政务公开、安全生产、意识形态和党风廉政建设各项工作。',
      ]),
      signature(KJJ, writtenOn),
    ].join(''),
  };
}

function workSummary(rng: Random, year: number): ItemSpec {
  const writtenOn = dateIn(rng, year, 12, 10, 28);
  const done = [rng.int(9, 24), rng.int(18, 52), rng.int(2, 7), rng.money(1.2, 6.5)] as const;
  return {
    key: `kjj-${year}-work-summary`, organKey: 'kjj', unitName: '办公室', docCode: null, writtenOn,
    title: `县科技局${year}年工作总结和${year + 1}年工作思路`, topic: '科技', genre: '规划计划', catalogueEntryKey: 'plans',
    summary: `${year}年新增高新技术企业${done[0]}家、科技型中小企业${done[1]}家，技术合同成交额${done[3]}亿元；提出${year + 1}年工作思路。`,
    bodyHtml: [
      h2(`一、${year}年工作情况`),
      p(`一年来，我局围绕县委、县政府中心工作，扎实推进各项科技工作。全年新增高新技术企业${done[0]}家、科技型中小企业${done[1]}家，新建省级以上研发机构${done[2]}家，登记技术合同成交额${done[3]}亿元。`),
      p(`组织实施县级科技计划项目${rng.int(18, 40)}项，兑付科技创新券${wan(rng.money(80, 260))}万元；选派科技特派员${rng.int(25, 48)}名，开展农业技术培训${rng.int(30, 90)}场次；办理专利执法案件${rng.int(2, 9)}件。`),
      h2('二、存在的问题'),
      p('企业研发投入总体不足，创新平台能级不高；科技成果在本地转化的渠道不多；科技人才特别是高层次人才引进难、留住难。'),
      h2(`三、${year + 1}年工作思路`),
      ol(['持续壮大高新技术企业和科技型中小企业队伍。', '推动企业研发机构扩面提质。', '完善科技成果转化服务体系。', '深化科技特派员服务乡村振兴。']),
    ].join(''),
  };
}

type Line = [code: string, name: string, basic: number, project: number];

/** 功能分类 rows to the 项 level, with 类 and 款 totals (预算法实施条例 Art. 6). */
function budgetLines(rng: Random): Line[] {
  const items: Line[] = [
    ['2060101', '行政运行', rng.money(180, 260), 0],
    ['2060199', '其他科学技术管理事务支出', 0, rng.money(20, 60)],
    ['2060502', '技术创新服务体系', 0, rng.money(100, 300)],
    ['2060702', '科普活动', 0, rng.money(10, 30)],
    ['2069901', '科技奖励', 0, rng.money(30, 80)],
    ['2080505', '机关事业单位基本养老保险缴费支出', rng.money(18, 26), 0],
    ['2101101', '行政单位医疗', rng.money(8, 12), 0],
    ['2210201', '住房公积金', rng.money(15, 22), 0],
  ];
  const groups: [string, string][] = [
    ['206', '科学技术支出'], ['20601', '科学技术管理事务'], ['20605', '科技条件与服务'], ['20607', '科学技术普及'], ['20699', '其他科学技术支出'],
    ['208', '社会保障和就业支出'], ['20805', '行政事业单位养老支出'], ['210', '卫生健康支出'], ['21011', '行政事业单位医疗'],
    ['221', '住房保障支出'], ['22102', '住房改革支出'],
  ];
  const total = (prefix: string, i: 2 | 3) => Math.round(items.filter((l) => l[0].startsWith(prefix)).reduce((s, l) => s + l[i], 0) * 100) / 100;
  const rows: Line[] = [...groups.map(([c, n]): Line => [c, n, total(c, 2), total(c, 3)]), ...items];
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function budgetBody(rng: Random, year: number, kind: '预算' | '决算'): string {
  const lines = budgetLines(rng);
  const sum = (i: 2 | 3) => lines.filter((l) => l[0].length === 3).reduce((s, l) => s + l[i], 0);
  const [basic, project] = [sum(2), sum(3)];
  const car = rng.money(2, 5);
  const hosting = rng.money(0.4, 1.8);
  const running = rng.money(24, 40);
  return [
    h2('一、部门职责和机构设置'),
    p('某县科学技术局是县政府工作部门，负责拟订全县科技创新政策并组织实施，统筹科技计划项目、科技成果转化、高新技术产业发展、农业农村科技、知识产权保护等工作。内设办公室、高新科、农业科、成果科、财务科，挂县知识产权局牌子。'),
    h2(`二、${year}年度部门${kind}收支情况`),
    p(`${year}年度收支总${kind}${wan(basic + project)}万元，其中基本支出${wan(basic)}万元，项目支出${wan(project)}万元，全部为一般公共预算财政拨款。`),
    table(['科目编码', '科目名称', '合计', '基本支出', '项目支出'], lines.map(([c, n, b, pr]) => [c, n, wan(b + pr), wan(b), wan(pr)]), `一般公共预算支出${kind}表（按功能分类，单位：万元）`),
    h2('三、“三公”经费和机关运行经费'),
    p(`“三公”经费${wan(car + hosting)}万元，其中因公出国（境）费0.00万元，公务用车购置及运行费${wan(car)}万元（无购置），公务接待费${wan(hosting)}万元。机关运行经费${wan(running)}万元，主要用于办公费、印刷费、水电费、差旅费等日常公用经费。`),
    h2('四、名词解释'),
    p('机关运行经费：为保障行政单位运行用于购买货物和服务的各项资金。“三公”经费：因公出国（境）费、公务用车购置及运行费和公务接待费。'),
  ].join('');
}

function budget(rng: Random, year: number): ItemSpec {
  return {
    key: `kjj-${year}-budget`, organKey: 'kjj', unitName: '财务科', docCode: null, writtenOn: dateIn(rng, year, rng.pick([2, 3]), 5, 20),
    title: `县科技局${year}年部门预算公开`, topic: '财政', genre: '财政预决算', catalogueEntryKey: 'department-budget',
    summary: `${year}年部门预算收支总表、一般公共预算支出表（按功能分类到项）、“三公”经费和机关运行经费安排说明。`,
    bodyHtml: budgetBody(rng, year, '预算'), lagWorkingDays: rng.int(2, 8), isPinned: true,
  };
}

function finalAccounts(rng: Random, year: number): ItemSpec {
  return {
    key: `kjj-${year - 1}-final-accounts`, organKey: 'kjj', unitName: '财务科', docCode: null, writtenOn: dateIn(rng, year, rng.pick([8, 9]), 1, 20),
    title: `县科技局${year - 1}年度部门决算公开`, topic: '财政', genre: '财政预决算', catalogueEntryKey: 'department-final-accounts',
    summary: `${year - 1}年度部门决算报表、一般公共预算财政拨款支出决算（按功能分类到项）、“三公”经费和机关运行经费使用情况。`,
    bodyHtml: budgetBody(rng, year - 1, '决算'), lagWorkingDays: rng.int(2, 8), isPinned: true,
  };
}

/** Half-year and full-year progress on the 政府工作报告 tasks assigned to the bureau. */
function implementation(rng: Random, year: number, half: 'mid' | 'full'): ItemSpec {
  const reportYear = half === 'mid' ? year : year - 1;
  const writtenOn = half === 'mid' ? dateIn(rng, year, 7, 5, 25) : dateIn(rng, year, 1, 8, 25);
  const early = reportYear <= 2020;
  const tasks = early
    ? ['“三引一促”：引进科技型项目、引进高层次人才、引进研发机构，促进产业升级', '科技扶贫：向低收入农户集中村选派科技特派员，推广增收技术', '高新技术企业培育']
    : ['高新技术企业和科技型中小企业“双倍增”', '企业研发机构建设', '科技特派员服务乡村振兴'];
  const label = half === 'mid' ? '上半年进展情况' : '完成情况';
  return {
    key: `kjj-${reportYear}-implementation-${half}`, organKey: 'kjj', unitName: '办公室', docCode: half === 'full' ? '县科技报' : null, writtenOn,
    title: `县科技局${reportYear}年政府工作报告重点任务${label}`, topic: early && rng.chance(0.5) ? '扶贫' : '科技', genre: '其他文件',
    catalogueEntryKey: 'policy-implementation',
    summary: `县科技局牵头的${reportYear}年政府工作报告重点任务${label}，包括${tasks.map((t) => t.split('：')[0]).join('、')}等。`,
    bodyHtml: [
      p(`根据县政府办公室关于做好政府工作报告重点任务落实情况公开的要求，现将我局牵头负责的${reportYear}年重点任务${label}公布如下。`),
      table(['序号', '重点任务', '责任科室', half === 'mid' ? '进展情况' : '完成情况'], tasks.map((t, i) => [
        i + 1, t, ['高新科', '农业科', '成果科'][i] ?? '办公室',
        half === 'mid' ? `已完成年度目标的${rng.int(45, 70)}%，按序时推进` : `全面完成，完成年度目标的${rng.int(100, 135)}%`,
      ])),
      p(half === 'mid'
        ? '下一步，我局将对照年度目标，倒排时间节点，对进度滞后的事项加强督促，确保全年任务如期完成。'
        : '对督查中发现的个别项目推进缓慢问题，已明确整改措施和时限，整改情况将在政府网站同步公开。'),
      contact(BUREAU_CONTACT.person, BUREAU_CONTACT.phone),
    ].join(''),
  };
}

/** The yearly governance items of 县科技局 for every demo year. */
export function planAndBudgetSpecs(rng: Random): ItemSpec[] {
  const specs: ItemSpec[] = [];
  for (const year of DEMO_YEARS) {
    specs.push(disclosurePlan(rng, year), workPlan(rng, year), budget(rng, year), finalAccounts(rng, year), implementation(rng, year, 'mid'));
    if (year < 2026) specs.push(workSummary(rng, year));
    if (year > 2019) specs.push(implementation(rng, year, 'full'));
  }
  return specs;
}
