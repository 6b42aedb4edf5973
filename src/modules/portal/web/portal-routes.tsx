import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { FastPath, RouteModule } from '../../../app.tsx';
import { DomainError, NotFound } from '../../../kernel/errors.ts';
import type { Services } from '../../../services.ts';
import { sendHtml } from '../../../web/http.ts';
import { PortalLayout } from '../../../web/layout.tsx';
import { COLUMN_TYPE_LABELS, type ColumnType } from '../../catalogue/domain/genres.ts';
import { STANDARD_COLUMNS } from '../domain/standard-columns.ts';
import { portalOptionsFromEnv, type PortalOptions } from '../portal-options.ts';
import { columnRoutes } from './column-routes.tsx';
import { etagMatches } from './conditional-get.ts';
import { feedRoutes } from './feed-routes.ts';
import { ItemPage } from './item-page.tsx';
import { listingRoutes } from './listing-routes.tsx';
import { openDataRoutes } from './open-data-routes.ts';
import { CACHED_SURFACE, HTML, PortalContext, type PublicSurface } from './portal-context.ts';
import { ItemList } from './portal-views.tsx';
import { findPublicRecord } from './public-record.ts';
import { rateLimitHook } from './rate-limit.tsx';

const Id = Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });
const pageSchema = (summary: string, params?: ReturnType<typeof Type.Object>) => ({ schema: { tags: ['公开数据', '门户页面'], security: [] as never[], summary, produces: ['text/html'], ...(params ? { params } : {}) } });

/** Home, item detail and attachment download. */
function itemRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const { s } = ctx;

  app.get('/', pageSchema('网站首页'), (request, reply) =>
    ctx.serve(request, reply, '/', async () => {
      const site = await ctx.site();
      const latest = await ctx.listing.latest({}, 15);
      return {
        contentType: HTML,
        body: (
          <PortalLayout site={site} title="首页" current="/" meta={{ columnName: '首页', columnType: '首页' }}>
            <h1>{site.organName}</h1>
            <nav aria-label="信息公开栏目" class="column-links">
              <ul>
                {STANDARD_COLUMNS.map((c) => (
                  <li><a href={c.path}>{c.name}</a></li>
                ))}
              </ul>
            </nav>
            <h2>最新公开信息</h2>
            <ItemList items={latest} empty="暂无公开信息。" />
            <p><a href="/xxgk/list">更多公开信息</a></p>
          </PortalLayout>
        ),
      };
    }),
  );

  app.get<{ Params: { id: string } }>('/xxgk/content/:id', pageSchema('公开信息详情', Type.Object({ id: Id })), async (request, reply) => {
    const id = request.params.id;
    const served = await ctx.serve(request, reply, `/xxgk/content/${id}`, async () => {
      const record = await findPublicRecord(ctx, id);
      if (!record) throw new NotFound();
      const { item } = record;
      const c = item.content;
      const entry = c.catalogueEntryId ? await s.catalogueEntries.get(c.catalogueEntryId).catch(() => undefined) : undefined;
      const columnType = COLUMN_TYPE_LABELS[record.row.columnType as ColumnType] ?? '信息公开';
      return {
        contentType: HTML,
        body: (
          <PortalLayout site={await ctx.site()} title={c.title} current="/xxgk/list" meta={{ columnName: entry?.level2 || '法定主动公开内容', columnType, articleTitle: c.title, pubDate: c.publishedOn, contentSource: c.organName, description: c.summary }}>
            <ItemPage item={item} names={await s.reference.load()} entry={entry} />
          </PortalLayout>
        ),
      };
    }).catch(async (error: unknown) => {
      if (!(error instanceof NotFound)) throw error;
      // 撤回 may leave a notice in place of the content: 410 Gone says the item existed and was taken down.
      const notice = await s.publicCatalogue.retractionNotice(id);
      if (!notice) throw error;
      const site = await ctx.site();
      return sendHtml(reply, <PortalLayout site={site} title={notice.title}><h1>{notice.title}</h1><p class="notice warn">{notice.notice}</p></PortalLayout>, 410);
    });
    return served;
  });

  app.get<{ Params: { id: string; aid: string } }>('/xxgk/content/:id/files/:aid', pageSchema('下载公开信息的附件', Type.Object({ id: Id, aid: Id })), async (request, reply) => {
    const { id, aid } = request.params;
    // Both doors must agree: the projection lists the attachment and the published edition holds it.
    const [row] = await ctx.listing.findByItemIds([id]);
    const file = row?.attachments.some((a) => a.id === aid) ? await s.publicCatalogue.openAttachment(id, aid) : undefined;
    if (!file) throw new DomainError('not-found', 404);
    const etag = `"${file.sha256}"`;
    reply.header('etag', etag).header('cache-control', 'public, no-cache').header('x-content-type-options', 'nosniff').header(CACHED_SURFACE, '1');
    if (etagMatches(request.headers['if-none-match'], etag)) {
      file.stream.destroy();
      return reply.code(304).send();
    }
    return reply.type(file.mediaType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`).send(file.stream);
  });
}

/**
 * The public side: the 信息公开专栏 pages, feeds and sitemap, and the open data API, all reading
 * what is public through `public_items` and PublicCatalogue, rendered once per public version.
 * `fastPath` answers repeated requests for those surfaces from the render cache before routing
 * (give it to `buildApp`); `routes` renders them; `surface` serves another module's public page
 * (the search module's /search) through the same cache and rate limit.
 */
export function publicPortal(s: Services, options: PortalOptions = portalOptionsFromEnv()): { routes: RouteModule; fastPath: FastPath; surface: PublicSurface } {
  const ctx = new PortalContext(s, options);
  const limit = rateLimitHook(s.clock, options.rateLimit);
  const routes: RouteModule = (app: FastifyInstance) => {
    // Cached public responses are the same for everyone: no anonymous CSRF cookie (there is no form to protect).
    app.addHook('onSend', async (_request, reply, payload) => {
      if (reply.getHeader(CACHED_SURFACE)) {
        reply.removeHeader('set-cookie');
        reply.removeHeader(CACHED_SURFACE);
      }
      return payload;
    });
    itemRoutes(app, ctx);
    columnRoutes(app, ctx);
    listingRoutes(app, ctx);
    feedRoutes(app, ctx);
    openDataRoutes(app, ctx, limit);
  };
  return { routes, fastPath: { hook: (request, reply) => ctx.serveFromCache(request, reply), raw: (req, res) => ctx.serveRaw(req, res) }, surface: { serve: (request, reply, key, render) => ctx.serve(request, reply, key, render, { fastPath: !limit }), limit } };
}
