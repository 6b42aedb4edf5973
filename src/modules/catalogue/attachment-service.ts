import type { Readable } from 'node:stream';
import type { Actor } from '../../kernel/actor.ts';
import { Conflict, InvalidInput, NotFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { authorize } from '../identity/domain/authorize.ts';
import type { BlobStore } from './attachments/blob-store.ts';
import { safeFileName, sniffFileType } from './attachments/file-type.ts';
import { ContentGate } from './content-gate.ts';
import { auditActor, type CatalogueDeps } from './item-service.ts';
import { itemRepository as repo, type Attachment } from './sql/item-repository.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * Attachments of a draft: the type is sniffed from the content (PDF, DOCX, XLSX, OFD, images),
 * the size limited, the bytes stored once under their SHA-256. Published editions keep the list
 * they were published with, so removing an attachment from a revision never breaks the public page.
 */
export class AttachmentService {
  private readonly gate: ContentGate;

  constructor(
    private readonly deps: CatalogueDeps,
    private readonly blobs: BlobStore,
  ) {
    this.gate = new ContentGate({ ...deps, blobs });
  }

  async add(actor: Actor, itemId: string, fileName: string, bytes: Uint8Array): Promise<Attachment> {
    authorize(actor, 'item.attach');
    if (bytes.byteLength === 0) throw new InvalidInput({ file: 'attachment-empty' });
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new InvalidInput({ file: 'attachment-too-large' });
    const type = sniffFileType(bytes);
    if (!type) throw new InvalidInput({ file: 'attachment-type-not-allowed' });
    const stored = await this.blobs.put(bytes);
    // Read its text now, outside the transaction (a PDF takes a while), for the checks on the item page (issue 6).
    await this.gate.readFile(this.deps.db, stored.sha256, bytes);
    return this.deps.db.transaction().execute(async (trx) => {
      const item = await repo.findById(trx, itemId);
      if (!item) throw new NotFound('item-not-found');
      if (item.state !== 'draft') throw new Conflict('item-not-editable');
      const attachment: Attachment = {
        id: newId(),
        itemId,
        filename: safeFileName(fileName, type),
        mediaType: type.mediaType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        createdAt: this.deps.clock.now().toISOString(),
        createdBy: actor.id,
        removedAt: null,
      };
      await repo.insertAttachment(trx, attachment);
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'item.attach', subjectType: 'item', subjectId: itemId, after: attachment });
      return attachment;
    });
  }

  async remove(actor: Actor, itemId: string, attachmentId: string): Promise<void> {
    authorize(actor, 'item.attach');
    await this.deps.db.transaction().execute(async (trx) => {
      const item = await repo.findById(trx, itemId);
      const attachment = await repo.findAttachment(trx, attachmentId);
      if (!item || !attachment || attachment.itemId !== itemId || attachment.removedAt) throw new NotFound('attachment-not-found');
      if (item.state !== 'draft') throw new Conflict('item-not-editable');
      await repo.markAttachmentRemoved(trx, attachmentId, this.deps.clock.now().toISOString());
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'item.detach', subjectType: 'item', subjectId: itemId, before: attachment });
    });
  }

  list(itemId: string): Promise<Attachment[]> {
    return repo.listAttachments(this.deps.db, itemId);
  }

  /** Staff download of any attachment (read permission). */
  async open(actor: Actor, attachmentId: string): Promise<{ attachment: Attachment; stream: Readable }> {
    authorize(actor, 'item.read');
    const attachment = await repo.findAttachment(this.deps.db, attachmentId);
    if (!attachment) throw new NotFound('attachment-not-found');
    return { attachment, stream: this.blobs.stream(attachment.sha256) };
  }
}
