import type { PublicItem } from '../../catalogue/public-catalogue.ts';
import type { ListedItem } from '../public-listing.ts';
import type { PortalContext } from './portal-context.ts';

/** A public item as the detail page and the open API show it. */
export interface PublicRecord {
  item: PublicItem;
  row: ListedItem;
}

/**
 * The edition snapshot from PublicCatalogue, gated a second time by `public_items`, with every
 * field that PublicCatalogue takes from the working copy replaced by the projection's: 有效性 and
 * its dates, and the titles of related documents (a related item under revision has an
 * unpublished working title; the public must see its published one).
 */
export async function findPublicRecord(ctx: PortalContext, itemId: string): Promise<PublicRecord | undefined> {
  const [row] = await ctx.listing.findByItemIds([itemId]);
  if (!row) return undefined;
  const item = await ctx.s.publicCatalogue.findItem(itemId);
  if (!item) return undefined;
  const others = new Map((await ctx.listing.findByItemIds(item.links.map((l) => l.id))).map((o) => [o.itemId, o]));
  const links = item.links.flatMap((l) => {
    const other = others.get(l.id);
    return other ? [{ ...l, title: other.title, indexNumber: other.indexNumber }] : [];
  });
  return {
    row,
    item: { ...item, validity: row.validity as PublicItem['validity'], effectiveOn: row.effectiveOn as PublicItem['effectiveOn'], expiredOn: row.expiredOn as PublicItem['expiredOn'], repealedOn: row.repealedOn as PublicItem['repealedOn'], links },
  };
}
