import type { Db, Executor } from '../../db/database.ts';
import type { Clock } from '../../kernel/clock.ts';
import { newId } from '../../kernel/ids.ts';

export type JobHandler = (job: { id: string; subjectId: string; payload: unknown; runAt: string }) => Promise<void>;

/** A claim older than this is taken to belong to a crashed instance and may be taken over. */
const STALE_CLAIM_MS = 5 * 60_000;

/**
 * Timed work (scheduled publishing, later reminders) shared by every instance on one database:
 * a job is claimed by a conditional UPDATE that only one instance can win, so each runs once.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly instanceId: string,
    private readonly handlers: Record<string, JobHandler> = {},
    /** Run before the due jobs (outside their transactions): brings cached reference data up to date (the calendar). */
    private readonly beforeJobs?: () => Promise<unknown>,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers[kind] = handler;
  }

  /** Schedules (or reschedules) the one pending job of this kind for this subject. */
  async schedule(trx: Executor, kind: string, subjectId: string, runAt: Date, payload: unknown = {}): Promise<void> {
    await this.cancel(trx, kind, subjectId);
    await trx
      .insertInto('scheduled_jobs')
      .values({ id: newId(), kind, subject_id: subjectId, run_at: runAt.toISOString(), payload_json: JSON.stringify(payload), claimed_by: null, claimed_at: null, done_at: null, error: null, created_at: this.clock.now().toISOString() })
      .execute();
  }

  /**
   * Schedules the job unless one of this kind for this subject exists, pending or done (a recurring job offered by
   * every instance: `foi.reminders` has a unique index on (kind, subject_id), so concurrent offers store one row).
   * True when this call stored it.
   */
  async scheduleOnce(trx: Executor, kind: string, subjectId: string, runAt: Date, payload: unknown = {}): Promise<boolean> {
    const existing = await trx.selectFrom('scheduled_jobs').select('id').where('kind', '=', kind).where('subject_id', '=', subjectId).executeTakeFirst();
    if (existing) return false;
    const result = await trx
      .insertInto('scheduled_jobs')
      .values({ id: newId(), kind, subject_id: subjectId, run_at: runAt.toISOString(), payload_json: JSON.stringify(payload), claimed_by: null, claimed_at: null, done_at: null, error: null, created_at: this.clock.now().toISOString() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async cancel(trx: Executor, kind: string, subjectId: string): Promise<void> {
    await trx.deleteFrom('scheduled_jobs').where('kind', '=', kind).where('subject_id', '=', subjectId).where('done_at', 'is', null).execute();
  }

  /** Runs every due job this instance manages to claim; returns how many it ran. */
  async runDue(limit = 50): Promise<number> {
    const now = this.clock.now();
    const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    const due = await this.db
      .selectFrom('scheduled_jobs')
      .selectAll()
      .where('done_at', 'is', null)
      .where('run_at', '<=', now.toISOString())
      .orderBy('run_at')
      .limit(limit)
      .execute();
    if (due.length > 0) await this.beforeJobs?.();
    let ran = 0;
    for (const job of due) {
      const claim = await this.db
        .updateTable('scheduled_jobs')
        .set({ claimed_by: this.instanceId, claimed_at: now.toISOString() })
        .where('id', '=', job.id)
        .where('done_at', 'is', null)
        .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_at', '<', staleBefore)]))
        .executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) continue;
      const handler = this.handlers[job.kind];
      let error: string | null = null;
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler({ id: job.id, subjectId: job.subject_id, payload: JSON.parse(job.payload_json), runAt: job.run_at });
        ran++;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      await this.db.updateTable('scheduled_jobs').set({ done_at: this.clock.now().toISOString(), error }).where('id', '=', job.id).where('claimed_by', '=', this.instanceId).execute();
    }
    return ran;
  }

  start(intervalMs = 15_000): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.runDue().finally(() => (this.running = undefined));
      this.running.catch(() => {});
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => {});
  }
}
