import { describe, expect, it } from 'vitest';
import { localDate, type LocalDate } from '../../../kernel/local-date.ts';
import type { ColumnType } from './freshness.ts';
import { summariseMonth } from './monthly-summary.ts';
import { assessColumnFreshness, assessEmptyColumns, assessHomePage, assessSite, freshColumnShare, type SiteFacts } from './site-assessment.ts';
import type { SiteColumn } from './site-columns.ts';

const today = localDate('2026-12-04');
const column = (key: string, columnType: ColumnType, newestOn: string | null, itemCount = newestOn ? 3 : 0): SiteColumn => ({ key, kind: 'catalogue-entry', name: `栏目${key}`, columnType, path: `/xxgk/catalogue/${key}`, fixUrl: `/console/catalogue/${key}`, itemCount, newestOn: newestOn as LocalDate | null });
const staleNews = (n: number) => Array.from({ length: n }, (_, i) => column(`n${i}`, 'news', '2026-11-19'));

const facts = (over: Partial<SiteFacts> = {}): SiteFacts => ({ today, columns: [], homeNewestOn: today, brokenLinks: [], brokenLinkTotal: 0, brokenAttachments: [], brokenAttachmentTotal: 0, openRequests: [], comments: { isConnected: false }, ...over });

describe('栏目不更新', () => {
  it('is a veto at five stale 动态要闻/通知公告/政策文件 columns, not at four', () => {
    const four = assessColumnFreshness(staleNews(4), today);
    expect(four.verdict.status).toBe('problem');
    expect(four.findings.filter((f) => f.severity === 'veto')).toEqual([]);
    expect(four.findings.map((f) => f.fixUrl)).toEqual(['/console/catalogue/n0', '/console/catalogue/n1', '/console/catalogue/n2', '/console/catalogue/n3']);
    const five = assessColumnFreshness([...staleNews(3), column('p', 'policy', '2026-06-03'), column('c', 'notice', '2026-01-01')], today);
    expect(five.verdict).toMatchObject({ status: 'veto', count: 5 });
    expect(five.findings[0]).toMatchObject({ severity: 'veto', subjectType: 'site' });
    expect(five.findings[0]!.explanation).toContain('国办秘函〔2019〕19号');
  });

  it('counts 人事/规划计划 columns only toward the 10-column rule, as 提示', () => {
    const planning = Array.from({ length: 4 }, (_, i) => column(`p${i}`, 'planning', '2025-12-03'));
    const r = assessColumnFreshness([...staleNews(4), ...planning], today);
    expect(r.verdict).toMatchObject({ status: 'problem', count: 8 });
    expect(r.findings.filter((f) => f.subjectId.startsWith('p')).map((f) => f.severity)).toEqual(['minor', 'minor', 'minor', 'minor']);
    const ten = assessColumnFreshness([...staleNews(4), ...Array.from({ length: 6 }, (_, i) => column(`q${i}`, 'planning', '2025-01-01'))], today);
    expect(ten.verdict.status).toBe('veto');
  });

  it('leaves fresh columns, exactly-at-the-limit columns, untimed and empty columns out', () => {
    const r = assessColumnFreshness([column('a', 'news', '2026-11-20'), column('b', 'policy', '2026-06-04'), column('c', 'other', '2001-01-01'), column('d', 'news', null)], today);
    expect(r.findings).toEqual([]);
    expect(r.verdict.status).toBe('ok');
    expect(freshColumnShare([column('a', 'news', '2026-11-20'), column('b', 'news', '2026-11-19'), column('c', 'other', '2001-01-01')], today)).toEqual({ fresh: 1, timed: 2 });
  });
});

describe('空白栏目', () => {
  it('finds each empty column with its fix link and vetoes at five', () => {
    const four = assessEmptyColumns([column('a', 'news', null), column('b', 'other', null), column('c', 'other', null), column('d', 'notice', null), column('e', 'other', '2026-01-01')]);
    expect(four.findings.map((f) => f.subjectId)).toEqual(['a', 'b', 'c', 'd']);
    expect(four.findings[0]!.fixUrl).toBe('/console/catalogue/a');
    expect(four.verdict).toMatchObject({ status: 'problem', count: 4 });
    const five = assessEmptyColumns(['a', 'b', 'c', 'd', 'e'].map((k) => column(k, 'other', null)));
    expect(five.verdict.status).toBe('veto');
  });
});

describe('首页不更新', () => {
  it('vetoes when the newest item is older than 2 weeks, not at exactly 2 weeks', () => {
    expect(assessHomePage(localDate('2026-11-20'), today).verdict.status).toBe('ok');
    const stale = assessHomePage(localDate('2026-11-19'), today);
    expect(stale.verdict.status).toBe('veto');
    expect(stale.finding).toMatchObject({ severity: 'veto', fixUrl: '/console/items/new' });
    expect(assessHomePage(null, today).verdict.status).toBe('veto');
  });
});

describe('the whole check', () => {
  it('finds requests open for more than 3 calendar months, not those at exactly 3', () => {
    const r = assessSite(facts({ openRequests: [{ id: 'r1', trackingCode: 'YSQ-2026-000001', receivedOn: localDate('2026-09-03') }, { id: 'r2', trackingCode: 'YSQ-2026-000002', receivedOn: localDate('2026-09-04') }] }));
    const found = r.findings.filter((f) => f.indicator === 'unanswered-requests');
    expect(found.map((f) => f.fixUrl)).toEqual(['/console/foi/r1']);
    expect(r.isVetoed).toBe(false);
  });

  it('reports public comments as not applicable until a source is connected, and as a veto once one is overdue', () => {
    const none = assessSite(facts());
    expect(none.verdicts.find((v) => v.indicator === 'unanswered-comments')).toMatchObject({ status: 'not-applicable', count: 0 });
    expect(none.isVetoed).toBe(false);
    const late = assessSite(facts({ comments: { isConnected: true, unanswered: [{ id: 'c1', title: '留言', receivedOn: localDate('2026-08-01'), fixUrl: '/console/consultations/c1' }] } }));
    expect(late.isVetoed).toBe(true);
  });

  it('reports link and attachment totals beyond the listed findings', () => {
    const r = assessSite(facts({ brokenLinks: [{ fromItemId: 'i1', fromTitle: '甲', href: '/xxgk/content/gone', reason: 'retracted' }], brokenLinkTotal: 3, brokenAttachments: [{ itemId: 'i2', itemTitle: '乙', attachmentId: 'a1', filename: '附件.pdf', reason: 'missing' }], brokenAttachmentTotal: 1 }));
    expect(r.verdicts.find((v) => v.indicator === 'broken-links')).toMatchObject({ status: 'problem', count: 3 });
    expect(r.findings.find((f) => f.indicator === 'broken-links')).toMatchObject({ fixUrl: '/console/items/i1' });
    expect(r.findings.find((f) => f.indicator === 'broken-links')!.explanation).toContain('已撤回');
    expect(r.findings.find((f) => f.indicator === 'broken-attachments')).toMatchObject({ fixUrl: '/console/items/i2', subjectId: 'a1' });
    expect(r.verdicts.map((v) => v.indicator)).toEqual(['home-freshness', 'column-freshness', 'empty-columns', 'broken-links', 'broken-attachments', 'unanswered-requests', 'unanswered-comments']);
  });
});

describe('monthly summary', () => {
  it('counts the runs with problems per indicator and keeps the last run’s findings', () => {
    const ok = assessSite(facts({ today: localDate('2026-11-02') }));
    const bad = assessSite(facts({ today: localDate('2026-11-20'), homeNewestOn: localDate('2026-10-01') }));
    const s = summariseMonth('2026-11', [{ checkedOn: localDate('2026-11-20'), ...bad }, { checkedOn: localDate('2026-11-02'), ...ok }], bad.findings);
    expect(s).toMatchObject({ from: '2026-11-01', to: '2026-11-30', runCount: 2, vetoedRunCount: 1 });
    expect(s.indicators.find((i) => i.indicator === 'home-freshness')).toMatchObject({ runsWithProblem: 1, runsVetoed: 1, last: { status: 'veto' } });
    expect(s.openFindings).toHaveLength(1);
  });
});
