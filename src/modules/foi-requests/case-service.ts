import type { Readable } from 'node:stream';
import type { Actor } from '../../kernel/actor.ts';
import { Conflict, InvalidInput, NotFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { parseLocalDate, type LocalDate } from '../../kernel/local-date.ts';
import { safeFileName, sniffFileType } from '../catalogue/attachments/file-type.ts';
import type { ItemInput } from '../catalogue/item-service.ts';
import type { PublishingService } from '../catalogue/publishing-service.ts';
import { authorize } from '../identity/domain/authorize.ts';
import { auditActor, type FoiDeps, type FoiRequestService } from './foi-request-service.ts';
import { foiRequestRepository as repo } from './sql/foi-request-repository.ts';
import { REVIEW_KINDS, REVIEW_RESULTS, type FoiDocument, type FoiReview, type ReviewKind, type ReviewResult } from './sql/foi-rows.ts';

export const MAX_RELEASED_BYTES = 20 * 1024 * 1024;

/** Issue 4: reviews `{kind, result, filedOn, decidedOn?}`. */
export interface ReviewInput {
  kind: string;
  result: string;
  filedOn: string;
  decidedOn?: string | null | undefined;
  note?: string | null | undefined;
}

/** What the catalogue item promoted from an answer needs (条例 Art. 44). */
export interface PromotionInput {
  title: string;
  topicCode: string;
  genreCode: string;
  summary?: string;
  bodyHtml?: string;
  documentNumber?: string | null;
  writtenOn?: string;
}

/** Outcomes whose answer is disclosable information that may become 主动公开 (条例 Art. 44). */
export const PROMOTABLE_OUTCOMES = ['disclosed', 'partially-disclosed'] as const;

/**
 * The rest of the case (条例 Art. 40–45, 51): released documents, 行政复议/行政诉讼 records, the documents' bytes, and
 * promoting a disclosed answer to the catalogue as 主动公开.
 */
export class FoiCaseService {
  constructor(
    private readonly deps: FoiDeps,
    private readonly requests: FoiRequestService,
    private readonly items: PublishingService,
  ) {}

  private checkedReview(input: ReviewInput, receivedOn: LocalDate): { kind: ReviewKind; result: ReviewResult; filedOn: LocalDate; decidedOn: LocalDate | null; note: string | null } {
    const errors: Record<string, string> = {};
    const today = this.deps.clock.today();
    if (!(REVIEW_KINDS as readonly string[]).includes(input.kind)) errors.kind = 'invalid-choice';
    if (!(REVIEW_RESULTS as readonly string[]).includes(input.result)) errors.result = 'invalid-choice';
    const filedOn = parseLocalDate(input.filedOn);
    if (!filedOn) errors.filedOn = 'invalid-date';
    else if (filedOn > today) errors.filedOn = 'date-in-future';
    else if (filedOn < receivedOn) errors.filedOn = 'review-filed-before-receipt';
    const decidedOn = input.decidedOn ? parseLocalDate(input.decidedOn) : null;
    if (input.decidedOn && !decidedOn) errors.decidedOn = 'invalid-date';
    else if (decidedOn && decidedOn > today) errors.decidedOn = 'date-in-future';
    else if (decidedOn && filedOn && decidedOn < filedOn) errors.decidedOn = 'review-decided-before-filed';
    // 尚未审结 has no decision date; a decided case may not know its date yet (entered later).
    if (decidedOn && input.result === 'pending') errors.decidedOn = 'review-pending-with-decision';
    const note = input.note?.trim() || null;
    if (note && note.length > 2000) errors.note = 'too-long';
    if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
    return { kind: input.kind as ReviewKind, result: input.result as ReviewResult, filedOn: filedOn!, decidedOn: decidedOn ?? null, note };
  }

  /** Records a 行政复议 or 行政诉讼 (direct or after 复议) against the request (条例 Art. 51), with its result. */
  async addReview(actor: Actor, requestId: string, input: ReviewInput): Promise<FoiReview> {
    authorize(actor, 'foi.process');
    return this.deps.db.transaction().execute(async (trx) => {
      const request = await repo.findById(trx, requestId);
      if (!request) throw new NotFound('foi-request-not-found');
      const now = this.deps.clock.now().toISOString();
      const review: FoiReview = { id: newId(), requestId, ...this.checkedReview(input, request.receivedOn), version: 1, createdAt: now, createdBy: actor.displayName, updatedAt: now };
      await repo.insertReview(trx, review);
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'foi.review.add', subjectType: 'foi-request', subjectId: requestId, after: review });
      return review;
    });
  }

  /** Records the result of a pending review (version-checked). */
  async updateReview(actor: Actor, requestId: string, reviewId: string, input: ReviewInput & { version: number }): Promise<FoiReview> {
    authorize(actor, 'foi.process');
    return this.deps.db.transaction().execute(async (trx) => {
      const request = await repo.findById(trx, requestId);
      const before = (await repo.listReviews(trx, requestId)).find((r) => r.id === reviewId);
      if (!request || !before) throw new NotFound('foi-review-not-found');
      if (before.version !== input.version) throw new Conflict('stale-version');
      const after: FoiReview = { ...before, ...this.checkedReview(input, request.receivedOn), version: before.version + 1, updatedAt: this.deps.clock.now().toISOString() };
      await repo.updateReview(trx, after, before.version);
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'foi.review.update', subjectType: 'foi-request', subjectId: requestId, before, after });
      return after;
    });
  }

  async listReviews(actor: Actor, requestId: string): Promise<FoiReview[]> {
    authorize(actor, 'foi.read');
    return repo.listReviews(this.deps.db, requestId);
  }

  async listDocuments(actor: Actor, requestId: string): Promise<FoiDocument[]> {
    authorize(actor, 'foi.read');
    return repo.listDocuments(this.deps.db, requestId);
  }

  /** A released document (条例 Art. 36(二), 37: the information provided), sniffed by content like catalogue attachments. */
  async attachReleased(actor: Actor, requestId: string, fileName: string, bytes: Uint8Array): Promise<FoiDocument> {
    authorize(actor, 'foi.process');
    if (bytes.byteLength === 0) throw new InvalidInput({ file: 'attachment-empty' });
    if (bytes.byteLength > MAX_RELEASED_BYTES) throw new InvalidInput({ file: 'attachment-too-large' });
    const type = sniffFileType(bytes);
    if (!type) throw new InvalidInput({ file: 'attachment-type-not-allowed' });
    const stored = await this.deps.blobs.put(bytes);
    return this.deps.db.transaction().execute(async (trx) => {
      const request = await repo.findById(trx, requestId);
      if (!request) throw new NotFound('foi-request-not-found');
      const filename = safeFileName(fileName, type);
      const document: FoiDocument = { id: newId(), requestId, kind: 'released', outcome: null, title: filename, filename, mediaType: type.mediaType, sizeBytes: stored.sizeBytes, sha256: stored.sha256, htmlText: null, createdAt: this.deps.clock.now().toISOString(), createdBy: actor.displayName };
      await repo.insertDocument(trx, document);
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'foi.document.attach', subjectType: 'foi-request', subjectId: requestId, after: document });
      return document;
    });
  }

  /** One document of a request with its bytes (404 when it belongs to another request). */
  async openDocument(actor: Actor, requestId: string, documentId: string): Promise<{ document: FoiDocument; stream(): Readable }> {
    authorize(actor, 'foi.read');
    const document = (await repo.listDocuments(this.deps.db, requestId)).find((d) => d.id === documentId);
    if (!document) throw new NotFound('foi-document-not-found');
    return { document, stream: () => this.deps.blobs.stream(document.sha256) };
  }

  /** The latest 告知书 of a request (404 before the case is closed). */
  async openLatestNotice(actor: Actor, requestId: string): Promise<{ document: FoiDocument; stream(): Readable }> {
    authorize(actor, 'foi.read');
    await this.requests.load(this.deps.db, requestId);
    const document = await this.requests.notices.latest(this.deps.db, requestId);
    if (!document) throw new NotFound('foi-notice-not-found');
    return { document, stream: () => this.deps.blobs.stream(document.sha256) };
  }

  /**
   * 条例 Art. 44: publishes a disclosed answer as 主动公开 in one step and links it to the request, in one transaction:
   * the catalogue item (draft, first edition, public projection, its audit) and the request's link (its audit) are
   * stored together or not at all. A request is promoted at most once (checked again inside the transaction).
   */
  async promoteToCatalogue(actor: Actor, requestId: string, input: PromotionInput): Promise<{ itemId: string }> {
    authorize(actor, 'foi.process');
    return this.deps.db.transaction().execute(async (trx) => {
      const view = await this.requests.load(trx, requestId);
      if (view.request.promotedItemId) throw new Conflict('foi-already-promoted');
      if (view.state !== 'replied' || !(PROMOTABLE_OUTCOMES as readonly string[]).includes(view.outcome ?? '')) throw new Conflict('foi-not-promotable');
      const repliedOn = view.events.at(-1)!.event.on;
      const itemInput: ItemInput = {
        organId: view.request.organId,
        title: input.title,
        writtenOn: input.writtenOn ?? repliedOn,
        topicCode: input.topicCode,
        genreCode: input.genreCode,
        summary: input.summary ?? '',
        bodyHtml: input.bodyHtml ?? '',
        documentNumber: input.documentNumber ?? null,
        disclosure: 'proactive',
      };
      const item = await this.items.importItem(actor, itemInput, { publishedOn: this.deps.clock.today(), trx });
      const after = { ...view.request, promotedItemId: item.id, version: view.request.version + 1, updatedAt: this.deps.clock.now().toISOString() };
      await repo.update(trx, after, view.request.version);
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'foi.promote', subjectType: 'foi-request', subjectId: requestId, after: { itemId: item.id, indexNumber: item.indexNumber, title: item.title } });
      return { itemId: item.id };
    });
  }
}
