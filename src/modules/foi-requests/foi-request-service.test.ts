import { statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-database.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { Conflict } from '../../kernel/errors.ts';
import type { AuditAppend } from '../audit/index.ts';
import { FoiCaseService } from './case-service.ts';
import { IdentityVault, SECRET_KEY_FILE } from './identity-vault.ts';
import { anApplicationBody, ZHANG_SAN_ID } from './testing/foi-builders.ts';

/** Reads the entries of a ZIP written by zip-archive.ts (local headers; deflate). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (let i = 0; zip.readUInt32LE(i) === 0x04034b50; ) {
    const size = zip.readUInt32LE(i + 18);
    const nameLength = zip.readUInt16LE(i + 26);
    const name = zip.subarray(i + 30, i + 30 + nameLength).toString('utf8');
    out.set(name, inflateRawSync(zip.subarray(i + 30 + nameLength, i + 30 + nameLength + size)));
    i += 30 + nameLength + size;
  }
  return out;
}

describe.each(await testDialects())('依申请公开 use cases on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect);
  });
  afterAll(() => t.close());

  const register = (overrides: Record<string, unknown> = {}) => {
    const body = anApplicationBody(overrides);
    return t.services.foi.requests.register(t.actors.officer, { ...body, channel: body.channel as 'letter', applicant: body.applicant as Record<string, unknown> });
  };

  it('keeps the identity number only encrypted, masked and hashed at rest — nowhere in clear', async () => {
    const view = await register();
    const row = await t.database.db.selectFrom('foi_requests').selectAll().where('id', '=', view.request.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(ZHANG_SAN_ID);
    expect(row.id_number_masked).toBe(`${ZHANG_SAN_ID.slice(0, 4)}**********${ZHANG_SAN_ID.slice(-4)}`);
    expect(row.id_number_cipher).toMatch(/^v1:/);
    expect(row.id_number_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('subject_id', '=', view.request.id).execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(ZHANG_SAN_ID);
    // The key file was created on first use, readable by the owner only; the cipher is bound to its record.
    expect(statSync(join(t.dataDir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    const vault = new IdentityVault({ dataDir: t.dataDir, env: {} });
    expect(vault.decrypt(row.id_number_cipher!, row.id)).toBe(ZHANG_SAN_ID);
    expect(() => vault.decrypt(row.id_number_cipher!, 'another-record')).toThrow();
  });

  it('takes the key from GONGKAI_SECRET_KEY when set', () => {
    const key = 'ab'.repeat(32);
    const a = new IdentityVault({ dataDir: '/nonexistent', env: { GONGKAI_SECRET_KEY: key } });
    const b = new IdentityVault({ dataDir: '/nonexistent', env: { GONGKAI_SECRET_KEY: Buffer.from(key, 'hex').toString('base64') } });
    expect(b.decrypt(a.encrypt('330102199001011234', 'r1'), 'r1')).toBe('330102199001011234');
    expect(a.hash('x')).toBe(b.hash('x'));
    expect(() => new IdentityVault({ dataDir: '/x', env: { GONGKAI_SECRET_KEY: 'short' } }).hash('x')).toThrow(/32 bytes/);
  });

  it('exports the case file with the ID masked, the 告知书 and the explanation', async () => {
    const view = await register();
    await t.services.foi.requests.addEvent(t.actors.officer, view.request.id, { type: 'replied', on: '2025-10-09', outcome: 'disclosed' });
    const { filename, zip } = await t.services.foi.exportCaseFile(t.actors.auditor, view.request.id);
    expect(filename).toBe(`${view.request.trackingCode}-案卷.zip`);
    const files = unzip(zip);
    const names = [...files.keys()];
    expect(names).toEqual(expect.arrayContaining(['case.json', '答复期限计算说明.txt', 'audit.json']));
    expect(names.some((n) => n.startsWith('告知书/') && n.endsWith('.docx'))).toBe(true);
    for (const [name, data] of files) if (!name.endsWith('.docx')) expect(data.toString('utf8'), name).not.toContain(ZHANG_SAN_ID);
    const json = JSON.parse(files.get('case.json')!.toString('utf8'));
    expect(json).toMatchObject({ status: 'replied', outcome: 'disclosed', applicant: { identityNumberMasked: expect.stringContaining('****') } });
    const html = [...files].find(([n]) => n.endsWith('.html'))![1].toString('utf8');
    expect(html).toContain('行政复议');
    expect(html).toContain('行政诉讼');
    expect(html).toContain('2025年10月30日');
    await expect(t.services.foi.exportCaseFile(t.actors.editor, view.request.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("uses the office's edited template for the next 告知书, refusing stale saves and unknown placeholders", async () => {
    const notices = t.services.foi.requests.notices;
    const [disclosed] = (await notices.listTemplates(t.actors.officer)).filter((x) => x.outcome === 'disclosed');
    expect(disclosed).toMatchObject({ version: 0, isDefault: true });
    await expect(notices.saveTemplate(t.actors.officer, 'disclosed', { title: '公开告知书', body: '{不存在}', version: 0 })).rejects.toMatchObject({ fields: { body: 'notice-unknown-placeholder' } });
    const saved = await notices.saveTemplate(t.actors.officer, 'disclosed', { title: '政府信息公开告知书', body: '{申请人}：经审查，现将信息提供给您，请查收（本机关：{本机关}）。', version: 0 });
    expect(saved.version).toBe(1);
    await expect(notices.saveTemplate(t.actors.officer, 'disclosed', { title: '旧', body: '旧', version: 0 })).rejects.toBeInstanceOf(Conflict);
    const view = await register({ description: '模板测试' });
    await t.services.foi.requests.addEvent(t.actors.officer, view.request.id, { type: 'replied', on: '2025-10-09', outcome: 'disclosed' });
    const docs = await t.services.foi.cases.listDocuments(t.actors.officer, view.request.id);
    expect(docs[0]!.htmlText).toContain('张三：经审查，现将信息提供给您，请查收（本机关：某县科学技术局）。');
  });

  it('counts 按件 pieces per applicant per calendar month across all their applications (国办函〔2020〕109号)', async () => {
    const applicant = { kind: 'natural-person', name: '孙八', idType: 'passport', idNumber: 'E12345678', phone: '13900009999', address: '某县' };
    const ids: string[] = [];
    for (let i = 1; i <= 11; i++) ids.push((await register({ applicant, receivedOn: `2026-03-${String(i + 1).padStart(2, '0')}`, description: `第${i}件：${'甲乙丙丁戊己庚辛壬癸子'.slice(0, i)}` })).request.id);
    await register({ applicant, receivedOn: '2026-04-01', description: '下个月的申请' });
    expect(await t.services.foi.requests.perPieceFeeHint(t.actors.officer, ids[9]!)).toMatchObject({ pieceNumber: 10, amount: 0 });
    expect(await t.services.foi.requests.perPieceFeeHint(t.actors.officer, ids[10]!)).toMatchObject({ pieceNumber: 11, amount: 100, lines: ['第11件：1件 × 100元 = 100元'] });
  });

  it('promotes a disclosed answer to the catalogue as a published 主动公开 item, once (Art. 44)', async () => {
    const view = await register({ description: '转主动公开测试' });
    const promote = () => t.services.foi.cases.promoteToCatalogue(t.actors.officer, view.request.id, { title: '2025年度科技创新券兑付企业名单', topicCode: 't11-01', genreCode: 'notice', summary: '依申请公开后转为主动公开。', bodyHtml: '<p>名单见附件。</p>' });
    await expect(promote()).rejects.toMatchObject({ code: 'foi-not-promotable' });
    await t.services.foi.requests.addEvent(t.actors.officer, view.request.id, { type: 'replied', on: '2025-10-09', outcome: 'disclosed' });
    const { itemId } = await promote();
    const item = await t.services.items.get(itemId);
    expect(item).toMatchObject({ state: 'published', disclosure: 'proactive', publishedOn: '2026-11-27' });
    expect((await t.services.publicCatalogue.findItem(itemId))?.content.title).toBe('2025年度科技创新券兑付企业名单');
    expect((await t.services.foi.requests.get(t.actors.officer, view.request.id)).request.promotedItemId).toBe(itemId);
    await expect(promote()).rejects.toMatchObject({ code: 'foi-already-promoted' });
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', view.request.id).execute();
    expect(audit.map((a) => a.action)).toContain('foi.promote');
  });

  it('promotes in one transaction: when linking the request fails, no catalogue item, edition or 索引号 is stored (Art. 44)', async () => {
    const view = await register({ description: '转主动公开失败测试' });
    await t.services.foi.requests.addEvent(t.actors.officer, view.request.id, { type: 'replied', on: '2025-10-09', outcome: 'disclosed' });
    const { db } = t.database;
    const snapshot = async () => ({
      items: (await db.selectFrom('items').select('id').execute()).length,
      editions: (await db.selectFrom('item_editions').select('item_id').execute()).length,
      publicItems: (await db.selectFrom('public_items').select('item_id').execute()).length,
      audit: (await db.selectFrom('audit_log').select('seq').execute()).length,
      counters: await db.selectFrom('counters').selectAll().orderBy('key').execute(),
    });
    const before = await snapshot();
    // The second half (the request's audit record) fails after the catalogue half has written its rows.
    const audit: AuditAppend = async (trx, entry) => {
      if (entry.action === 'foi.promote') throw new Error('audit refused');
      return t.services.audit(trx, entry);
    };
    const cases = new FoiCaseService({ ...t.services.foi.requests.deps, audit }, t.services.foi.requests, t.services.items);
    const input = { title: '不应留下的主动公开信息', topicCode: 't11-01', genreCode: 'notice', summary: '失败后应回滚。', bodyHtml: '<p>无</p>' };
    await expect(cases.promoteToCatalogue(t.actors.officer, view.request.id, input)).rejects.toThrow('audit refused');
    expect(await snapshot()).toEqual(before);
    expect(await db.selectFrom('items').select('id').where('title', '=', input.title).execute()).toEqual([]);
    const after = await t.services.foi.requests.get(t.actors.officer, view.request.id);
    expect(after.request).toMatchObject({ promotedItemId: null, version: view.request.version + 1 });
    // Nothing half-done blocks a later promotion.
    const { itemId } = await t.services.foi.cases.promoteToCatalogue(t.actors.officer, view.request.id, input);
    expect((await t.services.foi.requests.get(t.actors.officer, view.request.id)).request.promotedItemId).toBe(itemId);
  });
});

describe('依申请公开 deadlines beyond the last published holiday notice', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext('sqlite', { now: '2026-12-15T02:00:00Z' });
  });
  afterAll(() => t.close());

  it('flags the due date provisional when the count reaches a year without a notice', async () => {
    const body = anApplicationBody({ receivedOn: '2026-12-14' });
    const view = await t.services.foi.requests.register(t.actors.officer, { ...body, channel: 'letter', applicant: body.applicant as Record<string, unknown> });
    expect(view.deadline.dueOn! > '2027-01-01').toBe(true);
    expect(view.deadline.isProvisional).toBe(true);
  });
});
