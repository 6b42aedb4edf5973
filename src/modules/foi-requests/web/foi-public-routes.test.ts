import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader, createTestApp, csrfFrom, type TestApp } from '../../../../test/support/test-app.ts';
import { testDialects } from '../../../../test/support/test-database.ts';
import { ZHANG_SAN_ID } from '../testing/foi-builders.ts';

describe.each(await testDialects())('依申请公开 public pages (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  /** An anonymous visitor: the page's CSRF token and cookie. */
  const visit = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    return { res, cookie: cookieHeader(res), csrf: csrfFrom(res.body) };
  };
  const post = (url: string, v: { cookie: string; csrf: string }, fields: Record<string, string>, ip = '203.0.113.1') =>
    t.app.inject({ method: 'POST', url, remoteAddress: ip, headers: { cookie: v.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: v.csrf, ...fields }).toString() });

  const application = {
    'applicant.kind': 'natural-person',
    'applicant.name': '张三',
    'applicant.phone': '138 0000 5678',
    'applicant.address': '某县人民路2号',
    'applicant.idType': 'resident-id',
    'applicant.idNumber': ZHANG_SAN_ID,
    description: '2026年度科技创新券申报结果',
    provisionForm: 'electronic',
    deliveryMethod: 'online',
  };

  it('offers the online form to anonymous visitors, with every Art. 29 item labelled', async () => {
    const { res } = await visit('/ysqgk/apply');
    expect(res.statusCode).toBe(200);
    for (const label of ['申请人类型', '姓名或者名称', '证件号码', '统一社会信用代码', '所需信息的内容描述', '提供政府信息的形式', '获取信息的方式', '商业企业', '法律服务机构']) expect(res.body).toContain(label);
    expect(res.body).toContain('<label for="applicant.idNumber">');
    expect(res.body).not.toContain('<script');
  });

  it('registers a submission and shows the receipt with the tracking code, ID masked', async () => {
    const v = await visit('/ysqgk/apply');
    const res = await post('/ysqgk/apply', v, application);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const code = /YSQ-2026-\d{6}/.exec(res.body)?.[0];
    expect(code).toBeDefined();
    expect(res.body).toContain('2026年11月27日');
    expect(res.body).not.toContain(ZHANG_SAN_ID);
    expect(res.body).toContain(`${ZHANG_SAN_ID.slice(0, 4)}**********${ZHANG_SAN_ID.slice(-4)}`);
    const list = (await t.api('officer', 'GET', '/api/v1/foi-requests')).json().items as { trackingCode: string; channel: string; receivedOn: string }[];
    expect(list.find((i) => i.trackingCode === code)).toMatchObject({ channel: 'online', receivedOn: '2026-11-27' });

    const status = await visit('/ysqgk/status');
    const found = await post('/ysqgk/status', status, { trackingCode: code!.toLowerCase(), phoneLast4: '5678' });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('办理中');
    expect(found.body).toContain('答复期限');
    expect(found.body).not.toContain(ZHANG_SAN_ID);
    expect(found.body).not.toContain('13800005678');
    const wrong = await post('/ysqgk/status', status, { trackingCode: code!, phoneLast4: '0000' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('没有找到该申请');
    expect((await post('/ysqgk/status', status, { trackingCode: 'YSQ-2026-999999', phoneLast4: '5678' })).statusCode).toBe(404);
  });

  it('re-renders the form with errors beside the fields', async () => {
    const v = await visit('/ysqgk/apply');
    const res = await post('/ysqgk/apply', v, { ...application, 'applicant.idNumber': '330102199001011230', description: '' }, '203.0.113.2');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('身份证号码校验位不正确');
    expect(res.body).toContain('id="description-error"');
    expect(res.body).toContain('value="张三"');
  });

  it('refuses a post without the CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/ysqgk/apply', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(application).toString() });
    expect(res.statusCode).toBe(403);
  });

  it('limits submissions per address lightly', async () => {
    const v = await visit('/ysqgk/apply');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post('/ysqgk/apply', v, { ...application, description: `限流测试${i}` }, '198.51.100.9')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await post('/ysqgk/apply', v, { ...application, description: '另一地址' }, '198.51.100.10')).statusCode).toBe(200);
  });
});
