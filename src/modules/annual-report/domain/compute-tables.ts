/**
 * Tables 二, 三 and 四 of the 年度报告 computed from the records (条例 Art. 50 items 一–三, 国办公开办函〔2021〕30号).
 * The report covers 1 January–31 December (REFERENCE.md §5); every count is taken as at the end of 31 December.
 */
import { maxDate, type LocalDate } from '../../../kernel/local-date.ts';
import {
  applicantCells,
  reviewCells,
  type ApplicantCells,
  type ApplicantCounts,
  type ApplicationTable,
  type DocumentCounts,
  type ProactiveTable,
  type ReviewCells,
  type ReviewTable,
} from './annual-report.ts';
import {
  DEFAULT_OUTCOME_ROWS,
  WITHDRAWN_OUTCOME,
  isOutcomeCode,
  outcomeRow,
  type OutcomeCode,
  type OutcomeRowMapping,
} from './outcome-rows.ts';
import {
  APPLICANT_KINDS,
  REVIEW_KINDS,
  applicationRows,
  type ApplicantKind,
  type ApplicationRowKey,
  type OtherRowsLayout,
  type ReviewColumn,
  type ReviewKind,
} from './report-format.ts';

const yearStart = (year: number) => `${year}-01-01` as LocalDate;
const yearEnd = (year: number) => `${year}-12-31` as LocalDate;
const inYear = (on: LocalDate, year: number) => on >= yearStart(year) && on <= yearEnd(year);

// ---------------------------------------------------------------- table 三

/** One application as the annual report needs it; the foi-requests module adapts its records to this. */
export interface RequestRecord {
  receivedOn: LocalDate;
  applicantKind: ApplicantKind;
  outcome?: OutcomeCode | null;
  decidedOn?: LocalDate | null;
  withdrawnOn?: LocalDate | null;
}

/** Input of computeApplicationTable. */
export interface ApplicationTableInput {
  year: number;
  requests: readonly RequestRecord[];
  /** 上年结转 entered by the office when the platform starts mid-stream; replaces the figure derived from records. */
  previousYearCarryOver?: ApplicantCounts | null;
  layout?: OtherRowsLayout;
  outcomeRows?: OutcomeRowMapping;
}

/** How and when an application left the office's hands; `undefined` while it is open. */
function closureOf(r: RequestRecord): { on: LocalDate; outcome: OutcomeCode } | undefined {
  const decided = r.decidedOn && r.outcome ? { on: r.decidedOn, outcome: r.outcome } : undefined;
  const withdrawn = r.withdrawnOn ? { on: r.withdrawnOn, outcome: WITHDRAWN_OUTCOME } : undefined;
  const first = decided && withdrawn ? (withdrawn.on < decided.on ? withdrawn : decided) : (decided ?? withdrawn);
  // A closure dated before receipt is a data error (listed by listRequestProblems); it is taken as closed on receipt.
  return first && { on: maxDate(first.on, r.receivedOn), outcome: first.outcome };
}

const kindOf = (r: RequestRecord): ApplicantKind => (APPLICANT_KINDS.includes(r.applicantKind) ? r.applicantKind : 'other');

/**
 * Table 三 (条例 Art. 50 item 二): 一 本年新收 = received in the year; 二 上年结转 = received before 1 January and
 * not closed before it (or the office's figure); each outcome row = closed in the year, one application one row
 * (a withdrawal counts as 其他); （七）总计 = their sum; 四 结转下年度 = received by 31 December and not closed by it.
 */
export function computeApplicationTable(input: ApplicationTableInput): ApplicationTable {
  const { year, layout = 'split', outcomeRows = DEFAULT_OUTCOME_ROWS } = input;
  const zeros = () => Object.fromEntries(APPLICANT_KINDS.map((k) => [k, 0])) as Record<ApplicantKind, number>;
  const counts = new Map(applicationRows(layout).map((r) => [r.key, zeros()]));
  const add = (key: ApplicationRowKey, kind: ApplicantKind) => {
    const rowCounts = counts.get(key);
    if (rowCounts) rowCounts[kind] += 1;
  };
  for (const r of input.requests) {
    const closure = closureOf(r);
    const kind = kindOf(r);
    if (inYear(r.receivedOn, year)) add('received', kind);
    if (r.receivedOn < yearStart(year) && !(closure && closure.on < yearStart(year))) add('brought-forward', kind);
    if (r.receivedOn > yearEnd(year)) continue;
    if (closure && inYear(closure.on, year)) {
      const outcome = isOutcomeCode(closure.outcome) ? closure.outcome : 'other';
      add(outcomeRow(outcome, layout, outcomeRows), kind);
      add('results-total', kind);
    } else if (!closure || closure.on > yearEnd(year)) add('carried-forward', kind);
  }
  const rows: Partial<Record<ApplicationRowKey, ApplicantCells>> = {};
  for (const [key, byKind] of counts) rows[key] = applicantCells(byKind);
  if (input.previousYearCarryOver) rows['brought-forward'] = applicantCells(input.previousYearCarryOver);
  return { layout, rows };
}

/** A record the table cannot count as given; computeApplicationTable counts it as described in CONTEXT.md. */
export type RequestProblem =
  | 'decided-without-outcome'
  | 'outcome-without-decision-date'
  | 'closed-before-received'
  | 'unknown-outcome'
  | 'unknown-applicant-kind';

/** Records the office should correct before publishing (each is still counted, so R1 keeps holding). */
export function listRequestProblems(requests: readonly RequestRecord[]): { index: number; problem: RequestProblem }[] {
  const problems: { index: number; problem: RequestProblem }[] = [];
  requests.forEach((r, index) => {
    const note = (problem: RequestProblem) => problems.push({ index, problem });
    if (r.decidedOn && !r.outcome) note('decided-without-outcome');
    if (r.outcome && !r.decidedOn) note('outcome-without-decision-date');
    if (r.outcome && !isOutcomeCode(r.outcome)) note('unknown-outcome');
    if (!APPLICANT_KINDS.includes(r.applicantKind)) note('unknown-applicant-kind');
    const closedOn = [r.decidedOn, r.withdrawnOn].filter((d): d is LocalDate => !!d);
    if (closedOn.some((d) => d < r.receivedOn)) note('closed-before-received');
  });
  return problems;
}

// ---------------------------------------------------------------- table 二

/** A 规章 or 行政规范性文件 in the catalogue; other genres are ignored. Validity as in the catalogue module. */
export interface CatalogueDocument {
  genre: string;
  publishedOn: LocalDate;
  validity?: 'effective' | 'expired' | 'repealed' | null;
  repealedOn?: LocalDate | null;
  expiredOn?: LocalDate | null;
}

/** Decision counts and fees from other records or entered by the office, with the source noted (issue 5). */
export interface DecisionFigures {
  licensing?: number | null;
  penalty?: number | null;
  enforcement?: number | null;
  feesWanYuan?: number | null;
  source: string;
}

/** Genre names and codes (the catalogue's and the 2019 试行 "规范性文件") that feed the Art. 20 item 一 rows. */
export const DOCUMENT_GENRES: Readonly<Record<string, 'regulation' | 'normative-document'>> = {
  规章: 'regulation',
  regulation: 'regulation',
  行政规范性文件: 'normative-document',
  规范性文件: 'normative-document',
  'normative-document': 'normative-document',
};

/** Whether a document still has effect at the end of `on`; a 失效/废止 status without its date counts as ended. */
function isEffectiveAt(d: CatalogueDocument, on: LocalDate): boolean {
  if (d.publishedOn > on) return false;
  if ((d.repealedOn && d.repealedOn <= on) || (d.expiredOn && d.expiredOn <= on)) return false;
  const undatedEnd = (d.validity === 'repealed' && !d.repealedOn) || (d.validity === 'expired' && !d.expiredOn);
  return !undatedEnd;
}

function documentCounts(docs: readonly CatalogueDocument[], year: number): DocumentCounts {
  return {
    issued: docs.filter((d) => inYear(d.publishedOn, year)).length,
    repealed: docs.filter((d) => d.repealedOn && inYear(d.repealedOn, year)).length,
    effective: docs.filter((d) => isEffectiveAt(d, yearEnd(year))).length,
  };
}

/**
 * Table 二 (条例 Art. 20 items 一, 五, 六, 八): 本年制发件数 = published in the year; 本年废止件数 = repealed in the year
 * (失效 is not 废止); 现行有效件数 = effective at the end of 31 December. Decision figures not given are printed as 0.
 */
export function computeProactiveTable(input: {
  year: number;
  items: readonly CatalogueDocument[];
  decisions: DecisionFigures;
}): ProactiveTable {
  const ofGenre = (g: 'regulation' | 'normative-document') => input.items.filter((d) => DOCUMENT_GENRES[d.genre] === g);
  const { licensing, penalty, enforcement, feesWanYuan, source } = input.decisions;
  return {
    regulation: documentCounts(ofGenre('regulation'), input.year),
    normativeDocument: documentCounts(ofGenre('normative-document'), input.year),
    licensing: licensing ?? 0,
    penalty: penalty ?? 0,
    enforcement: enforcement ?? 0,
    feesWanYuan: feesWanYuan ?? 0,
    decisionsSource: source,
  };
}

// ---------------------------------------------------------------- table 四

/** One 行政复议 or 行政诉讼 recorded against an application (issue 4's review API). */
export interface ReviewRecord {
  kind: ReviewKind;
  result: 'upheld' | 'corrected' | 'other' | 'pending';
  filedOn: LocalDate;
  decidedOn?: LocalDate | null;
}

/**
 * Which year a review counts in [U: the format does not say]. `filed-in-year` (default): the year it was filed,
 * with its status at 31 December. `filed-or-decided-in-year`: also a review filed earlier and decided in the year.
 */
export type ReviewYearRule = 'filed-in-year' | 'filed-or-decided-in-year';

/** The column of a review as at the end of `on`: its result once decided, else 尚未审结. */
function reviewColumnAt(r: ReviewRecord, on: LocalDate): Exclude<ReviewColumn, 'total'> {
  const isDecided = r.result !== 'pending' && (!r.decidedOn || r.decidedOn <= on);
  return isDecided ? r.result : 'pending';
}

/** Table 四 (条例 Art. 50 item 三): each review under its kind and its result at 31 December; 总计 = the sum (R5). */
export function computeReviewTable(input: {
  year: number;
  reviews: readonly ReviewRecord[];
  yearRule?: ReviewYearRule;
}): ReviewTable {
  const { year, yearRule = 'filed-in-year' } = input;
  const counted = input.reviews.filter(
    (r) =>
      inYear(r.filedOn, year) ||
      (yearRule === 'filed-or-decided-in-year' && r.filedOn < yearStart(year) && isDecidedIn(r, year)),
  );
  const group = (kind: ReviewKind) => {
    const columns = counted.filter((r) => r.kind === kind).map((r) => reviewColumnAt(r, yearEnd(year)));
    const count = (c: ReviewColumn) => columns.filter((x) => x === c).length;
    return reviewCells({ upheld: count('upheld'), corrected: count('corrected'), other: count('other'), pending: count('pending') });
  };
  return Object.fromEntries(REVIEW_KINDS.map((kind) => [kind, group(kind)])) as Record<ReviewKind, ReviewCells>;
}

const isDecidedIn = (r: ReviewRecord, year: number) => r.result !== 'pending' && !!r.decidedOn && inYear(r.decidedOn, year);
