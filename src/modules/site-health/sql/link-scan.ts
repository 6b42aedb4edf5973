/**
 * Walks every public item's published body and attachments in pages of BATCH (never all bodies at once), resolving
 * internal links against public_items / items in one query per page, probing other internal pages through the app
 * (each distinct path once, at most MAX_PAGE_PROBES per run) and checking each attachment's blob.
 */
import type { Executor } from '../../../db/database.ts';
import type { BlobStore } from '../../catalogue/attachments/blob-store.ts';
import type { EditionSnapshot } from '../../catalogue/sql/item-rows.ts';
import { classifyLink, extractHrefs, type InternalLink } from '../domain/internal-links.ts';
import type { BrokenAttachment, BrokenLink, BrokenLinkReason } from '../domain/site-assessment.ts';

/** Status code of a GET of a site path, as the app answers it (fastify inject). */
export type PageProbe = (path: string) => Promise<number>;

const BATCH = 250;
const MAX_PAGE_PROBES = 300;

export interface LinkScanResult {
  brokenLinks: BrokenLink[];
  brokenLinkTotal: number;
  brokenAttachments: BrokenAttachment[];
  brokenAttachmentTotal: number;
  itemsScanned: number;
  linksChecked: number;
  attachmentsChecked: number;
  pagesProbed: number;
  /** Internal page links that could not be verified (no probe, or over the probe budget). */
  linksUnverified: number;
}

interface ScanOptions {
  blobs: BlobStore;
  host: string | undefined;
  probe: PageProbe | undefined;
  /** Most findings kept per kind; totals still count every one. */
  maxFindings: number;
}

type ItemState = { isPublic: boolean; attachmentIds: Set<string>; state: string | null };

async function itemStates(db: Executor, ids: string[], indexNumbers: string[]): Promise<{ byId: Map<string, ItemState>; byIndex: Map<string, ItemState> }> {
  const byId = new Map<string, ItemState>();
  const byIndex = new Map<string, ItemState>();
  if (ids.length === 0 && indexNumbers.length === 0) return { byId, byIndex };
  const publicRows = await db
    .selectFrom('public_items')
    .select(['item_id', 'index_number', 'attachments_json'])
    .where((eb) => eb.or([...(ids.length ? [eb('item_id', 'in', ids)] : []), ...(indexNumbers.length ? [eb('index_number', 'in', indexNumbers)] : [])]))
    .execute();
  for (const r of publicRows) {
    const s: ItemState = { isPublic: true, attachmentIds: new Set((JSON.parse(r.attachments_json) as { id: string }[]).map((a) => a.id)), state: null };
    byId.set(r.item_id, s);
    byIndex.set(r.index_number, s);
  }
  const itemRows = await db
    .selectFrom('items')
    .select(['id', 'index_number', 'state'])
    .where((eb) => eb.or([...(ids.length ? [eb('id', 'in', ids)] : []), ...(indexNumbers.length ? [eb('index_number', 'in', indexNumbers)] : [])]))
    .execute();
  for (const r of itemRows) {
    const s: ItemState = byId.get(r.id) ?? { isPublic: false, attachmentIds: new Set(), state: r.state };
    byId.set(r.id, s);
    byIndex.set(r.index_number, s);
  }
  return { byId, byIndex };
}

const notPublic = (s: ItemState | undefined, missing: BrokenLinkReason): BrokenLinkReason | undefined =>
  s?.isPublic ? undefined : s ? (s.state === 'retracted' ? 'retracted' : 'not-public') : missing;

/** Walks the public bodies and attachments; see the file comment. */
export async function scanLinksAndAttachments(db: Executor, o: ScanOptions): Promise<LinkScanResult> {
  const r: LinkScanResult = { brokenLinks: [], brokenLinkTotal: 0, brokenAttachments: [], brokenAttachmentTotal: 0, itemsScanned: 0, linksChecked: 0, attachmentsChecked: 0, pagesProbed: 0, linksUnverified: 0 };
  const pageStatus = new Map<string, Promise<number>>();
  const addLink = (l: BrokenLink) => {
    r.brokenLinkTotal++;
    if (r.brokenLinks.length < o.maxFindings) r.brokenLinks.push(l);
  };
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('public_items as p')
      .innerJoin('item_editions as e', (j) => j.onRef('e.item_id', '=', 'p.item_id').onRef('e.edition_no', '=', 'p.edition_no'))
      .select(['p.item_id', 'p.title', 'e.snapshot_json'])
      .where('p.item_id', '>', after)
      .orderBy('p.item_id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    after = rows.at(-1)!.item_id;
    const found: { from: { id: string; title: string }; link: InternalLink }[] = [];
    for (const row of rows) {
      r.itemsScanned++;
      const snapshot = JSON.parse(row.snapshot_json) as EditionSnapshot;
      for (const href of new Set(extractHrefs(snapshot.bodyHtml))) {
        const link = classifyLink(href, row.item_id, o.host);
        if (link) found.push({ from: { id: row.item_id, title: row.title }, link });
      }
      for (const a of snapshot.attachments) {
        r.attachmentsChecked++;
        const status = await o.blobs.check(a.sha256, a.sizeBytes);
        if (status === 'ok') continue;
        r.brokenAttachmentTotal++;
        if (r.brokenAttachments.length < o.maxFindings) r.brokenAttachments.push({ itemId: row.item_id, itemTitle: row.title, attachmentId: a.id, filename: a.filename, reason: status });
      }
    }
    const ids = [...new Set(found.flatMap(({ link: { target: t } }) => (t.kind === 'item' || t.kind === 'attachment' ? [t.itemId] : [])))];
    const indexNumbers = [...new Set(found.flatMap(({ link: { target: t } }) => (t.kind === 'index-number' ? [t.indexNumber] : [])))];
    const states = await itemStates(db, ids, indexNumbers);
    for (const { from, link } of found) {
      r.linksChecked++;
      const t = link.target;
      let reason: BrokenLinkReason | undefined;
      if (t.kind === 'item') reason = notPublic(states.byId.get(t.itemId), 'missing-item');
      else if (t.kind === 'attachment') reason = notPublic(states.byId.get(t.itemId), 'missing-item') ?? (states.byId.get(t.itemId)!.attachmentIds.has(t.attachmentId) ? undefined : 'missing-attachment');
      else if (t.kind === 'index-number') reason = notPublic(states.byIndex.get(t.indexNumber), 'unknown-index-number');
      else {
        if (!o.probe || (!pageStatus.has(t.path) && pageStatus.size >= MAX_PAGE_PROBES)) {
          r.linksUnverified++;
          continue;
        }
        if (!pageStatus.has(t.path)) pageStatus.set(t.path, o.probe(t.path).catch(() => 500));
        const status = await pageStatus.get(t.path)!;
        reason = status >= 400 ? 'missing-page' : undefined;
      }
      if (reason) addLink({ fromItemId: from.id, fromTitle: from.title, href: link.href, reason });
    }
  }
  r.pagesProbed = pageStatus.size;
  return r;
}
