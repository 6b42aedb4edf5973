/** Runs and findings of the site-health check: rows ↔ values, identical on SQLite and PostgreSQL. */
import type { Executor } from '../../../db/database.ts';
import type { SiteHealthFindingRow, SiteHealthRunRow } from '../../../db/schema.ts';
import { newId } from '../../../kernel/ids.ts';
import type { LocalDate } from '../../../kernel/local-date.ts';
import type { Finding, IndicatorKey, IndicatorVerdict, OpenRequest, Severity } from '../domain/site-assessment.ts';

/** Figures about the run itself (what was looked at, how long it took). */
export interface RunStats {
  columns: number;
  itemsScanned: number;
  linksChecked: number;
  linksUnverified: number;
  pagesProbed: number;
  attachmentsChecked: number;
  durationMs: number;
}

/** One stored check run. */
export interface SiteHealthRun {
  id: string;
  checkedOn: LocalDate;
  startedAt: string;
  finishedAt: string;
  trigger: 'scheduled' | 'manual';
  scheduledFor: LocalDate | null;
  triggeredBy: string;
  isVetoed: boolean;
  findingCount: number;
  verdicts: IndicatorVerdict[];
  stats: RunStats;
}

/** A stored finding. */
export interface StoredFinding extends Finding {
  id: string;
  seq: number;
}

const runOf = (r: SiteHealthRunRow): SiteHealthRun => ({
  id: r.id,
  checkedOn: r.checked_on as LocalDate,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  trigger: r.trigger as SiteHealthRun['trigger'],
  scheduledFor: r.scheduled_for as LocalDate | null,
  triggeredBy: r.triggered_by,
  isVetoed: r.is_vetoed === 1,
  findingCount: Number(r.finding_count),
  verdicts: JSON.parse(r.verdicts_json) as IndicatorVerdict[],
  stats: JSON.parse(r.stats_json) as RunStats,
});

const findingOf = (r: SiteHealthFindingRow): StoredFinding => ({
  id: r.id,
  seq: Number(r.seq),
  indicator: r.indicator as IndicatorKey,
  severity: r.severity as Severity,
  subjectType: r.subject_type as Finding['subjectType'],
  subjectId: r.subject_id,
  title: r.title,
  explanation: r.explanation,
  fixUrl: r.fix_url,
});

const INSERT_CHUNK = 200;

export const siteHealthRepository = {
  async insertRun(trx: Executor, run: SiteHealthRun, findings: readonly Finding[]): Promise<void> {
    await trx
      .insertInto('site_health_runs')
      .values({ id: run.id, checked_on: run.checkedOn, started_at: run.startedAt, finished_at: run.finishedAt, trigger: run.trigger, scheduled_for: run.scheduledFor, triggered_by: run.triggeredBy, is_vetoed: run.isVetoed ? 1 : 0, finding_count: run.findingCount, verdicts_json: JSON.stringify(run.verdicts), stats_json: JSON.stringify(run.stats) })
      .execute();
    const rows = findings.map((f, seq) => ({ id: newId(), run_id: run.id, seq, indicator: f.indicator, severity: f.severity, subject_type: f.subjectType, subject_id: f.subjectId, title: f.title, explanation: f.explanation, fix_url: f.fixUrl }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto('site_health_findings').values(rows.slice(i, i + INSERT_CHUNK)).execute();
  },

  async hasScheduledRun(db: Executor, scheduledFor: LocalDate): Promise<boolean> {
    return (await db.selectFrom('site_health_runs').select('id').where('scheduled_for', '=', scheduledFor).executeTakeFirst()) !== undefined;
  },

  async findRun(db: Executor, id: string): Promise<SiteHealthRun | undefined> {
    const row = await db.selectFrom('site_health_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && runOf(row);
  },

  async findLatest(db: Executor): Promise<SiteHealthRun | undefined> {
    const row = await db.selectFrom('site_health_runs').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row && runOf(row);
  },

  /** Newest first. */
  async listRuns(db: Executor, f: { from?: LocalDate; to?: LocalDate; limit?: number } = {}): Promise<SiteHealthRun[]> {
    const rows = await db
      .selectFrom('site_health_runs')
      .selectAll()
      .$if(f.from !== undefined, (q) => q.where('checked_on', '>=', f.from!))
      .$if(f.to !== undefined, (q) => q.where('checked_on', '<=', f.to!))
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit ?? 1000)
      .execute();
    return rows.map(runOf);
  },

  async listFindings(db: Executor, runId: string): Promise<StoredFinding[]> {
    return (await db.selectFrom('site_health_findings').selectAll().where('run_id', '=', runId).orderBy('seq').execute()).map(findingOf);
  },

  /** 依申请公开 requests received before `before` with no closing event (答复, 视为放弃, 撤回), oldest first. */
  async listOpenRequests(db: Executor, before: LocalDate, limit: number): Promise<OpenRequest[]> {
    const rows = await db
      .selectFrom('foi_requests as r')
      .select(['r.id', 'r.tracking_code', 'r.received_on'])
      .where('r.received_on', '<', before)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('foi_request_events as e').select('e.seq').whereRef('e.request_id', '=', 'r.id').where('e.type', 'in', ['replied', 'abandoned', 'withdrawn']))))
      .orderBy('r.received_on')
      .orderBy('r.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, trackingCode: r.tracking_code, receivedOn: r.received_on as LocalDate }));
  },
};
