/**
 * The bureau's work in the weeks before the demo's today (autumn 2026): most of it is still in the workflow,
 * so that the officer and the leader have something to submit, review and publish.
 */
import { onWorkingDay, plusDays, type ItemSpec } from './item-spec.ts';
import type { Random } from './random.ts';
import { BUREAU_CONTACT, TOWNS, companyNames, contact, h2, ol, p, signature, table, wan } from './text-templates.ts';

const KJJ = '某县科学技术局';

/** A 工作日 between 2026-10-15 and 2026-11-20. */
const lateAutumn = (rng: Random) => onWorkingDay(plusDays('2026-10-15', rng.int(0, 34)));

const notice = (writtenOn: string, paragraphs: string[]) => [p('各有关单位：'), ...paragraphs, contact(BUREAU_CONTACT.person, BUREAU_CONTACT.phone), signature(KJJ, writtenOn)].join('');

/** Items dated 2026-10-15 to 2026-11-20. */
export function currentWorkSpecs(rng: Random): ItemSpec[] {
  const dates = Array.from({ length: 7 }, () => lateAutumn(rng)).map((d) => (d > '2026-11-20' ? '2026-11-20' : d));
  const [d1, d2, d3, d4, d5, d6, d7] = dates as [string, string, string, string, string, string, string];
  const vouchers = companyNames(rng, 6);
  return [
    {
      key: 'kjj-2026-midterm-check', organKey: 'kjj', unitName: '高新科', docCode: '县科技办', writtenOn: d1, topic: '科技', genre: '通知公告', catalogueEntryKey: 'science-projects',
      title: '关于开展2026年度县级科技计划项目中期检查的通知', summary: '对2025年度和2026年度立项的县级科技计划项目开展中期检查，检查结果作为后续经费拨付的依据。',
      bodyHtml: notice(d1, [
        p('为加强县级科技计划项目过程管理，确保项目按任务书要求实施，我局决定对2025年度和2026年度立项的县级科技计划项目开展中期检查。有关事项通知如下。'),
        ol(['检查内容：项目实施进度、阶段性成果、经费使用和配套资金到位情况。', '检查方式：承担单位自查、提交中期报告，县科技局组织专家抽查。', '时间安排：承担单位于12月10日前通过县科技项目管理系统提交中期报告。']),
        p('中期检查结果作为后续经费拨付和项目验收的重要依据。对无正当理由未按期提交中期报告的项目，暂停拨付后续经费。'),
      ]),
    },
    {
      key: 'kjj-2026-q4-meeting', organKey: 'kjj', unitName: '办公室', docCode: null, writtenOn: d2, topic: '科技', genre: '工作动态', catalogueEntryKey: 'work-news',
      title: '县科技局召开四季度重点工作推进会', summary: '对照年度目标逐项梳理重点工作完成情况，部署四季度高新技术企业培育、项目验收和政策兑现工作。',
      bodyHtml: [
        p('近日，县科技局召开四季度重点工作推进会，局领导班子成员和各科室负责人参加。'),
        p('会上，各科室逐项汇报了年度目标任务完成情况和存在的困难。截至目前，高新技术企业申报、科技型中小企业评价入库、科技特派员服务等工作进展顺利，科技计划项目验收和创新券兑付工作正在推进。'),
        p(`会议听取了各科室关于高新技术企业培育库动态调整、2026年度县级科技计划项目中期检查和第三批科技创新券兑付的专题汇报，研究了需要协调解决的问题。`),
        p('会议要求，各科室要对照年度目标，倒排工期、挂图作战，确保各项任务在年底前全面完成；要做好政策兑现工作，兑现结果及时在政府网站公开；要提前谋划明年工作，做好2027年部门预算编制和项目储备。'),
      ].join(''),
    },
    {
      key: 'kjj-2026-sme-evaluation', organKey: 'kjj', unitName: '高新科', docCode: '县科技办', writtenOn: d3, topic: '科技', genre: '通知公告', catalogueEntryKey: 'high-tech-enterprises',
      title: '关于做好2026年度第四批科技型中小企业评价入库工作的通知', summary: '组织符合条件的企业参加2026年度第四批科技型中小企业评价入库，说明评价条件、办理程序和奖补政策。',
      bodyHtml: notice(d3, [
        p('根据《科技型中小企业评价办法》（国科发政〔2017〕115号）和《某县科技型中小企业评价入库奖补办法》，现组织开展2026年度第四批科技型中小企业评价入库工作。'),
        h2('一、评价条件'),
        p('在中国境内（不包括港、澳、台地区）注册的居民企业，职工总数不超过500人、年销售收入不超过2亿元、资产总额不超过2亿元，且符合评价指标要求。'),
        h2('二、办理程序'),
        p('企业在科技型中小企业服务平台自主填报信息，县科技局在5个工作日内完成审核，对首次入库的企业按规定给予奖励。'),
      ]),
    },
    {
      key: 'kjj-2026-voucher-payout-3', organKey: 'kjj', unitName: '成果科', docCode: null, writtenOn: d4, topic: '科技', genre: '通知公告', catalogueEntryKey: 'science-funds',
      title: '2026年第三批科技创新券兑付名单公示', summary: `拟对${vouchers.length}家企业兑付2026年第三批科技创新券，公示期5个工作日。`,
      bodyHtml: [
        p('根据《某县科技创新券管理办法》，经企业申请、服务机构确认和县科技局审核，拟对以下企业兑付2026年第三批科技创新券，现予公示。'),
        table(['序号', '企业名称', '服务类型', '兑付金额（万元）'], vouchers.map((c, i) => [i + 1, c, rng.pick(['检验检测', '研发设计', '技术转移']), wan(rng.money(1, 12))])),
        p('公示期为5个工作日。对公示内容有异议的，请以书面形式向县科技局成果科反映。'),
      ].join(''),
    },
    {
      key: 'kjj-2026-ecommerce-inspection', organKey: 'kjj', unitName: '知识产权局', docCode: null, writtenOn: d5, topic: '知识产权', genre: '工作动态', catalogueEntryKey: 'work-news',
      title: '县知识产权局开展电商领域专利标识专项检查', summary: `对本县${rng.int(20, 60)}家网店销售商品的专利标识开展检查，督促商家规范标注专利标识。`,
      bodyHtml: [
        p('为规范网络销售商品的专利标识标注行为，县知识产权局近期组织开展电商领域专利标识专项检查。'),
        p('检查采取网络巡查和线下核查相结合的方式，重点检查商品详情页和外包装上标注的专利号是否真实有效、专利类别是否标注准确、专利权是否已终止等情况。'),
        p('检查中，执法人员向商家发放了《专利标识标注办法》宣传资料，讲解了专利标识的规范标注方式和假冒专利的法律责任，引导商家诚信经营。'),
        p('下一步，县知识产权局将把电商领域专利标识检查纳入日常监管，建立问题商家台账，对整改不到位或者屡查屡犯的，依法从严查处，并通过政府网站公开典型案例。'),
        p(`截至目前，共检查网店${rng.int(20, 60)}家，发现标注不规范问题${rng.int(3, 12)}起，已全部督促商家整改。对涉嫌假冒专利的线索，将依法立案查处。`),
      ].join(''),
    },
    {
      key: 'kjj-2026-commissioner-assessment-notice', organKey: 'kjj', unitName: '农业科', docCode: '县科技发', writtenOn: d6, topic: '农业、畜牧业、渔业', genre: '通知公告', catalogueEntryKey: 'science-commissioners',
      title: '关于开展2026年度县级科技特派员考核工作的通知', summary: '部署2026年度县级科技特派员考核，考核内容包括服务天数、服务成效和服务对象满意度。',
      bodyHtml: notice(d6, [
        p('根据《某县科技特派员管理办法》，现对2026年度县级科技特派员开展年度考核。'),
        ol(['考核对象：2026年度选派的个人、团队和法人科技特派员。', '考核内容：服务天数、技术服务和推广成效、服务对象满意度。', `考核程序：科技特派员提交年度工作总结，${TOWNS[0]}等服务乡镇出具意见，县科技局组织评审。`]),
        p('考核结果分为优秀、合格和不合格三个等次，考核优秀名单将在政府网站公布。考核不合格的，不再续派；考核优秀的，按规定给予工作经费奖励。'),
      ]),
    },
    {
      key: 'kjj-2026-safety-inspection', organKey: 'kjj', unitName: '办公室', docCode: null, writtenOn: d7, topic: '科技', genre: '工作动态', catalogueEntryKey: 'work-news',
      title: '县科技局开展冬季安全生产检查', summary: '局领导带队对县科技馆、科技企业孵化器等场所开展冬季安全生产检查，督促整改安全隐患。',
      bodyHtml: [
        p('为切实做好冬季安全生产工作，县科技局局领导带队，对县科技馆、科技企业孵化器和部分科技企业实验室开展安全生产检查。'),
        p('检查组重点检查了消防设施配备、疏散通道畅通、危险化学品储存和实验室安全管理制度落实等情况，对发现的灭火器过期、安全出口标识损坏等问题，当场要求限期整改。'),
        p('检查组还查看了各单位安全生产责任制落实、应急预案制定和应急演练开展情况，要求孵化器运营机构加强对在孵企业的安全管理，定期开展消防安全培训。'),
        p('针对冬季用电用火增多的特点，检查组特别提醒各单位加强电气线路和取暖设备的日常检查，严禁在实验室和孵化场地违规使用大功率电器。'),
        p('县科技局要求，各单位要压紧压实安全生产责任，加强隐患排查整治，确保冬季安全形势稳定。'),
      ].join(''),
    },
  ];
}
