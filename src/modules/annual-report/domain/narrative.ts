/**
 * Drafts of the narrative sections 一–六 from the figures (条例 Art. 50; 国办公开办函〔2021〕30号 asks 一、总体情况 to cover
 * 主动公开、依申请公开、政府信息管理、平台建设、监督保障). The office edits them; a draft the office has not touched is
 * redrafted when the figures are generated again. Section 六 always states the 信息处理费 collected, even 0 元
 * (ANNUAL-REPORT-FORMAT.md §6, text requirements).
 */
import type { ApplicationTable, ProactiveTable, ReportSection, ReviewTable } from './annual-report.ts';
import { rowCells } from './annual-report.ts';
import { OVERVIEW_SUBHEADINGS, SECTION_HEADINGS, outcomeRowsOf, type ApplicationRowKey } from './report-format.ts';

/** What the drafts say besides the tables: counts from the catalogue and the fee collected. */
export interface NarrativeFacts {
  organ: string;
  year: number;
  /** 主动公开 items first published in the year. */
  itemsPublished: number;
  /** Rows of the 主动公开基本目录, and how many of them received an item in the year. */
  catalogueEntries: number;
  catalogueEntriesCovered: number;
  /** 信息处理费 collected in the year, in 元 (国办函〔2020〕109号). */
  processingFeeYuan: number;
}

const total = (t: ApplicationTable, key: ApplicationRowKey) => rowCells(t, key).total;

/** Counts of table 三 closures by group, for the 依申请公开 paragraph. */
function closureCounts(t: ApplicationTable) {
  const sumWhere = (prefix: string) => outcomeRowsOf(t.layout).filter((r) => r.key.startsWith(prefix)).reduce((s, r) => s + total(t, r.key), 0);
  return {
    disclosed: total(t, 'disclosed'),
    partial: total(t, 'partially-disclosed'),
    withheld: sumWhere('withheld-'),
    unavailable: sumWhere('unavailable-'),
    notProcessed: sumWhere('not-processed-'),
    other: sumWhere('other'),
  };
}

/** 元 with at most two decimals, no trailing zeros. */
const yuan = (n: number) => String(Math.round(n * 100) / 100);

function overviewText(f: NarrativeFacts, p: ProactiveTable, t: ApplicationTable, r: ReviewTable): string {
  const c = closureCounts(t);
  const reviews = r.reconsideration.total;
  const suits = r['litigation-direct'].total + r['litigation-after-reconsideration'].total;
  return [
    `${f.year}年，${f.organ}认真贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》），依法做好政府信息公开工作。现将本机关${f.year}年政府信息公开工作情况报告如下。`,
    OVERVIEW_SUBHEADINGS[0],
    `全年主动公开政府信息${f.itemsPublished}条，其中制发行政规范性文件${p.normativeDocument.issued}件，截至12月31日现行有效行政规范性文件${p.normativeDocument.effective}件。`,
    OVERVIEW_SUBHEADINGS[1],
    `全年新收政府信息公开申请${total(t, 'received')}件，上年结转${total(t, 'brought-forward')}件；办结${total(t, 'results-total')}件，其中予以公开${c.disclosed}件，部分公开${c.partial}件，不予公开${c.withheld}件，无法提供${c.unavailable}件，不予处理${c.notProcessed}件，其他处理${c.other}件；结转下年度继续办理${total(t, 'carried-forward')}件。因政府信息公开被申请行政复议${reviews}件，被提起行政诉讼${suits}件。`,
    OVERVIEW_SUBHEADINGS[2],
    `本年废止行政规范性文件${p.normativeDocument.repealed}件。政府信息在制作或获取时即认定公开属性，并编制索引号纳入政府信息目录管理。`,
    OVERVIEW_SUBHEADINGS[3],
    `依托政府信息公开专栏集中发布政府信息，主动公开基本目录共${f.catalogueEntries}项，本年有信息发布的${f.catalogueEntriesCovered}项。`,
    OVERVIEW_SUBHEADINGS[4],
    '（请补充：工作机构和人员、制度建设、培训、考核、社会评议和责任追究结果情况。）',
  ].join('\n');
}

/** Drafts of sections 一–六 under their official headings. */
export function draftSections(f: NarrativeFacts, p: ProactiveTable, t: ApplicationTable, r: ReviewTable): ReportSection[] {
  const texts = [
    overviewText(f, p, t, r),
    `${f.year}年本机关主动公开政府信息情况如下表。${p.decisionsSource ? `行政许可、行政处罚、行政强制和行政事业性收费数据来源：${p.decisionsSource}。` : ''}`,
    `${f.year}年本机关收到和处理政府信息公开申请情况如下表。`,
    `${f.year}年本机关政府信息公开行政复议、行政诉讼情况如下表。`,
    ['（一）存在的主要问题', '（请补充本年度工作存在的主要问题。）', '（二）改进情况', '（请补充上一年度问题的整改情况和下一步改进措施。）'].join('\n'),
    `${f.year}年，本机关严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费${yuan(f.processingFeeYuan)}元。`,
  ];
  return SECTION_HEADINGS.map((heading, i) => ({ heading, text: texts[i]! }));
}

/**
 * Keeps the office's edits: a section whose text still equals the last draft takes the new draft, an edited one stays.
 * Sections are matched by heading.
 */
export function mergeDrafts(current: readonly ReportSection[], lastDrafts: readonly ReportSection[], newDrafts: readonly ReportSection[]): ReportSection[] {
  return newDrafts.map((draft) => {
    const now = current.find((s) => s.heading === draft.heading);
    const before = lastDrafts.find((s) => s.heading === draft.heading);
    const isEdited = now !== undefined && now.text !== (before?.text ?? '');
    return isEdited ? { heading: draft.heading, text: now.text } : draft;
  });
}
