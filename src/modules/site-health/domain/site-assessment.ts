/**
 * The site-health check against 国办秘函〔2019〕19号 (政府网站与政务新媒体检查指标, REFERENCE.md §7): facts about the
 * site in, findings with severity, a Chinese explanation citing the indicator and a link to fix out, plus one verdict
 * per indicator and whether any 单项否决 is reached.
 */
import { daysBetween, type LocalDate } from '../../../kernel/local-date.ts';
import { COLUMN_TYPE_NAMES, FRESHNESS_LIMITS, HOME_PAGE_LIMIT, isStale, limitText, subtractMonths, windowStart } from './freshness.ts';
import type { SiteColumn } from './site-columns.ts';

/** 单项否决 (the site fails), 严重 (a 扣分 item), 提示 (a platform rule beyond the indicators). */
export type Severity = 'veto' | 'serious' | 'minor';
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { veto: '单项否决', serious: '严重', minor: '提示' };

/** The indicators the check covers, in the order the dashboard shows them. */
export const INDICATOR_KEYS = ['home-freshness', 'column-freshness', 'empty-columns', 'broken-links', 'broken-attachments', 'unanswered-requests', 'unanswered-comments'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** Name and the rule each indicator implements. */
export const INDICATORS: Readonly<Record<IndicatorKey, { label: string; rule: string }>> = {
  'home-freshness': { label: '首页不更新', rule: '国办秘函〔2019〕19号单项否决指标“首页不更新”：监测2周，首页无信息更新的，单项否决。' },
  'column-freshness': { label: '栏目不更新', rule: '国办秘函〔2019〕19号单项否决指标“栏目不更新”：监测时间点前2周内的动态、要闻类栏目，以及前6个月内的通知公告、政策文件类一级栏目，累计超过（含）5个未更新；或应更新但长期未更新的栏目超过（含）10个，单项否决。' },
  'empty-columns': { label: '空白栏目', rule: '国办秘函〔2019〕19号单项否决指标“栏目不更新”第3项：空白栏目数量超过（含）5个，单项否决。' },
  'broken-links': { label: '站内链接不可用', rule: '国办秘函〔2019〕19号扣分指标“网站可用性”：首页及其他页面不能正常访问的链接按数量扣分。' },
  'broken-attachments': { label: '附件无法下载', rule: '国办秘函〔2019〕19号扣分指标“服务实用情况”：附件应能正常下载。' },
  'unanswered-requests': { label: '依申请公开超过3个月未答复', rule: '《政府信息公开条例》第三十三条：20个工作日内答复，延长不超过20个工作日；参照国办秘函〔2019〕19号“互动回应差”：超过3个月未回应。' },
  'unanswered-comments': { label: '网民留言超过3个月未回应', rule: '国办秘函〔2019〕19号单项否决指标“互动回应差”：监测时间点前1年内，政务咨询类栏目存在超过3个月未回应有效留言的，单项否决。' },
};

/** 19号 栏目不更新 1 and 2, 3: the counts at which the site fails. */
export const STALE_COLUMNS_VETO = 5;
export const LONG_STALE_COLUMNS_VETO = 10;
export const EMPTY_COLUMNS_VETO = 5;
/** 互动回应差: 超过3个月未回应. */
export const UNANSWERED_MONTHS = 3;

/** One problem, pointing at what to fix. */
export interface Finding {
  indicator: IndicatorKey;
  severity: Severity;
  subjectType: 'site' | 'column' | 'item' | 'attachment' | 'request' | 'comment';
  subjectId: string;
  title: string;
  explanation: string;
  /** The console page where the office fixes it. */
  fixUrl: string;
}

/** How an indicator came out. */
export interface IndicatorVerdict {
  indicator: IndicatorKey;
  label: string;
  status: 'ok' | 'problem' | 'veto' | 'not-applicable';
  count: number;
  summary: string;
}

/** Why a link in a public body does not resolve. */
export type BrokenLinkReason = 'retracted' | 'not-public' | 'missing-item' | 'unknown-index-number' | 'missing-attachment' | 'missing-page';
export const BROKEN_LINK_REASONS: Readonly<Record<BrokenLinkReason, string>> = {
  retracted: '所链接的信息已撤回',
  'not-public': '所链接的信息未公开',
  'missing-item': '所链接的信息不存在',
  'unknown-index-number': '索引号不存在或有误',
  'missing-attachment': '所链接的附件不存在或已不公开',
  'missing-page': '页面不存在',
};
export interface BrokenLink {
  fromItemId: string;
  fromTitle: string;
  href: string;
  reason: BrokenLinkReason;
}

/** Why an attachment of a public item does not download. */
export type BrokenAttachmentReason = 'missing' | 'unreadable';
export interface BrokenAttachment {
  itemId: string;
  itemTitle: string;
  attachmentId: string;
  filename: string;
  reason: BrokenAttachmentReason;
}

/** A 依申请公开 request not closed (答复, 视为放弃 or 撤回). */
export interface OpenRequest {
  id: string;
  trackingCode: string;
  receivedOn: LocalDate;
}

/** A public comment (留言, 征求意见) without an answer; supplied by the consultation module once it exists. */
export interface UnansweredComment {
  id: string;
  title: string;
  receivedOn: LocalDate;
  fixUrl: string;
}

/** Everything the check knows about the site on `today`. Lists may be capped; the totals are not. */
export interface SiteFacts {
  today: LocalDate;
  columns: readonly SiteColumn[];
  homeNewestOn: LocalDate | null;
  brokenLinks: readonly BrokenLink[];
  brokenLinkTotal: number;
  brokenAttachments: readonly BrokenAttachment[];
  brokenAttachmentTotal: number;
  openRequests: readonly OpenRequest[];
  comments: { isConnected: false } | { isConnected: true; unanswered: readonly UnansweredComment[] };
}

export interface Assessment {
  findings: Finding[];
  verdicts: IndicatorVerdict[];
  isVetoed: boolean;
}

const daysSince = (on: LocalDate | null, today: LocalDate) => (on === null ? '从未发布信息' : `最新信息发布于${on}（${daysBetween(on, today)}天前）`);
const verdict = (indicator: IndicatorKey, status: IndicatorVerdict['status'], count: number, summary: string): IndicatorVerdict => ({ indicator, label: INDICATORS[indicator].label, status, count, summary });

/** 首页不更新: the home page lists the newest public items, so its freshness is the newest item's date. */
export function assessHomePage(newestOn: LocalDate | null, today: LocalDate): { finding?: Finding; verdict: IndicatorVerdict } {
  if (!isStale(HOME_PAGE_LIMIT, newestOn, today)) return { verdict: verdict('home-freshness', 'ok', 0, `首页${daysSince(newestOn, today)}，2周内有更新。`) };
  const explanation = `首页（及信息公开专栏首页）${daysSince(newestOn, today)}，监测时间点前2周内（自${windowStart(HOME_PAGE_LIMIT, today)}起）无信息更新。${INDICATORS['home-freshness'].rule}`;
  return {
    finding: { indicator: 'home-freshness', severity: 'veto', subjectType: 'site', subjectId: 'home', title: '网站首页', explanation, fixUrl: '/console/items/new' },
    verdict: verdict('home-freshness', 'veto', 1, '首页超过2周未更新，达到单项否决标准。'),
  };
}

/** Columns timed by the 19号 rule 1 (动态要闻 2周, 通知公告/政策文件 6个月). */
const isRuleOneType = (c: SiteColumn) => c.columnType === 'news' || c.columnType === 'notice' || c.columnType === 'policy';

/** 栏目不更新: non-empty timed columns past their limit; veto at 5 (rule 1) or 10 (rule 2, every timed type). */
export function assessColumnFreshness(columns: readonly SiteColumn[], today: LocalDate): { findings: Finding[]; verdict: IndicatorVerdict } {
  const stale = columns.filter((c) => c.itemCount > 0 && isStale(FRESHNESS_LIMITS[c.columnType], c.newestOn, today));
  const ruleOne = stale.filter(isRuleOneType).length;
  const findings: Finding[] = stale.map((c) => {
    const limit = FRESHNESS_LIMITS[c.columnType];
    return {
      indicator: 'column-freshness',
      severity: isRuleOneType(c) ? 'serious' : 'minor',
      subjectType: 'column',
      subjectId: c.key,
      title: `栏目“${c.name}”`,
      explanation: `栏目“${c.name}”（${COLUMN_TYPE_NAMES[c.columnType]}，应在${limitText(limit)}内更新）${daysSince(c.newestOn, today)}，自${windowStart(limit, today)}起未更新。${INDICATORS['column-freshness'].rule}`,
      fixUrl: c.fixUrl,
    };
  });
  const isVeto = ruleOne >= STALE_COLUMNS_VETO || stale.length >= LONG_STALE_COLUMNS_VETO;
  if (isVeto)
    findings.unshift({
      indicator: 'column-freshness',
      severity: 'veto',
      subjectType: 'site',
      subjectId: 'stale-columns',
      title: '栏目不更新达到单项否决标准',
      explanation: `动态要闻、通知公告、政策文件类栏目中有${ruleOne}个未按期更新（标准：累计超过（含）${STALE_COLUMNS_VETO}个），应更新而未更新的栏目共${stale.length}个（标准：超过（含）${LONG_STALE_COLUMNS_VETO}个）。${INDICATORS['column-freshness'].rule}`,
      fixUrl: '/console/site-health#column-freshness',
    });
  const summary = `${columns.filter((c) => FRESHNESS_LIMITS[c.columnType].unit !== 'none' && c.itemCount > 0).length}个有时限的栏目中${stale.length}个未按期更新（其中动态要闻、通知公告、政策文件类${ruleOne}个）。`;
  return { findings, verdict: verdict('column-freshness', isVeto ? 'veto' : stale.length > 0 ? 'problem' : 'ok', stale.length, summary) };
}

/** 空白栏目: columns the portal shows with no public item; veto at 5. */
export function assessEmptyColumns(columns: readonly SiteColumn[]): { findings: Finding[]; verdict: IndicatorVerdict } {
  const empty = columns.filter((c) => c.itemCount === 0);
  const findings: Finding[] = empty.map((c) => ({
    indicator: 'empty-columns',
    severity: 'serious',
    subjectType: 'column',
    subjectId: c.key,
    title: `栏目“${c.name}”`,
    explanation: `栏目“${c.name}”没有任何公开信息（门户显示“暂无”），属于空白栏目；应发布相应信息，或调整栏目设置。${INDICATORS['empty-columns'].rule}`,
    fixUrl: c.fixUrl,
  }));
  const isVeto = empty.length >= EMPTY_COLUMNS_VETO;
  if (isVeto)
    findings.unshift({ indicator: 'empty-columns', severity: 'veto', subjectType: 'site', subjectId: 'empty-columns', title: '空白栏目达到单项否决标准', explanation: `共有空白栏目${empty.length}个（标准：超过（含）${EMPTY_COLUMNS_VETO}个）。${INDICATORS['empty-columns'].rule}`, fixUrl: '/console/site-health#empty-columns' });
  return { findings, verdict: verdict('empty-columns', isVeto ? 'veto' : empty.length > 0 ? 'problem' : 'ok', empty.length, `共${columns.length}个栏目，空白栏目${empty.length}个。`) };
}

function assessLinks(facts: SiteFacts): { findings: Finding[]; verdicts: IndicatorVerdict[] } {
  const links: Finding[] = facts.brokenLinks.map((l) => ({
    indicator: 'broken-links',
    severity: 'serious',
    subjectType: 'item',
    subjectId: l.fromItemId,
    title: `《${l.fromTitle}》中的链接`,
    explanation: `正文中的链接 ${l.href} 无法正常访问：${BROKEN_LINK_REASONS[l.reason]}。请修订该信息，改正或删除链接。${INDICATORS['broken-links'].rule}`,
    fixUrl: `/console/items/${l.fromItemId}`,
  }));
  const files: Finding[] = facts.brokenAttachments.map((a) => ({
    indicator: 'broken-attachments',
    severity: 'serious',
    subjectType: 'attachment',
    subjectId: a.attachmentId,
    title: `《${a.itemTitle}》的附件“${a.filename}”`,
    explanation: `附件“${a.filename}”${a.reason === 'missing' ? '的文件在存储中不存在' : '的文件无法读取或已损坏'}，公众无法下载。请修订该信息并重新上传附件。${INDICATORS['broken-attachments'].rule}`,
    fixUrl: `/console/items/${a.itemId}`,
  }));
  const more = (shown: number, total: number) => (total > shown ? `（列出前${shown}个）` : '');
  return {
    findings: [...links, ...files],
    verdicts: [
      verdict('broken-links', facts.brokenLinkTotal > 0 ? 'problem' : 'ok', facts.brokenLinkTotal, `公开信息正文中无法访问的站内链接${facts.brokenLinkTotal}个${more(links.length, facts.brokenLinkTotal)}。`),
      verdict('broken-attachments', facts.brokenAttachmentTotal > 0 ? 'problem' : 'ok', facts.brokenAttachmentTotal, `无法下载的附件${facts.brokenAttachmentTotal}个${more(files.length, facts.brokenAttachmentTotal)}。`),
    ],
  };
}

/** The day before which a request or comment counts as unanswered for 3 months. */
export function unansweredBefore(today: LocalDate): LocalDate {
  return subtractMonths(today, UNANSWERED_MONTHS);
}

function assessResponses(facts: SiteFacts): { findings: Finding[]; verdicts: IndicatorVerdict[] } {
  const cutoff = unansweredBefore(facts.today);
  const requests = facts.openRequests.filter((r) => r.receivedOn < cutoff);
  const findings: Finding[] = requests.map((r) => ({
    indicator: 'unanswered-requests',
    severity: 'serious',
    subjectType: 'request',
    subjectId: r.id,
    title: `依申请公开 ${r.trackingCode}`,
    explanation: `申请于${r.receivedOn}收到，已${daysBetween(r.receivedOn, facts.today)}天未办结（超过3个月）。${INDICATORS['unanswered-requests'].rule}`,
    fixUrl: `/console/foi/${r.id}`,
  }));
  const verdicts = [verdict('unanswered-requests', requests.length > 0 ? 'problem' : 'ok', requests.length, `收到满3个月（${cutoff}以前收到）仍未办结的申请${requests.length}件。`)];
  if (!facts.comments.isConnected) {
    verdicts.push(verdict('unanswered-comments', 'not-applicable', 0, '不适用：平台尚未接入政务咨询、征求意见等留言模块，本项暂不检查。'));
    return { findings, verdicts };
  }
  const comments = facts.comments.unanswered.filter((c) => c.receivedOn < cutoff);
  for (const c of comments)
    findings.push({ indicator: 'unanswered-comments', severity: 'veto', subjectType: 'comment', subjectId: c.id, title: c.title, explanation: `留言于${c.receivedOn}收到，超过3个月未回应。${INDICATORS['unanswered-comments'].rule}`, fixUrl: c.fixUrl });
  verdicts.push(verdict('unanswered-comments', comments.length > 0 ? 'veto' : 'ok', comments.length, `超过3个月未回应的留言${comments.length}条。`));
  return { findings, verdicts };
}

/** The whole check: every indicator's findings and verdict, in INDICATOR_KEYS order. */
export function assessSite(facts: SiteFacts): Assessment {
  const home = assessHomePage(facts.homeNewestOn, facts.today);
  const stale = assessColumnFreshness(facts.columns, facts.today);
  const empty = assessEmptyColumns(facts.columns);
  const links = assessLinks(facts);
  const responses = assessResponses(facts);
  const verdicts = [home.verdict, stale.verdict, empty.verdict, ...links.verdicts, ...responses.verdicts];
  const findings = [...(home.finding ? [home.finding] : []), ...stale.findings, ...empty.findings, ...links.findings, ...responses.findings];
  return { findings, verdicts, isVetoed: verdicts.some((v) => v.status === 'veto') };
}

/** Share of timed, non-empty columns updated within their limit (the self-inspection indicator); null when none. */
export function freshColumnShare(columns: readonly SiteColumn[], today: LocalDate): { fresh: number; timed: number } {
  const timed = columns.filter((c) => c.itemCount > 0 && FRESHNESS_LIMITS[c.columnType].unit !== 'none');
  return { fresh: timed.filter((c) => !isStale(FRESHNESS_LIMITS[c.columnType], c.newestOn, today)).length, timed: timed.length };
}
