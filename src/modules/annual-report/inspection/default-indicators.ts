/**
 * The default indicators computed from the records (issue 5, seed plan §三): items published within their time limit
 * (条例 Art. 26), requests answered on time (Art. 33), overdue requests, 告知书 completeness (Art. 36) and 基本目录 coverage.
 */
import type { Db } from '../../../db/database.ts';
import type { Clock } from '../../../kernel/clock.ts';
import type { LocalDate } from '../../../kernel/local-date.ts';
import { assessTimeliness, publicationLimitWorkingDays, type WorkingDays } from '../../catalogue/domain/timeliness.ts';
import type { ApplicationRecord, ApplicationRecordSource } from '../application-records.ts';
import { shareScore, shareText, type IndicatorResult } from '../domain/inspection.ts';
import { catalogueRecords } from '../sql/catalogue-records.ts';
import { MAX_EVIDENCE_LINES, measuredOn, withRemainder, type IndicatorDefinition } from './indicator-registry.ts';

export interface DefaultIndicatorDeps {
  db: Db;
  clock: Clock;
  /** The working-day calendar in force (services.calendar.current()). */
  calendar: () => WorkingDays;
  /** The installation's default 公开时限 in 工作日 (settings). */
  defaultLimitWorkingDays: () => Promise<number>;
  records: ApplicationRecordSource;
}

const yearEnd = (year: number) => `${year}-12-31` as LocalDate;
const notConnected: IndicatorResult = { score: null, value: '不适用：依申请公开模块尚未接入', evidence: ['平台尚未接入依申请公开办理记录，本项不计分。'], problems: [] };

/** 条例 Art. 26: share of 主动公开 items published within their limit; unpublished items overdue on 31 December count as late. */
export function publicationTimeliness(deps: DefaultIndicatorDeps): IndicatorDefinition {
  return {
    key: 'publication-timeliness',
    label: '主动公开信息按时公开率',
    weight: 30,
    description: '本年度应公开的主动公开信息中，在公开时限（基本目录规定的时限，未规定的按《条例》第二十六条20个工作日）内公开的比例。',
    async compute(organId, year) {
      const asOf = measuredOn(deps.clock.today(), year);
      const fallback = await deps.defaultLimitWorkingDays();
      const calendar = deps.calendar();
      const assessed = (await catalogueRecords.timeliness(deps.db, organId, year)).map((r) => {
        const publishedOn = r.publishedOn && r.publishedOn <= yearEnd(year) ? r.publishedOn : null;
        const limit = publicationLimitWorkingDays(r.entryLimitWorkingDays ?? fallback);
        return { r, t: assessTimeliness({ writtenOn: r.writtenOn, publishedOn, limitWorkingDays: limit, today: asOf }, calendar) };
      });
      const onTime = assessed.filter((a) => a.t.status === 'on-time').length;
      const failing = assessed.filter((a) => a.t.status === 'late' || a.t.status === 'overdue');
      const late = failing.filter((a) => a.t.status === 'late').length;
      const counted = onTime + failing.length;
      const lines = failing.slice(0, MAX_EVIDENCE_LINES).map(({ r, t }) =>
        t.status === 'late' ? `《${r.title}》成文${r.writtenOn}，应于${t.dueOn}前公开，${r.publishedOn}公开，逾期${t.lateByDays}天` : `《${r.title}》成文${r.writtenOn}，应于${t.dueOn}前公开，截至${asOf}仍未公开`,
      );
      return {
        score: shareScore(onTime, counted),
        value: shareText(onTime, counted),
        evidence: [`按时公开${onTime}条，逾期公开${late}条，截至${asOf}已超过时限仍未公开${failing.length - late}条。`, ...withRemainder(lines, failing.length)],
        problems: failing.length > 0 ? [`${failing.length}条主动公开信息未在公开时限内公开。`] : [],
      };
    },
  };
}

const decidedIn = (r: ApplicationRecord, year: number) => !!r.decidedOn && !!r.outcome && r.decidedOn.startsWith(`${year}-`);
const ref = (r: ApplicationRecord) => r.reference ?? `收到于${r.receivedOn}的申请`;

/** 条例 Art. 33: share of the requests replied to in the year that were replied to by their due date. */
export function requestTimeliness(deps: DefaultIndicatorDeps): IndicatorDefinition {
  return {
    key: 'request-timeliness',
    label: '依申请公开按时答复率',
    weight: 25,
    description: '本年度作出答复的政府信息公开申请中，在《条例》第三十三条规定期限（含依法延长）内答复的比例。',
    async compute(organId, year) {
      if (deps.records.isConnected === false) return notConnected;
      const decided = (await deps.records.requestRecords(organId, year)).filter((r) => decidedIn(r, year));
      const known = decided.filter((r) => r.replyDueOn);
      const late = known.filter((r) => r.decidedOn! > r.replyDueOn!);
      const onTime = known.length - late.length;
      if (known.length === 0) return { score: null, value: '无数据', evidence: [`本年度作出答复的申请${decided.length}件，均无答复期限数据。`], problems: [] };
      return {
        score: shareScore(onTime, known.length),
        value: shareText(onTime, known.length),
        evidence: [`本年度作出答复${decided.length}件，其中有答复期限数据的${known.length}件，按时答复${onTime}件。`, ...withRemainder(late.slice(0, MAX_EVIDENCE_LINES).map((r) => `${ref(r)}：应于${r.replyDueOn}前答复，${r.decidedOn}答复`), late.length)],
        problems: late.length > 0 ? [`${late.length}件申请超过法定期限答复。`] : [],
      };
    },
  };
}

/** Requests replied to late in the year, or still open past their due date at the end of it (or today). */
export function overdueRequests(deps: DefaultIndicatorDeps): IndicatorDefinition {
  return {
    key: 'overdue-requests',
    label: '逾期未答复申请',
    weight: 15,
    description: '本年度超过答复期限才答复的申请，以及截至年末（或今天）已超过答复期限仍未答复的申请；无逾期得满分。',
    async compute(organId, year) {
      if (deps.records.isConnected === false) return notConnected;
      const asOf = measuredOn(deps.clock.today(), year);
      const handled = (await deps.records.requestRecords(organId, year)).filter((r) => r.receivedOn <= yearEnd(year) && !(r.decidedOn && r.decidedOn < `${year}-01-01`) && !(r.withdrawnOn && r.withdrawnOn < `${year}-01-01`));
      const isOpen = (r: ApplicationRecord) => !(r.decidedOn && r.outcome && r.decidedOn <= asOf) && !(r.withdrawnOn && r.withdrawnOn <= asOf);
      const overdue = handled.filter((r) => r.replyDueOn && (isOpen(r) ? r.replyDueOn < asOf : decidedIn(r, year) && r.decidedOn! > r.replyDueOn));
      return {
        score: handled.length === 0 ? 1 : 1 - overdue.length / handled.length,
        value: `${overdue.length}件`,
        evidence: [`本年度办理的申请${handled.length}件，逾期${overdue.length}件。`, ...withRemainder(overdue.slice(0, MAX_EVIDENCE_LINES).map((r) => `${ref(r)}：答复期限${r.replyDueOn}，${isOpen(r) ? `截至${asOf}未答复` : `${r.decidedOn}答复`}`), overdue.length)],
        problems: overdue.length > 0 ? [`${overdue.length}件申请逾期答复或逾期未答复。`] : [],
      };
    },
  };
}

/** 条例 Art. 36: reply notices carry reasons, basis and remedies. Not applicable until the FOI module reports it. */
export function noticeCompleteness(deps: DefaultIndicatorDeps): IndicatorDefinition {
  return {
    key: 'notice-completeness',
    label: '告知书要素完整率',
    weight: 10,
    description: '本年度答复告知书中载明理由、依据和救济途径等《条例》第三十六条要素的比例。',
    async compute(organId, year) {
      const pending: IndicatorResult = { score: null, value: '不适用：待依申请公开模块提供告知书数据', evidence: ['依申请公开模块尚未提供告知书要素检查结果，本项暂不计分。'], problems: [] };
      if (deps.records.isConnected === false) return pending;
      const checked = (await deps.records.requestRecords(organId, year)).filter((r) => decidedIn(r, year) && typeof r.isNoticeComplete === 'boolean');
      if (checked.length === 0) return pending;
      const complete = checked.filter((r) => r.isNoticeComplete).length;
      return {
        score: shareScore(complete, checked.length),
        value: shareText(complete, checked.length),
        evidence: [`已检查告知书${checked.length}份，要素完整${complete}份。`, ...checked.filter((r) => !r.isNoticeComplete).slice(0, MAX_EVIDENCE_LINES).map((r) => `${ref(r)}：告知书要素不完整`)],
        problems: complete < checked.length ? [`${checked.length - complete}份告知书要素不完整。`] : [],
      };
    },
  };
}

/** 国办发〔2019〕54号 基本目录: share of the organ's rows with at least one item published in the year. */
export function catalogueCoverage(deps: DefaultIndicatorDeps): IndicatorDefinition {
  return {
    key: 'catalogue-coverage',
    label: '主动公开基本目录覆盖率',
    weight: 20,
    description: '主动公开基本目录各事项中，本年度至少发布一条信息的事项所占比例。',
    async compute(organId, year) {
      const rows = await catalogueRecords.coverage(deps.db, organId, year);
      const uncovered = rows.filter((r) => r.itemsInYear === 0);
      const covered = rows.length - uncovered.length;
      if (rows.length === 0) return { score: null, value: '无数据', evidence: ['尚未编制主动公开基本目录。'], problems: ['尚未编制主动公开基本目录。'] };
      return {
        score: shareScore(covered, rows.length),
        value: shareText(covered, rows.length),
        evidence: [`基本目录共${rows.length}项，本年度有信息发布的${covered}项。`, ...withRemainder(uncovered.slice(0, MAX_EVIDENCE_LINES).map((r) => `未发布：${r.name}`), uncovered.length)],
        problems: uncovered.length > 0 ? [`基本目录中${uncovered.length}项本年度没有发布信息。`] : [],
      };
    },
  };
}

/** The five default indicators, weights adding up to 100. */
export function defaultIndicators(deps: DefaultIndicatorDeps): IndicatorDefinition[] {
  return [publicationTimeliness(deps), requestTimeliness(deps), overdueRequests(deps), noticeCompleteness(deps), catalogueCoverage(deps)];
}
