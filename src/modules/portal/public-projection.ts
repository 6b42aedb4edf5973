import type { Db, Executor } from '../../db/database.ts';
import { nextCounterValue } from '../../db/counters.ts';
import type { Clock } from '../../kernel/clock.ts';
import { PublicCatalogue } from '../catalogue/public-catalogue.ts';
import type { ReferenceData } from '../catalogue/reference-data.ts';
import { itemRepository } from '../catalogue/sql/item-repository.ts';
import type { EditionSnapshot, Item } from '../catalogue/sql/item-rows.ts';
import type { PublicItemRow } from '../../db/schema.ts';

/** The public_items row of an item's published edition (also used by the bulk loader in bench/). */
export function publicItemRow(item: Item, c: EditionSnapshot, editionNo: number, topicParent: (code: string) => string | null, columnType: (code: string) => string, changedAt: string): PublicItemRow {
  return {
    item_id: item.id,
    index_number: item.indexNumber,
    title: c.title,
    document_number: c.documentNumber,
    organ_id: c.organId,
    organ_name: c.organName,
    joint_issuers_json: JSON.stringify(c.jointIssuers),
    written_on: c.writtenOn,
    published_on: c.publishedOn,
    published_year: Number(c.publishedOn.slice(0, 4)),
    topic_code: c.topicCode,
    topic_root_code: topicParent(c.topicCode) ?? c.topicCode,
    genre_code: c.genreCode,
    column_type: columnType(c.genreCode),
    validity: item.validity,
    effective_on: item.effectiveOn,
    expired_on: item.expiredOn,
    repealed_on: item.repealedOn,
    summary: c.summary,
    catalogue_entry_id: c.catalogueEntryId,
    edition_no: editionNo,
    attachments_json: JSON.stringify(c.attachments.map(({ id, filename, mediaType, sizeBytes }) => ({ id, filename, mediaType, sizeBytes }))),
    changed_at: changedAt,
  };
}

export const PUBLIC_VERSION_COUNTER = 'public-version';

/** Listeners that index public content further (search), inside the same transaction. */
export type ProjectionListener = (trx: Executor, change: { itemId: string; isPublic: boolean }) => Promise<void>;

/**
 * Keeps `public_items` equal to what PublicCatalogue says is public, in the transaction of the
 * change, and bumps the public version that render caches on every instance compare against.
 */
export class PublicProjection {
  private readonly listeners: ProjectionListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly reference: ReferenceData,
  ) {}

  onChange(listener: ProjectionListener): void {
    this.listeners.push(listener);
  }

  /** The catalogue's PublicChangeListener. */
  readonly update = async (trx: Executor, itemIds: readonly string[]): Promise<void> => {
    const { topics, genres } = await this.reference.load(trx);
    for (const itemId of new Set(itemIds)) {
      await trx.deleteFrom('public_items').where('item_id', '=', itemId).execute();
      const item = await itemRepository.findById(trx, itemId);
      const edition = item && PublicCatalogue.isPublic(item) ? await itemRepository.findEdition(trx, item.id, item.currentEdition!) : undefined;
      if (item && edition) {
        const row = publicItemRow(item, edition.snapshot, edition.editionNo, (code) => topics.find((t) => t.code === code)?.parentCode ?? null, (code) => genres.find((g) => g.code === code)?.columnType ?? 'other', this.clock.now().toISOString());
        await trx.insertInto('public_items').values(row).execute();
      }
      for (const l of this.listeners) await l(trx, { itemId, isPublic: Boolean(item && edition) });
    }
    await nextCounterValue(trx, PUBLIC_VERSION_COUNTER);
  };

  /** Rebuilds the projection from the catalogue (after an upgrade or a repair). */
  async rebuildAll(): Promise<number> {
    const ids = (await this.db.selectFrom('items').select('id').execute()).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 200) await this.db.transaction().execute((trx) => this.update(trx, ids.slice(i, i + 200)));
    return ids.length;
  }
}
