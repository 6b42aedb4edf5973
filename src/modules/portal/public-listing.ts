import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PublicItemRow, Schema } from '../../db/schema.ts';

/**
 * What a list page, a feed or the open API narrows the public items to. Each field is one facet;
 * `anyOf` is an OR of genres and 基本目录 rows (年报 are genre `annual-report` or filed under the
 * 年度报告 row); `titleContains` is the LIKE fallback when no search engine is wired in.
 */
export interface ListingFilter {
  /** A top-level 主题分类 class: matches its whole subtree. */
  topicRoot?: string | undefined;
  /** A second-level 主题分类 class. */
  topic?: string | undefined;
  genre?: string | undefined;
  organ?: string | undefined;
  year?: number | undefined;
  validity?: string | undefined;
  column?: string | undefined;
  entry?: string | undefined;
  anyOf?: { genres?: readonly string[]; entries?: readonly string[] } | undefined;
  titleContains?: string | undefined;
}

/** One public item as lists, feeds and the open API show it (never the body: that is the detail door). */
export interface ListedItem {
  itemId: string;
  indexNumber: string;
  title: string;
  documentNumber: string | null;
  organId: string;
  organName: string;
  jointIssuers: string[];
  writtenOn: string;
  publishedOn: string;
  publishedYear: number;
  topicCode: string;
  topicRootCode: string;
  genreCode: string;
  columnType: string;
  validity: string;
  effectiveOn: string | null;
  expiredOn: string | null;
  repealedOn: string | null;
  summary: string;
  catalogueEntryId: string | null;
  editionNo: number;
  attachments: { id: string; filename: string; mediaType: string; sizeBytes: number }[];
  changedAt: string;
}

/** A facet value with the number of public items it would show. */
export interface FacetCount {
  value: string;
  count: number;
  /** Display name where the value is an id (发布机构). */
  name?: string;
}

/** Counts per facet. Each facet is counted with every other filter applied but not its own, so people can switch. */
export interface Facets {
  topicRoots: FacetCount[];
  /** Leaves under the selected top-level class (empty when no topic is selected). */
  topicLeaves: FacetCount[];
  genres: FacetCount[];
  organs: FacetCount[];
  years: FacetCount[];
  validities: FacetCount[];
}

type Query = SelectQueryBuilder<Schema, 'public_items', object>;
type Dimension = 'topic' | 'genre' | 'organ' | 'year' | 'validity';

/** `%` and `_` typed by people are literal characters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function rowToItem(r: PublicItemRow): ListedItem {
  return {
    itemId: r.item_id,
    indexNumber: r.index_number,
    title: r.title,
    documentNumber: r.document_number,
    organId: r.organ_id,
    organName: r.organ_name,
    jointIssuers: JSON.parse(r.joint_issuers_json),
    writtenOn: r.written_on,
    publishedOn: r.published_on,
    publishedYear: Number(r.published_year),
    topicCode: r.topic_code,
    topicRootCode: r.topic_root_code,
    genreCode: r.genre_code,
    columnType: r.column_type,
    validity: r.validity,
    effectiveOn: r.effective_on,
    expiredOn: r.expired_on,
    repealedOn: r.repealed_on,
    summary: r.summary,
    catalogueEntryId: r.catalogue_entry_id,
    editionNo: Number(r.edition_no),
    attachments: JSON.parse(r.attachments_json),
    changedAt: r.changed_at,
  };
}

/**
 * Read-only queries over `public_items`, the projection that holds exactly the public items:
 * nothing here can reach a draft, a non-proactive item, an unpublished revision or a retracted item.
 */
export class PublicListing {
  constructor(private readonly db: Db) {}

  /** One page, newest first (发布日期, then id for a stable order), with the total. */
  async browse(filter: ListingFilter, page: { page: number; pageSize: number }): Promise<{ total: number; items: ListedItem[] }> {
    return { total: await this.count(filter), items: await this.page(filter, page) };
  }

  /** The items of one page, without counting. */
  async page(filter: ListingFilter, page: { page: number; pageSize: number }): Promise<ListedItem[]> {
    const rows = await this.filtered(filter)
      .selectAll()
      .orderBy('published_on', 'desc')
      .orderBy('item_id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute();
    return rows.map(rowToItem);
  }

  /** The newest `limit` items (feeds, home page). */
  async latest(filter: ListingFilter, limit: number): Promise<ListedItem[]> {
    const rows = await this.filtered(filter).selectAll().orderBy('published_on', 'desc').orderBy('item_id', 'desc').limit(limit).execute();
    return rows.map(rowToItem);
  }

  async count(filter: ListingFilter): Promise<number> {
    const row = await this.filtered(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async facets(filter: ListingFilter): Promise<Facets> {
    const without = (d: Dimension): ListingFilter => (d === 'topic' ? { ...filter, topic: undefined, topicRoot: undefined } : { ...filter, [d]: undefined });
    const groupCounts = async (f: ListingFilter, column: 'topic_root_code' | 'topic_code' | 'genre_code' | 'published_year' | 'validity') => {
      const rows = await this.filtered(f)
        .select([column, (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(column)
        .execute();
      return rows.map((r) => ({ value: String((r as Record<string, unknown>)[column]), count: Number(r.n) }));
    };
    const organRows = await this.filtered(without('organ'))
      .select(['organ_id', (eb) => eb.fn.min('organ_name').as('name'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('organ_id')
      .execute();
    return {
      topicRoots: await groupCounts(without('topic'), 'topic_root_code'),
      topicLeaves: filter.topicRoot ? (await groupCounts({ ...filter, topic: undefined }, 'topic_code')).filter((c) => c.value !== filter.topicRoot) : [],
      genres: await groupCounts(without('genre'), 'genre_code'),
      organs: organRows.map((r) => ({ value: r.organ_id, name: String(r.name), count: Number(r.n) })).sort((a, b) => b.count - a.count),
      years: (await groupCounts(without('year'), 'published_year')).sort((a, b) => Number(b.value) - Number(a.value)),
      validities: await groupCounts(without('validity'), 'validity'),
    };
  }

  /** Public items per value of one column (基本目录 row, 栏目类型, top-level 主题分类); nulls are left out. */
  async countBy(column: 'catalogue_entry_id' | 'column_type' | 'topic_root_code' | 'organ_id'): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('public_items')
      .select([column, (eb) => eb.fn.countAll<number>().as('n')])
      .where(column, 'is not', null)
      .groupBy(column)
      .execute();
    return new Map(rows.map((r) => [String((r as Record<string, unknown>)[column]), Number(r.n)]));
  }

  async findByIndexNumber(indexNumber: string): Promise<ListedItem | undefined> {
    const row = await this.db.selectFrom('public_items').selectAll().where('index_number', '=', indexNumber).executeTakeFirst();
    return row && rowToItem(row);
  }

  /** The public items among `itemIds`, in the order given (search hits); ids that are not public are dropped. */
  async findByItemIds(itemIds: readonly string[]): Promise<ListedItem[]> {
    if (itemIds.length === 0) return [];
    const rows = await this.db.selectFrom('public_items').selectAll().where('item_id', 'in', [...itemIds]).execute();
    const byId = new Map(rows.map((r) => [r.item_id, rowToItem(r)]));
    return itemIds.flatMap((id) => byId.get(id) ?? []);
  }

  /** Every public item's id and last change, in a stable order (sitemaps), `limit` from `offset`. */
  async changes(offset: number, limit: number): Promise<{ itemId: string; changedAt: string }[]> {
    const rows = await this.db.selectFrom('public_items').select(['item_id', 'changed_at']).orderBy('item_id').limit(limit).offset(offset).execute();
    return rows.map((r) => ({ itemId: r.item_id, changedAt: r.changed_at }));
  }

  /**
   * The instant of the last change to anything public: the newest projection row, or the newest
   * 撤回 (a retraction removes its row, so the projection alone would make Last-Modified go back).
   */
  async lastChangedAt(): Promise<string | undefined> {
    const projected = await this.db.selectFrom('public_items').select((eb) => eb.fn.max('changed_at').as('at')).executeTakeFirst();
    const retracted = await this.db.selectFrom('items').select((eb) => eb.fn.max('retracted_at').as('at')).where('state', '=', 'retracted').executeTakeFirst();
    const instants = [projected?.at, retracted?.at].filter((a): a is string => typeof a === 'string');
    return instants.sort().at(-1);
  }

  private filtered(filter: ListingFilter): Query {
    let q: Query = this.db.selectFrom('public_items');
    if (filter.topicRoot) q = q.where('topic_root_code', '=', filter.topicRoot);
    if (filter.topic) q = q.where('topic_code', '=', filter.topic);
    if (filter.genre) q = q.where('genre_code', '=', filter.genre);
    if (filter.organ) q = q.where('organ_id', '=', filter.organ);
    if (filter.year !== undefined) q = q.where('published_year', '=', filter.year);
    if (filter.validity) q = q.where('validity', '=', filter.validity);
    if (filter.column) q = q.where('column_type', '=', filter.column);
    if (filter.entry) q = q.where('catalogue_entry_id', '=', filter.entry);
    if (filter.anyOf) q = q.where((eb) => anyOf(eb, filter.anyOf!));
    if (filter.titleContains) q = q.where(sql<boolean>`${sql.ref('title')} like ${likePattern(filter.titleContains)} escape '\\'`);
    return q;
  }
}

function anyOf(eb: ExpressionBuilder<Schema, 'public_items'>, scope: NonNullable<ListingFilter['anyOf']>) {
  const ors = [];
  if (scope.genres?.length) ors.push(eb('genre_code', 'in', [...scope.genres]));
  if (scope.entries?.length) ors.push(eb('catalogue_entry_id', 'in', [...scope.entries]));
  // An empty scope matches nothing (SQLite binds no booleans, hence 1 = 0).
  return ors.length > 0 ? eb.or(ors) : sql<boolean>`1 = 0`;
}
