/**
 * ANNUAL-REPORT-FORMAT.md §8: the 淮安市洪泽区 2024 tables rebuilt from generated records, cell for cell. The generator
 * turns any table that satisfies R1 into records a real office could hold, with noise that must not be counted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, maxDate, type LocalDate } from '../../../kernel/local-date.ts';
import {
  applicantCells,
  rowCells,
  type AnnualReport,
  type ApplicantCells,
  type ApplicationTable,
  type ProactiveTable,
  type ReviewTable,
} from './annual-report.ts';
import {
  computeApplicationTable,
  computeProactiveTable,
  computeReviewTable,
  type CatalogueDocument,
  type RequestRecord,
  type ReviewRecord,
} from './compute-tables.ts';
import { HONGZE_2024_JSON, hongze2024AsPublished } from './hongze-2024.fixture.ts';
import { DEFAULT_OUTCOME_ROWS, OUTCOME_CODES, type OutcomeCode } from './outcome-rows.ts';
import { fromReportJson, toReportJson } from './report-json.ts';
import { APPLICANT_COLUMNS, APPLICANT_KINDS, REVIEW_KINDS, SPLIT_OTHER_ROW_KEYS, applicationRows, outcomeRowsOf } from './report-format.ts';
import type { ApplicationRowKey, OtherRowsLayout } from './report-format.ts';
import { checkReport } from './rules.ts';

const day = (text: string) => text as LocalDate;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Outcome codes that land in a row; several codes per row are rotated to exercise the mapping. */
function codesFor(key: ApplicationRowKey): OutcomeCode[] {
  const rows: readonly ApplicationRowKey[] = key === 'other-processing' ? SPLIT_OTHER_ROW_KEYS : [key];
  return OUTCOME_CODES.filter((c) => rows.includes(DEFAULT_OUTCOME_ROWS[c]));
}

/** Closes a request in `year` with `outcome`; every other 其他 is a withdrawal, which counts as 其他 too. */
function closed(year: number, base: Omit<RequestRecord, 'outcome'>, outcome: OutcomeCode, i: number): RequestRecord {
  const on = maxDate(addDays(base.receivedOn, 15), day(`${year}-01-02`));
  return outcome === 'other' && i % 2 === 0 ? { ...base, withdrawnOn: on } : { ...base, outcome, decidedOn: on };
}

/** Records whose table 三 for `year` is `table` (which must satisfy R1), plus records of other years. */
function generateRequests(year: number, table: ApplicationTable): RequestRecord[] {
  const records = APPLICANT_KINDS.flatMap((kind) => {
    const n = (key: ApplicationRowKey) => rowCells(table, key)[kind];
    const open = [
      ...range(n('brought-forward')).map((i) => addDays(day(`${year - 1}-12-31`), -(i % 60))),
      ...range(n('received')).map((i) => addDays(day(`${year}-01-01`), (i * 7) % 330)),
    ];
    const outcomes = outcomeRowsOf(table.layout).flatMap((r) => range(n(r.key)).map((i) => codesFor(r.key)[i % codesFor(r.key).length]!));
    return open.map((receivedOn, i): RequestRecord => {
      const outcome = outcomes[i];
      if (outcome) return closed(year, { receivedOn, applicantKind: kind }, outcome, i);
      const answeredNextYear = i % 2 === 0;
      return answeredNextYear
        ? { receivedOn, applicantKind: kind, outcome: 'disclosed', decidedOn: day(`${year + 1}-01-08`) }
        : { receivedOn, applicantKind: kind };
    });
  });
  const noise: RequestRecord[] = [
    { receivedOn: day(`${year - 1}-03-01`), applicantKind: 'natural-person', outcome: 'disclosed', decidedOn: day(`${year - 1}-03-20`) },
    { receivedOn: day(`${year - 1}-12-01`), applicantKind: 'commercial', withdrawnOn: day(`${year - 1}-12-31`) },
    { receivedOn: day(`${year + 1}-01-01`), applicantKind: 'research' },
    {
      receivedOn: day(`${year + 1}-01-02`),
      applicantKind: 'natural-person',
      outcome: 'withheld-state-secret',
      decidedOn: day(`${year + 1}-01-09`),
    },
  ];
  return [...noise, ...records];
}

/** Catalogue documents whose Art. 20 item 一 counts for `year` are the given ones (needs effective ≥ issued). */
function generateDocuments(year: number, p: ProactiveTable): CatalogueDocument[] {
  const docs = (genre: string, c: ProactiveTable['regulation']): CatalogueDocument[] => [
    ...range(c.issued).map((i) => ({ genre, publishedOn: addDays(day(`${year}-01-15`), i * 30), validity: 'effective' as const })),
    ...range(c.effective - c.issued).map((i) => ({
      genre, publishedOn: day(`${year - 1 - (i % 4)}-06-01`), validity: 'effective' as const,
    })),
    ...range(c.repealed).map((i) => ({
      genre, publishedOn: day(`${year - 2}-03-0${1 + (i % 9)}`), validity: 'repealed' as const, repealedOn: day(`${year}-07-01`),
    })),
    { genre, publishedOn: day(`${year - 3}-01-01`), validity: 'repealed', repealedOn: day(`${year - 1}-12-31`) },
    { genre, publishedOn: day(`${year - 3}-01-01`), validity: 'expired', expiredOn: day(`${year - 1}-05-01`) },
    { genre, publishedOn: day(`${year + 1}-01-01`), validity: 'effective' },
  ];
  return [
    ...docs('规章', p.regulation),
    ...docs('行政规范性文件', p.normativeDocument),
    { genre: '通知公告', publishedOn: day(`${year}-05-05`), validity: null },
  ];
}

/** Reviews whose table 四 for `year` is the given one; 尚未审结 alternates between undecided and decided next year. */
function generateReviews(year: number, t: ReviewTable): ReviewRecord[] {
  const results = ['upheld', 'corrected', 'other', 'pending'] as const;
  const counted = REVIEW_KINDS.flatMap((kind) =>
    results.flatMap((result) =>
      range(t[kind][result]).map((i): ReviewRecord => {
        const filedOn = addDays(day(`${year}-02-01`), i * 20);
        if (result !== 'pending') return { kind, result, filedOn, decidedOn: addDays(filedOn, 60) };
        return i % 2 === 0 ? { kind, result, filedOn } : { kind, result: 'upheld', filedOn, decidedOn: day(`${year + 1}-02-01`) };
      }),
    ),
  );
  const noise: ReviewRecord[] = [
    { kind: 'reconsideration', result: 'upheld', filedOn: day(`${year - 1}-11-01`), decidedOn: day(`${year}-01-15`) },
    { kind: 'litigation-direct', result: 'pending', filedOn: day(`${year + 1}-01-05`) },
  ];
  return [...noise, ...counted];
}

function rebuild(published: AnnualReport, layout: OtherRowsLayout): AnnualReport {
  const { year } = published;
  return {
    organ: published.organ,
    year,
    sections: published.sections,
    proactive: computeProactiveTable({
      year,
      items: generateDocuments(year, published.proactive),
      decisions: { licensing: 9487, penalty: 2776, enforcement: 84, feesWanYuan: 7545, source: '区政务服务和数据管理部门提供' },
    }),
    applications: computeApplicationTable({ year, requests: generateRequests(year, published.applications), layout }),
    reviews: computeReviewTable({ year, reviews: generateReviews(year, published.reviews) }),
  };
}

const parse = (json: unknown): AnnualReport => {
  const result = fromReportJson(json);
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.value;
};

describe('淮安市洪泽区 2024 rebuilt from generated records (ANNUAL-REPORT-FORMAT.md §8)', () => {
  const published = parse(HONGZE_2024_JSON);

  it('reproduces every cell of table 三 in the emitted 3-sub-row layout', () => {
    const rebuilt = rebuild(published, 'split').applications;
    for (const row of applicationRows('split')) {
      for (const column of APPLICANT_COLUMNS) {
        expect({ row: row.label, column, value: rowCells(rebuilt, row.key)[column] }).toEqual({
          row: row.label,
          column,
          value: rowCells(published.applications, row.key)[column],
        });
      }
    }
    expect(rowCells(rebuilt, 'received').total).toBe(95);
    expect(rowCells(rebuilt, 'unavailable-not-held')['natural-person']).toBe(31);
  });

  it('reproduces the whole platform JSON of §8.2, every table and cell, from the records', () => {
    const { decisionsSource, ...printed } = rebuild(published, 'split').proactive;
    expect(decisionsSource).toBe('区政务服务和数据管理部门提供');
    expect(printed).toEqual({ ...published.proactive, decisionsSource: undefined });
    expect(toReportJson(rebuild(published, 'split'))).toEqual(HONGZE_2024_JSON);
  });

  it('reproduces the published single （六） row layout of §8.1 cell for cell', () => {
    const asPublished = parse(hongze2024AsPublished());
    expect(asPublished.applications.layout).toBe('single');
    const rebuilt = rebuild(asPublished, 'single');
    expect(rebuilt.applications).toEqual(asPublished.applications);
    expect(toReportJson(rebuilt).tables['三、收到和处理政府信息公开申请情况'].rows).toHaveLength(23);
  });

  it('passes R1–R7 as the worked example says', () => {
    const findings = checkReport(rebuild(published, 'split'));
    expect(findings.filter((f) => !f.ok)).toEqual([]);
    expect(findings.find((f) => f.rule === 'R6')?.skipped).toBe(true);
  });
});

describe('the generator round-trips any table that satisfies R1', () => {
  const consistentTable = (layout: OtherRowsLayout) =>
    fc.record({
      outcomes: fc.array(fc.array(fc.nat(3), { minLength: 6, maxLength: 6 }), { minLength: 21, maxLength: 21 }),
      broughtForward: fc.array(fc.nat(4), { minLength: 6, maxLength: 6 }),
      carriedForward: fc.array(fc.nat(4), { minLength: 6, maxLength: 6 }),
    }).map(({ outcomes, broughtForward, carriedForward }): ApplicationTable => {
      const perKind = (values: number[]) => Object.fromEntries(APPLICANT_KINDS.map((k, i) => [k, values[i] ?? 0]));
      const rows: Partial<Record<ApplicationRowKey, ApplicantCells>> = {};
      const outcomeRows = outcomeRowsOf(layout);
      outcomeRows.forEach((r, j) => (rows[r.key] = applicantCells(perKind(outcomes[j] ?? []))));
      const closedBy = APPLICANT_KINDS.map((_, i) => outcomeRows.reduce((s, _r, j) => s + (outcomes[j]?.[i] ?? 0), 0));
      // 一 = （七） + 四 − 二 must not be negative: a carry-in beyond what the year closes stays open (it is carried forward).
      const brought = broughtForward.map((b, i) => Math.min(b, closedBy[i]! + carriedForward[i]!));
      Object.assign(rows, {
        'results-total': applicantCells(perKind(closedBy)),
        'brought-forward': applicantCells(perKind(brought)),
        'carried-forward': applicantCells(perKind(carriedForward)),
        received: applicantCells(perKind(closedBy.map((c, i) => c + carriedForward[i]! - brought[i]!))),
      });
      return { layout, rows };
    });

  it.each<OtherRowsLayout>(['split', 'single'])('in the %s layout', (layout) => {
    fc.assert(
      fc.property(consistentTable(layout), (table) => {
        expect(computeApplicationTable({ year: 2025, requests: generateRequests(2025, table), layout })).toEqual(table);
      }),
      { numRuns: 60 },
    );
  });
});
