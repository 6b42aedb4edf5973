/**
 * Atom (RFC 4287) documents for the 信息公开 feeds. Entry ids are tag URIs (RFC 4151) minted from
 * the site's domain and the item's publication date, so they never change when the site moves
 * between http and https or when a title is corrected.
 */
import { element, XML_DECLARATION } from './xml.ts';

/** One published item as a feed entry; instants are ISO 8601 with offset. */
export interface AtomEntry {
  id: string;
  title: string;
  href: string;
  publishedAt: string;
  updatedAt: string;
  author: string;
  summary: string;
  categories: readonly { term: string; label: string; scheme?: string }[];
}

/** A feed; `updatedAt` must not go backwards when entries disappear (撤回), so callers pass the last public change. */
export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  selfHref: string;
  alternateHref: string;
  updatedAt: string;
  author: string;
  entries: readonly AtomEntry[];
}

/**
 * `tag:{authority},{date}:{specific}` (RFC 4151 §2.1). The authority is a DNS name, so a port is
 * dropped and the name lower-cased; `date` is `YYYY` or `YYYY-MM-DD`.
 */
export function tagUri(authority: string, date: string, specific: string): string {
  const host = authority.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return `tag:${host},${date}:${specific}`;
}

function renderEntry(e: AtomEntry): string {
  return [
    '<entry>',
    element('id', e.id),
    element('title', e.title, { type: 'text' }),
    element('link', undefined, { rel: 'alternate', type: 'text/html', href: e.href }),
    element('published', e.publishedAt),
    element('updated', e.updatedAt),
    `<author>${element('name', e.author)}</author>`,
    ...e.categories.map((c) => element('category', undefined, { term: c.term, label: c.label, scheme: c.scheme })),
    element('summary', e.summary, { type: 'text' }),
    '</entry>',
  ].join('');
}

/** The whole document, UTF-8, one entry per line. */
export function renderAtomFeed(feed: AtomFeed): string {
  const head = [
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    element('id', feed.id),
    element('title', feed.title, { type: 'text' }),
    ...(feed.subtitle ? [element('subtitle', feed.subtitle, { type: 'text' })] : []),
    element('link', undefined, { rel: 'self', type: 'application/atom+xml', href: feed.selfHref }),
    element('link', undefined, { rel: 'alternate', type: 'text/html', href: feed.alternateHref }),
    element('updated', feed.updatedAt),
    `<author>${element('name', feed.author)}</author>`,
    element('generator', 'gongkai'),
  ].join('\n');
  return `${XML_DECLARATION}${head}\n${feed.entries.map(renderEntry).join('\n')}\n</feed>\n`;
}
