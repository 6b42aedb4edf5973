import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFound } from '../../../kernel/errors.ts';
import { renderAtomFeed, tagUri, type AtomEntry } from '../domain/atom-feed.ts';
import { renderSitemapIndex, renderUrlSet, sitemapFileCount, type SitemapUrl } from '../domain/sitemap.ts';
import { STANDARD_COLUMNS } from '../domain/standard-columns.ts';
import type { ListedItem, ListingFilter } from '../public-listing.ts';
import { COLUMN_TYPES } from './listing-query.ts';
import { ATOM, XML, type PortalContext } from './portal-context.ts';
import { columnLabel, genreName, itemHref, topicPathLabel, validityLabel, type Names } from './portal-views.tsx';

/** A fixed date in tag-URI ids: any date on which the bureau held its domain will do, as long as it never changes. */
const TAG_DATE = '2019';
/** When nothing has ever been public, feeds still need an <updated>. */
const EPOCH = '2019-05-15T00:00:00Z';

const common = { tags: ['公开数据'], security: [] as never[] };
const xmlResponse = (description: string) => ({ 200: Type.String({ description }), 304: Type.Null({ description: '未修改' }), 404: Type.Object({}, { additionalProperties: true }) });

/** The authority of tag URIs: the configured 网站域名, else the request's host. */
function authorityOf(base: string): string {
  return new URL(base).host;
}

function entryOf(i: ListedItem, names: Names, base: string): AtomEntry {
  const ended = i.validity === 'effective' ? '' : `【已${validityLabel(i.validity)}】`;
  return {
    id: tagUri(authorityOf(base), i.publishedOn, itemHref(i.itemId)),
    title: i.title,
    href: `${base}${itemHref(i.itemId)}`,
    publishedAt: `${i.publishedOn}T00:00:00+08:00`,
    updatedAt: i.changedAt,
    author: i.organName,
    summary: `${ended}索引号：${i.indexNumber}${i.documentNumber ? `　发文字号：${i.documentNumber}` : ''}　${i.summary}`,
    categories: [
      { term: i.topicCode, label: topicPathLabel(names, i.topicCode), scheme: `${base}/xxgk/topics/` },
      { term: i.genreCode, label: genreName(names, i.genreCode) },
    ],
  };
}

/** Atom feeds (/feed.xml, per 主题分类, per 栏目类型) and the sitemap. */
export function feedRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const feed = async (request: FastifyRequest, version: number, path: string, title: string, alternate: string, filter: ListingFilter) => {
    const base = await ctx.baseUrl(request);
    const [site, names] = [await ctx.site(), await ctx.s.reference.load()];
    const items = await ctx.listing.latest(filter, ctx.options.feedSize);
    return {
      contentType: ATOM,
      body: renderAtomFeed({
        id: tagUri(authorityOf(base), TAG_DATE, path),
        title: `${site.siteName}：${title}`,
        subtitle: `${site.organName}主动公开的政府信息`,
        selfHref: `${base}${path}`,
        alternateHref: `${base}${alternate}`,
        updatedAt: (await ctx.lastChangedAt(version)) ?? EPOCH,
        author: site.organName,
        entries: items.map((i) => entryOf(i, names, base)),
      }),
    };
  };

  app.get('/feed.xml', { schema: { ...common, summary: '最新公开信息订阅源（Atom）', response: xmlResponse('Atom 1.0') } }, async (request, reply) =>
    ctx.serve(request, reply, `${await ctx.baseUrl(request)}|/feed.xml`, (version) => feed(request, version, '/feed.xml', '最新公开信息', '/xxgk/list', {})),
  );

  app.get<{ Params: { code: string } }>(
    '/feeds/topics/:code',
    { schema: { ...common, summary: '按主题分类的订阅源（Atom）', description: '地址形如 /feeds/topics/t11.xml；一级分类含其二级分类。', params: Type.Object({ code: Type.String({ maxLength: 70, pattern: '^[A-Za-z0-9_-]+\\.xml$' }) }), response: xmlResponse('Atom 1.0') } },
    async (request, reply) => {
      const code = request.params.code.replace(/\.xml$/, '');
      return ctx.serve(request, reply, `${await ctx.baseUrl(request)}|/feeds/topics/${code}`, async (version) => {
        const names = await ctx.s.reference.load();
        const topic = names.topics.find((t) => t.code === code);
        if (!topic) throw new NotFound();
        const filter = topic.parentCode === null ? { topicRoot: topic.code } : { topic: topic.code };
        return feed(request, version, `/feeds/topics/${code}.xml`, topicPathLabel(names, code), `/xxgk/topics/${code}`, filter);
      });
    },
  );

  app.get<{ Params: { column: string } }>(
    '/feeds/columns/:column',
    { schema: { ...common, summary: '按栏目类型的订阅源（Atom）', description: `地址形如 /feeds/columns/policy.xml；栏目类型：${COLUMN_TYPES.join('、')}。`, params: Type.Object({ column: Type.String({ maxLength: 30, pattern: '^[a-z]+\\.xml$' }) }), response: xmlResponse('Atom 1.0') } },
    async (request, reply) => {
      const column = request.params.column.replace(/\.xml$/, '');
      if (!(COLUMN_TYPES as readonly string[]).includes(column)) throw new NotFound();
      return ctx.serve(request, reply, `${await ctx.baseUrl(request)}|/feeds/columns/${column}`, (version) => feed(request, version, `/feeds/columns/${column}.xml`, columnLabel(column), `/xxgk/list?column=${column}`, { column }));
    },
  );

  app.get('/sitemap.xml', { schema: { ...common, summary: '网站地图', description: '栏目页和全部公开信息的地址；超过单个文件容量时为网站地图索引。', response: xmlResponse('sitemaps.org 0.9') } }, async (request, reply) => {
    const base = await ctx.baseUrl(request);
    return ctx.serve(request, reply, `${base}|/sitemap.xml`, (version) => sitemap(ctx, version, base, undefined));
  });

  app.get<{ Params: { file: string } }>(
    '/sitemaps/:file',
    { schema: { ...common, summary: '网站地图分卷', params: Type.Object({ file: Type.String({ maxLength: 20, pattern: '^[0-9]{1,6}\\.xml$' }) }), response: xmlResponse('sitemaps.org 0.9') } },
    async (request, reply) => {
      const base = await ctx.baseUrl(request);
      const n = Number(request.params.file.replace(/\.xml$/, ''));
      return ctx.serve(request, reply, `${base}|/sitemaps/${n}`, (version) => sitemap(ctx, version, base, n));
    },
  );
}

/** Column pages first, then every public item; split into numbered files when there are too many. */
async function sitemap(ctx: PortalContext, version: number, base: string, fileNo: number | undefined) {
  const lastmod = await ctx.lastChangedAt(version);
  const perFile = ctx.options.sitemapUrlsPerFile;
  const topicRoots = [...(await ctx.listing.countBy('topic_root_code')).keys()].sort().map((code) => `/xxgk/topics/${encodeURIComponent(code)}`);
  const entries = [...(await ctx.listing.countBy('catalogue_entry_id')).keys()].sort().map((id) => `/xxgk/catalogue/${encodeURIComponent(id)}`);
  const columns: SitemapUrl[] = ['/', '/xxgk', ...STANDARD_COLUMNS.map((c) => c.path), ...topicRoots, ...entries].map((path) => ({ loc: `${base}${path}`, lastmod }));
  const itemCount = await ctx.listing.count({});
  const files = sitemapFileCount(columns.length + itemCount, perFile);
  if (fileNo === undefined && files > 1) return { contentType: XML, body: renderSitemapIndex(Array.from({ length: files }, (_, i) => ({ loc: `${base}/sitemaps/${i + 1}.xml`, lastmod }))) };
  const n = fileNo ?? 1;
  if (n < 1 || n > files || (fileNo !== undefined && files === 1)) throw new NotFound();
  const start = (n - 1) * perFile;
  const head = columns.slice(start, start + perFile);
  const itemOffset = Math.max(0, start - columns.length);
  const changes = await ctx.listing.changes(itemOffset, perFile - head.length);
  const urls = [...head, ...changes.map((c) => ({ loc: `${base}${itemHref(c.itemId)}`, lastmod: c.changedAt }))];
  return { contentType: XML, body: renderUrlSet(urls) };
}
