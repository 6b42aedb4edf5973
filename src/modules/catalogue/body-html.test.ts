import { describe, expect, it } from 'vitest';
import { bodyText, sanitizeBodyHtml } from './body-html.ts';

describe('sanitizeBodyHtml', () => {
  it('keeps structure and drops script', () => {
    const html = '<p onclick="x()">第一条<script>alert(1)</script></p><img src=x onerror=alert(1)><a href="javascript:alert(1)">链接</a><a href="/xxgk">专栏</a><table><tr><td colspan="2">表</td></tr></table>';
    expect(sanitizeBodyHtml(html)).toBe('<p>第一条</p><a>链接</a><a href="/xxgk">专栏</a><table><tr><td colspan="2">表</td></tr></table>');
  });
  it('turns markup into text with line breaks', () => {
    expect(bodyText('<h2>一、总体要求</h2><p>认真落实&amp;推进</p><ol><li>甲</li><li>乙</li></ol>')).toBe('一、总体要求\n认真落实&推进\n甲\n乙');
  });
});
