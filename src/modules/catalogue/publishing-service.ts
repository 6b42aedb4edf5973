import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../kernel/actor.ts';
import { Conflict, InvalidInput } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { LocalDate } from '../../kernel/local-date.ts';
import { authorize } from '../identity/domain/authorize.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import { transition, type ItemEvent } from './domain/item-workflow.ts';
import { validateLink, validateValidityChange, type ItemLinkKind, type Validity } from './domain/validity.ts';
import { auditActor, EVENT_ACTIONS, ItemService, type CatalogueDeps, type ItemInput } from './item-service.ts';
import { itemRepository as repo } from './sql/item-repository.ts';
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
const SYSTEM_ACTOR: Actor = { id: 'system', username: 'system', displayName: '系统（定时发布）', role: 'admin', organId: '', unitId: null };

/**
 * The review and publishing workflow (declared in domain/item-workflow.ts): 保密审查 sign-off,
 * publishing now or at a set time, editions, 撤回, 有效性 changes and 修订/废止 links.
 */
export class PublishingService extends ItemService {
  private readonly listeners: PublicChangeListener[] = [];

  constructor(
    deps: CatalogueDeps,
    private readonly scheduler: Scheduler,
  ) {
    super(deps);
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
    const item = await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.get(id, trx);
      if (['submit', 'edit'].includes(event)) this.assertOwnUnit(actor, before);
      if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) throw new Conflict('stale-version');
      const now = this.deps.clock.now();
      const result = transition(before.state, event, { disclosureAttribute: before.disclosure, hasPublishedEdition: before.currentEdition !== null, now, reason: input.reason, note: input.note, publishAt: input.publishAt });
      if (!result.ok) throw new Conflict(result.reason, { state: before.state, event });
      const after: Item = { ...before, state: result.value.state, version: before.version + 1, updatedAt: now.toISOString() };
      await this.sideEffects(trx, actor, event, before, after, input);
      await repo.update(trx, after);
      if (event === 'publish' || event === 'retract') await this.notify(trx, id);
      await this.deps.audit(trx, { actor: auditActor(actor), action: `item.${event}`, subjectType: 'item', subjectId: id, before: stateOf(before), after: { ...stateOf(after), reason: input.reason ?? null, note: input.note ?? null, changeNote: input.changeNote ?? null } });
      return after;
    });
    return item;
  }

  private async sideEffects(trx: Executor, actor: Actor, event: ItemEvent, before: Item, after: Item, input: EventInput): Promise<void> {
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
        await this.createEdition(trx, actor, after, input.changeNote);
        break;
      case 'retract':
        await this.scheduler.cancel(trx, SCHEDULED_PUBLISH_JOB, before.id);
        Object.assign(after, { scheduledAt: null, retractedAt: now.toISOString(), retractReason: input.reason!.trim(), retractNotice: input.retractNotice?.trim() || null });
        break;
    }
  }

  /** Every publish freezes what the public sees into a new edition (history kept for staff). */
  private async createEdition(trx: Executor, actor: Actor, item: Item, changeNote?: string): Promise<void> {
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
  }

  /**
   * Imports one historic item in a single transaction: the draft, and when `publishedOn` is
   * given its first edition as published that day, so a row is either wholly imported or not at all.
   */
  async importItem(actor: Actor, input: ItemInput, options: { publishedOn?: LocalDate | null; unitId?: string | null } = {}): Promise<Item> {
    authorize(actor, 'data.import');
    const draft = await this.validated({ ...input, organId: input.organId ?? actor.organId });
    if (options.publishedOn && draft.disclosure.attribute !== 'proactive') throw new InvalidInput({ state: 'not-proactive' });
    if (options.publishedOn && options.publishedOn < draft.writtenOn) throw new InvalidInput({ publishedOn: 'date-before-written' });
    return this.deps.db.transaction().execute(async (trx) => {
      const item = await this.insertDraft(trx, actor, draft, options.unitId ?? input.unitId ?? null);
      if (!options.publishedOn) return item;
      const published: Item = { ...item, state: 'published', publishedOn: options.publishedOn, approvedBy: actor.displayName, approvedAt: this.deps.clock.now().toISOString(), approvalNote: '历史数据导入，发布时已审查', version: item.version + 1 };
      await this.createEdition(trx, actor, published, '历史数据导入');
      await repo.update(trx, published);
      await this.notify(trx, item.id);
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'item.import-published', subjectType: 'item', subjectId: item.id, after: stateOf(published) });
      return published;
    });
  }

  /** The scheduler's job: publish if the item is still scheduled (it may have been unscheduled). */
  async publishScheduled(itemId: string): Promise<void> {
    const item = await repo.findById(this.deps.db, itemId);
    if (!item || item.state !== 'scheduled') return;
    await this.apply(SYSTEM_ACTOR, itemId, 'publish', { changeNote: '定时发布' });
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
