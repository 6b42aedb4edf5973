/**
 * 链接可用性 (19号 扣分指标 网站可用性; 2015 普查 "首页及其他页面不能正常访问的链接数量", REFERENCE.md §7.3): the
 * links in a public body that point to this site, and what each one names, so it can be resolved against the data.
 */

/** What an internal link points to. */
export type LinkTarget =
  | { kind: 'item'; itemId: string }
  | { kind: 'attachment'; itemId: string; attachmentId: string }
  | { kind: 'index-number'; indexNumber: string }
  | { kind: 'page'; path: string };

/** One link found in a body: the href as written and what it names. */
export interface InternalLink {
  href: string;
  target: LinkTarget;
}

const HREF = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/giu;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

/** The href values of the anchors in sanitized body HTML, in order, entities decoded. */
export function extractHrefs(html: string): string[] {
  return [...html.matchAll(HREF)].map((m) => (m[1] ?? m[2] ?? '').replace(/&(amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e]!).trim());
}

/** The host of the configured site domain (`kjj.example.gov.cn` or `https://kjj.example.gov.cn/`), lower case. */
export function siteHost(siteDomain: string): string | undefined {
  const text = siteDomain.trim();
  if (!text) return undefined;
  try {
    return new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`).host.toLowerCase();
  } catch {
    return undefined;
  }
}

const ID = '([A-Za-z0-9_-]{1,40})';
const ITEM_PAGE = new RegExp(`^/xxgk/content/${ID}/?$`);
const ATTACHMENT = new RegExp(`^/xxgk/content/${ID}/files/${ID}$`);
const API_RECORD = /^\/api\/v1\/public\/items\/(.+)$/;

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * What an href in the body of item `fromItemId` names on this site, or undefined for external links, mail links and
 * anchors within the page. Relative hrefs resolve against the item's own page (`/xxgk/content/{id}`).
 */
export function classifyLink(href: string, fromItemId: string, host: string | undefined): InternalLink | undefined {
  if (href === '' || href.startsWith('#')) return undefined;
  let url: URL;
  try {
    url = new URL(href, `https://${host ?? 'site.invalid'}/xxgk/content/${fromItemId}`);
  } catch {
    return { href, target: { kind: 'page', path: href } };
  }
  if (!/^https?:$/.test(url.protocol)) return undefined;
  const isRelative = !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href);
  if (!isRelative && (!host || url.host.toLowerCase() !== host)) return undefined;
  const path = url.pathname;
  let m = ITEM_PAGE.exec(path);
  if (m) return { href, target: { kind: 'item', itemId: m[1]! } };
  m = ATTACHMENT.exec(path);
  if (m) return { href, target: { kind: 'attachment', itemId: m[1]!, attachmentId: m[2]! } };
  m = API_RECORD.exec(path);
  if (m) return { href, target: { kind: 'index-number', indexNumber: decode(m[1]!) } };
  return { href, target: { kind: 'page', path: `${path}${url.search}` } };
}
