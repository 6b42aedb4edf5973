import { describe, expect, it } from 'vitest';
import { tokenWord } from './domain/engine-token.ts';
import { TOKEN } from './domain/search-query.ts';
import { pieces, segmentForIndex, segmentQuery } from './segmenter.ts';

describe('segmenter', () => {
  it('indexes the two-character words inside longer words and inside domain terms', () => {
    expect(segmentForIndex('关于开展2026年度科技创新券申报工作的通知')).toEqual(expect.arrayContaining(['科技创新券', '科技', '创新', '申报', '2026']));
    expect(segmentForIndex('推进政府信息公开')).toEqual(expect.arrayContaining(['政府信息公开', '政府', '信息', '公开']));
    // The default dictionary's words inside a domain term survive: 高新技术 inside 高新技术企业.
    expect(segmentForIndex('认定高新技术企业')).toEqual(expect.arrayContaining(['高新技术企业', '高新技术', '高新', '技术', '企业']));
  });

  it('keeps the cut words in text order before the sub-words, so phrases stay adjacent', () => {
    const tokens = segmentForIndex('开展科技创新券申报');
    expect(tokens.slice(0, 3)).toEqual(['开展', '科技创新券', '申报']);
  });

  it('keeps domain terms whole in queries and cuts queries like the index', () => {
    expect(segmentQuery('主动公开')).toEqual(['主动公开']);
    expect(segmentQuery('依申请公开 行政规范性文件')).toEqual(['依申请公开', '行政规范性文件']);
    expect(segmentQuery('科技特派员')).toEqual(['科技特派员']);
    expect(segmentQuery('知识产权')).toEqual(['知识产权']);
    const indexed = new Set(segmentForIndex('县科学技术局关于主动公开科技特派员名单的通知'));
    for (const q of ['主动公开', '公开', '科技', '特派员', '科技特派员', '名单']) for (const token of segmentQuery(q)) expect(indexed, q).toContain(token);
  });

  it('makes the parts of a 发文字号 and of a 索引号 tokens', () => {
    expect(segmentForIndex('县科技发〔2023〕12号')).toEqual(expect.arrayContaining(['县科技发', '2023', '12']));
    expect(segmentForIndex('根据县科技发〔2023〕12号文件')).toEqual(expect.arrayContaining(['县科技发', '科技发', '2023', '12']));
    expect(segmentForIndex('县科技发[2023]12号')).toEqual(expect.arrayContaining(['县科技发', '2023', '12']));
    expect(segmentForIndex('11331023002657129U/2026-00012')).toEqual(['11331023002657129u', '2026', '00012']);
  });

  it('emits only lower-case letter-and-digit tokens, full-width folded', () => {
    const tokens = segmentForIndex('COVID-19 疫情，v1.2 版本；Ｅ-mail：a@b.com ２０２３年《通知》²½ ① ⅻ');
    expect(tokens.every((t) => TOKEN.test(t) && t === t.toLowerCase())).toBe(true);
    expect(tokens).toEqual(expect.arrayContaining(['covid', '19', 'v1', '2', 'e', 'mail', 'com', '2023', '通知', 'xii']));
    expect(tokens).not.toContain('²');
  });

  it('spells out words in characters the engines classify differently, and spells them back', () => {
    const tokens = segmentForIndex('人名𮯰与𰻞及ς');
    expect(tokens.every((t) => /^[a-z0-9\u3400-\u9fff]+$/.test(t) || /^xu([0-9a-f]{6})+$/.test(t))).toBe(true);
    expect(tokens.map(tokenWord).join('')).toContain('𰻞');
    expect(segmentQuery('𰻞').map(tokenWord)).toEqual(['𰻞']);
  });

  it('splits long text into pieces without breaking characters, and indexes all of it', () => {
    const paragraph = '推进政府信息主动公开基本目录建设，落实政府信息公开属性源头认定机制。'.repeat(200);
    const text = `${paragraph}\n${'𠀀𠀁'.repeat(3000)}\n最后一段提到朱鹮。`;
    const parts = pieces(text);
    expect(parts.every((p) => p.length <= 2000 && !/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/.test(p))).toBe(true);
    expect(parts.join('') === text.normalize('NFKC').replace(/\n/g, '')).toBe(true);
    expect(segmentForIndex(text)).toContain('朱鹮');
  });
});
