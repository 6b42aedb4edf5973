import { Type, type Static } from '@sinclair/typebox';
import type { ReferenceData } from '../../catalogue/reference-data.ts';
import type { ListingFilter } from '../public-listing.ts';

const Code = (description: string) => Type.Optional(Type.String({ maxLength: 60, pattern: '^[A-Za-z0-9_-]+$', description }));

export const VALIDITY_VALUES = ['effective', 'expired', 'repealed'] as const;
export const COLUMN_TYPES = ['policy', 'notice', 'news', 'planning', 'other'] as const;

/** The facets of a list page, as query parameters (codes, so URLs stay short and stable). */
export const ListingQuery = Type.Object({
  topic: Code('主题分类代码：一级分类（如 t11）含其全部二级分类，二级分类（如 t11-01）仅含本类'),
  genre: Code('体裁代码，如 normative-document'),
  organ: Code('发布机构编号'),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2999, description: '发布年份' })),
  validity: Type.Optional(Type.Union(VALIDITY_VALUES.map((v) => Type.Literal(v)), { description: '有效性：effective 有效，expired 失效，repealed 废止' })),
  column: Type.Optional(Type.Union(COLUMN_TYPES.map((c) => Type.Literal(c)), { description: '栏目类型' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: '页码' })),
});
export type ListingQuery = Static<typeof ListingQuery>;

const ORDER = ['topic', 'genre', 'organ', 'year', 'validity', 'column'] as const;

/** A canonical URL for the query with `change` applied (facet changes go back to page 1). */
export function listingHref(path: string, query: ListingQuery, change: Partial<Record<keyof ListingQuery, string | number | undefined>> = {}): string {
  const merged: Record<string, string | number | undefined> = { ...query, ...change };
  if (!('page' in change)) merged.page = undefined;
  const params = new URLSearchParams();
  for (const key of ORDER) if (merged[key] !== undefined && merged[key] !== '') params.set(key, String(merged[key]));
  if (merged.page !== undefined && Number(merged.page) > 1) params.set('page', String(merged.page));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The store filter for a query: a top-level 主题分类 matches its subtree, a second-level one only itself. */
export async function listingFilter(query: ListingQuery, reference: ReferenceData, fixed: ListingFilter = {}): Promise<ListingFilter> {
  const { topics } = await reference.load();
  const topic = query.topic ? topics.find((t) => t.code === query.topic) : undefined;
  const topicPart = !query.topic ? {} : !topic ? { topic: query.topic } : topic.parentCode === null ? { topicRoot: topic.code } : { topicRoot: topic.parentCode, topic: topic.code };
  return { ...fixed, ...topicPart, genre: query.genre, organ: query.organ, year: query.year, validity: query.validity, column: query.column };
}
