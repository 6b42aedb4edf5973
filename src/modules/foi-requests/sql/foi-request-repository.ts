/** Storage of 依申请公开 records (no rules here: the service decides). Every method takes the database or a transaction. */
import { containsText } from '../../../db/contains-text.ts';
import type { Executor } from '../../../db/database.ts';
import { Conflict } from '../../../kernel/errors.ts';
import type { LocalDate } from '../../../kernel/local-date.ts';
import {
  documentFromRow,
  documentToRow,
  eventFromRow,
  requestFromRow,
  requestToRow,
  reviewFromRow,
  reviewToRow,
  templateFromRow,
  type FoiDocument,
  type FoiRequestRecord,
  type FoiReview,
  type NoticeTemplate,
  type RecordedEvent,
} from './foi-rows.ts';

export interface RequestFilters {
  organId?: string | undefined;
  /** Received on or after / before (inclusive). */
  receivedFrom?: LocalDate | undefined;
  receivedTo?: LocalDate | undefined;
  channel?: string | undefined;
  /** Words in the tracking code, applicant name or description. */
  q?: string | undefined;
}

export const foiRequestRepository = {
  async insert(db: Executor, request: FoiRequestRecord): Promise<void> {
    await db.insertInto('foi_requests').values(requestToRow(request)).execute();
  },

  async findById(db: Executor, id: string): Promise<FoiRequestRecord | undefined> {
    const row = await db.selectFrom('foi_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row && requestFromRow(row);
  },

  async findByTrackingCode(db: Executor, code: string): Promise<FoiRequestRecord | undefined> {
    const row = await db.selectFrom('foi_requests').selectAll().where('tracking_code', '=', code).executeTakeFirst();
    return row && requestFromRow(row);
  },

  /** Earlier applications with the same keyed identity hash (duplicate candidates), oldest first. */
  async listByIdentityHash(db: Executor, hash: string): Promise<FoiRequestRecord[]> {
    const rows = await db.selectFrom('foi_requests').selectAll().where('id_number_hash', '=', hash).orderBy('received_on').orderBy('created_at').execute();
    return rows.map(requestFromRow);
  },

  async list(db: Executor, f: RequestFilters = {}): Promise<FoiRequestRecord[]> {
    let q = db.selectFrom('foi_requests').selectAll();
    if (f.organId) q = q.where('organ_id', '=', f.organId);
    if (f.receivedFrom) q = q.where('received_on', '>=', f.receivedFrom);
    if (f.receivedTo) q = q.where('received_on', '<=', f.receivedTo);
    if (f.channel) q = q.where('channel', '=', f.channel);
    if (f.q) {
      const text = f.q.trim();
      q = q.where((eb) => eb.or([containsText('tracking_code', text), containsText('applicant_name', text), containsText('description', text)]));
    }
    const rows = await q.orderBy('received_on', 'desc').orderBy('created_at', 'desc').execute();
    return rows.map(requestFromRow);
  },

  /** Version-checked update: a stale write is refused, never applied (STYLE.md §6). */
  async update(db: Executor, request: FoiRequestRecord, expectedVersion: number): Promise<void> {
    const result = await db.updateTable('foi_requests').set(requestToRow(request)).where('id', '=', request.id).where('version', '=', expectedVersion).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new Conflict('stale-version');
  },

  async listEvents(db: Executor, requestId: string): Promise<RecordedEvent[]> {
    const rows = await db.selectFrom('foi_request_events').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
    return rows.map(eventFromRow);
  },

  /** Events of many requests at once, grouped by request id (lists derive every status in one pass). */
  async listEventsOf(db: Executor, requestIds: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
    const out = new Map<string, RecordedEvent[]>(requestIds.map((id) => [id, []]));
    for (let i = 0; i < requestIds.length; i += 500) {
      const rows = await db.selectFrom('foi_request_events').selectAll().where('request_id', 'in', requestIds.slice(i, i + 500)).orderBy('request_id').orderBy('seq').execute();
      for (const row of rows) out.get(row.request_id)?.push(eventFromRow(row));
    }
    return out;
  },

  async insertEvent(db: Executor, requestId: string, recorded: RecordedEvent): Promise<void> {
    await db
      .insertInto('foi_request_events')
      .values({
        request_id: requestId,
        seq: recorded.seq,
        type: recorded.event.type,
        occurred_on: recorded.event.on,
        payload_json: JSON.stringify(recorded.event),
        recorded_at: recorded.recordedAt,
        recorded_by: recorded.recordedBy,
        recorded_by_name: recorded.recordedByName,
      })
      .execute();
  },

  async insertReview(db: Executor, review: FoiReview): Promise<void> {
    await db.insertInto('foi_reviews').values(reviewToRow(review)).execute();
  },

  async updateReview(db: Executor, review: FoiReview, expectedVersion: number): Promise<void> {
    const result = await db.updateTable('foi_reviews').set(reviewToRow(review)).where('id', '=', review.id).where('version', '=', expectedVersion).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new Conflict('stale-version');
  },

  async listReviews(db: Executor, requestId: string): Promise<FoiReview[]> {
    const rows = await db.selectFrom('foi_reviews').selectAll().where('request_id', '=', requestId).orderBy('filed_on').orderBy('created_at').execute();
    return rows.map(reviewFromRow);
  },

  async insertDocument(db: Executor, document: FoiDocument): Promise<void> {
    await db.insertInto('foi_documents').values(documentToRow(document)).execute();
  },

  async listDocuments(db: Executor, requestId: string): Promise<FoiDocument[]> {
    const rows = await db.selectFrom('foi_documents').selectAll().where('request_id', '=', requestId).orderBy('created_at').orderBy('id').execute();
    return rows.map(documentFromRow);
  },

  async listTemplates(db: Executor): Promise<NoticeTemplate[]> {
    const rows = await db.selectFrom('foi_notice_templates').selectAll().execute();
    return rows.map(templateFromRow);
  },

  async findTemplate(db: Executor, outcome: string): Promise<NoticeTemplate | undefined> {
    const row = await db.selectFrom('foi_notice_templates').selectAll().where('outcome', '=', outcome).executeTakeFirst();
    return row && templateFromRow(row);
  },

  /** Inserts the first stored version (1) or updates the one at `expectedVersion`; a stale save is a Conflict. */
  async saveTemplate(db: Executor, template: NoticeTemplate, expectedVersion: number): Promise<void> {
    const row = { outcome: template.outcome, title: template.title, body: template.body, version: template.version, updated_at: template.updatedAt, updated_by: template.updatedBy };
    if (expectedVersion === 0) {
      const taken = await db.selectFrom('foi_notice_templates').select('outcome').where('outcome', '=', template.outcome).executeTakeFirst();
      if (taken) throw new Conflict('stale-version');
      await db.insertInto('foi_notice_templates').values(row).execute();
      return;
    }
    const result = await db.updateTable('foi_notice_templates').set(row).where('outcome', '=', template.outcome).where('version', '=', expectedVersion).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new Conflict('stale-version');
  },
};
