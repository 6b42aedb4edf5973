import { describe, expect, it } from 'vitest';
import { classifyLink, extractHrefs, siteHost } from './internal-links.ts';

describe('internal links in a public body', () => {
  it('extracts hrefs in either quote style and decodes entities', () => {
    expect(extractHrefs(`<p><a href="/xxgk/content/a1">甲</a> <a title='x' href='/xxgk/list?topic=t1&amp;page=2'>乙</a> <a>无</a></p>`)).toEqual(['/xxgk/content/a1', '/xxgk/list?topic=t1&page=2']);
  });

  it('reads the host from the configured site domain', () => {
    expect(siteHost('kjj.example.gov.cn')).toBe('kjj.example.gov.cn');
    expect(siteHost('https://KJJ.example.gov.cn/')).toBe('kjj.example.gov.cn');
    expect(siteHost('')).toBeUndefined();
  });

  const host = 'kjj.example.gov.cn';
  it.each([
    ['/xxgk/content/abc123', { kind: 'item', itemId: 'abc123' }],
    ['https://kjj.example.gov.cn/xxgk/content/abc123', { kind: 'item', itemId: 'abc123' }],
    ['/xxgk/content/abc123/files/f9', { kind: 'attachment', itemId: 'abc123', attachmentId: 'f9' }],
    ['/api/v1/public/items/11330000MB0000001X%2F2026-00012', { kind: 'index-number', indexNumber: '11330000MB0000001X/2026-00012' }],
    ['/api/v1/public/items/11330000MB0000001X/2026-00012', { kind: 'index-number', indexNumber: '11330000MB0000001X/2026-00012' }],
    ['/xxgk/catalogue/e1', { kind: 'page', path: '/xxgk/catalogue/e1' }],
    ['/xxgk/list?column=news', { kind: 'page', path: '/xxgk/list?column=news' }],
    ['other-item', { kind: 'item', itemId: 'other-item' }],
    ['../list', { kind: 'page', path: '/xxgk/list' }],
  ])('%s names %j', (href, target) => {
    expect(classifyLink(href, 'from1', host)?.target).toEqual(target);
  });

  it.each(['https://www.gov.cn/zhengce/', 'mailto:kjj@example.gov.cn', '#part2', '', 'javascript:alert(1)'])('ignores %s', (href) => {
    expect(classifyLink(href, 'from1', host)).toBeUndefined();
  });
});
