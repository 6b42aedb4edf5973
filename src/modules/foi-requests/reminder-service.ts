import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../kernel/actor.ts';
import { Conflict, NotFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { addDays, type LocalDate } from '../../kernel/local-date.ts';
import type { AuditActor } from '../audit/index.ts';
import { authorize } from '../identity/domain/authorize.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import { planReminders, reminderDue, reminderMessage, type ReminderDue } from './domain/reminders.ts';
import { auditActor, type FoiDeps, type FoiRequestService } from './foi-request-service.ts';
import { isOpen, type FoiRequestView } from './request-view.ts';
import { foiRequestRepository as requestRepo } from './sql/foi-request-repository.ts';
import { reminderRepository as repo, type ReminderRecord } from './sql/reminder-repository.ts';

/** The scheduler job of the daily sweep; one per day (`daily:YYYY-MM-DD`), each day's run offering the next. */
export const FOI_REMINDER_JOB = 'foi.reminders';
/** The sweep runs shortly after midnight, China time, so the day's reminders are there when the office opens. */
const SWEEP_TIME = 'T00:10:00+08:00';
const SYSTEM_ACTOR: AuditActor = { id: null, name: '系统（答复期限提醒）' };
/** The longest list of all (read and resolved) reminders shown at once. */
const LIST_ALL_LIMIT = 500;

/** A reminder with its case as of today and its text. */
export interface ReminderView {
  reminder: ReminderRecord;
  request: FoiRequestView;
  message: string;
}

/**
 * Reply-deadline reminders (条例 Art. 33): a daily sweep raises, for each open request, a reminder when it becomes
 * due soon and when it becomes overdue, once per request, kind and due date (the unique key makes this idempotent
 * across runs and instances); unread reminders that no longer fit are resolved. Every event re-checks its own request
 * in its transaction, so an extension retires the old reminder at once. Raising, resolving and 已读 are audited.
 */
export class FoiReminderService {
  constructor(
    private readonly deps: FoiDeps,
    private readonly requests: FoiRequestService,
  ) {}

  /** Checks every request that is open or has an unread reminder; returns how many reminders it raised and resolved. */
  async sweep(): Promise<{ raised: number; resolved: number }> {
    const { db } = this.deps;
    const open = await repo.list(db, { openOnly: true });
    const all = await requestRepo.list(db);
    const withOpenReminder = new Set(open.map((r) => r.requestId));
    const events = await requestRepo.listEventsOf(db, all.map((r) => r.id));
    const views = all.map((r) => this.requests.viewOf(r, events.get(r.id) ?? [])).filter((v) => isOpen(v) || withOpenReminder.has(v.request.id));
    const stored = await repo.list(db, { requestIds: views.map((v) => v.request.id) });
    const totals = { raised: 0, resolved: 0 };
    for (const view of views) {
      const mine = stored.filter((r) => r.requestId === view.request.id);
      const plan = planReminders(warranted(view), mine);
      if (!plan.raise && plan.resolve.length === 0) continue;
      const done = await db.transaction().execute((trx) => this.apply(trx, view, plan));
      totals.raised += done.raised;
      totals.resolved += done.resolved;
    }
    return totals;
  }

  /** Re-checks one request inside the caller's transaction (after an event or a registration). */
  readonly syncRequest = async (trx: Executor, view: FoiRequestView): Promise<void> => {
    const stored = await repo.list(trx, { requestIds: [view.request.id] });
    await this.apply(trx, view, planReminders(warranted(view), stored));
  };

  private async apply(trx: Executor, view: FoiRequestView, plan: { raise: ReminderDue | undefined; resolve: string[] }): Promise<{ raised: number; resolved: number }> {
    const now = this.deps.clock.now().toISOString();
    const subject = { subjectType: 'foi-request', subjectId: view.request.id };
    let raised = 0;
    let resolved = 0;
    for (const id of plan.resolve) {
      if (!(await repo.resolve(trx, id, now))) continue;
      resolved++;
      await this.deps.audit(trx, { actor: SYSTEM_ACTOR, action: 'foi.reminder.resolve', ...subject, after: { reminderId: id, state: view.state, replyDueOn: view.deadline.dueOn } });
    }
    if (plan.raise) {
      const reminder: ReminderRecord = { id: newId(), requestId: view.request.id, ...plan.raise, raisedOn: this.deps.clock.today(), raisedAt: now, acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null, resolvedAt: null };
      // Another run (or instance) may have stored the same key since we looked: then nothing is written or audited.
      if (await repo.insertOnce(trx, reminder)) {
        raised++;
        await this.deps.audit(trx, { actor: SYSTEM_ACTOR, action: 'foi.reminder.raise', ...subject, after: { reminderId: reminder.id, kind: reminder.kind, replyDueOn: reminder.dueOn, isProvisional: reminder.isProvisional, workingDaysLeft: reminder.workingDaysLeft } });
      }
    }
    return { raised, resolved };
  }

  /** Unread reminders that still fit their case (`all`: every reminder, newest first), with the case as of today. */
  async list(actor: Actor, options: { all?: boolean } = {}): Promise<ReminderView[]> {
    authorize(actor, 'foi.read');
    const reminders = (await repo.list(this.deps.db, { openOnly: !options.all })).slice(0, LIST_ALL_LIMIT);
    const ids = [...new Set(reminders.map((r) => r.requestId))];
    const events = await requestRepo.listEventsOf(this.deps.db, ids);
    const views = new Map<string, FoiRequestView>();
    for (const id of ids) {
      const request = await requestRepo.findById(this.deps.db, id);
      if (request) views.set(id, this.requests.viewOf(request, events.get(id) ?? []));
    }
    return reminders.filter((r) => views.has(r.requestId)).map((r) => viewOf(r, views.get(r.requestId)!));
  }

  /** How many unread reminders the office has (the console banner). */
  async countOpen(actor: Actor): Promise<number> {
    authorize(actor, 'foi.read');
    return repo.countOpen(this.deps.db);
  }

  /** 已读: the office has seen it; audited on the request. A second acknowledgement is a 409. */
  async acknowledge(actor: Actor, id: string): Promise<ReminderView> {
    authorize(actor, 'foi.process');
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await repo.findById(trx, id);
      if (!before) throw new NotFound('foi-reminder-not-found');
      const at = this.deps.clock.now().toISOString();
      if (!(await repo.acknowledge(trx, id, { id: actor.id, name: actor.displayName }, at))) throw new Conflict('foi-reminder-already-acknowledged');
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'foi.reminder.acknowledge', subjectType: 'foi-request', subjectId: before.requestId, after: { reminderId: id, kind: before.kind, replyDueOn: before.dueOn } });
      const reminder = { ...before, acknowledgedAt: at, acknowledgedBy: actor.id, acknowledgedByName: actor.displayName };
      return viewOf(reminder, await this.requests.load(trx, before.requestId));
    });
  }

  /** Registers the sweep with the scheduler: each day's run first offers the next day's, then sweeps. */
  registerJob(scheduler: Scheduler): void {
    scheduler.register(FOI_REMINDER_JOB, async () => {
      await this.offerDailyRun(scheduler, addDays(this.deps.clock.today(), 1));
      await this.sweep();
    });
  }

  /** Offers today's run (due at once) when no instance has yet: called when an instance starts its scheduler. */
  async ensureScheduled(scheduler: Scheduler): Promise<void> {
    await this.offerDailyRun(scheduler, this.deps.clock.today(), this.deps.clock.now());
  }

  private async offerDailyRun(scheduler: Scheduler, day: LocalDate, runAt = new Date(`${day}${SWEEP_TIME}`)): Promise<void> {
    await scheduler.scheduleOnce(this.deps.db, FOI_REMINDER_JOB, `daily:${day}`, runAt);
  }
}

/** The reminder an open case warrants today (closed cases none). */
function warranted(view: FoiRequestView): ReminderDue | undefined {
  return isOpen(view) && !view.inconsistency ? reminderDue(view.deadline) : undefined;
}

function viewOf(reminder: ReminderRecord, request: FoiRequestView): ReminderView {
  return { reminder, request, message: reminderMessage({ ...reminder, trackingCode: request.request.trackingCode }) };
}
