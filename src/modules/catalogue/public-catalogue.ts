import type { Readable } from 'node:stream';
import type { Db } from '../../db/database.ts';
import type { BlobStore } from './attachments/blob-store.ts';
import { isPubliclyVisible } from './domain/item-workflow.ts';
import { itemRepository as repo } from './sql/item-repository.ts';
import type { EditionSnapshot, Item } from './sql/item-rows.ts';

/** A public item: the current edition's content with the item's live 有效性 and links. */
export interface PublicItem {
  id: string;
  indexNumber: string;
  validity: Item['validity'];
  effectiveOn: Item['effectiveOn'];
  expiredOn: Item['expiredOn'];
  repealedOn: Item['repealedOn'];
  editionNo: number;
  updatedAt: string;
  content: EditionSnapshot;
  links: { kind: string; direction: 'outgoing' | 'incoming'; id: string; title: string; indexNumber: string }[];
}

/**
 * The only door through which the public reads the catalogue: an item is public when it is
 * 主动公开, has a published edition and is not retracted. Working copies never leave this door.
 */
export class PublicCatalogue {
  constructor(
    private readonly db: Db,
    private readonly blobs: BlobStore,
  ) {}

  static isPublic(item: Item): boolean {
    return item.disclosure === 'proactive' && item.currentEdition !== null && isPubliclyVisible(item.state, true);
  }

  async findItem(id: string): Promise<PublicItem | undefined> {
    const item = await repo.findById(this.db, id);
    if (!item || !PublicCatalogue.isPublic(item)) return undefined;
    const edition = await repo.findEdition(this.db, item.id, item.currentEdition!);
    if (!edition) return undefined;
    const links = [];
    for (const l of await repo.listLinks(this.db, item.id)) {
      const otherId = l.direction === 'outgoing' ? l.toItemId : l.fromItemId;
      const other = await repo.findById(this.db, otherId);
      if (!other || !PublicCatalogue.isPublic(other)) continue;
      // The linked item may be under revision: show the title the public sees, never the working copy's.
      const otherEdition = await repo.findEdition(this.db, other.id, other.currentEdition!);
      if (otherEdition) links.push({ kind: l.kind, direction: l.direction, id: otherId, title: otherEdition.snapshot.title, indexNumber: other.indexNumber });
    }
    return {
      id: item.id,
      indexNumber: item.indexNumber,
      validity: item.validity,
      effectiveOn: item.effectiveOn,
      expiredOn: item.expiredOn,
      repealedOn: item.repealedOn,
      editionNo: edition.editionNo,
      updatedAt: item.updatedAt,
      content: edition.snapshot,
      links,
    };
  }

  async findByIndexNumber(indexNumber: string): Promise<PublicItem | undefined> {
    const item = await repo.findByIndexNumber(this.db, indexNumber);
    return item ? this.findItem(item.id) : undefined;
  }

  /** An attachment is public only while it belongs to the current edition of a public item. */
  async openAttachment(itemId: string, attachmentId: string): Promise<{ filename: string; mediaType: string; sizeBytes: number; sha256: string; stream: Readable } | undefined> {
    const item = await this.findItem(itemId);
    const attachment = item?.content.attachments.find((a) => a.id === attachmentId);
    if (!attachment || !this.blobs.has(attachment.sha256)) return undefined;
    return { ...attachment, stream: this.blobs.stream(attachment.sha256) };
  }

  /** A retracted item's public notice, if the office left one (the content itself is gone). */
  async retractionNotice(id: string): Promise<{ title: string; notice: string } | undefined> {
    const item = await repo.findById(this.db, id);
    if (!item || item.state !== 'retracted' || !item.retractNotice) return undefined;
    return { title: '该信息已撤回', notice: item.retractNotice };
  }
}
