import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import type { Services } from '../../../services.ts';
import { Pager } from '../../../web/components.tsx';
import { sendHtml } from '../../../web/http.ts';
import { raw, type Html } from '../../../web/jsx/jsx-runtime.ts';
import { PortalLayout } from '../../../web/layout.tsx';
import { VALIDITY_LABELS, type Validity } from '../../catalogue/domain/validity.ts';
import type { PublicSurface } from '../../portal/index.ts';
import { MAX_SUGGESTION_COUNT, type FacetCount, type SearchHit, type SearchResult, type SearchSuggestion } from '../search-service.ts';

/** Every parameter is optional text: a public search page answers any link, it does not refuse one. */
const SearchQuery = Type.Object({
  q: Type.Optional(Type.String()),
  topic: Type.Optional(Type.String()),
  genre: Type.Optional(Type.String()),
  organ: Type.Optional(Type.String()),
  year: Type.Optional(Type.String()),
  validity: Type.Optional(Type.String()),
  page: Type.Optional(Type.String()),
});
type SearchQuery = Static<typeof SearchQuery>;

const PAGE_SIZE = 20;
const FILTERS = ['topic', 'genre', 'organ', 'year', 'validity'] as const;
type Filter = (typeof FILTERS)[number];

/** The page's state as it appears in links: the query, the filters and the page number. */
interface PageState {
  q: string;
  filters: Partial<Record<Filter, string>>;
  page: number;
}

/** /search with `change` applied; changing a filter or the query goes back to page 1. */
function searchHref(state: PageState, change: { q?: string; page?: number } & Partial<Record<Filter, string | undefined>> = {}): string {
  const params = new URLSearchParams();
  const q = change.q ?? state.q;
  if (q) params.set('q', q);
  for (const f of FILTERS) {
    const value = f in change ? change[f] : state.filters[f];
    if (value) params.set(f, value);
  }
  const page = change.page ?? 1;
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/search?${text}` : '/search';
}

function stateOf(query: SearchQuery): PageState {
  const text = (v: string | undefined) => (v ?? '').replace(/\p{Cc}/gu, ' ').trim().slice(0, 100);
  const filters: PageState['filters'] = {};
  for (const f of FILTERS) if (text(query[f])) filters[f] = text(query[f]);
  if (filters.year && !/^\d{4}$/.test(filters.year)) delete filters.year;
  const page = Number(query.page);
  return { q: text(query.q), filters, page: Number.isInteger(page) && page >= 1 ? Math.min(page, 500) : 1 };
}

function SearchForm({ state }: { state: PageState }): Html {
  return (
    <form method="get" action="/search" role="search" class="search-form">
      <label for="search-q">查找政府信息</label>{' '}
      <input type="search" id="search-q" name="q" value={state.q} maxlength="100" placeholder="标题、正文、发文字号或索引号" />
      {FILTERS.map((f) => state.filters[f] && <input type="hidden" name={f} value={state.filters[f]} />)}{' '}
      <button type="submit">搜索</button>
      <p class="muted">多个词语用空格分开，结果须包含全部词语；用引号查找完整短语，如“行政审批”；也可直接输入发文字号或索引号。</p>
    </form>
  );
}

function FacetGroup(props: { title: string; counts: readonly FacetCount[]; selected: string | undefined; href: (value: string | undefined) => string }): Html | null {
  if (props.counts.length === 0) return null;
  return (
    <section class="facet">
      <h3>{props.title}</h3>
      <ul>
        {props.selected && (
          <li>
            <a href={props.href(undefined)}>不限</a>
          </li>
        )}
        {props.counts.map((c) => (
          <li>
            <a href={props.href(c.value)} aria-current={props.selected === c.value ? 'true' : undefined}>{c.name}</a>
            {c.count !== undefined && <> <span class="count">（{c.count}）</span></>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Facet links that keep the query and every other filter. */
function Facets({ result, state, selectedRoot }: { result: SearchResult; state: PageState; selectedRoot: string | undefined }): Html {
  const { facets } = result;
  const link = (f: Filter) => (value: string | undefined) => searchHref(state, { [f]: value });
  return (
    <aside class="facets" aria-label="筛选条件">
      <h2>筛选</h2>
      {!result.facetsCounted && <p class="muted">结果较多，各分类暂不显示条数；可选择分类或增加词语缩小范围。</p>}
      <FacetGroup title="主题分类" counts={facets.topicRoots} selected={selectedRoot} href={link('topic')} />
      {selectedRoot && (
        <FacetGroup
          title="二级分类"
          counts={facets.topicLeaves}
          selected={state.filters.topic !== selectedRoot ? state.filters.topic : undefined}
          href={(v) => searchHref(state, { topic: v ?? selectedRoot })}
        />
      )}
      <FacetGroup title="体裁" counts={facets.genres} selected={state.filters.genre} href={link('genre')} />
      <FacetGroup title="发布机构" counts={facets.organs} selected={state.filters.organ} href={link('organ')} />
      <FacetGroup title="发布年份" counts={facets.years} selected={state.filters.year} href={link('year')} />
      <FacetGroup title="有效性" counts={facets.validities} selected={state.filters.validity} href={link('validity')} />
    </aside>
  );
}

function Hit({ hit }: { hit: SearchHit }): Html {
  return (
    <li>
      <a href={`/xxgk/content/${encodeURIComponent(hit.itemId)}`}>{raw(hit.titleHtml)}</a>{' '}
      {hit.validity !== 'effective' && <span class="badge bad">已{VALIDITY_LABELS[hit.validity as Validity] ?? hit.validity}</span>}
      {hit.snippetHtml && <p class="snippet">{raw(hit.snippetHtml)}</p>}
      <p class="item-meta">
        {hit.documentNumber && <span>发文字号：{hit.documentNumber}</span>}
        <span>发布机构：{hit.organName}</span>
        <span>
          发布日期：<time datetime={hit.publishedOn}>{hit.publishedOn}</time>
        </span>
        <span>索引号：{hit.indexNumber}</span>
      </p>
    </li>
  );
}

function suggestionText(s: SearchSuggestion): string {
  if (s.kind === 'drop-term') return `去掉“${s.dropped}”后搜索`;
  if (s.kind === 'without-filters') return '取消筛选条件，在全部信息中搜索';
  return '只搜索';
}

/** What to try when nothing was found: queries that find something, then general advice. */
function NoResults({ result, state }: { result: SearchResult; state: PageState }): Html {
  return (
    <div class="notice" role="status">
      {result.query.terms.length === 0 ? <p>请输入要查找的词语（汉字、字母或数字）。</p> : <p>没有找到与“{state.q}”相关的公开信息。</p>}
      {result.suggestions.length > 0 && (
        <>
          <p>您可以试试：</p>
          <ul class="suggestions">
            {result.suggestions.map((s) => (
              <li>
                {suggestionText(s)}
                <a href={s.kind === 'without-filters' ? searchHref({ ...state, filters: {} }) : searchHref(state, { q: s.q })}>{s.q}</a>
                <span class="count">（{s.total >= MAX_SUGGESTION_COUNT ? `${MAX_SUGGESTION_COUNT} 条以上` : `${s.total} 条`}）</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>建议：检查是否有错别字；换用更常用或更简短的词语；减少词语的个数；发文字号请按“县科技发〔2023〕12号”的形式输入。</p>
      <p>
        也可以浏览<a href="/xxgk/list">法定主动公开内容</a>；没有主动公开的政府信息，可以<a href="/ysqgk">依申请公开</a>。
      </p>
    </div>
  );
}

function ResultsPage({ result, state, selectedRoot }: { result: SearchResult; state: PageState; selectedRoot: string | undefined }): Html {
  const heading = state.q ? `找到 ${result.total} 条${result.totalIsExact ? '' : '以上'}与“${state.q}”相关的公开信息` : `全部公开信息（${result.total} 条）`;
  return (
    <>
      <h1>站内搜索</h1>
      <SearchForm state={state} />
      <div class={result.total > 0 || Object.keys(state.filters).length > 0 ? 'listing with-facets' : 'listing'}>
        {(result.total > 0 || Object.keys(state.filters).length > 0) && <Facets result={result} state={state} selectedRoot={selectedRoot} />}
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{heading}</h2>
          {result.hits.length === 0 && result.total > 0 ? (
            <p class="notice">
              本页没有内容，请前往<a href={searchHref(state, { page: Math.ceil(result.total / result.pageSize) })}>最后一页</a>。
            </p>
          ) : result.hits.length === 0 ? (
            <NoResults result={result} state={state} />
          ) : (
            <ol class="item-list search-results" start={(result.page - 1) * result.pageSize + 1}>
              {result.hits.map((h) => (
                <Hit hit={h} />
              ))}
            </ol>
          )}
          <Pager page={result.page} pageSize={result.pageSize} total={result.total} href={(page) => searchHref(state, { page })} />
        </section>
      </div>
    </>
  );
}

/**
 * GET /search: the public search page (no JavaScript needed; every filter is a link). With the
 * portal's `surface` it is served like the portal's pages — rendered once per public version and
 * query, from the render cache after that (the index changes in the transaction that moves the
 * version) — behind the portal's per-address rate limit; without it, rendered per request.
 */
export function searchRoutes(s: Services, surface?: PublicSurface): RouteModule {
  const render = async (state: PageState): Promise<Html> => {
    const { topics } = await s.reference.load();
    const topic = topics.find((t) => t.code === state.filters.topic);
    const selectedRoot = topic ? (topic.parentCode ?? topic.code) : undefined;
    const result = await s.search.cachedSearch({
      q: state.q,
      topicRootCode: selectedRoot,
      // An unknown code is kept as a filter, so the link finds nothing rather than everything.
      topicCode: topic ? (topic.parentCode ? topic.code : undefined) : state.filters.topic,
      genreCode: state.filters.genre,
      organId: state.filters.organ,
      year: state.filters.year ? Number(state.filters.year) : undefined,
      validity: state.filters.validity,
      page: state.page,
      pageSize: PAGE_SIZE,
    });
    const site = await s.site();
    const title = state.q ? `搜索：${state.q}` : '搜索';
    return (
      <PortalLayout site={site} title={title} current="/search" meta={{ columnName: '搜索', columnType: '搜索' }}>
        <ResultsPage result={result} state={state} selectedRoot={selectedRoot} />
      </PortalLayout>
    );
  };
  return (app: FastifyInstance) => {
    const limit = surface?.limit;
    app.get<{ Querystring: SearchQuery }>('/search', { schema: { hide: true, querystring: SearchQuery }, ...(limit ? { onRequest: limit } : {}) }, async (request, reply) => {
      const state = stateOf(request.query);
      if (!surface) return sendHtml(reply, await render(state));
      // Keyed by the normalised state: addresses that differ only in spelling share one entry.
      return surface.serve(request, reply, `search|${JSON.stringify(state)}`, async () => ({ body: await render(state), contentType: 'text/html; charset=utf-8' }));
    });
  };
}
