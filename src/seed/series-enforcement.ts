/**
 * 行政处罚 (假冒专利, 专利法 Art. 63 before 2021-06-01, Art. 68 after), 行政许可 results, 人事信息,
 * 舆情回应, 新闻发布会, 领导干部解读 and the 2019–2021 “三引一促” and 科技扶贫 news.
 */
import { DEMO_PEOPLE } from './demo-organisation.ts';
import { DEMO_YEARS, dateIn, plusDays, type ItemSpec } from './item-spec.ts';
import type { Random } from './random.ts';
import { BUREAU_CONTACT, TOWNS, cnDate, companyNames, contact, h2, ol, p, personNames, shop as shopName, table, wan } from './text-templates.ts';

const IP: Pick<ItemSpec, 'organKey' | 'unitName'> = { organKey: 'kjj', unitName: '知识产权局' };
const OFFICE: Pick<ItemSpec, 'organKey' | 'unitName' | 'docCode'> = { organKey: 'kjj', unitName: '办公室', docCode: null };
const PRODUCTS = ['电动工具', '保温杯', '多功能插座', '园林修剪机', '儿童安全座椅', '节能灯具', '厨房刀具', '塑料收纳箱'];

/** A Chinese patent number ZL + 12-digit application number + check digit (mod 11, 10 = X). */
function patentNumber(rng: Random, year: number): string {
  const digits = `${year}${rng.pick(['1', '2', '2', '3'])}${String(rng.int(0, 9999999)).padStart(7, '0')}`;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * (weights[i] as number), 0);
  const check = sum % 11;
  return `ZL${digits}.${check === 10 ? 'X' : check}`;
}

function penalty(rng: Random, year: number, n: number): ItemSpec {
  const writtenOn = dateIn(rng, year, rng.int(3, 11));
  const { name: shop, town } = shopName(rng);
  const product = rng.pick(PRODUCTS);
  const income = rng.int(300, 6000);
  const fine = rng.int(2, 20) * 1000;
  const newLaw = writtenOn >= '2021-06-01';
  const article = newLaw ? '《中华人民共和国专利法》第六十八条' : '《中华人民共和国专利法》第六十三条';
  const rule = writtenOn >= '2024-01-20' ? '《中华人民共和国专利法实施细则》第一百零一条' : '《中华人民共和国专利法实施细则》第八十四条';
  return {
    ...IP, key: `kjj-${year}-penalty-${n}`, docCode: '县知罚', writtenOn, title: `${shop}假冒专利案行政处罚决定书`,
    topic: '知识产权', genre: '行政处罚', catalogueEntryKey: 'ip-penalties',
    summary: `${shop}销售标注无效专利号的${product}，构成假冒专利，责令改正并予公告，没收违法所得${income}元，罚款${fine}元。`,
    bodyHtml: [
      p(`当事人：${shop}，经营场所：某县${town}${rng.pick(['人民路', '解放街', '新华路', '东街'])}${rng.int(3, 180)}号，经营者：${personNames(rng, 1)[0]?.charAt(0) ?? '王'}某。`),
      h2('一、违法事实'),
      p(`${cnDate(plusDays(writtenOn, -rng.int(20, 60)))}，执法人员在日常检查中发现，当事人销售的${product}外包装上标注专利号${patentNumber(rng, year - rng.int(3, 8))}。经查询，该专利权已因未缴年费终止，当事人在专利权终止后继续在产品上标注专利标识并销售，违法所得${income}元。`),
      p('上述事实有现场检查笔录、询问笔录、专利登记簿副本、销售记录等证据证明。'),
      h2('二、处罚依据和结果'),
      p(`当事人的行为属于${rule}规定的假冒专利行为。依据${article}，本局决定：责令当事人立即改正并予公告；没收违法所得${income}元；处罚款${fine}元。`),
      h2('三、履行方式和救济途径'),
      p('当事人应当自收到本决定书之日起十五日内，将罚没款缴至指定银行账户。逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。'),
      p('当事人如不服本处罚决定，可以在收到本决定书之日起六十日内向某县人民政府申请行政复议，或者在六个月内依法向某县人民法院提起行政诉讼。'),
      p(`某县知识产权局　${cnDate(writtenOn)}`),
    ].join(''),
    ...(year >= 2022 ? { retractReason: '该行政处罚决定经行政复议被依法撤销，依据《中华人民共和国行政处罚法》第四十八条，于三日内撤回并说明理由。' } : {}),
  };
}

function licensing(rng: Random, year: number, half: 1 | 2): ItemSpec {
  const rows = companyNames(rng, rng.int(3, 5));
  const writtenOn = half === 1 ? dateIn(rng, year, 7, 1, 15) : dateIn(rng, year + 1, 1, 5, 20);
  const initials = () => `${String.fromCharCode(65 + rng.int(0, 25))}***${String.fromCharCode(97 + rng.int(0, 25))}`;
  return {
    organKey: 'kjj', unitName: '成果科', docCode: null, key: `kjj-${year}-licensing-h${half}`, writtenOn, tally: rows.length,
    title: `外国人来华工作许可办理结果公示（${year}年${half === 1 ? '上' : '下'}半年）`, topic: '科技', genre: '行政许可', catalogueEntryKey: 'licensing-results',
    summary: `${year}年${half === 1 ? '上' : '下'}半年共作出外国人来华工作许可决定${rows.length}件，现公示办理结果。`,
    bodyHtml: [
      p(`根据《中华人民共和国行政许可法》第四十条规定，现将${year}年${half === 1 ? '上' : '下'}半年外国人来华工作许可办理结果公示如下（外国人姓名作部分隐去处理）。`),
      table(['序号', '用人单位', '外国人姓名', '许可类别', '许可决定'], rows.map((c, i) => [i + 1, c, `${initials()} ${initials()}`, rng.chance(0.7) ? 'B类（外国专业人才）' : 'A类（外国高端人才）', '准予许可'])),
      contact('成果科', '0576-83912617'),
    ].join(''),
  };
}

function recruitment(rng: Random, year: number, stage: 'notice' | 'shortlist'): ItemSpec {
  const isNotice = stage === 'notice';
  const posts = rng.int(1, 3);
  const names = personNames(rng, posts);
  return {
    ...OFFICE, key: `kjj-${year}-recruitment-${stage}`, writtenOn: isNotice ? dateIn(rng, year, rng.pick([4, 5])) : dateIn(rng, year, rng.pick([8, 9])),
    title: isNotice ? `某县科技情报研究所${year}年公开招聘工作人员公告` : `某县科技情报研究所${year}年公开招聘拟聘用人员公示`,
    topic: '人事工作', genre: '人事信息', catalogueEntryKey: 'personnel',
    summary: isNotice ? `县科技局所属某县科技情报研究所公开招聘事业编制工作人员${posts}名。` : `经考试、考察和体检，拟聘用${names.join('、')}，公示期7个工作日。`,
    bodyHtml: isNotice
      ? [p(`根据《事业单位公开招聘人员暂行规定》，经县人力社保局核准，某县科技情报研究所${year}年公开招聘事业编制工作人员${posts}名。`), h2('一、招聘岗位和条件'), p('岗位：科技信息管理。条件：全日制本科及以上学历，理工类专业，年龄35周岁以下。'), h2('二、招聘程序'), ol(['网上报名和资格初审。', '笔试：综合基础知识和专业知识。', '面试：结构化面试。', '体检和考察。', '公示和聘用。']), h2('三、其他事项'), p('本次招聘不指定考试辅导用书，不举办也不委托任何机构举办考试辅导培训班。报考人员应如实填报个人信息，凡弄虚作假的，一经查实即取消考试或聘用资格。'), contact('办公室', BUREAU_CONTACT.phone)].join('')
      : [p('根据公开招聘有关规定，经笔试、面试、体检和考察，现将拟聘用人员名单公示如下。'), table(['序号', '姓名', '性别', '招聘岗位', '总成绩'], names.map((n, i) => [i + 1, n, rng.pick(['男', '女']), '科技信息管理', (70 + rng.next() * 15).toFixed(2)])), p('公示期为7个工作日。如有异议，请向县科技局办公室反映。')].join(''),
  };
}

function appointment(rng: Random, year: number): ItemSpec {
  const [name] = personNames(rng, 1);
  const age = rng.int(32, 45);
  return {
    ...OFFICE, key: `kjj-${year}-appointment`, writtenOn: dateIn(rng, year, rng.int(5, 11)), title: `县科技局干部任前公示（${year}年）`,
    topic: '人事工作', genre: '人事信息', catalogueEntryKey: 'personnel',
    summary: `${name}同志拟任县科技局内设科室负责人，公示期5个工作日。`,
    bodyHtml: [p('根据干部选拔任用有关规定，经局党组研究，现将拟任职人选予以公示。'), table(['姓名', '性别', '年龄', '学历', '现任职务', '拟任职务'], [[name ?? '', rng.pick(['男', '女']), age, '大学', '高新科一级科员', '高新科科长']]), p('公示期为5个工作日。对公示对象有异议的，可通过来信、来电、来访等方式向局党组反映。反映问题应实事求是，提倡署真实姓名。'), contact('办公室', BUREAU_CONTACT.phone)].join(''),
  };
}

const RUMOURS = [
  [2020, 3, '关于网传“县科技局指定中介代理高新技术企业认定”信息的说明', '高新技术企业认定由企业自主申报，县科技局从未指定任何中介机构代理，也不收取任何费用。'],
  [2022, 8, '关于网民反映科技创新券兑付进度问题的回应', '部分兑付延迟系服务合同发票信息不全所致。我局已逐一联系企业补正材料，补正完成的申请将在10个工作日内兑付。'],
  [2025, 5, '关于“科技项目申报需缴纳评审费”不实信息的澄清', '县级科技计划项目申报和评审不收取任何费用。请广大企业提高警惕，谨防上当受骗，发现可疑情况请及时向公安机关报案。'],
] as const;

function publicConcern(rng: Random, [year, month, title, fact]: (typeof RUMOURS)[number]): ItemSpec {
  return {
    ...OFFICE, key: `kjj-${year}-public-concern`, writtenOn: dateIn(rng, year, month), title, topic: '科技', genre: '通知公告',
    catalogueEntryKey: 'public-concern', lagWorkingDays: 0, isPinned: true, summary: fact,
    bodyHtml: [p('近日，有网民在网络平台反映相关情况，引发关注。我局高度重视，第一时间成立核查组，调阅相关材料，联系有关企业和当事人了解情况。现将有关情况说明如下。'), p(`经核查，${fact}`), p('我局对涉及本部门的政务舆情实行常态化监测，建立了舆情收集、研判、处置和回应工作机制，对网民反映的问题做到第一时间核查、及时回应。'), p('对散布不实信息的行为，我局已将有关线索移交相关部门依法处理。我局将进一步加强政策宣传和信息发布，对涉及科技政策的不实信息及时发布权威信息予以澄清，切实维护企业和群众的合法权益。'), p(`欢迎社会各界继续监督。咨询电话：${BUREAU_CONTACT.phone}。`)].join(''),
  };
}

function pressConference(rng: Random, year: number, month: number, topicName: string): ItemSpec {
  return {
    ...OFFICE, key: `kjj-${year}-press-conference`, writtenOn: dateIn(rng, year, month), title: `某县召开${topicName}新闻发布会`,
    topic: '科技', genre: '工作动态', catalogueEntryKey: 'press-conferences', lagWorkingDays: rng.int(0, 2), isPinned: true,
    summary: `县科技局局长${DEMO_PEOPLE.director}发布${topicName}有关情况，并回答记者提问。`,
    bodyHtml: [p(`县政府新闻办举行${topicName}新闻发布会，县科技局局长${DEMO_PEOPLE.director}介绍有关情况，副局长${DEMO_PEOPLE.deputyDirector}回答记者提问。`), h2('发布内容'), p('发布会介绍了全县科技创新工作进展、主要目标任务和支持企业创新的政策措施，明确了政策兑现的办理流程和时限。'), p('发布会上还发放了政策明白纸，现场解答了企业代表的提问。'), h2('答记者问'), p('记者：政策出台后如何确保落地见效？答：县科技局将建立政策兑现清单，明确每项政策的申报条件、办理时限和责任科室，并定期公开兑现情况，接受社会监督。'), p('记者：企业如何享受科技创新政策？答：企业可通过县政务服务网在线申报，也可到县政务服务中心科技窗口咨询办理，县科技局将开展政策宣讲和上门服务。')].join(''),
  };
}

function leaderInterpretation(rng: Random, year: number, subject: string, interpretsKey?: string): ItemSpec {
  return {
    ...OFFICE, key: `kjj-${year}-leader-interpretation`, writtenOn: dateIn(rng, year, rng.int(4, 10)), isPinned: true,
    title: `局长${DEMO_PEOPLE.director}解读${subject}`, topic: '科技', genre: '政策解读', catalogueEntryKey: 'leader-interpretation',
    summary: `县科技局局长${DEMO_PEOPLE.director}做客县融媒体中心，解读${subject}的主要内容和申报办理方式。`,
    bodyHtml: [p(`近日，县科技局局长${DEMO_PEOPLE.director}做客县融媒体中心《政风行风热线》栏目，解读${subject}。`), p('问：这项政策出台的主要考虑是什么？答：主要是为了进一步激发企业创新活力，降低企业创新成本，让政策红利更快更好地惠及企业。'), p('问：企业怎样申请？答：企业可通过县政务服务网在线申请，县科技局在规定时限内完成审核，审核结果在政府网站公示。'), p('问：政策兑现需要多长时间？答：材料齐全的，我们承诺在15个工作日内完成审核，审核通过后及时拨付资金，办理进度可在县政务服务网查询。'), p(`问：有什么需要特别注意的？答：申请材料要真实完整，对弄虚作假的，将追回资金并记入科研诚信记录。咨询电话${BUREAU_CONTACT.phone}。`)].join(''),
    ...(interpretsKey ? { interpretsKey } : {}),
  };
}

function campaignNews(rng: Random, year: number, kind: 'three-one' | 'poverty'): ItemSpec {
  const isPoverty = kind === 'poverty';
  const households = rng.int(120, 400);
  return {
    organKey: 'kjj', unitName: isPoverty ? '农业科' : '高新科', docCode: null, key: `kjj-${year}-${kind}`, writtenOn: dateIn(rng, year, rng.pick([6, 11])),
    title: isPinnedTitle(isPoverty, year), topic: isPoverty ? '扶贫' : '科技', genre: '工作动态', catalogueEntryKey: 'policy-implementation',
    summary: isPoverty ? `科技特派员结对帮扶低收入农户${households}户，推广增收实用技术。` : `县科技局围绕“三引一促”引进科技型项目${rng.int(3, 9)}个、高层次人才${rng.int(5, 15)}名。`,
    bodyHtml: isPoverty
      ? [p(`${year}年，县科技局组织科技特派员结对帮扶低收入农户${households}户，推广茶叶、中药材、食用菌等增收实用技术${rng.int(10, 25)}项。`), p(`科技特派员在${rng.sample(TOWNS, 3).join('、')}等地建设科技示范基地${rng.int(5, 12)}个，引进推广新品种、新技术，带动农户户均增收${rng.int(1500, 4000)}元。`), p('在帮扶过程中，科技特派员与帮扶对象建立“一对一”联系，根据每户的生产条件制定帮扶计划，做到技术服务进村入户、精准到人。'), p('县科技局还组织开展农村实用技术培训，邀请农业技术专家讲解种养殖技术和农产品电商销售知识，帮助低收入农户掌握一技之长。'), p('下一步，县科技局将继续深化科技帮扶，把科技示范基地建设与产业发展结合起来，推动帮扶对象由“输血”向“造血”转变。')].join('')
      : [p(`${year}年以来，县科技局紧紧围绕县委、县政府部署的“三引一促”工作，即引进科技型项目、引进高层次人才、引进研发机构，促进产业转型升级。`), p('县科技局成立“三引一促”工作专班，由局主要负责人任组长，分管负责人具体抓落实，高新科、成果科按职责分工推进。'), p(`截至目前，已引进科技型项目${rng.int(3, 9)}个、高层次人才${rng.int(5, 15)}名，与高校共建研发机构${rng.int(1, 4)}家，项目总投资${wan(rng.money(2, 8))}亿元。`), p('在工作推进中，县科技局建立了项目招引台账，实行“一个项目、一名领导、一套班子”的推进机制，每月调度进展，对进度滞后的项目及时协调解决困难。'), p('县科技局将细化执行措施和责任分工，对照年度目标任务定期通报进展情况，确保各项任务按期完成。')].join(''),
  };
}

const isPinnedTitle = (isPoverty: boolean, year: number) =>
  isPoverty ? `科技特派员助力低收入农户增收（${year}年）` : `县科技局“三引一促”工作取得阶段性成效（${year}年）`;

/** Enforcement, licensing, personnel and public-concern items of 县科技局. */
export function enforcementSpecs(rng: Random): ItemSpec[] {
  const specs: ItemSpec[] = [];
  for (const year of DEMO_YEARS) {
    const penalties = rng.int(1, 3);
    for (let n = 1; n <= penalties; n++) specs.push(penalty(rng, year, n));
    if (year >= 2021) specs.push(licensing(rng, year, 1));
    if (year >= 2021 && year <= 2025) specs.push(licensing(rng, year, 2));
    if (year % 2 === 1) specs.push(recruitment(rng, year, 'notice'), recruitment(rng, year, 'shortlist'));
    else specs.push(appointment(rng, year));
  }
  specs.push(...RUMOURS.map((r) => publicConcern(rng, r)));
  specs.push(pressConference(rng, 2021, 10, '“十四五”科技创新发展规划'), pressConference(rng, 2024, 6, '科技创新三年行动计划'));
  const subjects: Record<number, [string, string?]> = {
    2019: ['全县科技创新工作思路'], 2020: ['科技助企纾困政策措施'], 2021: ['“十四五”科技创新发展规划'],
    2022: ['修订后的《某县科技创新券管理办法》', 'norm-voucher-2022'], 2023: ['新出台的《某县科技计划项目管理办法》', 'norm-project-mgmt-2023'],
    2024: ['科技创新三年行动计划'], 2025: ['科技企业培育政策'], 2026: ['科技型中小企业支持政策'],
  };
  for (const year of DEMO_YEARS) {
    const [subject, key] = subjects[year] ?? ['科技政策'];
    specs.push(leaderInterpretation(rng, year, subject, key));
  }
  for (const year of [2019, 2020]) specs.push(campaignNews(rng, year, 'three-one'), campaignNews(rng, year, 'poverty'));
  return specs;
}
