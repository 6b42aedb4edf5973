import type { FastifyInstance } from 'fastify';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { PortalLayout } from '../../../web/layout.tsx';
import { COLUMN_TYPE_LABELS } from '../../catalogue/domain/genres.ts';
import type { CatalogueEntry } from '../../catalogue/domain/catalogue-entry.ts';
import { ANNUAL_REPORT_GENRE, annualReportEntries, guideEntries, rulesEntries, STANDARD_COLUMNS } from '../domain/standard-columns.ts';
import { disclosureOffices, GuidePage, OfficeContacts } from './guide-page.tsx';
import { HTML, type PortalContext } from './portal-context.ts';
import { Breadcrumbs, ItemList } from './portal-views.tsx';

const pageSchema = (summary: string) => ({ schema: { tags: ['公开数据', '门户页面'], security: [] as never[], summary, produces: ['text/html'] } });

/** 基本目录 rows grouped by 一级事项, each with its public item count (rows without items are shown, not linked). */
function CatalogueTable({ entries, counts }: { entries: readonly CatalogueEntry[]; counts: Map<string, number> }): Html {
  const groups = new Map<string, CatalogueEntry[]>();
  for (const e of entries) groups.set(e.level1, [...(groups.get(e.level1) ?? []), e]);
  return (
    <div class="catalogue-groups">
      {[...groups].map(([level1, rows]) => (
        <section class="catalogue-group">
          <h4>{level1}</h4>
          <ul>
            {rows.map((e) => {
              const n = counts.get(e.id) ?? 0;
              return <li>{n > 0 ? <><a href={`/xxgk/catalogue/${encodeURIComponent(e.id)}`}>{e.level2 || e.level1}</a> <span class="count">（{n}）</span></> : <span class="muted">{e.level2 || e.level1}（暂无）</span>}</li>;
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The 信息公开专栏 home, the 指南 and the 依申请公开 entry. */
export function columnRoutes(app: FastifyInstance, ctx: PortalContext): void {
  const { s } = ctx;

  app.get('/xxgk', pageSchema('政府信息公开专栏'), (request, reply) =>
    ctx.serve(request, reply, '/xxgk', async () => {
      const [site, names, entries] = [await ctx.site(), await s.reference.load(), await s.catalogueEntries.list()];
      const [byEntry, byRoot, byColumn] = [await ctx.listing.countBy('catalogue_entry_id'), await ctx.listing.countBy('topic_root_code'), await ctx.listing.countBy('column_type')];
      const guides = await ctx.listing.latest({ anyOf: { entries: guideEntries(entries).map((e) => e.id) } }, 1);
      const rules = await ctx.listing.latest({ anyOf: { entries: rulesEntries(entries).map((e) => e.id) } }, 5);
      const reports = await ctx.listing.latest({ anyOf: { genres: [ANNUAL_REPORT_GENRE], entries: annualReportEntries(entries).map((e) => e.id) } }, 5);
      const total = [...byColumn.values()].reduce((a, b) => a + b, 0);
      const roots = names.topics.filter((t) => t.parentCode === null && (byRoot.get(t.code) ?? 0) > 0);
      return {
        contentType: HTML,
        body: (
          <PortalLayout site={site} title="政府信息公开" current="/xxgk" meta={{ columnName: '政府信息公开', columnType: '信息公开', description: `${site.organName}政府信息公开专栏` }}>
            <Breadcrumbs trail={[{ label: '政府信息公开' }]} />
            <h1>{site.organName}政府信息公开</h1>
            <ul class="column-cards">
              {STANDARD_COLUMNS.map((c) => (
                <li>
                  <a href={c.path}>{c.name}</a>
                  <p class="muted">{c.description}</p>
                </li>
              ))}
            </ul>
            <section aria-labelledby="guide-heading">
              <h2 id="guide-heading">信息公开指南</h2>
              <p>
                <a href="/xxgk/guide">查看信息公开指南</a>（分类、编排体系、获取方式和工作机构联系方式）。
              </p>
              {guides.length > 0 && <ItemList items={guides} />}
            </section>
            <section aria-labelledby="rules-heading">
              <h2 id="rules-heading">信息公开制度</h2>
              <ItemList items={rules} empty="暂无公开的制度文件。" />
              <p><a href="/xxgk/rules">更多信息公开制度</a></p>
            </section>
            <section aria-labelledby="content-heading">
              <h2 id="content-heading">法定主动公开内容</h2>
              <p>
                共有主动公开信息 {total} 条。<a href="/xxgk/list">浏览全部并按主题分类、体裁、发布机构、年份、有效性筛选</a>
              </p>
              <h3 id="catalogue">按主动公开基本目录</h3>
              <CatalogueTable entries={entries} counts={byEntry} />
              <h3 id="topics">按主题分类</h3>
              <ul class="topic-roots">
                {roots.map((t) => (
                  <li><a href={`/xxgk/topics/${t.code}`}>{t.name}</a> <span class="count">（{byRoot.get(t.code)}）</span></li>
                ))}
              </ul>
              <h3>按栏目类型</h3>
              <ul class="topic-roots">
                {Object.entries(COLUMN_TYPE_LABELS).filter(([c]) => (byColumn.get(c) ?? 0) > 0).map(([c, label]) => (
                  <li><a href={`/xxgk/list?column=${c}`}>{label}</a> <span class="count">（{byColumn.get(c)}）</span></li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="reports-heading">
              <h2 id="reports-heading">信息公开年报</h2>
              <ItemList items={reports} empty="暂无公开的年度报告。" />
              <p><a href="/xxgk/annual-reports">全部年度报告</a></p>
            </section>
            <section aria-labelledby="request-heading">
              <h2 id="request-heading">依申请公开</h2>
              <p>
                需要获取主动公开以外的政府信息，可以向本机关提出申请。<a href="/ysqgk">了解申请渠道和办理时限</a>
              </p>
            </section>
            <section aria-labelledby="data-heading" class="no-print">
              <h2 id="data-heading">订阅与开放数据</h2>
              <ul>
                <li><a href="/feed.xml">最新公开信息订阅源（Atom）</a></li>
                <li><a href="/api/v1/public/items">公开信息开放数据接口（JSON）</a>，说明见 <a href="/api/openapi.json">接口文档</a></li>
                <li><a href="/sitemap.xml">网站地图</a></li>
              </ul>
            </section>
          </PortalLayout>
        ),
      };
    }),
  );

  app.get('/xxgk/guide', pageSchema('信息公开指南'), (request, reply) =>
    ctx.serve(request, reply, '/xxgk/guide', async () => {
      const entries = await s.catalogueEntries.list();
      const data = {
        site: await ctx.site(),
        names: await s.reference.load(),
        settings: await s.settings.get(),
        organs: await s.identity.listOrgans(),
        entries,
        entryCounts: await ctx.listing.countBy('catalogue_entry_id'),
        rootCounts: await ctx.listing.countBy('topic_root_code'),
        guideItems: await ctx.listing.latest({ anyOf: { entries: guideEntries(entries).map((e) => e.id) } }, 5),
      };
      return { contentType: HTML, body: <GuidePage {...data} /> };
    }),
  );

  app.get('/ysqgk', pageSchema('依申请公开'), (request, reply) =>
    ctx.serve(request, reply, '/ysqgk', async () => {
      const site = await ctx.site();
      const offices = disclosureOffices(await s.settings.get(), await s.identity.listOrgans());
      return {
        contentType: HTML,
        body: (
          <PortalLayout site={site} title="依申请公开" current="/ysqgk" meta={{ columnName: '依申请公开', columnType: '信息公开', columnDescription: STANDARD_COLUMNS[4]!.description }}>
            <Breadcrumbs trail={[{ href: '/xxgk', label: '政府信息公开' }, { label: '依申请公开' }]} />
            <h1>依申请公开</h1>
            <p>除主动公开的政府信息外，公民、法人或者其他组织可以向本机关申请获取相关政府信息（《中华人民共和国政府信息公开条例》第二十七条）。申请前，建议先在<a href="/xxgk/list">法定主动公开内容</a>中查找，已主动公开的信息可直接获取。</p>
            <p class="actions">
              <a class="button" href="/ysqgk/apply">在线提交申请</a>
              <a class="button secondary" href="/ysqgk/status">查询办理进度</a>
            </p>
            <p>在线申请无需注册账号；提交后会得到查询码，凭查询码和手机号码后四位可随时查询办理进度。也可以通过下列方式提出申请。</p>
            <h2>申请方式</h2>
            <p>申请应当向政府信息公开工作机构提出，采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，申请人可以口头提出，由受理该申请的政府信息公开工作机构代为填写政府信息公开申请（《条例》第二十九条）。</p>
            <ul>
              <li>当面提交：到政府信息公开工作机构办公地点提交书面申请。</li>
              <li>信函申请：将书面申请邮寄至政府信息公开工作机构。</li>
              <li>传真申请：传真至政府信息公开工作机构（如已公布传真号码）。</li>
            </ul>
            <OfficeContacts offices={offices} />
            <h2>申请内容</h2>
            <ol>
              <li>申请人的姓名或者名称、身份证明、联系方式；</li>
              <li>申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；</li>
              <li>申请公开的政府信息的形式要求，包括获取信息的方式、途径。</li>
            </ol>
            <h2>办理时限</h2>
            <p>能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（《条例》第三十三条）。申请内容不明确的，将在收到申请之日起7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（《条例》第三十条）。</p>
            <h2>收费</h2>
            <p>依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（《条例》第四十二条）。</p>
          </PortalLayout>
        ),
      };
    }),
  );
}
