import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import { rowCells, type ApplicationTable } from './annual-report.ts';
import {
  computeApplicationTable,
  computeProactiveTable,
  computeReviewTable,
  listRequestProblems,
  type CatalogueDocument,
  type RequestRecord,
  type ReviewRecord,
} from './compute-tables.ts';
import { checkReport } from './rules.ts';
import type { ApplicationRowKey } from './report-format.ts';

const d = localDate;
const natural = (cells: ApplicationTable, key: ApplicationRowKey) => rowCells(cells, key)['natural-person'];
const nonZeroRows = (t: ApplicationTable) =>
  Object.fromEntries(Object.entries(t.rows).filter(([, c]) => c.total !== 0).map(([k, c]) => [k, c.total]));

describe('computeApplicationTable: the year boundary (ANNUAL-REPORT-FORMAT.md §4, R1, R6)', () => {
  const december: RequestRecord = {
    receivedOn: d('2024-12-20'),
    applicantKind: 'natural-person',
    outcome: 'disclosed',
    decidedOn: d('2025-01-10'),
  };

  it('counts a request received in December and answered in January as 本年新收 and 结转 in year N', () => {
    const t2024 = computeApplicationTable({ year: 2024, requests: [december] });
    expect(nonZeroRows(t2024)).toEqual({ received: 1, 'carried-forward': 1 });
  });

  it('counts it as 上年结转 and under its outcome in year N+1, not as 本年新收', () => {
    const t2025 = computeApplicationTable({ year: 2025, requests: [december] });
    expect(nonZeroRows(t2025)).toEqual({ 'brought-forward': 1, disclosed: 1, 'results-total': 1 });
  });

  it('keeps R6 between the two years and R1 in each', () => {
    const report = (year: number) => ({
      organ: '某县科技局',
      year,
      sections: [],
      proactive: computeProactiveTable({ year, items: [], decisions: { source: '录入' } }),
      applications: computeApplicationTable({ year, requests: [december] }),
      reviews: computeReviewTable({ year, reviews: [] }),
    });
    expect(checkReport(report(2025), report(2024)).filter((f) => !f.ok)).toEqual([]);
  });

  it.each([
    ['2024-12-31', '2024-12-31', { received: 1, disclosed: 1, 'results-total': 1 }],
    ['2025-01-01', '2025-01-05', {}],
    ['2023-12-31', '2024-01-01', { 'brought-forward': 1, disclosed: 1, 'results-total': 1 }],
    ['2023-12-01', '2023-12-31', {}],
    ['2023-06-01', null, { 'brought-forward': 1, 'carried-forward': 1 }],
  ])('received %s, decided %s → 2024 rows %j', (receivedOn, decidedOn, rows) => {
    const request: RequestRecord = {
      receivedOn: d(receivedOn),
      applicantKind: 'natural-person',
      outcome: decidedOn ? 'disclosed' : null,
      decidedOn: decidedOn ? d(decidedOn) : null,
    };
    expect(nonZeroRows(computeApplicationTable({ year: 2024, requests: [request] }))).toEqual(rows);
  });
});

describe('computeApplicationTable: rows and columns', () => {
  it('puts each request in its applicant column and one outcome row; 总计 is the sum of the columns', () => {
    const requests: RequestRecord[] = [
      { receivedOn: d('2024-03-01'), applicantKind: 'commercial', outcome: 'partially-disclosed', decidedOn: d('2024-03-20') },
      { receivedOn: d('2024-03-02'), applicantKind: 'legal-services', outcome: 'unavailable-not-responsible', decidedOn: d('2024-03-22') },
      { receivedOn: d('2024-03-03'), applicantKind: 'commercial', outcome: 'other-special-law-channel', decidedOn: d('2024-03-25') },
    ];
    const t = computeApplicationTable({ year: 2024, requests });
    expect(rowCells(t, 'partially-disclosed')).toMatchObject({ commercial: 1, total: 1 });
    expect(rowCells(t, 'unavailable-not-held')).toMatchObject({ 'legal-services': 1, total: 1 });
    expect(rowCells(t, 'other')).toMatchObject({ commercial: 1, total: 1 });
    expect(rowCells(t, 'received')).toEqual({
      'natural-person': 0, commercial: 2, research: 0, 'public-interest': 0, 'legal-services': 1, other: 0, total: 3,
    });
    expect(rowCells(t, 'results-total').total).toBe(3);
  });

  it('counts a withdrawn request under （六）3.其他 in the year of withdrawal, or （六）其他处理 in the single layout', () => {
    const withdrawn: RequestRecord = { receivedOn: d('2024-05-06'), applicantKind: 'research', withdrawnOn: d('2024-05-08') };
    expect(rowCells(computeApplicationTable({ year: 2024, requests: [withdrawn] }), 'other').research).toBe(1);
    const single = computeApplicationTable({ year: 2024, requests: [withdrawn], layout: 'single' });
    expect(rowCells(single, 'other-processing').research).toBe(1);
    expect(single.rows.other).toBeUndefined();
  });

  it('takes the earlier of a withdrawal and a decision', () => {
    const r: RequestRecord = {
      receivedOn: d('2024-12-01'),
      applicantKind: 'natural-person',
      withdrawnOn: d('2024-12-15'),
      outcome: 'disclosed',
      decidedOn: d('2025-01-03'),
    };
    const t = computeApplicationTable({ year: 2024, requests: [r] });
    expect([natural(t, 'other'), natural(t, 'disclosed'), natural(t, 'carried-forward')]).toEqual([1, 0, 0]);
  });

  it('uses the office-entered 上年结转 when the platform starts mid-stream, whatever the records say', () => {
    const t = computeApplicationTable({
      year: 2025,
      requests: [{ receivedOn: d('2024-12-30'), applicantKind: 'natural-person' }],
      previousYearCarryOver: { 'natural-person': 2, commercial: 1 },
    });
    expect(rowCells(t, 'brought-forward')).toMatchObject({ 'natural-person': 2, commercial: 1, total: 3 });
  });

  it('keeps an undated outcome open and lists it, so the table still balances', () => {
    const requests: RequestRecord[] = [
      { receivedOn: d('2024-02-01'), applicantKind: 'natural-person', outcome: 'disclosed' },
      { receivedOn: d('2024-02-01'), applicantKind: 'natural-person', decidedOn: d('2024-02-10') },
      { receivedOn: d('2024-02-01'), applicantKind: 'natural-person', outcome: 'disclosed', decidedOn: d('2024-01-10') },
    ];
    const t = computeApplicationTable({ year: 2024, requests });
    expect([natural(t, 'carried-forward'), natural(t, 'disclosed')]).toEqual([2, 1]);
    expect(listRequestProblems(requests)).toEqual([
      { index: 0, problem: 'outcome-without-decision-date' },
      { index: 1, problem: 'decided-without-outcome' },
      { index: 2, problem: 'closed-before-received' },
    ]);
  });
});

describe('computeProactiveTable (条例 Art. 20 items 一, 五, 六, 八)', () => {
  const doc = (genre: string, publishedOn: string, end: Partial<CatalogueDocument> = {}): CatalogueDocument => ({
    genre,
    publishedOn: d(publishedOn),
    validity: 'effective',
    ...end,
  });
  const items = [
    doc('行政规范性文件', '2024-03-01'),
    doc('规范性文件', '2021-05-01'),
    doc('normative-document', '2022-05-01', { validity: 'repealed', repealedOn: d('2024-06-30') }),
    doc('行政规范性文件', '2020-01-01', { validity: 'repealed', repealedOn: d('2023-06-30') }),
    doc('行政规范性文件', '2019-01-01', { validity: 'expired', expiredOn: d('2024-12-31') }),
    doc('行政规范性文件', '2024-12-31', { validity: 'repealed', repealedOn: d('2025-02-01') }),
    doc('行政规范性文件', '2025-01-01'),
    doc('行政规范性文件', '2018-01-01', { validity: 'repealed' }),
    doc('通知公告', '2024-04-01'),
  ];

  it('counts 本年制发 by publication, 本年废止 by repeal (not expiry), 现行有效 at the end of 31 December', () => {
    const t = computeProactiveTable({ year: 2024, items, decisions: { source: '录入' } });
    expect(t.normativeDocument).toEqual({ issued: 2, repealed: 1, effective: 3 });
    expect(t.regulation).toEqual({ issued: 0, repealed: 0, effective: 0 });
  });

  it('takes decision counts and fees as entered, with their source, and prints missing ones as 0', () => {
    const t = computeProactiveTable({ year: 2024, items: [], decisions: { licensing: 12, feesWanYuan: 7730.28, source: '县政务服务中心' } });
    expect(t).toMatchObject({ licensing: 12, penalty: 0, enforcement: 0, feesWanYuan: 7730.28, decisionsSource: '县政务服务中心' });
  });
});

describe('computeReviewTable (条例 Art. 50 item 三)', () => {
  const reviews: ReviewRecord[] = [
    { kind: 'reconsideration', result: 'upheld', filedOn: d('2024-02-01'), decidedOn: d('2024-04-01') },
    { kind: 'reconsideration', result: 'corrected', filedOn: d('2024-11-01'), decidedOn: d('2025-01-20') },
    { kind: 'reconsideration', result: 'pending', filedOn: d('2024-12-01') },
    { kind: 'litigation-direct', result: 'other', filedOn: d('2023-10-01'), decidedOn: d('2024-03-01') },
    { kind: 'litigation-after-reconsideration', result: 'corrected', filedOn: d('2024-06-01'), decidedOn: d('2024-09-01') },
    { kind: 'litigation-after-reconsideration', result: 'upheld', filedOn: d('2025-01-02'), decidedOn: d('2025-03-01') },
  ];

  it('counts reviews filed in the year, with their result as at 31 December (decided later = 尚未审结)', () => {
    const t = computeReviewTable({ year: 2024, reviews });
    expect(t.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 2, total: 3 });
    expect(t['litigation-direct']).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    expect(t['litigation-after-reconsideration']).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 });
  });

  it('counts a review in the year after with its result when it was decided then', () => {
    expect(computeReviewTable({ year: 2025, reviews }).reconsideration.total).toBe(0);
    const t = computeReviewTable({ year: 2025, reviews, yearRule: 'filed-or-decided-in-year' });
    expect(t.reconsideration).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 });
    expect(t['litigation-after-reconsideration'].upheld).toBe(1);
  });

  it('also counts reviews decided in the year under the alternative rule', () => {
    const t = computeReviewTable({ year: 2024, reviews, yearRule: 'filed-or-decided-in-year' });
    expect(t['litigation-direct']).toEqual({ upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 });
  });
});
