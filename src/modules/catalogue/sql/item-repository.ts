import { containsText } from '../../../db/contains-text.ts';
import type { Executor } from '../../../db/database.ts';
import type { AttachmentRow } from '../../../db/schema.ts';
import { Conflict } from '../../../kernel/errors.ts';
import { editionFromRow, itemFromRow, itemToRow, type Edition, type Item } from './item-rows.ts';

export interface ItemFilters {
  state?: string | undefined;
  disclosure?: string | undefined;
  genreCode?: string | undefined;
  topicCode?: string | undefined;
  organId?: string | undefined;
  unitId?: string | undefined;
  year?: number | undefined;
  validity?: string | undefined;
  /** Words in the title, 索引号 or 文号. */
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface Attachment {
  id: string;
  itemId: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  createdBy: string;
  removedAt: string | null;
}

export interface ItemLink {
  id: string;
  fromItemId: string;
  toItemId: string;
  kind: string;
  otherTitle: string;
  otherIndexNumber: string;
  direction: 'outgoing' | 'incoming';
}

const attachmentFromRow = (r: AttachmentRow): Attachment => ({
  id: r.id,
  itemId: r.item_id,
  filename: r.filename,
  mediaType: r.media_type,
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  createdAt: r.created_at,
  createdBy: r.created_by,
  removedAt: r.removed_at,
});

/** Storage of items, editions, links and attachments (no rules here: the service decides). */
export const itemRepository = {
  async insert(db: Executor, item: Item): Promise<void> {
    await db.insertInto('items').values(itemToRow(item)).execute();
  },

  /** Writes `item` if the stored version is still `item.version - 1`; otherwise a stale edit. */
  async update(db: Executor, item: Item): Promise<void> {
    const result = await db
      .updateTable('items')
      .set(itemToRow(item))
      .where('id', '=', item.id)
      .where('version', '=', item.version - 1)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new Conflict('stale-version');
  },

  async findById(db: Executor, id: string): Promise<Item | undefined> {
    const row = await db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
    return row && itemFromRow(row);
  },

  async findByIndexNumber(db: Executor, indexNumber: string): Promise<Item | undefined> {
    const row = await db.selectFrom('items').selectAll().where('index_number', '=', indexNumber).executeTakeFirst();
    return row && itemFromRow(row);
  },

  async list(db: Executor, f: ItemFilters): Promise<{ total: number; items: Item[] }> {
    let query = db.selectFrom('items');
    if (f.state) query = query.where('state', '=', f.state);
    if (f.disclosure) query = query.where('disclosure', '=', f.disclosure);
    if (f.genreCode) query = query.where('genre_code', '=', f.genreCode);
    if (f.topicCode) query = query.where('topic_code', '=', f.topicCode);
    if (f.organId) query = query.where('organ_id', '=', f.organId);
    if (f.unitId) query = query.where('unit_id', '=', f.unitId);
    if (f.validity) query = query.where('validity', '=', f.validity);
    if (f.year) query = query.where('written_on', '>=', `${f.year}-01-01`).where('written_on', '<=', `${f.year}-12-31`);
    if (f.q) {
      query = query.where((eb) => eb.or([containsText('title', f.q!), containsText('index_number', f.q!), containsText('document_number', f.q!)]));
    }
    const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 200);
    const page = Math.max(f.page ?? 1, 1);
    const [{ total }] = (await query.select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
    const rows = await query.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
    return { total: Number(total), items: rows.map(itemFromRow) };
  },

  async insertEdition(db: Executor, edition: Edition): Promise<void> {
    await db
      .insertInto('item_editions')
      .values({
        id: edition.id,
        item_id: edition.itemId,
        edition_no: edition.editionNo,
        published_at: edition.publishedAt,
        published_by: edition.publishedBy,
        change_note: edition.changeNote,
        snapshot_json: JSON.stringify(edition.snapshot),
      })
      .execute();
  },

  async listEditions(db: Executor, itemId: string): Promise<Edition[]> {
    const rows = await db.selectFrom('item_editions').selectAll().where('item_id', '=', itemId).orderBy('edition_no', 'desc').execute();
    return rows.map(editionFromRow);
  },

  async findEdition(db: Executor, itemId: string, editionNo: number): Promise<Edition | undefined> {
    const row = await db.selectFrom('item_editions').selectAll().where('item_id', '=', itemId).where('edition_no', '=', editionNo).executeTakeFirst();
    return row && editionFromRow(row);
  },

  async insertLink(db: Executor, link: { id: string; fromItemId: string; toItemId: string; kind: string; createdAt: string }): Promise<void> {
    await db.insertInto('item_links').values({ id: link.id, from_item_id: link.fromItemId, to_item_id: link.toItemId, kind: link.kind, created_at: link.createdAt }).execute();
  },

  async listLinks(db: Executor, itemId: string): Promise<ItemLink[]> {
    const outgoing = await db
      .selectFrom('item_links as l')
      .innerJoin('items as o', 'o.id', 'l.to_item_id')
      .select(['l.id', 'l.from_item_id', 'l.to_item_id', 'l.kind', 'o.title', 'o.index_number'])
      .where('l.from_item_id', '=', itemId)
      .execute();
    const incoming = await db
      .selectFrom('item_links as l')
      .innerJoin('items as o', 'o.id', 'l.from_item_id')
      .select(['l.id', 'l.from_item_id', 'l.to_item_id', 'l.kind', 'o.title', 'o.index_number'])
      .where('l.to_item_id', '=', itemId)
      .execute();
    const map = (direction: 'outgoing' | 'incoming') => (r: (typeof outgoing)[number]): ItemLink => ({
      id: r.id,
      fromItemId: r.from_item_id,
      toItemId: r.to_item_id,
      kind: r.kind,
      otherTitle: r.title,
      otherIndexNumber: r.index_number,
      direction,
    });
    return [...outgoing.map(map('outgoing')), ...incoming.map(map('incoming'))];
  },

  async insertAttachment(db: Executor, a: Attachment): Promise<void> {
    await db
      .insertInto('attachments')
      .values({ id: a.id, item_id: a.itemId, filename: a.filename, media_type: a.mediaType, size_bytes: a.sizeBytes, sha256: a.sha256, created_at: a.createdAt, created_by: a.createdBy, removed_at: a.removedAt })
      .execute();
  },

  async listAttachments(db: Executor, itemId: string): Promise<Attachment[]> {
    const rows = await db.selectFrom('attachments').selectAll().where('item_id', '=', itemId).where('removed_at', 'is', null).orderBy('created_at').execute();
    return rows.map(attachmentFromRow);
  },

  async findAttachment(db: Executor, id: string): Promise<Attachment | undefined> {
    const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    return row && attachmentFromRow(row);
  },

  async markAttachmentRemoved(db: Executor, id: string, at: string): Promise<void> {
    await db.updateTable('attachments').set({ removed_at: at }).where('id', '=', id).execute();
  },
};
