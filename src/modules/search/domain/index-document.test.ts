import { describe, expect, it } from 'vitest';
import { capTokens, indexTexts, MAX_BODY_TOKENS, MAX_OCCURRENCES } from './index-document.ts';

describe('index document', () => {
  it('indexes title apart from 文号, 索引号, summary, body and attachment names', () => {
    const texts = indexTexts({ title: '标题', documentNumber: '县科技发〔2023〕12号', indexNumber: 'X/2023-00001', summary: '摘要', bodyText: '正文', attachmentNames: ['申报表.docx'] });
    expect(texts.title).toBe('标题');
    expect(texts.body.split('\n')).toEqual(['县科技发〔2023〕12号', 'X/2023-00001', '摘要', '正文', '申报表.docx']);
    expect(texts.snippetSource).toBe('摘要\n正文\n附件：申报表.docx');
  });

  it('keeps within PostgreSQL position limits so both engines see the same words', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? '的' : `词${i}`));
    const capped = capTokens(['的', '标题'], body);
    expect(capped.title).toEqual(['的', '标题']);
    expect(capped.body.length).toBeLessThanOrEqual(MAX_BODY_TOKENS);
    expect([...capped.title, ...capped.body].filter((t) => t === '的')).toHaveLength(MAX_OCCURRENCES);
  });
});
