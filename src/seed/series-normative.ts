/**
 * Items for the 行政规范性文件 of NORMATIVE_DEFS: the 印发 notices with the full text, their 政策解读,
 * the 征求意见 and 采纳情况 items of those that went through 重大决策预公开, and the 废止 decision.
 */
import { DEMO_ORGANS } from './demo-organisation.ts';
import { DEMO_TODAY, dateIn, docNumberOf, onWorkingDay, plusDays, type ItemSpec, type NormativeFacts } from './item-spec.ts';
import { ABOLITION_KEY, NORMATIVE_DEFS, type NormativeDef } from './normative-documents.ts';
import type { Random } from './random.ts';
import { BUREAU_CONTACT, CN_NUMBERS, cnDate, contact, h2, ol, p, signature, table } from './text-templates.ts';

interface Dates {
  draftOn?: string;
  feedbackOn?: string;
  writtenOn: string;
  effectiveOn: string;
}

const BASIS: Record<string, string> = {
  科技: '《中华人民共和国科学技术进步法》《中华人民共和国促进科技成果转化法》',
  知识产权: '《中华人民共和国专利法》《中华人民共和国促进科技成果转化法》',
  财政: '《中华人民共和国预算法》和《国务院关于优化科研管理提升科研绩效若干措施的通知》（国发〔2018〕25号）',
  '农业、畜牧业、渔业': '《中华人民共和国农业技术推广法》和《国务院办公厅关于深入推行科技特派员制度的若干意见》（国办发〔2016〕32号）',
  政务公开: '《中华人民共和国政府信息公开条例》',
  人事工作: '《中华人民共和国科学技术进步法》',
};

const organName = (def: NormativeDef) => DEMO_ORGANS.find((o) => o.key === def.organKey)?.name ?? '';
const article = (i: number, text: string) => p(`第${i < 10 ? CN_NUMBERS[i] : `十${i === 10 ? '一' : CN_NUMBERS[i - 10]}`}条　${text}`);

/** The first day of the month after `date` + 15 days: the usual 施行 date of a document issued that month. */
function firstOfNextMonth(date: string): string {
  const d = plusDays(date, 15);
  const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function termEnd(def: NormativeDef, effectiveOn: string): string {
  return plusDays(`${Number(effectiveOn.slice(0, 4)) + def.termYears}${effectiveOn.slice(4)}`, -1);
}

function drawDates(rng: Random, def: NormativeDef): Dates {
  if (!def.hasConsultation) {
    const writtenOn = dateIn(rng, def.year, def.month, 3, 26);
    return { writtenOn, effectiveOn: def.effectiveOn ?? firstOfNextMonth(writtenOn) };
  }
  const draftOn = dateIn(rng, def.year, def.month - 2, 1, 12);
  const feedbackOn = onWorkingDay(plusDays(draftOn, 30 + rng.int(3, 8)));
  const writtenOn = onWorkingDay(plusDays(feedbackOn, rng.int(3, 10)));
  return { draftOn, feedbackOn, writtenOn, effectiveOn: def.effectiveOn ?? firstOfNextMonth(writtenOn) };
}

/** 有效性 as of DEMO_TODAY: ended by the next document, lapsed at the end of its term, or still effective. */
function factsOf(def: NormativeDef, dates: Map<string, Dates>): NormativeFacts {
  const own = dates.get(def.key)!;
  const end = termEnd(def, own.effectiveOn);
  if (def.next) {
    const endedOn = dates.get(def.next.key)!.effectiveOn;
    if (endedOn > end || endedOn > DEMO_TODAY) throw new RangeError(`${def.key}: ended after its term or in the future`);
    const isRepeal = def.next.kind === 'repeal';
    return { effectiveOn: own.effectiveOn, validity: isRepeal ? 'repealed' : 'expired', endedOn, repealedByKey: isRepeal ? def.next.key : null };
  }
  if (end < DEMO_TODAY) return { effectiveOn: own.effectiveOn, validity: 'expired', endedOn: end, repealedByKey: null };
  return { effectiveOn: own.effectiveOn, validity: 'effective', endedOn: null, repealedByKey: null };
}

const predecessorsOf = (key: string) => NORMATIVE_DEFS.filter((d) => d.next?.key === key);

function documentSpec(rng: Random, def: NormativeDef, dates: Map<string, Dates>): ItemSpec {
  const { writtenOn, effectiveOn } = dates.get(def.key)!;
  const facts = factsOf(def, dates);
  const before = predecessorsOf(def.key);
  const revised = before.find((d) => d.next?.kind === 'revise');
  const isCounty = def.organKey === 'zfb';
  const organ = organName(def);
  const cited = (kind: 'repeal' | 'revise') => before.filter((d) => d.next?.kind === kind).map((d) => `《${d.name}》（${docNumberOf(d.key)}）`);
  const ending = [['repeal', '废止'], ['revise', '停止执行']].map(([kind, verb]) => {
    const docs = cited(kind as 'repeal' | 'revise');
    return docs.length > 0 ? `原${docs.join('、')}同时${verb}。` : '';
  }).join('');
  const kind = def.name.slice(-2);
  const articles = [
    `为了${def.purpose}，根据${BASIS[def.topic] ?? '有关法律法规'}等规定，结合本县实际，制定本${kind}。`,
    isCounty ? `本县各级行政机关适用本${kind}。` : `本县行政区域内的有关单位和个人适用本${kind}。`,
    ...def.articles,
    `本${kind}由${isCounty ? '县人民政府办公室' : '县科学技术局'}负责解释。`,
    `本${kind}自${cnDate(effectiveOn)}起施行，有效期${def.termYears}年。${ending}`,
  ];
  const title = `${isCounty ? '某县人民政府办公室' : ''}关于印发${revised ? '修订后的' : ''}《${def.name}》的通知`;
  return {
    key: def.key, organKey: def.organKey, unitName: def.unitName, docCode: isCounty ? '县政办发' : '县科技发', writtenOn, title,
    topic: def.topic, genre: '行政规范性文件', catalogueEntryKey: isCounty ? 'county-normative-documents' : 'normative-documents',
    summary: `印发《${def.name}》，${def.purpose}，自${cnDate(effectiveOn)}起施行，有效期${def.termYears}年。`,
    bodyHtml: [
      p(isCounty ? '各乡镇人民政府，县政府各部门：' : '各乡镇人民政府，县级有关单位，各有关企业：'),
      p(`${revised ? `《${def.name}》已经修订，` : ''}现将《${def.name}》印发给你们，请结合实际认真贯彻执行。`),
      signature(organ, writtenOn),
      h2(def.name),
      ...articles.map((text, i) => article(i, text)),
    ].join(''),
    isPinned: true, lagWorkingDays: rng.int(1, 7), normative: facts, ...(revised ? { revisesKey: revised.key } : {}),
  };
}

function interpretationSpec(def: NormativeDef, dates: Map<string, Dates>): ItemSpec {
  const { writtenOn, effectiveOn } = dates.get(def.key)!;
  const before = predecessorsOf(def.key);
  return {
    key: `${def.key}-interpretation`, organKey: def.organKey, unitName: def.unitName, docCode: null, writtenOn, interpretsKey: def.key,
    title: `《${def.name}》政策解读`, topic: def.topic, genre: '政策解读', catalogueEntryKey: def.organKey === 'zfb' ? 'county-policy-interpretation' : 'policy-interpretation',
    summary: `从制定背景、主要内容、适用对象${before.length > 0 ? '、新旧政策差异' : ''}和施行时间等方面解读《${def.name}》（${docNumberOf(def.key)}）。`,
    bodyHtml: [
      h2('一、制定背景'),
      p(`为了${def.purpose}，${organName(def)}在深入调研、广泛征求意见的基础上，起草了《${def.name}》，经合法性审核和集体讨论决定后，以${docNumberOf(def.key)}印发。`),
      h2('二、主要内容'),
      ol(def.articles),
      h2('三、适用对象'),
      p(def.organKey === 'zfb' ? '全县各级行政机关及其工作人员。' : '在本县注册登记的企事业单位、科研机构和相关个人。'),
      ...(before.length > 0 ? [h2('四、与原政策相比的主要变化'), p(`本${def.name.slice(-2)}施行后，${before.map((d) => `原《${d.name}》${d.next?.kind === 'repeal' ? '同时废止' : '同时停止执行'}`).join('，')}。主要变化是：${def.purpose}。`)] : []),
      h2(`${before.length > 0 ? '五' : '四'}、施行时间`),
      p(`本${def.name.slice(-2)}自${cnDate(effectiveOn)}起施行，有效期${def.termYears}年。`),
      contact(def.organKey === 'zfb' ? '赵雅琴' : BUREAU_CONTACT.person, def.organKey === 'zfb' ? '0576-83902305' : BUREAU_CONTACT.phone),
    ].join(''),
    isPinned: true,
  };
}

function consultationSpecs(rng: Random, def: NormativeDef, d: Dates): ItemSpec[] {
  const draftOn = d.draftOn!;
  const feedbackOn = d.feedbackOn!;
  const endOn = plusDays(draftOn, 30);
  const received = rng.int(6, 21);
  const adopted = rng.int(2, Math.min(6, received - 2));
  const partly = rng.int(1, 3);
  const base = { organKey: def.organKey, unitName: def.unitName, docCode: null, topic: def.topic, genre: '通知公告' as const, isPinned: true };
  return [
    {
      ...base, key: `${def.key}-draft`, writtenOn: draftOn, lagWorkingDays: 0, catalogueEntryKey: 'decision-drafts',
      title: `关于公开征求《${def.name}（征求意见稿）》意见的公告`,
      summary: `公开征求《${def.name}（征求意见稿）》意见，征求意见时间为${cnDate(draftOn)}至${cnDate(endOn)}。`,
      bodyHtml: [
        p(`为了${def.purpose}，我局起草了《${def.name}（征求意见稿）》。根据《重大行政决策程序暂行条例》有关规定，现向社会公开征求意见。`),
        p(`征求意见时间：${cnDate(draftOn)}至${cnDate(endOn)}，共30日。`),
        h2('意见提交方式'),
        ol(['电子邮件：kjj_zqyj@example.gov.cn，邮件主题请注明“征求意见”。', '信函：某县城关镇人民东路88号县行政中心3号楼5楼县科技局办公室（邮编318000），信封请注明“征求意见”。', `电话：${BUREAU_CONTACT.phone}（工作日上午8:30至12:00，下午14:30至17:30）。`]),
        h2('起草说明'),
        p(`征求意见稿共${def.articles.length + 4}条，主要内容包括：${def.articles.join('')}`),
      ].join(''),
    },
    {
      ...base, key: `${def.key}-feedback`, writtenOn: feedbackOn, lagWorkingDays: 1, catalogueEntryKey: 'decision-feedback',
      title: `《${def.name}（征求意见稿）》公开征求意见采纳情况的反馈`,
      summary: `征求意见期间共收到意见${received}条，采纳${adopted}条，部分采纳${partly}条，未予采纳的已说明理由。`,
      bodyHtml: [
        p(`${cnDate(draftOn)}至${cnDate(endOn)}，我局就《${def.name}（征求意见稿）》向社会公开征求意见，共收到意见建议${received}条。经逐条研究，采纳${adopted}条，部分采纳${partly}条，未予采纳${received - adopted - partly}条。主要情况如下：`),
        table(['序号', '意见摘要', '处理情况', '理由'], [
          [1, '建议简化申报材料，减少纸质材料提交', '采纳', '已改为全程网上办理'],
          [2, '建议提高对小微企业的支持比例', '部分采纳', '对科技型中小企业适当提高支持比例'],
          [3, '建议取消申报主体的注册地限制', '未予采纳', '县级财政资金原则上支持在本县注册的主体'],
        ]),
        p('感谢社会各界对科技工作的关心和支持。'),
      ].join(''),
    },
  ];
}

function abolitionSpec(rng: Random, writtenOn: string): ItemSpec {
  const repealed = NORMATIVE_DEFS.filter((d) => d.next?.key === ABOLITION_KEY);
  return {
    key: ABOLITION_KEY, organKey: 'kjj', unitName: '办公室', docCode: '县科技发', writtenOn, isPinned: true, lagWorkingDays: rng.int(1, 5),
    title: '某县科学技术局关于废止部分行政规范性文件的决定', topic: '科技', genre: '其他文件', catalogueEntryKey: 'normative-documents',
    summary: `经规范性文件清理，决定废止《${repealed[0]?.name ?? ''}》等${repealed.length}件行政规范性文件，自公布之日起施行。`,
    bodyHtml: [
      p('根据县政府关于开展行政规范性文件清理工作的部署，我局对现行有效的行政规范性文件进行了全面清理。经清理，决定废止以下行政规范性文件：'),
      table(['序号', '文件名称', '发文字号', '废止理由'], repealed.map((d, i) => [i + 1, `《${d.name}》`, docNumberOf(d.key), i === 0 ? '相关政策已整合到新出台的文件中' : '已不适应当前工作需要'])),
      p('本决定自公布之日起施行。'),
      signature('某县科学技术局', writtenOn),
    ].join(''),
  };
}

/** All normative-document items: notices, 解读, 征求意见 and 反馈, and the 废止 decision. */
export function normativeSpecs(rng: Random): ItemSpec[] {
  const dates = new Map<string, Dates>();
  for (const def of NORMATIVE_DEFS) dates.set(def.key, drawDates(rng, def));
  const abolishedOn = dateIn(rng, 2023, 10, 8, 25);
  dates.set(ABOLITION_KEY, { writtenOn: abolishedOn, effectiveOn: abolishedOn });
  const specs: ItemSpec[] = [abolitionSpec(rng, abolishedOn)];
  for (const def of NORMATIVE_DEFS) {
    specs.push(documentSpec(rng, def, dates));
    if (def.hasInterpretation) specs.push(interpretationSpec(def, dates));
    if (def.hasConsultation) specs.push(...consultationSpecs(rng, def, dates.get(def.key)!));
  }
  return specs;
}
