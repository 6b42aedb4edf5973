import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postForm, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';

const ITEM = { title: '关于推进政务服务公开的通知', disclosureAttribute: 'proactive', writtenOn: '2026-11-20', topic: '科技', genre: '通知公告', summary: '推进政务服务公开。', documentNumber: '县科技发〔2026〕21号' };
const FAULTY = '<p>各科室：为推进政务效劳公开，按照主动公开根本目录的要求，现将有关事项通知如下。</p>';

describe.each(await testDialects())('publication gate routes on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const submittedItem = async (body = FAULTY) => {
    const created = await t.api('editor', 'POST', '/api/v1/items', { ...ITEM, body });
    expect(created.statusCode).toBe(201);
    await t.api('editor', 'POST', `/api/v1/items/${created.json().id}/submit`);
    return created.json();
  };

  it('API: reports the checks on save and refuses approval with 409 content-check-blocked and the findings', async () => {
    const item = await submittedItem();
    expect(item.checks.canPublish).toBe(false);
    expect(item.checks.blocking.map((f: { text: string }) => f.text)).toEqual(['效劳', '根本目录']);
    const refused = await t.api('leader', 'POST', `/api/v1/items/${item.id}/approve`, { note: '同意' });
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error;
    expect(error.code).toBe('content-check-blocked');
    expect(error.message).toContain('内容检查发现“确定”问题');
    expect(error.findings.map((f: { rule: string; suggestion: string }) => [f.rule, f.suggestion])).toEqual([['conversion/效劳', '服务'], ['conversion/根本目录', '基本目录']]);
    const checks = (await t.api('auditor', 'GET', `/api/v1/items/${item.id}/checks`)).json();
    expect(checks).toMatchObject({ canPublish: false, overrides: [] });
    expect(checks.blocking[0]).toMatchObject({ source: 'body', severity: '确定', before: '各科室：为推进政务', text: '效劳' });
  });

  it('API: only a leader overrides, with a reason; then the item is approved and published', async () => {
    const item = await submittedItem();
    expect((await t.api('officer', 'POST', `/api/v1/items/${item.id}/check-overrides`, { reason: '引用原文' })).statusCode).toBe(403);
    expect((await t.api('leader', 'POST', `/api/v1/items/${item.id}/check-overrides`, {})).statusCode).toBe(400);
    const override = await t.api('leader', 'POST', `/api/v1/items/${item.id}/check-overrides`, { reason: '引用上级文件原文，保持原样' });
    expect(override.statusCode).toBe(201);
    expect(override.json()).toMatchObject({ overriddenByName: '测试leader', reason: '引用上级文件原文，保持原样' });
    expect((await t.api('leader', 'POST', `/api/v1/items/${item.id}/approve`, { note: '同意' })).statusCode).toBe(200);
    expect((await t.api('officer', 'POST', `/api/v1/items/${item.id}/publish`, {})).json().state).toBe('published');
    const checks = (await t.api('officer', 'GET', `/api/v1/items/${item.id}/checks`)).json();
    expect(checks.overridden.map((f: { text: string; overrideId: string }) => [f.text, f.overrideId])).toEqual([['效劳', override.json().id], ['根本目录', override.json().id]]);
  });

  it('describes the gate in the OpenAPI document', async () => {
    const paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    expect(paths['/api/v1/items/{id}/checks'].get.responses['200']).toBeDefined();
    expect(paths['/api/v1/items/{id}/check-overrides'].post.requestBody.content['application/json'].schema.properties.reason).toBeDefined();
  });

  it('console: shows findings inline, refuses approval with the message, records the leader override in the history', async () => {
    const item = await submittedItem();
    const leader = await t.signIn('leader');
    const page = await t.app.inject({ method: 'GET', url: `/console/items/${item.id}`, headers: { cookie: leader.cookie } });
    expect(page.body).toContain('发布前检查');
    expect(page.body).toContain('内容检查发现 2 个“确定”问题');
    expect(page.body).toContain('为推进政务<mark>效劳</mark>公开');
    expect(page.body).toContain('改为“基本目录”');
    const refused = await postForm(t.app, `/console/items/${item.id}/events/approve`, leader, { version: String(item.version + 1), note: '同意' });
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toContain('error=content-check-blocked');
    const shown = await t.app.inject({ method: 'GET', url: refused.headers.location as string, headers: { cookie: leader.cookie } });
    expect(shown.body).toContain('内容检查发现“确定”问题，不能审核通过或发布');
    const editor = await t.signIn('editor');
    expect((await postForm(t.app, `/console/items/${item.id}/check-overrides`, editor, { reason: '想放行' })).statusCode).toBe(403);
    const overridden = await postForm(t.app, `/console/items/${item.id}/check-overrides`, leader, { reason: '系引用原文，保持原样' });
    expect(overridden.headers.location).toContain('notice=checks-overridden');
    const after = await t.app.inject({ method: 'GET', url: `/console/items/${item.id}`, headers: { cookie: leader.cookie } });
    expect(after.body).toContain('没有阻止发布的问题（2 个“确定”问题已由领导放行）');
    expect(after.body).toContain('内容检查放行（item.override-checks）');
    expect(after.body).toContain('理由：系引用原文，保持原样');
    expect(after.body).toContain('测试leader 放行 2 个问题');
  });

  it('console: says on save that the draft has blocking findings', async () => {
    const editor = await t.signIn('editor');
    const saved = await postForm(t.app, '/console/items', editor, { title: '保存即检查', disclosure: 'proactive', writtenOn: '2026-11-20', topicCode: 't11-01', genreCode: 'notice', summary: '概述', bodyHtml: FAULTY });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toContain('notice=saved-with-findings');
  });
});
