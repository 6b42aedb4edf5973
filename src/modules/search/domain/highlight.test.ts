import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlight, snippet } from './highlight.ts';

const unmark = (html: string) =>
  html.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('highlight', () => {
  it('escapes the text and marks the needles only', () => {
    expect(highlight('<script>alert("科技")</script>科技通知', ['科技'])).toBe('&lt;script&gt;alert(&quot;<mark>科技</mark>&quot;)&lt;/script&gt;<mark>科技</mark>通知');
    expect(highlight('a & b', [])).toBe('a &amp; b');
  });

  it('merges overlapping matches and matches case- and width-insensitively', () => {
    expect(highlight('科技创新券', ['科技创新券', '科技', '创新'])).toBe('<mark>科技创新券</mark>');
    expect(highlight('COVID 与 Covid', ['covid'])).toBe('<mark>COVID</mark> 与 <mark>Covid</mark>');
    expect(highlight('县科技发〔２０２３〕12号', ['2023'])).toBe('县科技发〔<mark>２０２３</mark>〕12号');
  });

  it('matches Latin words and numbers whole, Chinese anywhere', () => {
    expect(highlight('2012年 12号 a12', ['12'])).toBe('2012年 <mark>12</mark>号 a12');
    expect(highlight('cat concat', ['cat'])).toBe('<mark>cat</mark> concat');
  });

  it('never changes the text, only adds marks', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 4 }), (text, needles) => {
        const html = highlight(text, needles.map((n) => n.normalize('NFKC').toLowerCase()));
        expect(unmark(html)).toBe(text);
        expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('snippet', () => {
  const text = `${'前言部分。'.repeat(40)}本办法所称科技特派员，是指经选派的专业技术人员。${'附则部分。'.repeat(40)}`;

  it('shows the part with the most different needles, with … where text is left out', () => {
    const s = snippet(text, ['科技特派员', '技术'], 60);
    expect(s).toMatch(/^…/);
    expect(s).toMatch(/…$/);
    expect(s).toContain('<mark>科技特派员</mark>');
    expect(s).toContain('<mark>技术</mark>');
    expect(unmark(s).length).toBeLessThanOrEqual(62);
  });

  it('starts at the beginning without a match, and escapes', () => {
    expect(snippet('<b>通知</b>\n\n正文', ['无关'], 100)).toBe('&lt;b&gt;通知&lt;/b&gt; 正文');
    expect(snippet('短文本', ['文本'])).toBe('短<mark>文本</mark>');
  });
});
