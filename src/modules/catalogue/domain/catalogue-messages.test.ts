import { describe, expect, it } from 'vitest';
import { CATALOGUE_MESSAGES } from './catalogue-messages.ts';
import { parseDocumentNumber } from './document-number.ts';
import { transition } from './item-workflow.ts';

describe('CATALOGUE_MESSAGES', () => {
  it.each([
    ['not-proactive', '只有主动公开的政府信息才能发布；依申请公开、不予公开的信息不得发布。'],
    ['wrong-brackets', '发文字号的年份应使用六角括号“〔〕”，不能使用 [ ]、( )、（ ）、【 】等括号。'],
    ['leading-zero', '发文顺序号不编虚位，例如 1 不编为 01。'],
    ['review-note-required', '审核通过前须填写保密审查意见（条例第十七条）。'],
    ['repealed-is-final', '已废止的文件不能恢复为有效或改为失效；如需继续适用，应重新制发文件。'],
  ] as const)('%s', (code, message) => {
    expect(CATALOGUE_MESSAGES[code]).toBe(message);
  });

  it('gives every code a Chinese sentence ending in 。 under a kebab-case key', () => {
    for (const [code, message] of Object.entries(CATALOGUE_MESSAGES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(message, code).toMatch(/\p{Script=Han}.*。$/u);
    }
  });

  it('covers refusals as the domain returns them', () => {
    const refusal = transition('approved', 'publish', { disclosureAttribute: 'exempt', now: new Date(0) });
    const number = parseDocumentNumber('县科技发〔2023〕第12号');
    expect([refusal.ok ? '' : refusal.reason, number.ok ? '' : number.reason]).toEqual(['not-proactive', 'ordinal-prefix']);
    expect(CATALOGUE_MESSAGES['ordinal-prefix']).toBe('发文顺序号前不加“第”字。');
  });
});
