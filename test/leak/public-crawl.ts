/**
 * Fetches every public surface the way an anonymous visitor (or a scraper guessing URLs) can:
 * pages, every list page and facet value, per-topic and per-row lists, detail pages of every
 * item id, every attachment id under every item id, all feeds, the sitemap, the open API and,
 * when it exists, the search page.
 */
import type { FastifyInstance } from 'fastify';
import type { BuiltItem } from './random-catalogue.ts';

export interface Fetched {
  url: string;
  status: number;
  body: string;
  /** A search page repeats its query: how often it may, measured on a query of the same shape that matches nothing. */
  echo?: { text: string; times: number };
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const occurrences = (body: string, text: string) => body.split(text).length - 1;

/** `text` with every letter and digit replaced at random: same shape, matches nothing. */
function sameShape(text: string): string {
  return text.replace(/[A-Za-z0-9]/g, () => ALNUM[Math.floor(Math.random() * ALNUM.length)]!);
}

const COLUMNS = ['policy', 'notice', 'news', 'planning', 'other'];

export class PublicCrawl {
  readonly fetched: Fetched[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly app: FastifyInstance) {}

  async get(url: string): Promise<Fetched> {
    const res = await this.app.inject({ method: 'GET', url });
    const f = { url, status: res.statusCode, body: res.rawPayload.toString('utf8') };
    this.fetched.push(f);
    if (f.status >= 500) throw new Error(`${url} answered ${f.status}: ${f.body.slice(0, 300)}`);
    return f;
  }

  /** A page and every `rel="next"` after it. */
  async pages(url: string): Promise<void> {
    for (let next: string | undefined = url; next && !this.seen.has(next); ) {
      this.seen.add(next);
      const page = await this.get(next);
      next = /<a href="([^"]+)" rel="next">/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
    }
  }

  /** Every facet value linked from a list page (and the second-level 主题分类 under each class), all pages of each. */
  async facets(listUrl: string): Promise<void> {
    await this.pages(listUrl);
    const links = (body: string) => [...body.matchAll(/<a href="(\/xxgk\/list\?[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    const first = this.fetched.find((f) => f.url === listUrl)!;
    for (const link of links(first.body)) {
      await this.pages(link);
      if (/^\/xxgk\/list\?topic=[^&-]+$/.test(link)) for (const leaf of links(this.fetched.find((f) => f.url === link)!.body)) if (/topic=[^&]+-/.test(leaf)) await this.pages(leaf);
    }
  }

  /** The search page for `q`, with the number of times any such query is echoed back. */
  async search(q: string): Promise<void> {
    const fake = sameShape(q);
    const baseline = await this.get(`/search?q=${encodeURIComponent(fake)}`);
    const page = await this.get(`/search?q=${encodeURIComponent(q)}`);
    page.echo = { text: q, times: Math.max(occurrences(baseline.body, fake), occurrences(baseline.body, encodeURIComponent(fake))) };
  }

  /** Everything, for the items of one run and the 基本目录 rows. */
  async everything(items: readonly BuiltItem[], entryIds: readonly string[], hasSearch: boolean): Promise<Fetched[]> {
    for (const url of ['/', '/xxgk', '/xxgk/guide', '/xxgk/rules', '/xxgk/annual-reports', '/ysqgk', '/feed.xml']) await this.get(url);
    await this.facets('/xxgk/list');
    for (const c of COLUMNS) {
      await this.pages(`/xxgk/list?column=${c}`);
      await this.get(`/feeds/columns/${c}.xml`);
    }
    const topics = new Set(items.flatMap((i) => [i.spec.topic, i.spec.topic.split('-')[0]!]));
    for (const code of topics) {
      await this.pages(`/xxgk/topics/${code}`);
      await this.get(`/feeds/topics/${code}.xml`);
    }
    for (const id of entryIds) await this.pages(`/xxgk/catalogue/${id}`);
    const sitemap = await this.get('/sitemap.xml');
    for (const m of sitemap.body.matchAll(/<loc>https?:\/\/[^/<]+(\/sitemaps\/\d+\.xml)<\/loc>/g)) await this.get(m[1]!);
    const attachmentIds = items.flatMap((i) => i.attachmentIds);
    for (const item of items) {
      await this.get(`/xxgk/content/${item.id}`);
      for (const aid of attachmentIds) await this.get(`/xxgk/content/${item.id}/files/${aid}`);
      await this.get(`/api/v1/public/items/${encodeURIComponent(item.indexNumber)}`);
    }
    await this.get('/api/v1/public/items?pageSize=100');
    for (let page = 1; page === 1 || (page - 1) * 3 < (JSON.parse(this.fetched.at(-1)!.body).total as number); page++) await this.get(`/api/v1/public/items?pageSize=3&page=${page}`);
    const probes = items.flatMap((i) => [i.publicTexts.title, i.indexNumber, ...i.secretTexts.filter((s) => s.startsWith('ZQT') || s.startsWith('ZQRT') || s.startsWith('ZQB') || s.startsWith('ZQRB'))]);
    for (const q of probes) {
      await this.get(`/api/v1/public/items?q=${encodeURIComponent(q)}`);
      if (hasSearch) await this.search(q);
    }
    return this.fetched;
  }
}
