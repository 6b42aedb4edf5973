import { formatChineseDate, type LocalDate } from '../../../kernel/local-date.ts';
import { Pager } from '../../../web/components.tsx';
import type { Child, Html } from '../../../web/jsx/jsx-runtime.ts';
import { COLUMN_TYPE_LABELS, type ColumnType, type Genre } from '../../catalogue/domain/genres.ts';
import type { Topic } from '../../catalogue/domain/topics.ts';
import { VALIDITY_LABELS, type Validity } from '../../catalogue/domain/validity.ts';
import type { FacetCount, Facets, ListedItem } from '../public-listing.ts';
import { listingHref, type ListingQuery } from './listing-query.ts';

/** Names for codes, loaded once per render from the reference data. */
export interface Names {
  topics: readonly Topic[];
  genres: readonly Genre[];
}

export const topicName = (names: Names, code: string) => names.topics.find((t) => t.code === code)?.name ?? code;
export const genreName = (names: Names, code: string) => names.genres.find((g) => g.code === code)?.name ?? code;
export const validityLabel = (v: string) => VALIDITY_LABELS[v as Validity] ?? v;
export const columnLabel = (c: string) => COLUMN_TYPE_LABELS[c as ColumnType] ?? c;
export const chineseDate = (d: string) => formatChineseDate(d as LocalDate);

/** 主题分类 as "一级 › 二级". */
export function topicPathLabel(names: Names, code: string): string {
  const topic = names.topics.find((t) => t.code === code);
  if (!topic) return code;
  return topic.parentCode ? `${topicName(names, topic.parentCode)} › ${topic.name}` : topic.name;
}

export const itemHref = (itemId: string) => `/xxgk/content/${encodeURIComponent(itemId)}`;

export function Breadcrumbs({ trail }: { trail: readonly { href?: string; label: string }[] }): Html {
  return (
    <nav aria-label="当前位置" class="breadcrumbs">
      <ol>
        <li><a href="/">首页</a></li>
        {trail.map((c) => (
          <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/** 有效性 other than 有效 is said in words, never by colour alone. */
export function ValidityBadge({ validity }: { validity: string }): Html | null {
  if (validity === 'effective') return null;
  return <span class="badge bad">已{validityLabel(validity)}</span>;
}

/** A list of public items with the metadata people scan for: 索引号, 发文字号, 发布机构, 发布日期. */
export function ItemList({ items, empty = '暂无符合条件的信息。' }: { items: readonly ListedItem[]; empty?: string }): Html {
  if (items.length === 0) return <p class="notice">{empty}</p>;
  return (
    <ol class="item-list">
      {items.map((i) => (
        <li>
          <a href={itemHref(i.itemId)}>{i.title}</a> <ValidityBadge validity={i.validity} />
          <p class="item-meta">
            <span>索引号：{i.indexNumber}</span>
            {i.documentNumber && <span>发文字号：{i.documentNumber}</span>}
            <span>发布机构：{i.organName}</span>
            <span>
              发布日期：<time datetime={i.publishedOn}>{i.publishedOn}</time>
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}

function FacetGroup(props: { title: string; counts: readonly FacetCount[]; selected: string | number | undefined; label: (c: FacetCount) => string; href: (value: string | undefined) => string }): Html | null {
  if (props.counts.length === 0) return null;
  return (
    <section class="facet">
      <h3>{props.title}</h3>
      <ul>
        {props.selected !== undefined && (
          <li>
            <a href={props.href(undefined)}>不限</a>
          </li>
        )}
        {props.counts.map((c) => (
          <li>
            <a href={props.href(c.value)} aria-current={String(props.selected) === c.value ? 'true' : undefined}>
              {props.label(c)}
            </a>{' '}
            <span class="count">（{c.count}）</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Facet links (no JavaScript): each value shows how many items choosing it would list. */
export function FacetPanel(props: { path: string; query: ListingQuery; facets: Facets; names: Names; selectedRoot?: string | undefined; hide?: readonly string[] }): Html {
  const { path, query, facets, names } = props;
  const href = (key: keyof ListingQuery) => (value: string | undefined) => listingHref(path, query, { [key]: value });
  const hidden = new Set(props.hide ?? []);
  const inOrder = (order: readonly string[]) => (counts: readonly FacetCount[]) => [...counts].sort((a, b) => (order.indexOf(a.value) + 1 || 999) - (order.indexOf(b.value) + 1 || 999));
  const byTopicOrder = (counts: readonly FacetCount[]) => [...counts].sort((a, b) => (names.topics.find((t) => t.code === a.value)?.sortOrder ?? 999) - (names.topics.find((t) => t.code === b.value)?.sortOrder ?? 999));
  const byGenreOrder = inOrder([...names.genres].sort((a, b) => a.sortOrder - b.sortOrder).map((g) => g.code));
  const byValidityOrder = inOrder(['effective', 'expired', 'repealed']);
  return (
    <aside class="facets" aria-label="筛选条件">
      <h2>筛选</h2>
      {!hidden.has('topic') && <FacetGroup title="主题分类" counts={byTopicOrder(facets.topicRoots)} selected={props.selectedRoot} label={(c) => topicName(names, c.value)} href={href('topic')} />}
      {!hidden.has('topic') && facets.topicLeaves.length > 0 && (
        <FacetGroup title={`${topicName(names, props.selectedRoot ?? '')}：二级分类`} counts={byTopicOrder(facets.topicLeaves)} selected={query.topic !== props.selectedRoot ? query.topic : undefined} label={(c) => topicName(names, c.value)} href={(v) => listingHref(path, query, { topic: v ?? props.selectedRoot })} />
      )}
      {!hidden.has('genre') && <FacetGroup title="体裁" counts={byGenreOrder(facets.genres)} selected={query.genre} label={(c) => genreName(names, c.value)} href={href('genre')} />}
      {!hidden.has('organ') && <FacetGroup title="发布机构" counts={facets.organs} selected={query.organ} label={(c) => c.name ?? c.value} href={href('organ')} />}
      {!hidden.has('year') && <FacetGroup title="发布年份" counts={facets.years} selected={query.year} label={(c) => `${c.value}年`} href={href('year')} />}
      {!hidden.has('validity') && <FacetGroup title="有效性" counts={byValidityOrder(facets.validities)} selected={query.validity} label={(c) => validityLabel(c.value)} href={href('validity')} />}
    </aside>
  );
}

/** A list page: heading, optional introduction, facets beside the list on wide screens, pager. */
export function ListingBody(props: {
  title: string;
  path: string;
  query: ListingQuery;
  total: number;
  pageSize: number;
  items: readonly ListedItem[];
  facets?: Facets | undefined;
  names: Names;
  selectedRoot?: string | undefined;
  hideFacets?: readonly string[];
  feedHref?: string | undefined;
  intro?: Child;
}): Html {
  const page = props.query.page ?? 1;
  return (
    <>
      <h1>{props.title}</h1>
      {props.intro}
      <div class={props.facets ? 'listing with-facets' : 'listing'}>
        {props.facets && <FacetPanel path={props.path} query={props.query} facets={props.facets} names={props.names} selectedRoot={props.selectedRoot} hide={props.hideFacets ?? []} />}
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            共 {props.total} 条{props.total > 0 && `，第 ${page} 页`}
          </h2>
          <ItemList items={props.items} empty={page > 1 && props.total > 0 ? '没有更多信息了。' : '暂无符合条件的信息。'} />
          <Pager page={page} pageSize={props.pageSize} total={props.total} href={(p) => listingHref(props.path, props.query, { page: p })} />
          {props.feedHref && (
            <p class="muted no-print">
              订阅本栏目：<a href={props.feedHref}>Atom 订阅源</a>
            </p>
          )}
        </section>
      </div>
    </>
  );
}
