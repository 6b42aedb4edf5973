import type { Db, Executor } from '../../db/database.ts';
import { nextCounterValue } from '../../db/counters.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { Conflict, InvalidInput, NotFound, type FieldErrors } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { yearOf, type LocalDate } from '../../kernel/local-date.ts';
import type { AuditAppend } from '../audit/index.ts';
import { authorize } from '../identity/domain/authorize.ts';
import type { Action } from '../identity/domain/permissions.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import type { BlobStore } from './attachments/blob-store.ts';
import { sanitizeBodyHtml } from './body-html.ts';
import { formatIndexNumber, indexNumberPeriodKey, validateIndexPattern } from './domain/index-number.ts';
import { toItemDraft, type ItemDraft, type ItemDraftInput } from './domain/item.ts';
import { transition, type ItemEvent } from './domain/item-workflow.ts';
import type { WorkingDays } from './domain/timeliness.ts';
import type { ReferenceData } from './reference-data.ts';
import { catalogueEntryRepository } from './sql/catalogue-entry-repository.ts';
import { itemRepository as repo, type ItemFilters } from './sql/item-repository.ts';
import type { Item } from './sql/item-rows.ts';

/** What a console form or an API client submits for a draft (topic and genre as codes). */
export type ItemInput = Omit<ItemDraftInput, 'organId'> & { organId?: string; unitId?: string | null };

export interface CatalogueDeps {
  db: Db;
  clock: Clock;
  audit: AuditAppend;
  settings: SettingsService;
  reference: ReferenceData;
  /** Stored files, for the publication gate to open attachments (issue 6). */
  blobs?: BlobStore;
  /** The current 工作日 calendar, for the gate's Art. 26 timeliness. */
  calendar?: () => WorkingDays;
}

/** Which permission each workflow event needs. */
export const EVENT_ACTIONS: Record<ItemEvent, Action> = {
  edit: 'item.edit',
  submit: 'item.submit',
  return: 'item.return',
  approve: 'item.approve',
  schedule: 'item.schedule',
  unschedule: 'item.schedule',
  publish: 'item.publish',
  revise: 'item.revise',
  retract: 'item.retract',
};

export const auditActor = (actor: Actor) => ({ id: actor.id, name: actor.displayName });

/**
 * Drafting use cases of the 政府信息目录: create and edit drafts with their 公开属性 decided at
 * creation (国办发〔2016〕80号 §一(一)), 索引号 assignment, and the optimistic-concurrency edit.
 */
export class ItemService {
  constructor(protected readonly deps: CatalogueDeps) {}

  async get(id: string, db: Executor = this.deps.db): Promise<Item> {
    const item = await repo.findById(db, id);
    if (!item) throw new NotFound('item-not-found');
    return item;
  }

  async list(actor: Actor, filters: ItemFilters): Promise<{ total: number; items: Item[] }> {
    authorize(actor, 'item.read');
    return repo.list(this.deps.db, filters);
  }

  async create(actor: Actor, input: ItemInput): Promise<Item> {
    authorize(actor, 'item.create');
    const organId = input.organId ?? actor.organId;
    const draft = await this.validated({ ...input, organId });
    return this.deps.db.transaction().execute((trx) => this.insertDraft(trx, actor, draft, input.unitId ?? actor.unitId));
  }

  /** Inserts a validated draft with its 索引号, audited, inside the caller's transaction. */
  protected async insertDraft(trx: Executor, actor: Actor, draft: ItemDraft, unitId: string | null): Promise<Item> {
    const now = this.deps.clock.now().toISOString();
    const index = await this.drawIndexNumber(trx, draft.organId, draft.writtenOn);
    const item: Item = {
      id: newId(),
      organId: draft.organId,
      unitId,
      ...index,
      ...draftFields(draft),
      publishedOn: null,
      state: 'draft',
      scheduledAt: null,
      approvedBy: null,
      approvedAt: null,
      approvalNote: null,
      retractedAt: null,
      retractReason: null,
      retractNotice: null,
      currentEdition: null,
      createdBy: actor.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insert(trx, item);
    await this.deps.audit(trx, { actor: auditActor(actor), action: 'item.create', subjectType: 'item', subjectId: item.id, after: item });
    return item;
  }

  /**
   * Edits a draft. `expectedVersion` is the version the form was loaded at: a stale edit is refused
   * and nothing is overwritten. The 公开属性 of an item that has been published cannot change:
   * to take it off the site it is retracted.
   */
  async update(actor: Actor, id: string, expectedVersion: number, input: ItemInput): Promise<Item> {
    authorize(actor, 'item.edit');
    const current = await this.get(id);
    // Validation reads reference data, so it runs before the transaction (SQLite has one connection).
    const draft = await this.validated({ ...input, organId: current.organId });
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await this.get(id, trx);
      this.assertOwnUnit(actor, before);
      if (before.version !== expectedVersion) throw new Conflict('stale-version');
      const check = transition(before.state, 'edit', { disclosureAttribute: before.disclosure, now: this.deps.clock.now() });
      if (!check.ok) throw new Conflict(check.reason === 'not-allowed-in-state' ? 'item-not-editable' : check.reason);
      if (before.currentEdition !== null && draft.disclosure.attribute !== before.disclosure) throw new InvalidInput({ disclosure: 'disclosure-fixed-after-publication' });
      let index = { indexNumber: before.indexNumber, indexYear: before.indexYear, indexSerial: before.indexSerial };
      // 索引号 is immutable once published; before that it follows the period (year or month) of 成文日期.
      if (before.currentEdition === null && (await this.periodChanged(trx, before, draft.writtenOn))) index = await this.drawIndexNumber(trx, before.organId, draft.writtenOn);
      const after: Item = { ...before, ...index, ...draftFields(draft), validity: before.validity, expiredOn: before.expiredOn, repealedOn: before.repealedOn, unitId: input.unitId ?? before.unitId, version: before.version + 1, updatedAt: this.deps.clock.now().toISOString() };
      await repo.update(trx, after);
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'item.edit', subjectType: 'item', subjectId: id, before, after });
      return after;
    });
  }

  private async periodChanged(trx: Executor, before: Item, writtenOn: LocalDate): Promise<boolean> {
    const pattern = await this.indexPattern(trx);
    return indexNumberPeriodKey(pattern, '', before.writtenOn) !== indexNumberPeriodKey(pattern, '', writtenOn);
  }

  /** Editors (科室) work on their own unit's items only; the office and leaders on all. */
  protected assertOwnUnit(actor: Actor, item: Item): void {
    if (actor.role === 'editor' && item.unitId !== actor.unitId && item.createdBy !== actor.id) throw new InvalidInput({}, 'not-own-unit');
  }

  /** Checks the input against the rules and the stored reference data; throws every field error at once. Inside a transaction pass it as `db`. */
  protected async validated(input: ItemInput & { organId: string }, db: Executor = this.deps.db): Promise<ItemDraft> {
    const { topics, genres } = await this.deps.reference.load(db);
    const result = toItemDraft(input as ItemDraftInput, { today: this.deps.clock.today(), topics, genres });
    const errors: FieldErrors = result.ok ? {} : (result.errors as FieldErrors);
    if (input.catalogueEntryId && !(await catalogueEntryRepository.findById(db, input.catalogueEntryId))) errors.catalogueEntryId = 'unknown-catalogue-entry';
    const organ = await db.selectFrom('organs').select('id').where('id', '=', input.organId).executeTakeFirst();
    if (!organ) errors.organId = 'unknown-organ';
    if (!result.ok || Object.keys(errors).length > 0) throw new InvalidInput(errors);
    return { ...result.value, bodyHtml: sanitizeBodyHtml(result.value.bodyHtml) };
  }

  /**
   * 索引号: the configured pattern, a serial unique per organ and period (REFERENCE.md §6.2). The
   * pattern is read from the database, not a cache, so every instance uses the current one; a
   * number that already exists (after a pattern change) is skipped, never issued twice.
   */
  protected async drawIndexNumber(trx: Executor, organId: string, writtenOn: LocalDate) {
    const pattern = await this.indexPattern(trx);
    const organ = await trx.selectFrom('organs').select('code').where('id', '=', organId).executeTakeFirstOrThrow();
    const counter = `index:${indexNumberPeriodKey(pattern, organ.code, writtenOn)}`;
    for (let attempt = 0; attempt < 1000; attempt++) {
      const serial = await nextCounterValue(trx, counter);
      const text = formatIndexNumber(pattern, { organCode: organ.code, date: writtenOn, serial });
      if (!text.ok) throw new Conflict(`index-${text.reason}`);
      const taken = await trx.selectFrom('items').select('id').where('index_number', '=', text.value).executeTakeFirst();
      if (!taken) return { indexNumber: text.value, indexYear: yearOf(writtenOn), indexSerial: serial };
    }
    throw new Conflict('index-serial-exhausted');
  }

  protected async indexPattern(db: Executor) {
    const pattern = validateIndexPattern((await this.deps.settings.get(db)).indexNumberPattern);
    if (!pattern.ok) throw new Conflict('index-pattern-invalid');
    return pattern.value;
  }
}

/** The editable fields of a validated draft, as stored on the item. */
function draftFields(d: ItemDraft) {
  const d2 = d.disclosure;
  return {
    title: d.title,
    jointIssuers: d.jointIssuers,
    documentNumber: d.documentNumber,
    writtenOn: d.writtenOn,
    topicCode: d.topicCode,
    genreCode: d.genreCode,
    validity: d.validity ?? 'effective',
    effectiveOn: d.effectiveOn,
    expiredOn: d.validity === 'expired' ? d.validityEndedOn : null,
    repealedOn: d.validity === 'repealed' ? d.validityEndedOn : null,
    summary: d.summary,
    bodyHtml: d.bodyHtml,
    disclosure: d2.attribute,
    exemptionBasis: d2.attribute === 'exempt' ? d2.exemption.basis : null,
    exemptionReason: d2.attribute === 'exempt' ? d2.exemption.reason : null,
    onRequestReason: d2.attribute === 'on-request' ? d2.onRequestReason : null,
    catalogueEntryId: d.catalogueEntryId,
  };
}
