import type { Db, Executor } from '../../db/database.ts';
import { nextCounterValue } from '../../db/counters.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { Conflict, InvalidInput, NotFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { parseLocalDate, yearOf, type LocalDate } from '../../kernel/local-date.ts';
import type { WorkingDayCalendar } from '../../kernel/working-days.ts';
import type { AuditAppend, AuditActor } from '../audit/index.ts';
import type { BlobStore } from '../catalogue/attachments/blob-store.ts';
import { authorize } from '../identity/domain/authorize.ts';
import { describeFee, perPieceFee } from './domain/fees.ts';
import { maskIdNumber } from './domain/identity-numbers.ts';
import { formatTrackingCode, matchesPhoneLastFour, parseTrackingCode, receiptDate, type ReceiptDateInput, type ReceiptDateRefusal } from './domain/intake.ts';
import { parseRequestEvent, type Channel, type RequestEvent } from './domain/request-events.ts';
import { applyEvent } from './domain/request-workflow.ts';
import type { IdentityVault } from './identity-vault.ts';
import { duplicateKeyOf, identityNumberOf, isLikelyDuplicateOf, phoneLastFour, readApplication, type RegisteredApplication } from './intake-rules.ts';
import { NoticeService } from './notice-service.ts';
import { derive, isOpen, type FoiRequestView } from './request-view.ts';
import { foiRequestRepository as repo, type RequestFilters } from './sql/foi-request-repository.ts';
import type { FoiRequestRecord, RecordedEvent, StoredApplicant } from './sql/foi-rows.ts';

export interface FoiDeps {
  db: Db;
  clock: Clock;
  audit: AuditAppend;
  calendar: { current(): WorkingDayCalendar };
  /** An open case with at most this many 工作日 left is due soon (settings `foiDueSoonWorkingDays`; default 5). */
  dueSoonWorkingDays?: () => number;
  vault: IdentityVault;
  blobs: BlobStore;
}

/** What staff (console, API) register: the channel and its Art. 31 receipt date, and the application as it arrived. */
export interface RegisterInput {
  channel: Channel;
  receivedOn: string;
  /** The Art. 31 item the receipt date rests on (console: from the channel details). */
  receiptBasis?: string | null;
  /** When it physically arrived (ISO instant); defaults to now. */
  arrivedAt?: string | null;
  applicant: Record<string, unknown>;
  description: unknown;
  informationName?: unknown;
  documentNumber?: unknown;
  provisionForm?: unknown;
  deliveryMethod?: unknown;
}

/** Lists: every request, open ones, or those due soon (settings `foiDueSoonWorkingDays`) / overdue (derived at read time). */
export interface ListFilters extends RequestFilters {
  due?: 'soon' | 'overdue' | undefined;
  openOnly?: boolean | undefined;
  state?: string | undefined;
}

/** The console field each Art. 31 refusal belongs to. */
const RECEIPT_FIELDS: Record<ReceiptDateRefusal, string> = {
  'letter-kind-required': 'letterKind',
  'receipt-date-required': 'receivedOn',
  'invalid-date': 'receivedOn',
  'receipt-date-in-future': 'receivedOn',
  'confirmed-before-arrival': 'arrivedOn',
};

/** Runs inside the transaction of a change to a request. */
export type RequestChangeListener = (trx: Executor, view: FoiRequestView) => Promise<void>;

export const auditActor = (actor: Actor): AuditActor => ({ id: actor.id, name: actor.displayName });
const PUBLIC_ACTOR: AuditActor = { id: null, name: '申请人（网上申请）' };

/**
 * 依申请公开 use cases (条例 Art. 27–45): registration on every channel, events checked by the domain's state table,
 * reviews, reads with the derived deadline. Every change is audited in its transaction.
 */
export class FoiRequestService {
  readonly notices: NoticeService;
  private readonly changeListeners: RequestChangeListener[] = [];

  constructor(readonly deps: FoiDeps) {
    this.notices = new NoticeService(deps);
  }

  /** Called inside the transaction of every registration and event, with the request as it is now (reminders). */
  onChange(listener: RequestChangeListener): void {
    this.changeListeners.push(listener);
  }

  private async changed(trx: Executor, view: FoiRequestView): Promise<void> {
    for (const listener of this.changeListeners) await listener(trx, view);
  }

  /** The view of one request, as of today. */
  async get(actor: Actor, id: string): Promise<FoiRequestView> {
    authorize(actor, 'foi.read');
    return this.load(this.deps.db, id);
  }

  async load(db: Executor, id: string): Promise<FoiRequestView> {
    const request = await repo.findById(db, id);
    if (!request) throw new NotFound('foi-request-not-found');
    return this.viewOf(request, await repo.listEvents(db, id));
  }

  viewOf(request: FoiRequestRecord, events: RecordedEvent[]): FoiRequestView {
    return derive(request, events, this.deps.calendar.current(), this.deps.clock.today(), this.deps.dueSoonWorkingDays?.());
  }

  /** Requests with their derived status; `due` keeps the due-soon (≤ `dueSoonWorkingDays` left) or overdue ones. */
  async list(actor: Actor, filters: ListFilters = {}): Promise<FoiRequestView[]> {
    authorize(actor, 'foi.read');
    const requests = await repo.list(this.deps.db, filters);
    const events = await repo.listEventsOf(this.deps.db, requests.map((r) => r.id));
    let views = requests.map((r) => this.viewOf(r, events.get(r.id) ?? []));
    if (filters.openOnly || filters.due) views = views.filter(isOpen);
    if (filters.state) views = views.filter((v) => v.state === filters.state);
    if (filters.due === 'soon') views = views.filter((v) => v.deadline.status === 'due-soon');
    if (filters.due === 'overdue') views = views.filter((v) => v.deadline.status === 'overdue');
    return views;
  }

  /** Staff registration (letter, in person, fax, e-mail, or an online application keyed in): never refused for gaps. */
  async register(actor: Actor, input: RegisterInput): Promise<FoiRequestView> {
    authorize(actor, 'foi.register');
    const receivedOn = this.receiptDateOf(input.receivedOn);
    const application = this.application(input, false);
    return this.insert({ actor: auditActor(actor), createdBy: actor.id, organId: actor.organId }, input, receivedOn, application);
  }

  /**
   * Console registration: the 收到申请之日 follows from the channel details (条例 Art. 31, domain `receiptDate`), and
   * its errors are shown together with the application's.
   */
  async registerReceived(actor: Actor, receipt: ReceiptDateInput, input: Omit<RegisterInput, 'channel' | 'receivedOn' | 'receiptBasis' | 'arrivedAt'>): Promise<FoiRequestView> {
    authorize(actor, 'foi.register');
    const received = receiptDate(receipt, this.deps.clock.today());
    const read = readApplication(input as unknown as Record<string, unknown>, false);
    const errors = { ...(read.ok ? {} : read.errors), ...(received.ok ? {} : { [RECEIPT_FIELDS[received.reason]]: received.reason }) };
    if (!read.ok || !received.ok) throw new InvalidInput(errors);
    const arrivedAt = receipt.arrivedOn ? new Date(`${receipt.arrivedOn}T00:00:00+08:00`).toISOString() : null;
    const full: RegisterInput = { ...input, channel: receipt.channel, receivedOn: received.value.receivedOn, receiptBasis: received.value.basis, arrivedAt };
    return this.insert({ actor: auditActor(actor), createdBy: actor.id, organId: actor.organId }, full, received.value.receivedOn, read.value);
  }

  /** The public online form (条例 Art. 29): every item required; the receipt page confirms it the same day (Art. 31). */
  async registerOnline(input: Omit<RegisterInput, 'channel' | 'receivedOn'>): Promise<FoiRequestView> {
    const application = this.application({ ...input, channel: 'online', receivedOn: '' }, true);
    const organ = await this.deps.db.selectFrom('organs').select('id').where('is_main', '=', 1).executeTakeFirst();
    if (!organ) throw new Conflict('no-main-organ');
    const receiptBasis = '网上申请，提交后系统即时向申请人确认，以确认之日为收到申请之日（条例第三十一条第（三）项）';
    return this.insert({ actor: PUBLIC_ACTOR, createdBy: 'public', organId: organ.id }, { ...input, channel: 'online', receivedOn: this.deps.clock.today(), receiptBasis }, this.deps.clock.today(), application);
  }

  private receiptDateOf(text: string): LocalDate {
    const receivedOn = parseLocalDate(text);
    if (!receivedOn) throw new InvalidInput({ receivedOn: 'invalid-date' });
    // 条例 Art. 31: the receipt date is a confirmation or sign-for date that has happened.
    if (receivedOn > this.deps.clock.today()) throw new InvalidInput({ receivedOn: 'receipt-date-in-future' });
    return receivedOn;
  }

  private application(input: RegisterInput, strict: boolean): RegisteredApplication {
    const read = readApplication(input as unknown as Record<string, unknown>, strict);
    if (!read.ok) throw new InvalidInput(read.errors);
    return read.value;
  }

  private async insert(who: { actor: AuditActor; createdBy: string; organId: string }, input: RegisterInput, receivedOn: LocalDate, app: RegisteredApplication): Promise<FoiRequestView> {
    const id = newId();
    const now = this.deps.clock.now().toISOString();
    const identity = identityNumberOf(app.applicant);
    const key = duplicateKeyOf(app.applicant);
    const base: Omit<FoiRequestRecord, 'trackingCode' | 'duplicateOf'> = {
      id,
      organId: who.organId,
      channel: input.channel,
      receivedOn,
      arrivedAt: input.arrivedAt ?? now,
      applicantKind: app.applicant.kind,
      applicantName: app.applicant.name,
      applicant: storedApplicant(app),
      intake: { receiptBasis: input.receiptBasis ?? null, missing: app.missing },
      idNumberCipher: identity ? this.deps.vault.encrypt(identity, id) : null,
      idNumberMasked: identity ? maskIdNumber(identity) : null,
      idNumberHash: key ? this.deps.vault.hash(key) : null,
      phoneLast4: phoneLastFour(app.applicant),
      informationName: app.informationName,
      documentNumber: app.documentNumber,
      description: app.description,
      provisionForm: app.provisionForm,
      deliveryMethod: app.deliveryMethod,
      promotedItemId: null,
      version: 1,
      createdAt: now,
      createdBy: who.createdBy,
      updatedAt: now,
    };
    return this.deps.db.transaction().execute(async (trx) => {
      const year = yearOf(this.deps.clock.today());
      const trackingCode = formatTrackingCode(year, await nextCounterValue(trx, `foi-tracking:${year}`));
      const duplicateOf = await this.findDuplicate(trx, base);
      const request: FoiRequestRecord = { ...base, trackingCode, duplicateOf };
      await repo.insert(trx, request);
      await this.deps.audit(trx, { actor: who.actor, action: 'foi.register', subjectType: 'foi-request', subjectId: id, after: auditSummary(request) });
      const view = this.viewOf(request, []);
      await this.changed(trx, view);
      return view;
    });
  }

  /** Issue 4: a likely duplicate is registered and marked with the earlier request, never dropped. */
  private async findDuplicate(trx: Executor, r: Omit<FoiRequestRecord, 'trackingCode' | 'duplicateOf'>): Promise<string | null> {
    if (!r.idNumberHash) return null;
    const candidates = await repo.listByIdentityHash(trx, r.idNumberHash);
    const match = candidates.find((c) => isLikelyDuplicateOf({ keyHash: r.idNumberHash!, description: r.description, receivedOn: r.receivedOn }, { keyHash: c.idNumberHash, description: c.description, receivedOn: c.receivedOn }));
    return match ? (match.duplicateOf ?? match.id) : null;
  }

  /**
   * Records one event (条例 Art. 30–39): shape checked by `parseRequestEvent` (400), law by `applyEvent` (409 with the
   * domain's reason). A closing reply or abandonment generates the 告知书 in the same transaction.
   */
  async addEvent(actor: Actor, id: string, raw: Record<string, unknown>, options: { expectedVersion?: number | undefined } = {}): Promise<FoiRequestView> {
    const event = this.parsedEvent(actor, raw);
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await this.load(trx, id);
      if (options.expectedVersion !== undefined && options.expectedVersion !== before.request.version) throw new Conflict('stale-version');
      const events = before.events.map((e) => e.event);
      const applied = applyEvent(before.state, events, event, this.deps.calendar.current(), { receivedOn: before.request.receivedOn, today: this.deps.clock.today() });
      if (!applied.ok) throw new Conflict(applied.reason, { detail: applied.detail });
      const recorded: RecordedEvent = { seq: before.events.length + 1, event, recordedAt: this.deps.clock.now().toISOString(), recordedBy: actor.id, recordedByName: actor.displayName };
      // The version-checked update first: a concurrent event on another instance waits on the row, then is refused 409.
      const request = { ...before.request, version: before.request.version + 1, updatedAt: recorded.recordedAt };
      await repo.update(trx, request, before.request.version);
      await repo.insertEvent(trx, id, recorded);
      const after = this.viewOf(request, [...before.events, recorded]);
      if (applied.value.outcome && (event.type === 'replied' || event.type === 'abandoned')) await this.notices.generate(trx, actor, after, applied.value.outcome);
      await this.deps.audit(trx, { actor: auditActor(actor), action: `foi.event.${event.type}`, subjectType: 'foi-request', subjectId: id, before: { state: before.state }, after: { state: after.state, outcome: after.outcome, event } });
      await this.changed(trx, after);
      return after;
    });
  }

  /** Permission (条例 Art. 33: an extension needs the 工作机构负责人), shape check, and defaults the API may leave out. */
  private parsedEvent(actor: Actor, raw: Record<string, unknown>): RequestEvent {
    const input = { ...raw };
    authorize(actor, input.type === 'extension-approved' ? 'foi.approve-extension' : 'foi.process');
    if (input.type === 'extension-approved') {
      if (input.approvedBy === undefined || input.approvedBy === '') input.approvedBy = actor.displayName;
    }
    // 国办函〔2020〕109号 Art. 3: one method per application; 按件 unless the notice says 按量.
    if (input.type === 'fee-notified' && input.method === undefined) input.method = 'per-piece';
    const parsed = parseRequestEvent(input);
    if (!parsed.ok) throw new InvalidInput({ [parsed.reason === 'unknown-event-type' ? 'type' : (parsed.detail ?? 'event')]: `event-${parsed.reason}` });
    return parsed.value;
  }

  /**
   * 国办函〔2020〕109号 Art. 4 按件: this application's place among the same applicant's applications received in its
   * calendar month (whatever their outcome), and the fee if it is one piece. Undefined when the applicant is unidentified.
   */
  async perPieceFeeHint(actor: Actor, id: string): Promise<{ pieceNumber: number; amount: number; lines: string[] } | undefined> {
    authorize(actor, 'foi.read');
    const request = await repo.findById(this.deps.db, id);
    if (!request?.idNumberHash) return undefined;
    const month = request.receivedOn.slice(0, 7);
    const sameMonth = (await repo.listByIdentityHash(this.deps.db, request.idNumberHash)).filter((r) => r.receivedOn.slice(0, 7) === month);
    const previous = sameMonth.findIndex((r) => r.id === id);
    const fee = perPieceFee(previous, 1);
    return { pieceNumber: previous + 1, amount: fee.amount, lines: describeFee(fee, '件') };
  }

  /** Public status check (issue 4): the tracking code plus the phone's last four digits; nothing when either fails. */
  async findForApplicant(trackingCode: string, lastFour: string): Promise<FoiRequestView | undefined> {
    const parsed = parseTrackingCode(trackingCode);
    if (!parsed) return undefined;
    const request = await repo.findByTrackingCode(this.deps.db, formatTrackingCode(parsed.year, parsed.serial));
    if (!request || !matchesPhoneLastFour(request.applicant.phone, lastFour)) return undefined;
    return this.viewOf(request, await repo.listEvents(this.deps.db, request.id));
  }
}

function storedApplicant(app: RegisteredApplication): StoredApplicant {
  const a = app.applicant;
  if (a.kind === 'natural-person') return { kind: a.kind, name: a.name, idType: a.idType, phone: a.phone, address: a.address, email: a.email };
  return { kind: a.kind, name: a.name, legalRepresentative: a.legalRepresentative, contactName: a.contactName, phone: a.phone, address: a.address, email: a.email };
}

/** What the audit log keeps of a registration: never the identity number in clear. */
export function auditSummary(r: FoiRequestRecord) {
  return { trackingCode: r.trackingCode, channel: r.channel, receivedOn: r.receivedOn, applicantKind: r.applicantKind, applicantName: r.applicantName, idNumberMasked: r.idNumberMasked, description: r.description, duplicateOf: r.duplicateOf, missing: r.intake.missing };
}
