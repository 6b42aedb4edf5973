/**
 * Site health use cases: run the check now or on the daily schedule, store each run with its findings (audited), read
 * the latest run, the trend and the monthly report.
 */
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../kernel/clock.ts';
import { InvalidInput, NotFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { addDays, type LocalDate } from '../../kernel/local-date.ts';
import type { AuditActor, AuditAppend } from '../audit/index.ts';
import type { BlobStore } from '../catalogue/attachments/blob-store.ts';
import type { JobHandler, Scheduler } from '../scheduler/scheduler.ts';
import { siteHost } from './domain/internal-links.ts';
import { monthRange, summariseMonth, type MonthlySummary } from './domain/monthly-summary.ts';
import { assessSite, unansweredBefore, type SiteFacts, type UnansweredComment } from './domain/site-assessment.ts';
import { newestPublicDate, scanColumns } from './sql/column-scan.ts';
import { scanLinksAndAttachments, type PageProbe } from './sql/link-scan.ts';
import { siteHealthRepository as repo, type SiteHealthRun, type StoredFinding } from './sql/site-health-repository.ts';

/** The scheduler job kind of the daily check; its subject is the day the run is for. */
export const SITE_HEALTH_JOB = 'site-health-check';
/** The daily run's time: 02:00 China time (18:00 UTC the day before). */
const DAILY_RUN_UTC = 'T18:00:00.000Z';
/** Most findings stored per indicator kind in one run; the verdicts count them all. */
export const MAX_FINDINGS_PER_KIND = 500;

/**
 * 互动回应差: public comments (政务咨询 留言, 征求意见) awaiting an answer. The consultation module provides one;
 * until then the check reports the indicator as not applicable.
 */
export interface CommentSource {
  listUnanswered(receivedBefore: LocalDate): Promise<UnansweredComment[]>;
}

export interface SiteHealthDeps {
  db: Db;
  clock: Clock;
  audit: AuditAppend;
  blobs: BlobStore;
  scheduler: Scheduler;
  /** The configured site domain (settings), to tell internal absolute links from external ones. */
  siteDomain: () => Promise<string>;
}

/** A run with its findings. */
export interface RunReport {
  run: SiteHealthRun;
  findings: StoredFinding[];
}

const SCHEDULER: AuditActor = { id: null, name: '定时任务（网站健康检查）' };

export class SiteHealthService {
  #probe: PageProbe | undefined;
  #comments: CommentSource | undefined;

  constructor(private readonly deps: SiteHealthDeps) {}

  /** Lets the check request site pages through the app (set by the HTTP app when it is built). */
  usePageProbe(probe: PageProbe): void {
    this.#probe = probe;
  }

  /** The extension point for the consultation module. */
  useCommentSource(source: CommentSource): void {
    this.#comments = source;
  }

  /** The scheduler's handler: runs the day's check unless another instance already recorded it, then books the next day. */
  readonly jobHandler: JobHandler = async (job) => {
    const day = job.subjectId as LocalDate;
    const today = this.deps.clock.today();
    const next = addDays(day, 1) > today ? addDays(day, 1) : addDays(today, 1);
    // Booked first, so a failing check (recorded on the job) does not stop the daily runs.
    await this.deps.scheduler.schedule(this.deps.db, SITE_HEALTH_JOB, next, new Date(`${addDays(next, -1)}${DAILY_RUN_UTC}`));
    if (!(await repo.hasScheduledRun(this.deps.db, day))) await this.check(SCHEDULER, { trigger: 'scheduled', scheduledFor: day });
  };

  /** Books the next daily run unless one is pending (several instances may call this; the pending index keeps one). */
  async ensureScheduled(): Promise<void> {
    const pending = await this.deps.db.selectFrom('scheduled_jobs').select('id').where('kind', '=', SITE_HEALTH_JOB).where('done_at', 'is', null).executeTakeFirst();
    if (pending) return;
    const now = this.deps.clock.now();
    const today = this.deps.clock.today();
    const day = new Date(`${addDays(today, -1)}${DAILY_RUN_UTC}`) > now ? today : addDays(today, 1);
    await this.deps.db
      .transaction()
      .execute((trx) => this.deps.scheduler.schedule(trx, SITE_HEALTH_JOB, day, new Date(`${addDays(day, -1)}${DAILY_RUN_UTC}`)))
      .catch(() => undefined); // another instance booked it first
  }

  /** What the site looks like today, read from the data (and the app, for other internal pages). */
  async gatherFacts(today: LocalDate): Promise<{ facts: SiteFacts; stats: Omit<SiteHealthRun['stats'], 'durationMs'> }> {
    const { db } = this.deps;
    const columns = await scanColumns(db, today);
    const links = await scanLinksAndAttachments(db, { blobs: this.deps.blobs, host: siteHost(await this.deps.siteDomain()), probe: this.#probe, maxFindings: MAX_FINDINGS_PER_KIND });
    const before = unansweredBefore(today);
    const openRequests = await repo.listOpenRequests(db, before, MAX_FINDINGS_PER_KIND);
    const comments = this.#comments ? { isConnected: true as const, unanswered: await this.#comments.listUnanswered(before) } : { isConnected: false as const };
    const facts: SiteFacts = { today, columns, homeNewestOn: await newestPublicDate(db, today), ...links, openRequests, comments };
    const { itemsScanned, linksChecked, linksUnverified, pagesProbed, attachmentsChecked } = links;
    return { facts, stats: { columns: columns.length, itemsScanned, linksChecked, linksUnverified, pagesProbed, attachmentsChecked } };
  }

  /** Runs the check now and stores the run, its findings and the audit record in one transaction. */
  async check(by: AuditActor, options: { trigger?: SiteHealthRun['trigger']; scheduledFor?: LocalDate } = {}): Promise<RunReport> {
    const startedAt = this.deps.clock.now();
    const today = this.deps.clock.today();
    const { facts, stats } = await this.gatherFacts(today);
    const assessment = assessSite(facts);
    const finishedAt = this.deps.clock.now();
    const run: SiteHealthRun = {
      id: newId(),
      checkedOn: today,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      trigger: options.trigger ?? 'manual',
      scheduledFor: options.scheduledFor ?? null,
      triggeredBy: by.name,
      isVetoed: assessment.isVetoed,
      findingCount: assessment.findings.length,
      verdicts: assessment.verdicts,
      stats: { ...stats, durationMs: finishedAt.getTime() - startedAt.getTime() },
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await repo.insertRun(trx, run, assessment.findings);
      await this.deps.audit(trx, { actor: by, action: 'site-health.run', subjectType: 'site-health-run', subjectId: run.id, after: { checkedOn: run.checkedOn, trigger: run.trigger, isVetoed: run.isVetoed, findingCount: run.findingCount } });
    });
    return { run, findings: await repo.listFindings(this.deps.db, run.id) };
  }

  async latest(): Promise<RunReport | undefined> {
    const run = await repo.findLatest(this.deps.db);
    return run && { run, findings: await repo.listFindings(this.deps.db, run.id) };
  }

  async getRun(id: string): Promise<RunReport> {
    const run = await repo.findRun(this.deps.db, id);
    if (!run) throw new NotFound('site-health-run-not-found');
    return { run, findings: await repo.listFindings(this.deps.db, run.id) };
  }

  /** The most recent runs, newest first (the dashboard's trend). */
  listRuns(limit = 30): Promise<SiteHealthRun[]> {
    return repo.listRuns(this.deps.db, { limit });
  }

  /** The month's runs and the findings still open at its last run; `invalid-month` unless `YYYY-MM`. */
  async monthly(month: string): Promise<MonthlySummary> {
    const range = monthRange(month);
    if (!range) throw new InvalidInput({ month: 'site-health-month-invalid' }, 'site-health-month-invalid');
    const runs = await repo.listRuns(this.deps.db, range);
    const last = runs[0];
    return summariseMonth(month, runs, last ? await repo.listFindings(this.deps.db, last.id) : []);
  }
}
