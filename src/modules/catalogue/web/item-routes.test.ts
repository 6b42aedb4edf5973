import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postForm, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';

const apiItem = (overrides: Record<string, unknown> = {}) => ({
  title: '关于公布2026年度县级科技计划项目的通知',
  disclosureAttribute: 'proactive',
  writtenOn: '2026-11-20',
  topic: '科技',
  genre: '其他文件',
  body: '<p>现将项目名单予以公布。</p><script>alert(1)</script>',
  documentNumber: '县科技发〔2026〕21号',
  ...overrides,
});

describe.each(await testDialects())('catalogue routes on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('creates a draft through the API, resolving topic and genre by Chinese name, and sanitises the body', async () => {
    const res = await t.api('editor', 'POST', '/api/v1/items', apiItem());
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item.indexNumber).toMatch(/^11330000MB0000001X\/2026-\d{5}$/);
    expect(item.topicCode).toBe('t11-01');
    expect(item.genreCode).toBe('other-document');
    expect(item.body).toBe('<p>现将项目名单予以公布。</p>');
    const got = await t.api('auditor', 'GET', `/api/v1/items/${item.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().timeliness).toMatchObject({ dueOn: '2026-12-18', status: 'pending', limitWorkingDays: 20 });
  });

  it('runs the whole workflow over the API and refuses what the table forbids with 409', async () => {
    const { id } = (await t.api('editor', 'POST', '/api/v1/items', apiItem())).json();
    expect((await t.api('officer', 'POST', `/api/v1/items/${id}/publish`, {})).json().error.code).toBe('not-allowed-in-state');
    expect((await t.api('editor', 'POST', `/api/v1/items/${id}/submit`)).statusCode).toBe(200);
    const forbidden = await t.api('editor', 'POST', `/api/v1/items/${id}/approve`, { note: '同意' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('forbidden');
    expect((await t.api('leader', 'POST', `/api/v1/items/${id}/approve`, { note: '不涉密，同意公开' })).json().state).toBe('approved');
    const published = await t.api('officer', 'POST', `/api/v1/items/${id}/publish`, {});
    expect(published.json()).toMatchObject({ state: 'published', currentEdition: 1 });
    const page = await t.app.inject({ method: 'GET', url: `/xxgk/content/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('关于公布2026年度县级科技计划项目的通知');
    expect(page.body).toContain('县科技发〔2026〕21号');
    expect(page.body).toContain('<meta name="ArticleTitle" content="关于公布2026年度县级科技计划项目的通知">');
    const retracted = await t.api('officer', 'POST', `/api/v1/items/${id}/retract`, { reason: '名单有误' });
    expect(retracted.json().state).toBe('retracted');
    expect((await t.app.inject({ method: 'GET', url: `/xxgk/content/${id}` })).statusCode).toBe(404);
  });

  it.each([
    ['unknown field', { ...apiItem(), colour: 'red' }, 'invalid-input', 'colour', 'unknown-field'],
    ['wrong type', { ...apiItem(), title: 123 }, 'invalid-input', 'title', 'wrong-type'],
    ['impossible date', apiItem({ writtenOn: '2026-02-30' }), 'invalid-input', 'writtenOn', 'invalid-date'],
    ['future date', apiItem({ writtenOn: '2027-01-05' }), 'invalid-input', 'writtenOn', 'date-in-future'],
    ['square brackets in 文号', apiItem({ documentNumber: '县科技发[2026]21号' }), 'invalid-input', 'documentNumber', 'wrong-brackets'],
    ['文号 year against 成文日期', apiItem({ documentNumber: '县科技发〔2025〕21号' }), 'invalid-input', 'documentNumber', 'year-mismatch'],
    ['unknown topic', apiItem({ topic: '航天' + '旅游业' }), 'invalid-input', 'topic', 'unknown-topic'],
    ['exempt without basis', apiItem({ disclosureAttribute: 'exempt' }), 'invalid-input', 'exemption.basis', 'required'],
  ])('refuses %s with a stable code and stores nothing', async (_name, body, code, field, fieldCode) => {
    const before = await t.database.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await t.api('editor', 'POST', '/api/v1/items', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.fields[field].code).toBe(fieldCode);
    expect(res.json().error.fields[field].message).toMatch(/[\u4e00-\u9fff]/);
    const after = await t.database.db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers malformed JSON and oversized bodies with codes, never 500', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/items', headers: { authorization: `Bearer ${t.tokens.editor}`, 'content-type': 'application/json' }, payload: '{"title": "未闭合' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('malformed-json');
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/items', headers: { authorization: `Bearer ${t.tokens.editor}`, 'content-type': 'application/json' }, payload: JSON.stringify(apiItem({ body: 'x'.repeat(2_000_000) })) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload-too-large');
  });

  it('escapes script in titles on every page', async () => {
    const { id } = (await t.api('editor', 'POST', '/api/v1/items', apiItem({ title: '<script>alert("x")</script>通知' }))).json();
    const session = await t.signIn('editor');
    const page = await t.app.inject({ method: 'GET', url: `/console/items/${id}`, headers: { cookie: session.cookie } });
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;通知');
  });

  it('shows Chinese errors beside the fields in the console and keeps what was typed', async () => {
    const session = await t.signIn('editor');
    const res = await postForm(t.app, '/console/items', session, { title: '', writtenOn: '2026-13-01', topicCode: 't11-01', genreCode: 'notice', disclosure: 'proactive', summary: '保留我输入的概述' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/id="title-error"[^>]*>此项为必填项/);
    expect(res.body).toMatch(/id="writtenOn-error"[^>]*>日期应为有效的/);
    expect(res.body).toContain('保留我输入的概述');
  });

  it('refuses a forged CSRF token on a console form', async () => {
    const session = await t.signIn('editor');
    const res = await postForm(t.app, '/console/items', { cookie: session.cookie, csrf: 'x'.repeat(session.csrf.length) }, { title: '伪造' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('页面已过期或表单来源无法验证');
  });

  it('refuses a stale console edit with a clear message and keeps the newer text', async () => {
    const { id } = (await t.api('editor', 'POST', '/api/v1/items', apiItem({ title: '原始标题' }))).json();
    const session = await t.signIn('editor');
    const fields = { title: '甲的修改', writtenOn: '2026-11-20', topicCode: 't11-01', genreCode: 'notice', disclosure: 'proactive', version: '1' };
    expect((await postForm(t.app, `/console/items/${id}`, session, fields)).statusCode).toBe(303);
    const stale = await postForm(t.app, `/console/items/${id}`, session, { ...fields, title: '乙的过期修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('该记录已被他人修改');
    expect((await t.api('editor', 'GET', `/api/v1/items/${id}`)).json().title).toBe('甲的修改');
  });

  it('describes the item API in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/items', '/api/v1/items/{id}', '/api/v1/items/{id}/{event}']));
    expect(doc.paths['/api/v1/items'].post.requestBody.content['application/json'].schema.properties.disclosureAttribute).toBeDefined();
  });
});
