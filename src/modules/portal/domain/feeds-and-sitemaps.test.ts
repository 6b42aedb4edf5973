import { describe, expect, it } from 'vitest';
import { renderAtomFeed, tagUri } from './atom-feed.ts';
import { renderSitemapIndex, renderUrlSet, sitemapFileCount } from './sitemap.ts';
import { element, escapeXml } from './xml.ts';

describe('XML text', () => {
  it.each([
    ['markup and quotes', `<a href="x">&'`, '&lt;a href=&quot;x&quot;&gt;&amp;&apos;'],
    ['control characters XML 1.0 forbids', 'A\u0000B\u0008C\u000BD\u001FE', 'ABCDE'],
    ['tab and newlines kept', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['lone surrogates dropped, pairs kept', 'x\uD800y\uDC00z😀', 'xyz😀'],
    ['U+FFFE dropped', 'a\uFFFEb', 'ab'],
  ])('escapes %s', (_name, input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  it('leaves out undefined attributes and closes empty elements', () => {
    expect(element('link', undefined, { rel: 'self', title: undefined, href: '/a?b=1&c=2' })).toBe('<link rel="self" href="/a?b=1&amp;c=2"/>');
  });
});

describe('Atom feeds', () => {
  const feed = () =>
    renderAtomFeed({
      id: tagUri('KJJ.example.gov.cn:8080', '2019', '/feed.xml'),
      title: '某县<科技局>',
      selfHref: 'https://kjj.example.gov.cn/feed.xml',
      alternateHref: 'https://kjj.example.gov.cn/xxgk/list',
      updatedAt: '2026-11-27T02:00:00.000Z',
      author: '某县科学技术局',
      entries: [
        {
          id: tagUri('kjj.example.gov.cn', '2026-11-27', '/xxgk/content/abc'),
          title: '关于A&B的通知</title><script>',
          href: 'https://kjj.example.gov.cn/xxgk/content/abc',
          publishedAt: '2026-11-27T00:00:00+08:00',
          updatedAt: '2026-11-27T02:00:00.000Z',
          author: '某县科学技术局',
          summary: '索引号：11330000MB0000001X/2026-00001',
          categories: [{ term: 't11-01', label: '科技、教育 › 科技', scheme: 'https://kjj.example.gov.cn/xxgk/topics/' }],
        },
      ],
    });

  it('mints tag URIs from a lower-cased host without its port (RFC 4151)', () => {
    expect(tagUri('KJJ.example.gov.cn:8080', '2019', '/feed.xml')).toBe('tag:kjj.example.gov.cn,2019:/feed.xml');
    expect(tagUri('[::1]:3000', '2019', '/x')).toBe('tag:::1,2019:/x');
  });

  it('escapes every text and carries id, updated and links', () => {
    const xml = feed();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(xml).toContain('<title type="text">某县&lt;科技局&gt;</title>');
    expect(xml).toContain('<title type="text">关于A&amp;B的通知&lt;/title&gt;&lt;script&gt;</title>');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('<id>tag:kjj.example.gov.cn,2026-11-27:/xxgk/content/abc</id>');
    expect(xml).toContain('<updated>2026-11-27T02:00:00.000Z</updated>');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://kjj.example.gov.cn/xxgk/content/abc"/>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
  });
});

describe('sitemaps', () => {
  it('renders url sets and indexes with escaped locations', () => {
    expect(renderUrlSet([{ loc: 'https://a/x?b=1&c=2', lastmod: '2026-11-27' }, { loc: 'https://a/' }])).toContain('<url><loc>https://a/x?b=1&amp;c=2</loc><lastmod>2026-11-27</lastmod></url>\n<url><loc>https://a/</loc></url>');
    expect(renderSitemapIndex([{ loc: 'https://a/sitemaps/1.xml' }])).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<sitemap><loc>https://a/sitemaps/1.xml</loc></sitemap>');
  });

  it.each([
    [0, 10, 1],
    [10, 10, 1],
    [11, 10, 2],
    [120_000, 100_000, 3],
  ])('needs the right number of files for %i URLs at %i per file (never above the protocol limit)', (urls, perFile, files) => {
    expect(sitemapFileCount(urls, perFile)).toBe(files);
  });
});
