import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { testDialects } from '../../../test/support/test-database.ts';
import { Conflict, Forbidden, InvalidInput } from '../../kernel/errors.ts';

describe.each(await testDialects())('catalogue publishing on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect);
  });
  afterAll(() => t.close());

  const publishFlow = async (overrides = {}) => {
    const { items } = t.services;
    const { editor, leader, officer } = t.actors;
    const draft = await items.create(editor, anItemInput(overrides));
    await items.apply(editor, draft.id, 'submit');
    await items.apply(leader, draft.id, 'approve', { note: '已按保密审查要求审核，不涉密，同意公开。' });
    return items.apply(officer, draft.id, 'publish');
  };

  it('takes a draft through 保密审查 to publication and freezes an edition', async () => {
    const item = await publishFlow();
    expect(item.state).toBe('published');
    expect(item.publishedOn).toBe('2026-11-27');
    expect(item.currentEdition).toBe(1);
    expect(item.approvalNote).toContain('保密审查');
    expect(item.indexNumber).toMatch(new RegExp(`^${t.organCode}/2026-\\d{5}$`));
    const pub = await t.services.publicCatalogue.findItem(item.id);
    expect(pub?.content.title).toBe('关于开展2026年度科技创新券申报工作的通知');
    expect(pub?.content.organName).toBe('某县科学技术局');
  });

  it('draws distinct, increasing 索引号 serials per organ and year', async () => {
    const a = await t.services.items.create(t.actors.editor, anItemInput({ writtenOn: '2025-03-01', documentNumber: null }));
    const b = await t.services.items.create(t.actors.editor, anItemInput({ writtenOn: '2025-03-02', documentNumber: null }));
    expect(a.indexNumber).toBe(`${t.organCode}/2025-00001`);
    expect(b.indexNumber).toBe(`${t.organCode}/2025-00002`);
  });

  it('refuses to publish information that is not 主动公开, saying why', async () => {
    const { items } = t.services;
    const draft = await items.create(t.actors.editor, anItemInput({ disclosure: 'exempt', exemption: { basis: 'process-information', reason: '内部讨论记录' } }));
    await items.apply(t.actors.editor, draft.id, 'submit');
    await items.apply(t.actors.leader, draft.id, 'approve', { note: '审核' });
    const refusal = await items.apply(t.actors.officer, draft.id, 'publish').catch((e) => e);
    expect(refusal).toBeInstanceOf(Conflict);
    expect(refusal.code).toBe('not-proactive');
    expect(await t.services.publicCatalogue.findItem(draft.id)).toBeUndefined();
  });

  it('requires a legal basis and reason for 不予公开', async () => {
    const error = await t.services.items.create(t.actors.editor, anItemInput({ disclosure: 'exempt' })).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.fields).toEqual({ 'exemption.basis': 'required', 'exemption.reason': 'required' });
  });

  it('refuses events the state table forbids and roles the matrix forbids', async () => {
    const { items } = t.services;
    const draft = await items.create(t.actors.editor, anItemInput());
    await expect(items.apply(t.actors.officer, draft.id, 'publish')).rejects.toMatchObject({ code: 'not-allowed-in-state' });
    await items.apply(t.actors.editor, draft.id, 'submit');
    await expect(items.apply(t.actors.editor, draft.id, 'approve', { note: 'x' })).rejects.toBeInstanceOf(Forbidden);
    await expect(items.apply(t.actors.leader, draft.id, 'approve', { note: ' ' })).rejects.toMatchObject({ code: 'review-note-required' });
  });

  it('refuses a stale edit and keeps the stored text', async () => {
    const { items } = t.services;
    const draft = await items.create(t.actors.editor, anItemInput());
    await items.update(t.actors.editor, draft.id, 1, anItemInput({ title: '第一次修改' }));
    await expect(items.update(t.actors.officer, draft.id, 1, anItemInput({ title: '过期的修改' }))).rejects.toMatchObject({ code: 'stale-version' });
    expect((await items.get(draft.id)).title).toBe('第一次修改');
  });

  it('retracts: content leaves the public surface, reason required, audited', async () => {
    const item = await publishFlow({ title: '将被撤回的信息' });
    await expect(t.services.items.apply(t.actors.officer, item.id, 'retract', { reason: '' })).rejects.toMatchObject({ code: 'reason-required' });
    await t.services.items.apply(t.actors.officer, item.id, 'retract', { reason: '信息有误', retractNotice: '该信息已撤回。' });
    expect(await t.services.publicCatalogue.findItem(item.id)).toBeUndefined();
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('subject_id', '=', item.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['item.create', 'item.submit', 'item.approve', 'item.publish', 'item.retract']);
  });

  it('keeps the published edition public while a revision is drafted, then publishes edition 2', async () => {
    const { items } = t.services;
    const item = await publishFlow({ title: '原标题' });
    const revising = await items.apply(t.actors.officer, item.id, 'revise');
    await items.update(t.actors.officer, item.id, revising.version, anItemInput({ title: '修订后的标题' }));
    expect((await t.services.publicCatalogue.findItem(item.id))?.content.title).toBe('原标题');
    await items.apply(t.actors.officer, item.id, 'submit');
    await items.apply(t.actors.leader, item.id, 'approve', { note: '同意' });
    const republished = await items.apply(t.actors.officer, item.id, 'publish', { changeNote: '更正标题' });
    expect(republished.currentEdition).toBe(2);
    expect(republished.indexNumber).toBe(item.indexNumber);
    const pub = await t.services.publicCatalogue.findItem(item.id);
    expect(pub?.content.title).toBe('修订后的标题');
    expect((await t.database.db.selectFrom('item_editions').select('change_note').where('item_id', '=', item.id).orderBy('edition_no').execute()).map((e) => e.change_note)).toEqual(['首次发布', '更正标题']);
  });

  it('publishes a scheduled item once when its time comes', async () => {
    const { items, scheduler } = t.services;
    const draft = await items.create(t.actors.editor, anItemInput({ title: '定时发布的信息' }));
    await items.apply(t.actors.editor, draft.id, 'submit');
    await items.apply(t.actors.leader, draft.id, 'approve', { note: '同意' });
    await items.apply(t.actors.officer, draft.id, 'schedule', { publishAt: new Date('2026-11-27T06:00:00Z') });
    expect(await scheduler.runDue()).toBe(0);
    t.clock.set('2026-11-27T06:00:01Z');
    expect(await scheduler.runDue()).toBe(1);
    expect((await items.get(draft.id)).state).toBe('published');
    expect(await scheduler.runDue()).toBe(0);
    t.clock.set('2026-11-27T02:00:00Z');
  });

  it('records 废止 with its date and the repealing item, shown publicly at once', async () => {
    const old = await publishFlow({ title: '旧规范性文件', genreCode: 'normative-document', documentNumber: '县科技发〔2026〕3号' });
    const successor = await publishFlow({ title: '新规范性文件', genreCode: 'normative-document', documentNumber: '县科技发〔2026〕30号' });
    await t.services.items.setValidity(t.actors.officer, old.id, { validity: 'repealed', on: '2026-11-26' as never, byItemId: successor.id });
    const pub = await t.services.publicCatalogue.findItem(old.id);
    expect(pub?.validity).toBe('repealed');
    expect(pub?.repealedOn).toBe('2026-11-26');
    expect(pub?.links).toEqual([expect.objectContaining({ kind: 'repeals', direction: 'incoming', id: successor.id })]);
    await expect(t.services.items.setValidity(t.actors.officer, old.id, { validity: 'effective' })).rejects.toMatchObject({ fields: { on: 'repealed-is-final' } });
  });

  it('retracts an item under revision at once, taking the published edition down', async () => {
    const { items } = t.services;
    const item = await publishFlow({ title: '修订中被撤回' });
    await items.apply(t.actors.officer, item.id, 'revise');
    expect(await t.services.publicCatalogue.findItem(item.id)).toBeDefined();
    await items.apply(t.actors.officer, item.id, 'retract', { reason: '处罚决定被撤销，依法撤回' });
    expect(await t.services.publicCatalogue.findItem(item.id)).toBeUndefined();
    const never = await items.create(t.actors.editor, anItemInput());
    await expect(items.apply(t.actors.officer, never.id, 'retract', { reason: 'x' })).rejects.toMatchObject({ code: 'never-published' });
  });

  it('shows a linked item under revision by its published title, not the working copy', async () => {
    const { items, publicCatalogue } = t.services;
    const old = await publishFlow({ title: '被修订的旧文件', genreCode: 'normative-document', documentNumber: '县科技发〔2026〕40号' });
    const successor = await publishFlow({ title: '新文件已发布标题', genreCode: 'normative-document', documentNumber: '县科技发〔2026〕41号' });
    await items.setValidity(t.actors.officer, old.id, { validity: 'expired', on: '2026-11-26' as never, byItemId: successor.id });
    const revising = await items.apply(t.actors.officer, successor.id, 'revise');
    await items.update(t.actors.officer, successor.id, revising.version, anItemInput({ title: '尚未发布的修订稿标题', genreCode: 'normative-document', documentNumber: '县科技发〔2026〕41号' }));
    const pub = await publicCatalogue.findItem(old.id);
    expect(pub?.links.map((l) => l.title)).toEqual(['新文件已发布标题']);
  });
});
