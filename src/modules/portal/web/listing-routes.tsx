import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFound } from '../../../kernel/errors.ts';
import type { Child } from '../../../web/jsx/jsx-runtime.ts';
import { PortalLayout, type PageMeta } from '../../../web/layout.tsx';
import type { CatalogueEntry } from '../../catalogue/domain/catalogue-entry.ts';
import { ANNUAL_REPORT_GENRE, annualReportEntries, rulesEntries, STANDARD_COLUMNS } from '../domain/standard-columns.ts';
import type { ListingFilter } from '../public-listing.ts';
import { listingFilter, listingHref, ListingQuery } from './listing-query.ts';
import { HTML, type PortalContext } from './portal-context.ts';
import { Breadcrumbs, columnLabel, ListingBody, topicName, type Names } from './portal-views.tsx';

const pageSchema = (summary: string, params?: ReturnType<typeof Type.Object>) => ({ tags: ['公开数据', '门户页面'], security: [] as never[], summary, produces: ['text/html'], querystring: ListingQuery, ...(params ? { params } : {}) });

const describe = (path: string) => STANDARD_COLUMNS.find((c) => c.path === path)?.description;

/** What distinguishes one list page from another. */
interface ListingSpec {
  path: string;
  /** The navigation entry to mark as current (default 法定主动公开内容). */
  nav?: string;
  title: string;
  meta: PageMeta;
  trail: { href?: string; label: string }[];
  fixed?: ListingFilter;
  hideFacets?: readonly string[];
  feedHref?: string;
  intro?: (names: Names) => Child;
}

/** The 基本目录 row itself (国办发〔2019〕54号 columns), above the items filed under it. */
function EntryTable({ entry }: { entry: CatalogueEntry }) {
  const rows: [string, string][] = [
    ['公开事项', `${entry.level1} › ${entry.level2}`],
    ['公开内容（要素）', entry.content],
    ['公开依据', entry.basis.map((b) => b.title).join('；')],
    ['公开时限', entry.timeLimitText],
    ['公开主体', entry.subject],
    ['公开渠道和载体', entry.channels.join('、')],
    ['公开对象', entry.audience.join('、')],
    ['公开方式', entry.methods.join('、')],
    ['公开层级', entry.levels.join('、')],
  ];
  return (
    <dl class="kv entry-row" aria-label="主动公开基本目录事项">
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

/** List pages with facets and pagination: 法定主动公开内容, per 基本目录 row, per 主题分类, 制度, 年报. */
export function listingRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const { s } = ctx;

  const serveListing = (request: FastifyRequest<{ Querystring: ListingQuery }>, reply: Parameters<PortalContext['serve']>[1], spec: () => Promise<ListingSpec>) => {
    const query = request.query;
    return ctx.serve(request, reply, listingHref(request.url.split('?')[0]!, query, { page: query.page }), async (version) => {
      const v = await spec();
      const names = await s.reference.load();
      const filter = await listingFilter(v.hideFacets?.includes('topic') ? { ...query, topic: undefined } : query, s.reference, v.fixed);
      const pageSize = ctx.options.pageSize;
      const page = query.page ?? 1;
      const filterKey = JSON.stringify(filter);
      const total = await ctx.memo(`count|${filterKey}`, version, () => ctx.listing.count(filter));
      if (page > 1 && (page - 1) * pageSize >= total) throw new NotFound();
      const items = await ctx.listing.page(filter, { page, pageSize });
      const facets = await ctx.memo(`facets|${filterKey}`, version, () => ctx.listing.facets(filter));
      const site = await ctx.site();
      return {
        contentType: HTML,
        body: (
          <PortalLayout site={site} title={page > 1 ? `${v.title}（第${page}页）` : v.title} current={v.nav ?? '/xxgk/list'} meta={v.meta}>
            <Breadcrumbs trail={v.trail} />
            <ListingBody title={v.title} path={v.path} query={query} total={total} pageSize={pageSize} items={items} facets={facets} names={names} selectedRoot={filter.topicRoot} hideFacets={v.hideFacets ?? []} feedHref={v.feedHref} intro={v.intro?.(names)} />
          </PortalLayout>
        ),
      };
    });
  };

  const xxgk = { href: '/xxgk', label: '政府信息公开' };

  app.get<{ Querystring: ListingQuery }>('/xxgk/list', { schema: pageSchema('法定主动公开内容（列表、筛选、分页）') }, (request, reply) =>
    serveListing(request, reply, async () => {
      const column = request.query.column;
      const title = column ? `法定主动公开内容：${columnLabel(column)}` : '法定主动公开内容';
      return { path: '/xxgk/list', title, meta: { columnName: '法定主动公开内容', columnType: column ? columnLabel(column) : '信息公开', columnDescription: describe('/xxgk/list'), ...(column ? { feed: { href: `/feeds/columns/${column}.xml`, title: `${columnLabel(column)}订阅源` } } : {}) }, trail: [xxgk, { label: '法定主动公开内容' }], feedHref: column ? `/feeds/columns/${column}.xml` : '/feed.xml' };
    }),
  );

  app.get<{ Querystring: ListingQuery; Params: { entryId: string } }>(
    '/xxgk/catalogue/:entryId',
    { schema: pageSchema('按主动公开基本目录事项列出', Type.Object({ entryId: Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }) })) },
    (request, reply) =>
      serveListing(request, reply, async () => {
        const entry = await s.catalogueEntries.get(request.params.entryId).catch(() => undefined);
        if (!entry) throw new NotFound('catalogue-entry-not-found');
        const path = `/xxgk/catalogue/${encodeURIComponent(entry.id)}`;
        return { path, title: entry.level2 || entry.level1, meta: { columnName: entry.level2 || entry.level1, columnType: '信息公开', description: entry.content }, trail: [xxgk, { href: '/xxgk#catalogue', label: '主动公开基本目录' }, { label: entry.level2 || entry.level1 }], fixed: { entry: entry.id }, intro: () => <EntryTable entry={entry} /> };
      }),
  );

  app.get<{ Querystring: ListingQuery; Params: { code: string } }>(
    '/xxgk/topics/:code',
    { schema: pageSchema('按主题分类列出', Type.Object({ code: Type.String({ maxLength: 60, pattern: '^[A-Za-z0-9_-]+$' }) })) },
    (request, reply) =>
      serveListing(request, reply, async () => {
        const names = await s.reference.load();
        const topic = names.topics.find((t) => t.code === request.params.code);
        if (!topic) throw new NotFound();
        const root = topic.parentCode ?? topic.code;
        const children = names.topics.filter((t) => t.parentCode === root);
        const counts = await ctx.listing.facets({ topicRoot: root });
        const countOf = (code: string) => counts.topicLeaves.find((c) => c.value === code)?.count ?? 0;
        const intro = () => (
          <nav aria-label="二级分类" class="subtopics">
            <ul>
              <li>
                <a href={`/xxgk/topics/${root}`} aria-current={topic.code === root ? 'page' : undefined}>全部</a>
              </li>
              {children.filter((c) => countOf(c.code) > 0).map((c) => (
                <li>
                  <a href={`/xxgk/topics/${c.code}`} aria-current={topic.code === c.code ? 'page' : undefined}>{c.name}</a> <span class="count">（{countOf(c.code)}）</span>
                </li>
              ))}
            </ul>
          </nav>
        );
        const fixed = topic.parentCode === null ? { topicRoot: topic.code } : { topicRoot: root, topic: topic.code };
        const trail = [xxgk, { href: '/xxgk#topics', label: '主题分类' }, ...(topic.parentCode ? [{ href: `/xxgk/topics/${root}`, label: topicName(names, root) }] : []), { label: topic.name }];
        return { path: `/xxgk/topics/${topic.code}`, title: topic.parentCode ? `${topicName(names, root)} › ${topic.name}` : topic.name, meta: { columnName: topic.name, columnType: '信息公开', feed: { href: `/feeds/topics/${topic.code}.xml`, title: `${topic.name}订阅源` } }, trail, fixed, hideFacets: ['topic'], feedHref: `/feeds/topics/${topic.code}.xml`, intro };
      }),
  );

  app.get<{ Querystring: ListingQuery }>('/xxgk/rules', { schema: pageSchema('信息公开制度') }, (request, reply) =>
    serveListing(request, reply, async () => {
      const entries = rulesEntries(await s.catalogueEntries.list());
      const intro = () => (entries.length === 0 ? <p class="notice">主动公开基本目录中尚未设置“政府信息公开制度”事项。</p> : <p>本栏目公开本机关政府信息公开工作制度，包括主动公开、依申请公开、保密审查、公开属性源头认定等制度文件。</p>);
      return { path: '/xxgk/rules', nav: '/xxgk/rules', title: '信息公开制度', meta: { columnName: '信息公开制度', columnType: '信息公开', columnDescription: describe('/xxgk/rules') }, trail: [xxgk, { label: '信息公开制度' }], fixed: { anyOf: { entries: entries.map((e) => e.id) } }, hideFacets: ['topic', 'genre'], intro };
    }),
  );

  app.get<{ Querystring: ListingQuery }>('/xxgk/annual-reports', { schema: pageSchema('信息公开年报') }, (request, reply) =>
    serveListing(request, reply, async () => {
      const entries = annualReportEntries(await s.catalogueEntries.list());
      const intro = () => <p>行政机关应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布（《条例》第四十九条）。</p>;
      return { path: '/xxgk/annual-reports', nav: '/xxgk/annual-reports', title: '信息公开年报', meta: { columnName: '信息公开年报', columnType: '信息公开', columnDescription: describe('/xxgk/annual-reports') }, trail: [xxgk, { label: '信息公开年报' }], fixed: { anyOf: { genres: [ANNUAL_REPORT_GENRE], entries: entries.map((e) => e.id) } }, hideFacets: ['topic', 'genre', 'validity'], intro };
    }),
  );
}
