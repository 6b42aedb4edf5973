import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../kernel/actor.ts';
import { Conflict, InvalidInput } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { LocalDate } from '../../kernel/local-date.ts';
import { authorize } from '../identity/domain/authorize.ts';
import { ContentCheckBlocked, ContentGate, type ItemChecks } from './content-gate.ts';
import { overrideScope } from './domain/publication-gate.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import { transition, type ItemEvent } from './domain/item-workflow.ts';
import { validateLink, validateValidityChange, type ItemLinkKind, type Validity } from './domain/validity.ts';
import { auditActor, EVENT_ACTIONS, ItemService, type CatalogueDeps, type ItemInput } from './item-service.ts';
import { itemRepository as repo } from './sql/item-repository.ts';
import { checkRepository, type CheckOverrideRecord } from './sql/check-repository.ts';
import type { EditionSnapshot, Item } from './sql/item-rows.ts';

export interface EventInput {
  expectedVersion?: number | undefined;
  reason?: string | undefined;
  note?: string | undefined;
  publishAt?: Date | undefined;
  changeNote?: string | undefined;
  /** 撤回 may leave a notice in place of the content (issue #2). */
  retractNotice?: string | undefined;
}

/**
 * Called inside the transaction of every change that alters what the public sees (publish,
 * retract, 有效性, links, imports): public projections, search indexes and cache versions are
 * updated atomically with the change, so they can never disagree with the catalogue.
 */
export type PublicChangeListener = (trx: Executor, itemIds: readonly string[]) => Promise<void>;

export const SCHEDULED_PUBLISH_JOB = 'item.publish';
/** Events after which the item may go public without another edit: the publication gate stands before each. */
const GATED_EVENTS: ReadonlySet<ItemEvent> = new Set(['approve', 'schedule', 'publish']);
const SYSTEM_ACTOR: Actor = { id: 'system', username: 'system', displayName: '系统（定时发布）', role: 'admin', organId: '', unitId: null };

/**
 * The review and publishing workflow (declared in domain/item-workflow.ts): 保密审查 sign-off,
 * publishing now or at a set time, editions, 撤回, 有效性 changes and 修订/废止 links.
 */
export class PublishingService extends ItemService {
  private readonly listeners: PublicChangeListener[] = [];
  /** The publication gate (issue 6): content checks, metadata, attachments, timeliness, overrides. */
  readonly gate: ContentGate;

  constructor(
    deps: CatalogueDeps,
    private readonly scheduler: Scheduler,
  ) {
    super(deps);
    this.gate = new ContentGate(deps);
    scheduler.register(SCHEDULED_PUBLISH_JOB, ({ subjectId }) => this.publishScheduled(subjectId));
  }

  onPublicChange(listener: PublicChangeListener): void {
    this.listeners.push(listener);
  }

  private async notify(trx: Executor, ...itemIds: string[]): Promise<void> {
    for (const l of this.listeners) await l(trx, itemIds);
  }

  /** Applies one workflow event; refusals from the state table come back as 409 with their reason. */
  async apply(actor: Actor, id: string, event: ItemEvent, input: EventInput = {}): Promise<Item> {
    authorize(actor, EVENT_ACTIONS[event]);
    const isGated = GATED_EVENTS.has(event);
    if (isGated) await this.gate.readAttachments(id);
    const item = await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.get(id, trx);
      if (['submit', 'edit'].includes(event)) this.assertOwnUnit(actor, before);
      if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) throw new Conflict('stale-version');
      const now = this.deps.clock.now();
      const result = transition(before.state, event, { disclosureAttribute: before.disclosure, hasPublishedEdition: before.currentEdition !== null, now, reason: input.reason, note: input.note, publishAt: input.publishAt });
      if (!result.ok) throw new Conflict(result.reason, { state: before.state, event });
      // The gate sits at every step after which the item can go public with no further edit, the scheduler's
      // publication included; submitting stays open, so the reviewing leader sees the findings and decides.
      const checks = isGated ? await this.gate.assess(trx, before, publicationDateOf(before, event, input, this.deps.clock.today())) : undefined;
      if (checks && !checks.decision.canPublish) throw new ContentCheckBlocked(checks.decision.blocking);
      const after: Item = { ...before, state: result.value.state, version: before.version + 1, updatedAt: now.toISOString() };
      await this.sideEffects(trx, actor, event, before, after, input, checks);
      await repo.update(trx, after);
      if (event === 'publish' || event === 'retract') await this.notify(trx, id);
      await this.deps.audit(trx, { actor: auditActor(actor), action: `item.${event}`, subjectType: 'item', subjectId: id, before: stateOf(before), after: { ...stateOf(after), reason: input.reason ?? null, note: input.note ?? null, changeNote: input.changeNote ?? null } });
      return after;
    });
    return item;
  }

  private async sideEffects(trx: Executor, actor: Actor, event: ItemEvent, before: Item, after: Item, input: EventInput, checks?: ItemChecks): Promise<void> {
    const now = this.deps.clock.now();
    switch (event) {
      case 'approve':
        Object.assign(after, { approvedBy: actor.displayName, approvedAt: now.toISOString(), approvalNote: input.note!.trim() });
        break;
      case 'return':
      case 'revise':
        Object.assign(after, { approvedBy: null, approvedAt: null, approvalNote: null });
        break;
      case 'schedule':
        after.scheduledAt = input.publishAt!.toISOString();
        await this.scheduler.schedule(trx, SCHEDULED_PUBLISH_JOB, before.id, input.publishAt!);
        break;
      case 'unschedule':
        after.scheduledAt = null;
        await this.scheduler.cancel(trx, SCHEDULED_PUBLISH_JOB, before.id);
        break;
      case 'publish':
        await this.createEdition(trx, actor, after, input.changeNote, checks);
        break;
      case 'retract':
        await this.scheduler.cancel(trx, SCHEDULED_PUBLISH_JOB, before.id);
        Object.assign(after, { scheduledAt: null, retractedAt: now.toISOString(), retractReason: input.reason!.trim(), retractNotice: input.retractNotice?.trim() || null });
        break;
    }
  }

  /** Every publish freezes what the public sees into a new edition (history kept for staff). */
  private async createEdition(trx: Executor, actor: Actor, item: Item, changeNote?: string, checks?: ItemChecks): Promise<void> {
    const today = this.deps.clock.today();
    const editionNo = (item.currentEdition ?? 0) + 1;
    item.publishedOn ??= today;
    item.currentEdition = editionNo;
    item.scheduledAt = null;
    await this.scheduler.cancel(trx, SCHEDULED_PUBLISH_JOB, item.id);
    const organ = await trx.selectFrom('organs').select('name').where('id', '=', item.organId).executeTakeFirstOrThrow();
    const attachments = await repo.listAttachments(trx, item.id);
    const snapshot: EditionSnapshot = {
      title: item.title,
      organId: item.organId,
      organName: organ.name,
      jointIssuers: item.jointIssuers,
      documentNumber: item.documentNumber,
      writtenOn: item.writtenOn,
      publishedOn: item.publishedOn,
      topicCode: item.topicCode,
      genreCode: item.genreCode,
      summary: item.summary,
      bodyHtml: item.bodyHtml,
      catalogueEntryId: item.catalogueEntryId,
      attachments: attachments.map(({ id, filename, mediaType, sizeBytes, sha256 }) => ({ id, filename, mediaType, sizeBytes, sha256 })),
    };
    await repo.insertEdition(trx, {
      id: newId(),
      itemId: item.id,
      editionNo,
      publishedAt: this.deps.clock.now().toISOString(),
      publishedBy: actor.displayName,
      changeNote: changeNote?.trim() || (editionNo === 1 ? '首次发布' : '修订后重新发布'),
      snapshot,
    });
    if (checks) await this.recordEditionChecks(trx, item.id, editionNo, checks);
  }

  /** What the gate saw when this edition went out: overridden findings, advice, and whether it was late (Art. 26). */
  private async recordEditionChecks(trx: Executor, itemId: string, editionNo: number, checks: ItemChecks): Promise<void> {
    const t = checks.timeliness;
    await checkRepository.insertEditionCheck(trx, {
      itemId,
      editionNo,
      checkedAt: this.deps.clock.now().toISOString(),
      timelinessStatus: t?.status ?? null,
      lateByDays: t?.lateByDays ?? null,
      dueOn: t?.dueOn ?? null,
      findings: [...checks.decision.overridden, ...checks.decision.advisory],
      overrideIds: [...new Set(checks.decision.overridden.map((f) => f.overrideId))],
    });
  }

  /**
   * Imports one historic item in a single transaction: the draft, and when `publishedOn` is
   * given its first edition as published that day, so a row is either wholly imported or not at all.
   * With `trx` it runs inside the caller's transaction (条例 Art. 44 promotion links the request in the same one).
   */
  async importItem(actor: Actor, input: ItemInput, options: { publishedOn?: LocalDate | null; unitId?: string | null; trx?: Executor } = {}): Promise<Item> {
    authorize(actor, 'data.import');
    const draft = await this.validated({ ...input, organId: input.organId ?? actor.organId }, options.trx);
    if (options.publishedOn && draft.disclosure.attribute !== 'proactive') throw new InvalidInput({ state: 'not-proactive' });
    if (options.publishedOn && options.publishedOn < draft.writtenOn) throw new InvalidInput({ publishedOn: 'date-before-written' });
    const write = async (trx: Executor): Promise<Item> => {
      // An import that publishes (history, 依申请 promotion, 年度报告) passes the same gate; it has no attachments yet
      // and no leader has seen it, so there is nothing to override.
      const checks = options.publishedOn ? await this.gate.assessSubject(trx, { ...draft, id: null, publishedOn: options.publishedOn }, [], [], options.publishedOn) : undefined;
      if (checks && !checks.decision.canPublish) throw new ContentCheckBlocked(checks.decision.blocking);
      const item = await this.insertDraft(trx, actor, draft, options.unitId ?? input.unitId ?? null);
      if (!options.publishedOn) return item;
      const published: Item = { ...item, state: 'published', publishedOn: options.publishedOn, approvedBy: actor.displayName, approvedAt: this.deps.clock.now().toISOString(), approvalNote: '历史数据导入，发布时已审查', version: item.version + 1 };
      await this.createEdition(trx, actor, published, '历史数据导入', checks);
      await repo.update(trx, published);
      await this.notify(trx, item.id);
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'item.import-published', subjectType: 'item', subjectId: item.id, after: stateOf(published) });
      return published;
    };
    return options.trx ? write(options.trx) : this.deps.db.transaction().execute(write);
  }

  /** The scheduler's job: publish if the item is still scheduled (it may have been unscheduled). */
  async publishScheduled(itemId: string): Promise<void> {
    const item = await repo.findById(this.deps.db, itemId);
    if (!item || item.state !== 'scheduled') return;
    try {
      await this.apply(SYSTEM_ACTOR, itemId, 'publish', { changeNote: '定时发布' });
    } catch (error) {
      // A check that fails at the set time (the office's rules changed since approval) stops the publication; the
      // item goes back to 已审核, audited with the reason, so the office sees it, and the job records the refusal.
      if (error instanceof ContentCheckBlocked) await this.unscheduleBlocked(itemId);
      throw error;
    }
  }

  /** `unschedule` by the system, keeping the running job's row (it records the refusal). */
  private async unscheduleBlocked(itemId: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.get(itemId, trx);
      const result = transition(before.state, 'unschedule', { disclosureAttribute: before.disclosure, now: this.deps.clock.now() });
      if (!result.ok) return;
      const after: Item = { ...before, state: result.value.state, scheduledAt: null, version: before.version + 1, updatedAt: this.deps.clock.now().toISOString() };
      await repo.update(trx, after);
      await this.deps.audit(trx, { actor: auditActor(SYSTEM_ACTOR), action: 'item.unschedule', subjectType: 'item', subjectId: itemId, before: stateOf(before), after: { ...stateOf(after), reason: '定时发布时内容检查未通过，已取消定时发布' } });
    });
  }

  /** The gate on the item as it stands now (findings shown on the item page and by the API). */
  async checks(actor: Actor, id: string): Promise<ItemChecks> {
    authorize(actor, 'item.read');
    return this.assessNow(await this.get(id));
  }

  /** The gate on an item already loaded by a caller that has checked `item.read`. */
  async assessNow(item: Item): Promise<ItemChecks> {
    await this.gate.readAttachments(item.id);
    return this.gate.assess(this.deps.db, item, publicationDateOf(item, 'publish', {}, this.deps.clock.today()));
  }

  /** What the gate recorded for each published edition. */
  listEditionChecks(id: string) {
    return checkRepository.listEditionChecks(this.deps.db, id);
  }

  /**
   * A leader's override (issue 6): the 确定 wording findings standing now are recorded as right in context, with
   * the reason, and no longer block. It covers those findings only; one that appears after an edit blocks again.
   * Missing metadata and attachments that do not open cannot be overridden.
   */
  async overrideChecks(actor: Actor, id: string, input: { reason: string; expectedVersion?: number | undefined }): Promise<CheckOverrideRecord> {
    authorize(actor, 'item.override-checks');
    await this.gate.readAttachments(id);
    return this.deps.db.transaction().execute(async (trx) => {
      const item = await this.get(id, trx);
      if (item.state === 'retracted') throw new Conflict('override-not-allowed-in-state');
      if (input.expectedVersion !== undefined && input.expectedVersion !== item.version) throw new Conflict('stale-version');
      const checks = await this.gate.assess(trx, item, publicationDateOf(item, 'publish', {}, this.deps.clock.today()));
      const scope = overrideScope(checks.decision, input.reason);
      if (!scope.ok) throw scope.reason === 'override-reason-required' ? new InvalidInput({ reason: scope.reason }) : new Conflict(scope.reason);
      const record: CheckOverrideRecord = {
        id: newId(),
        itemId: id,
        itemVersion: item.version,
        overriddenAt: this.deps.clock.now().toISOString(),
        overriddenBy: actor.id,
        overriddenByName: actor.displayName,
        reason: input.reason.trim(),
        findingKeys: scope.findings.map((f) => f.key),
        findings: scope.findings,
      };
      await checkRepository.insertOverride(trx, record);
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'item.override-checks', subjectType: 'item', subjectId: id, after: { overrideId: record.id, reason: record.reason, itemVersion: item.version, findings: scope.findings.map(({ key, source, attachmentName, rule, text }) => ({ key, source, attachmentName, rule, text })) } });
      return record;
    });
  }

  /** The leaders' overrides of an item, oldest first. */
  listOverrides(id: string): Promise<CheckOverrideRecord[]> {
    return checkRepository.listOverrides(this.deps.db, id);
  }

  /**
   * 有效性 (有效/失效/废止) changes apply to the public record at once, without a new edition;
   * `byItemId` records the newer document that 修订/废止 this one.
   */
  async setValidity(actor: Actor, id: string, input: { validity: Validity; on?: LocalDate | null; byItemId?: string | null; expectedVersion?: number }): Promise<Item> {
    authorize(actor, 'item.set-validity');
    const item = await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.get(id, trx);
      if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) throw new Conflict('stale-version');
      const change = validateValidityChange(before.validity, input.validity, { on: input.on ?? null, today: this.deps.clock.today(), writtenOn: before.writtenOn });
      if (!change.ok) throw new InvalidInput({ on: change.reason });
      const endedOn = change.value.endedOn;
      const after: Item = {
        ...before,
        validity: change.value.validity,
        expiredOn: change.value.validity === 'expired' ? endedOn : null,
        repealedOn: change.value.validity === 'repealed' ? endedOn : null,
        version: before.version + 1,
        updatedAt: this.deps.clock.now().toISOString(),
      };
      await repo.update(trx, after);
      if (input.byItemId) await this.insertLink(trx, input.byItemId, id, input.validity === 'repealed' ? 'repeals' : 'revises');
      await this.notify(trx, id, ...(input.byItemId ? [input.byItemId] : []));
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'item.set-validity', subjectType: 'item', subjectId: id, before: { validity: before.validity, expiredOn: before.expiredOn, repealedOn: before.repealedOn }, after: { validity: after.validity, expiredOn: after.expiredOn, repealedOn: after.repealedOn, byItemId: input.byItemId ?? null } });
      return after;
    });
    return item;
  }

  /** Records that `fromId` (newer) 修订/废止 `toId` (older). */
  async link(actor: Actor, fromId: string, toId: string, kind: ItemLinkKind): Promise<void> {
    authorize(actor, 'item.link');
    await this.deps.db.transaction().execute(async (trx) => {
      await this.insertLink(trx, fromId, toId, kind);
      await this.notify(trx, fromId, toId);
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'item.link', subjectType: 'item', subjectId: fromId, after: { toId, kind } });
    });
  }

  private async insertLink(trx: Executor, fromId: string, toId: string, kind: ItemLinkKind): Promise<void> {
    await this.get(fromId, trx);
    await this.get(toId, trx);
    const existing = (await trx.selectFrom('item_links').select(['from_item_id', 'to_item_id', 'kind']).execute()).map((l) => ({ fromId: l.from_item_id, toId: l.to_item_id, kind: l.kind as ItemLinkKind }));
    const check = validateLink(fromId, toId, kind, existing);
    if (!check.ok) throw new InvalidInput({ byItemId: check.reason });
    await repo.insertLink(trx, { id: newId(), fromItemId: fromId, toItemId: toId, kind, createdAt: this.deps.clock.now().toISOString() });
  }
}

function stateOf(item: Item) {
  return { state: item.state, version: item.version, currentEdition: item.currentEdition, scheduledAt: item.scheduledAt, retractedAt: item.retractedAt };
}

/** The date the item goes (or went) public: its first publication date, the scheduled day, or today. */
function publicationDateOf(item: Item, event: ItemEvent, input: EventInput, today: LocalDate): LocalDate {
  if (item.publishedOn) return item.publishedOn;
  const at = event === 'schedule' ? input.publishAt : event === 'approve' ? undefined : item.scheduledAt ? new Date(item.scheduledAt) : undefined;
  return at ? beijingDate(at) : today;
}

const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) as LocalDate;
