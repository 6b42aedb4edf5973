import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';

describe('POST /api/v1/content-checks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('finds the seed plan’s conversion artifacts with UTF-16 offsets and leaves correct wording alone', async () => {
    const text = '😀加强管理效劳公开，开展培训，逐步推行行政审批标准化。';
    const res = await t.api('editor', 'POST', '/api/v1/content-checks', { text });
    expect(res.statusCode).toBe(200);
    const { findings } = res.json();
    const f = findings.find((x: { text: string }) => x.text === '效劳');
    expect(f).toMatchObject({ start: text.indexOf('效劳'), end: text.indexOf('效劳') + 2, severity: '确定', suggestion: '服务' });
    expect(findings.some((x: { text: string }) => x.text.includes('开展') || x.text.includes('标准化'))).toBe(false);
  });

  it('requires a signed-in user and refuses unknown fields', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/content-checks', payload: { text: 'x' } })).statusCode).toBe(401);
    expect((await t.api('editor', 'POST', '/api/v1/content-checks', { text: 'x', extra: 1 })).json().error.code).toBe('invalid-input');
  });
});
