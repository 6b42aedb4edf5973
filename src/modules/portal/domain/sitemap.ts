/**
 * Sitemaps (sitemaps.org protocol 0.9): at most 50 000 URLs per file, so a large catalogue is
 * split into numbered files listed by a sitemap index.
 */
import { element, XML_DECLARATION } from './xml.ts';

/** One URL; `lastmod` in W3C datetime (an ISO instant or a date). */
export interface SitemapUrl {
  loc: string;
  lastmod?: string | undefined;
}

/** The protocol's limit on URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const entry = (tag: 'url' | 'sitemap', u: SitemapUrl) => `<${tag}>${element('loc', u.loc)}${u.lastmod ? element('lastmod', u.lastmod) : ''}</${tag}>`;

/** A `<urlset>` file. */
export function renderUrlSet(urls: readonly SitemapUrl[]): string {
  return `${XML_DECLARATION}<urlset xmlns="${NS}">\n${urls.map((u) => entry('url', u)).join('\n')}\n</urlset>\n`;
}

/** A `<sitemapindex>` file listing the numbered sitemaps. */
export function renderSitemapIndex(sitemaps: readonly SitemapUrl[]): string {
  return `${XML_DECLARATION}<sitemapindex xmlns="${NS}">\n${sitemaps.map((u) => entry('sitemap', u)).join('\n')}\n</sitemapindex>\n`;
}

/** How many files `urlCount` URLs need at `perFile` URLs each (at least one). */
export function sitemapFileCount(urlCount: number, perFile: number): number {
  return Math.max(1, Math.ceil(urlCount / Math.min(perFile, SITEMAP_MAX_URLS)));
}
