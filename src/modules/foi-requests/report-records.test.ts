import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDialects } from '../../../test/support/test-database.ts';
import { anApplicationBody } from './testing/foi-builders.ts';

/** Issue #5 reads table 三 from the requests issue #4 records: received, decided and carried over. */
describe.each(await testDialects())('依申请公开 records in the annual report on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('counts a December request answered in January where the format says', async () => {
    const december = (await t.api('officer', 'POST', '/api/v1/foi-requests', anApplicationBody({ receivedOn: '2025-12-22' }))).json();
    const early = (await t.api('officer', 'POST', '/api/v1/foi-requests', anApplicationBody({ receivedOn: '2025-03-03' }))).json();
    expect(december.id).toBeDefined();
    expect(early.id).toBeDefined();
    expect((await t.api('officer', 'POST', `/api/v1/foi-requests/${december.id}/events`, { type: 'replied', on: '2026-01-08', outcome: 'disclosed' })).statusCode).toBe(200);
    await t.api('officer', 'POST', `/api/v1/foi-requests/${early.id}/events`, { type: 'replied', on: '2025-03-20', outcome: 'unavailable-not-held' });
    const row = (json: any, label: string) => json.tables['三、收到和处理政府信息公开申请情况'].rows.find((r: any) => r.label.startsWith(label)).cells;
    for (const year of [2025, 2026]) expect((await t.api('officer', 'POST', `/api/v1/annual-reports/${year}/generate`, {})).statusCode).toBeLessThan(300);
    const y2025 = (await t.api('officer', 'GET', '/api/v1/annual-reports/2025')).json();
    const y2026 = (await t.api('officer', 'GET', '/api/v1/annual-reports/2026')).json();
    const newIn2025 = row(y2025, '一、本年新收');
    expect(newIn2025[0]).toBe(2);
    expect(newIn2025[6]).toBe(2);
    expect(row(y2025, '1.本机关不掌握相关政府信息')[0]).toBe(1);
    expect(row(y2025, '四、结转下年度继续办理')[0]).toBe(1);
    expect(row(y2026, '二、上年结转')[0]).toBe(1);
    expect(row(y2026, '（一）予以公开')[0]).toBe(1);
    expect(row(y2025, '（一）予以公开')[0]).toBe(0);
  });
});
