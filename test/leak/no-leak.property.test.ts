import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueEntryInput } from '../../src/modules/catalogue/domain/catalogue-entry.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDialects } from '../support/test-database.ts';
import { PublicCrawl, type Fetched } from './public-crawl.ts';
import { buildCatalogue, catalogueSpec, retractAll, type BuiltItem } from './random-catalogue.ts';

/**
 * Issue #3, "Nothing leaks": for random catalogues, no non-public item's title, 索引号, summary,
 * body, attachment name or attachment bytes, and no unpublished revision text, appears in any
 * response of any public surface, including attachment URLs guessed from public ones and facet
 * counts; and every public item is reachable (so the property is not vacuous).
 */

// The crawl makes hundreds of API requests from one address; rate limiting has its own tests.
process.env.PUBLIC_API_RATE_LIMIT = '0';

const RUNS = Number(process.env.LEAK_RUNS ?? 25);

const entry = (level2: string): CatalogueEntryInput => ({
  sortOrder: 1,
  level1: '政府信息公开',
  level2,
  content: level2,
  basis: [{ type: '行政法规', title: '《中华人民共和国政府信息公开条例》' }],
  timeLimitWorkingDays: 20,
  timeLimitText: '信息形成或者变更之日起20个工作日内',
  subject: '办公室',
  channels: ['政府网站'],
  audience: ['全社会'],
  methods: ['主动'],
  levels: ['县级'],
});

/** Forbidden text → what it is, for readable failures. */
function secrets(items: readonly BuiltItem[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of items) {
    const what = `${i.spec.disclosure}/${i.spec.fate} item ${i.id}`;
    for (const s of i.secretTexts) {
      out.set(s, what);
      if (s.includes('/')) out.set(encodeURIComponent(s), `${what} (URL-encoded)`);
    }
  }
  return out;
}

function leaks(fetched: readonly Fetched[], forbidden: Map<string, string>): string[] {
  const found: string[] = [];
  const count = (body: string, text: string) => body.split(text).length - 1;
  for (const f of fetched)
    for (const [text, what] of forbidden) {
      // The search page may repeat its own query (the search box, the heading) as often as for a query that matches nothing.
      const echoed = f.echo && (f.echo.text === text || encodeURIComponent(f.echo.text) === text) ? f.echo.times : 0;
      if (count(f.body, text) > echoed) found.push(`${f.url} (${f.status}) shows ${text} of ${what}`);
    }
  return found;
}

/** Where each public item must be found: lists, sitemap, feeds or API, detail page, attachments, API record. */
function unreachable(fetched: readonly Fetched[], items: readonly BuiltItem[]): string[] {
  const body = (url: string) => fetched.find((f) => f.url === url);
  const lists = fetched.filter((f) => f.url.startsWith('/xxgk/list')).map((f) => f.body).join('\n');
  const sitemap = fetched.filter((f) => f.url === '/sitemap.xml' || f.url.startsWith('/sitemaps/')).map((f) => f.body).join('\n');
  const api = fetched.filter((f) => f.url.startsWith('/api/v1/public/items?pageSize=')).map((f) => f.body).join('\n');
  const missing: string[] = [];
  for (const i of items.filter((x) => x.isPublic)) {
    const { title, body: text, attachmentIds, attachmentBytes } = i.publicTexts;
    if (!lists.includes(title)) missing.push(`${title} not on /xxgk/list`);
    if (!sitemap.includes(`/xxgk/content/${i.id}<`)) missing.push(`${i.id} not in the sitemap`);
    if (!api.includes(i.indexNumber)) missing.push(`${i.indexNumber} not in the API list`);
    const detail = body(`/xxgk/content/${i.id}`);
    if (detail?.status !== 200 || !detail.body.includes(title) || !detail.body.includes(text)) missing.push(`detail page of ${i.id}`);
    const record = body(`/api/v1/public/items/${encodeURIComponent(i.indexNumber)}`);
    if (record?.status !== 200 || !record.body.includes(text)) missing.push(`API record of ${i.indexNumber}`);
    attachmentIds.forEach((aid, n) => {
      const file = body(`/xxgk/content/${i.id}/files/${aid}`);
      if (file?.status !== 200 || !file.body.includes(attachmentBytes[n]!)) missing.push(`attachment ${aid} of ${i.id}`);
    });
  }
  const total = JSON.parse(body('/api/v1/public/items?pageSize=100')!.body).total;
  const publicCount = items.filter((i) => i.isPublic).length;
  if (total !== publicCount) missing.push(`API total ${total}, expected ${publicCount}`);
  if (!body('/xxgk')!.body.includes(`共有主动公开信息 ${publicCount} 条`)) missing.push(`/xxgk does not count ${publicCount} public items`);
  if (!body('/xxgk/list')!.body.includes(`共 ${publicCount} 条`)) missing.push(`/xxgk/list does not count ${publicCount} public items`);
  return missing;
}

describe.each(await testDialects())('nothing non-public leaks on %s', (dialect) => {
  let t: TestApp;
  let entryIds: string[];
  let hasSearch: boolean;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    entryIds = [(await t.services.catalogueEntries.create(t.actors.officer, entry('政府信息公开制度'))).id, (await t.services.catalogueEntries.create(t.actors.officer, entry('政府信息公开指南'))).id];
    hasSearch = t.app.hasRoute({ method: 'GET', url: '/search' });
  });
  afterAll(() => t.close());

  it(`shows no non-public text anywhere and every public item somewhere (${RUNS} random catalogues)`, async () => {
    await fc.assert(
      fc.asyncProperty(catalogueSpec, async (specs) => {
        const items = await buildCatalogue(t, specs, entryIds);
        try {
          const fetched = await new PublicCrawl(t.app).everything(items, entryIds, hasSearch);
          expect(leaks(fetched, secrets(items))).toEqual([]);
          expect(unreachable(fetched, items)).toEqual([]);
        } finally {
          await retractAll(t, items);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
