import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../../../kernel/errors.ts';
import type { ListedItem } from '../public-listing.ts';
import { attachmentHref } from './item-page.tsx';
import { COLUMN_TYPES, listingFilter, VALIDITY_VALUES } from './listing-query.ts';
import { findPublicRecord, type PublicRecord } from './public-record.ts';
import { JSON_TYPE, type PortalContext } from './portal-context.ts';
import { genreName, itemHref, topicPathLabel, validityLabel, type Names } from './portal-views.tsx';
import type { RateLimitHook } from './rate-limit.tsx';

const Code = (description: string) => Type.Optional(Type.String({ maxLength: 60, pattern: '^[A-Za-z0-9_-]+$', description }));

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: '关键词（接入全文检索时按检索结果排序，否则按标题匹配）' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  topic: Code('主题分类代码（一级分类含其二级分类）'),
  genre: Code('体裁代码'),
  organ: Code('发布机构编号'),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2999, description: '发布年份' })),
  validity: Type.Optional(Type.Union(VALIDITY_VALUES.map((v) => Type.Literal(v)), { description: '有效性' })),
  column: Type.Optional(Type.Union(COLUMN_TYPES.map((c) => Type.Literal(c)), { description: '栏目类型' })),
});
type ListQuery = Static<typeof ListQuery>;

const Nullable = (description?: string) => Type.Union([Type.String(), Type.Null()], description ? { description } : {});

const ListedJson = Type.Object({
  indexNumber: Type.String({ description: '索引号' }),
  title: Type.String({ description: '标题' }),
  documentNumber: Nullable('发文字号'),
  organName: Type.String({ description: '发布机构' }),
  writtenOn: Type.String({ description: '成文日期' }),
  publishedOn: Type.String({ description: '发布日期' }),
  topic: Type.String({ description: '主题分类（一级 › 二级）' }),
  topicCode: Type.String(),
  genre: Type.String({ description: '体裁' }),
  genreCode: Type.String(),
  validity: Type.String({ description: 'effective 有效 / expired 失效 / repealed 废止' }),
  validityLabel: Type.String(),
  summary: Type.String({ description: '内容概述' }),
  url: Type.String({ description: '详情页地址' }),
});

const RecordJson = Type.Intersect([
  ListedJson,
  Type.Object({
    jointIssuers: Type.Array(Type.String()),
    effectiveOn: Nullable('生效日期'),
    expiredOn: Nullable('失效日期'),
    repealedOn: Nullable('废止日期'),
    editionNo: Type.Integer({ description: '发布版本' }),
    changedAt: Type.String({ description: '公开内容最后变更时间' }),
    bodyHtml: Type.String({ description: '正文 HTML（已清理）' }),
    attachments: Type.Array(Type.Object({ filename: Type.String(), mediaType: Type.String(), sizeBytes: Type.Integer(), url: Type.String() })),
    links: Type.Array(Type.Object({ kind: Type.String({ description: 'revises 修订 / repeals 废止' }), direction: Type.String({ description: 'outgoing 本文件修订或废止了对方 / incoming 本文件被对方修订或废止' }), indexNumber: Type.String(), title: Type.String(), url: Type.String() })),
  }),
]);

const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const common = { tags: ['公开数据'], security: [] as never[] };
const errorResponses = { 304: Type.Null({ description: '未修改（If-None-Match / If-Modified-Since）' }), 400: ErrorJson, 404: ErrorJson, 429: ErrorJson };

function listedJson(i: ListedItem, names: Names, base: string) {
  return {
    indexNumber: i.indexNumber,
    title: i.title,
    documentNumber: i.documentNumber,
    organName: i.organName,
    writtenOn: i.writtenOn,
    publishedOn: i.publishedOn,
    topic: topicPathLabel(names, i.topicCode),
    topicCode: i.topicCode,
    genre: genreName(names, i.genreCode),
    genreCode: i.genreCode,
    validity: i.validity,
    validityLabel: validityLabel(i.validity),
    summary: i.summary,
    url: `${base}${itemHref(i.itemId)}`,
  };
}

function recordJson({ item, row }: PublicRecord, names: Names, base: string) {
  return {
    ...listedJson(row, names, base),
    jointIssuers: item.content.jointIssuers,
    effectiveOn: row.effectiveOn,
    expiredOn: row.expiredOn,
    repealedOn: row.repealedOn,
    editionNo: item.editionNo,
    changedAt: row.changedAt,
    bodyHtml: item.content.bodyHtml,
    attachments: item.content.attachments.map((a) => ({ filename: a.filename, mediaType: a.mediaType, sizeBytes: a.sizeBytes, url: `${base}${attachmentHref(item.id, a.id)}` })),
    links: item.links.map((l) => ({ kind: l.kind, direction: l.direction, indexNumber: l.indexNumber, title: l.title, url: `${base}${itemHref(l.id)}` })),
  };
}

async function listItems(ctx: PortalContext, query: ListQuery): Promise<{ total: number; totalIsExact: boolean; items: ListedItem[] }> {
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
  const q = query.q?.trim() || undefined;
  const filter = await listingFilter({ ...query, page: undefined }, ctx.s.reference, { titleContains: q });
  // The search module has no 栏目类型 filter; with one, titles are matched here instead.
  const search = q && !query.column ? ctx.search : undefined;
  if (q && search) {
    const found = await search.search({ q, topicRootCode: filter.topicRoot, topicCode: filter.topic, genreCode: filter.genre, organId: filter.organ, year: filter.year, validity: filter.validity, ...page });
    // Hits are re-read from the projection, so a search index that lags a 撤回 still shows nothing retracted.
    return { total: found.total, totalIsExact: found.totalIsExact, items: await ctx.listing.findByItemIds(found.hits.map((h) => h.itemId)) };
  }
  return { ...(await ctx.listing.browse(filter, page)), totalIsExact: true };
}

/** The read-only open data API: GET /api/v1/public/items and /api/v1/public/items/{索引号}, CORS for any origin. */
export function openDataRoutes(app: FastifyInstance, ctx: PortalContext, limit: RateLimitHook | undefined): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/public/')) return;
    reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'ETag, Last-Modified, Retry-After');
    if (limit) return limit(request, reply);
  });

  app.options('/api/v1/public/*', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since')
      .header('access-control-max-age', '86400')
      .send(),
  );

  app.get<{ Querystring: ListQuery }>(
    '/api/v1/public/items',
    { schema: { ...common, summary: '公开信息列表', description: '分页列出主动公开的政府信息，可按主题分类、体裁、发布机构、年份、有效性筛选。', querystring: ListQuery, response: { 200: Type.Object({ total: Type.Integer(), totalIsExact: Type.Boolean({ description: '为 false 时 total 是下限：检索词出现在大量文件中，计数只进行到本页之后' }), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(ListedJson) }), ...errorResponses } } },
    async (request, reply) => {
      const base = await ctx.baseUrl(request);
      const query = request.query;
      const key = `${base}|api-list|${JSON.stringify([query.q?.trim() ?? '', query.page ?? 1, query.pageSize ?? 20, query.topic, query.genre, query.organ, query.year, query.validity, query.column])}`;
      return ctx.serve(request, reply, key, async () => {
        const { total, totalIsExact, items } = await listItems(ctx, query);
        const names = await ctx.s.reference.load();
        return { contentType: JSON_TYPE, body: JSON.stringify({ total, totalIsExact, page: query.page ?? 1, pageSize: query.pageSize ?? 20, items: items.map((i) => listedJson(i, names, base)) }) };
      });
    },
  );

  const record = async (request: FastifyRequest, reply: FastifyReply, indexNumber: string) => {
    const base = await ctx.baseUrl(request);
    return ctx.serve(request, reply, `${base}|api-item|${indexNumber}`, async () => {
      const row = await ctx.listing.findByIndexNumber(indexNumber);
      const found = row && (await findPublicRecord(ctx, row.itemId));
      if (!found) throw new NotFound('unknown-index-number');
      return { contentType: JSON_TYPE, body: JSON.stringify(recordJson(found, await ctx.s.reference.load(), base)) };
    });
  };
  app.get<{ Params: { indexNumber: string } }>(
    '/api/v1/public/items/:indexNumber',
    { schema: { ...common, summary: '按索引号查看公开信息', description: '索引号中的“/”请编码为 %2F。返回正文 HTML、附件地址和关联文件。', params: Type.Object({ indexNumber: Type.String({ maxLength: 200, description: '索引号（URL 编码）' }) }), response: { 200: RecordJson, ...errorResponses } } },
    (request, reply) => record(request, reply, request.params.indexNumber),
  );
  // Clients that do not encode the "/" of a 索引号 reach the same record.
  app.get<{ Params: { '*': string } }>('/api/v1/public/items/*', { schema: { hide: true, params: Type.Object({ '*': Type.String({ maxLength: 200 }) }) } }, (request, reply) => record(request, reply, request.params['*']));
}
