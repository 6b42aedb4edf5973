/**
 * Items of 县政府办 (the county's 政务公开主管部门, 条例 Art. 3): yearly 政务公开工作要点, 考核结果通报,
 * website inspection reports (国办秘函〔2019〕19号) and training news. Its 规范性文件 are in NORMATIVE_DEFS.
 */
import { DEMO_YEARS, dateIn, type ItemSpec } from './item-spec.ts';
import type { Random } from './random.ts';
import { h2, ol, p, signature, table } from './text-templates.ts';

const ZFB = '某县人民政府办公室';
const UNIT: Pick<ItemSpec, 'organKey' | 'unitName'> = { organKey: 'zfb', unitName: '政务公开办公室' };
const DEPARTMENTS = ['县发改局', '县教育局', '县科技局', '县财政局', '县人力社保局', '县自然资源局', '县住建局', '县农业农村局', '县卫生健康局', '县市场监管局'];

function keyPoints(rng: Random, year: number): ItemSpec {
  const writtenOn = dateIn(rng, year, rng.pick([3, 4]), 1, 20);
  const focus = year <= 2020 ? '决胜全面建成小康社会' : year <= 2022 ? '巩固拓展脱贫攻坚成果、推进共同富裕' : '推动高质量发展、优化营商环境';
  return {
    ...UNIT, key: `zfb-${year}-key-points`, docCode: '县政办发', writtenOn, title: `某县人民政府办公室关于印发某县${year}年政务公开工作要点的通知`,
    topic: '政务公开', genre: '其他文件', catalogueEntryKey: 'county-disclosure-work',
    summary: `部署${year}年全县政务公开工作，围绕${focus}加强政策公开、解读回应和平台建设，各部门据此制定实施方案。`,
    bodyHtml: [
      p('各乡镇人民政府，县政府各部门：'),
      p(`现将《某县${year}年政务公开工作要点》印发给你们，请认真贯彻落实。各部门要结合实际制定本单位政务公开实施方案，于4月底前报县政务公开办公室。`),
      signature(ZFB, writtenOn),
      h2(`某县${year}年政务公开工作要点`),
      ol([
        `围绕${focus}，加大政策公开力度，重大政策文件集中在政府网站发布。`,
        '落实政策解读与文件同步组织、同步审签、同步部署，解读材料于文件公开后3个工作日内发布。',
        '加强政务舆情回应，特别重大、重大突发事件发生后24小时内举行新闻发布会。',
        '推进主动公开基本目录建设，落实公开属性源头认定机制，规范依申请公开办理。',
        '加强政府网站和政务新媒体管理，每季度开展检查并通报结果。',
        '将政务公开纳入县级综合考核，所占分值权重不低于4%。',
      ]),
    ].join(''),
  };
}

function assessment(rng: Random, year: number): ItemSpec {
  const ranked = rng.sample(DEPARTMENTS, 6);
  return {
    ...UNIT, key: `zfb-${year}-assessment-results`, docCode: '县政办', writtenOn: dateIn(rng, year + 1, rng.pick([2, 3])),
    title: `关于${year}年度全县政务公开工作考核结果的通报`, topic: '政务公开', genre: '其他文件', catalogueEntryKey: 'county-disclosure-work',
    summary: `通报${year}年度全县政务公开工作考核结果，${ranked.slice(0, 3).join('、')}等单位获评优秀，指出存在的问题。`,
    bodyHtml: [
      p(`根据全县政务公开工作考核办法，县政务公开办公室会同第三方评估机构，对各乡镇和县政府各部门${year}年度政务公开工作进行了考核。现将结果通报如下。`),
      table(['等次', '单位'], [['优秀', ranked.slice(0, 3).join('、')], ['良好', ranked.slice(3).join('、')], ['合格', '其余单位']]),
      h2('存在的主要问题'),
      ol(['个别单位主动公开信息更新不及时，部分栏目长期未更新。', '部分政策文件未同步发布解读材料，或解读材料与文件未双向关联。', '个别依申请公开答复文书不规范，救济渠道告知不完整。']),
      p('各单位要对照问题认真整改，整改情况于一个月内报县政务公开办公室。'),
    ].join(''),
  };
}

function websiteInspection(rng: Random, year: number, quarter: number): ItemSpec {
  const sites = rng.int(18, 32);
  const issues = rng.int(0, 4);
  return {
    ...UNIT, key: `zfb-${year}-q${quarter}-website-inspection`, docCode: '县政办', writtenOn: dateIn(rng, year, quarter * 3 + (quarter === 4 ? 0 : 1), 5, 25),
    title: `全县政府网站和政务新媒体${year}年第${['一', '二', '三', '四'][quarter - 1]}季度检查情况通报`, topic: '电子政务', genre: '通知公告',
    catalogueEntryKey: 'county-website-inspection',
    summary: `本季度共检查政府网站和政务新媒体${sites}个，总体合格率${issues === 0 ? '100' : (100 - issues * 3).toString()}%，${issues}个存在问题。`,
    bodyHtml: [
      p(`根据《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号），县政务公开办公室对全县${sites}个政府网站栏目和政务新媒体账号进行了检查。`),
      p(issues === 0 ? '本季度检查未发现单项否决问题，各单位信息更新总体及时。' : `检查发现${issues}个政务新媒体账号存在更新不及时、互动回应不到位等问题，已责令相关单位限期整改。`),
      table(['检查项目', '检查结果'], [['站点可用性', '正常'], ['信息更新', issues === 0 ? '及时' : '个别账号不及时'], ['互动回应', '总体良好'], ['错敏字', '未发现']]),
      h2('下一步要求'),
      p('各单位要落实政府网站和政务新媒体信息发布审核制度，做好日常监测，确保内容准确、更新及时、互动有效。'),
    ].join(''),
  };
}

function training(rng: Random, year: number): ItemSpec {
  const n = rng.int(60, 150);
  return {
    ...UNIT, key: `zfb-${year}-training`, docCode: null, writtenOn: dateIn(rng, year, rng.pick([5, 6, 9])),
    title: `全县政务公开业务培训会召开（${year}年）`, topic: '政务公开', genre: '工作动态', catalogueEntryKey: 'county-disclosure-work',
    summary: `各乡镇和县政府各部门政务公开工作人员${n}人参加培训，学习主动公开基本目录编制和依申请公开办理。`,
    bodyHtml: [
      p(`县政府办公室举办${year}年全县政务公开业务培训会，各乡镇和县政府各部门分管负责人及政务公开工作人员${n}人参加。县政府办公室分管负责人出席并讲话，对做好本年度政务公开工作提出了具体要求，强调要把政务公开贯穿政务运行全过程。`),
      p('培训邀请上级政务公开部门业务骨干授课，围绕《中华人民共和国政府信息公开条例》、基层政务公开标准化规范化、主动公开基本目录编制、依申请公开答复文书规范和政府网站常见问题进行了讲解。'),
      p('培训还通报了上一年度全县政务公开工作考核和第三方评估中发现的共性问题，并就主动公开基本目录的动态调整作了具体部署。'),
      p('会议要求，各单位要压实工作责任，健全工作机制，加强队伍建设，推动全县政务公开工作提质增效。'),
    ].join(''),
  };
}

/** The 县政府办 items for every demo year. */
export function countyOfficeSpecs(rng: Random): ItemSpec[] {
  const specs: ItemSpec[] = [];
  for (const year of DEMO_YEARS) {
    specs.push(keyPoints(rng, year), training(rng, year));
    if (year <= 2025) specs.push(assessment(rng, year));
    for (const quarter of [1, 2, 3, 4]) if (rng.chance(0.55)) specs.push(websiteInspection(rng, year, quarter));
  }
  return specs;
}
