import { describe, expect, it } from 'vitest';
import { EVENT_INPUT_MESSAGES, INTAKE_MESSAGES, RECEIPT_DATE_MESSAGES, REQUEST_REFUSAL_MESSAGES, REVIEW_MESSAGES } from './request-messages.ts';

describe('message tables', () => {
  it.each([
    ['REQUEST_REFUSAL_MESSAGES', REQUEST_REFUSAL_MESSAGES, 22],
    ['EVENT_INPUT_MESSAGES', EVENT_INPUT_MESSAGES, 4],
    ['INTAKE_MESSAGES', INTAKE_MESSAGES, 13],
    ['RECEIPT_DATE_MESSAGES', RECEIPT_DATE_MESSAGES, 5],
    ['REVIEW_MESSAGES', REVIEW_MESSAGES, 9],
  ] as const)('%s: %i codes, each a Chinese sentence', (_name, table, count) => {
    const messages = Object.values(table) as string[];
    expect(messages).toHaveLength(count);
    for (const message of messages) expect(message).toMatch(/^[^\sA-Za-z].*[。）]$/u);
  });

  it('cites the article a refusal rests on', () => {
    expect(REQUEST_REFUSAL_MESSAGES['correction-too-late']).toContain('条例第三十条');
    expect(REQUEST_REFUSAL_MESSAGES['extension-out-of-range']).toContain('条例第三十三条第二款');
  });
});
