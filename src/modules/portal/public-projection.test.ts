import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { testDialects } from '../../../test/support/test-database.ts';
import { PUBLIC_VERSION_COUNTER } from './public-projection.ts';

describe.each(await testDialects())('public projection on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect);
  });
  afterAll(() => t.close());

  const publicRow = (id: string) => t.database.db.selectFrom('public_items').selectAll().where('item_id', '=', id).executeTakeFirst();

  it('follows publish, revision, republish, 有效性 and retraction, bumping the version each time', async () => {
    const { items } = t.services;
    const v0 = await t.database.readCounter(PUBLIC_VERSION_COUNTER);
    const draft = await items.create(t.actors.editor, anItemInput({ title: '第一版标题', genreCode: 'normative-document' }));
    await items.apply(t.actors.editor, draft.id, 'submit');
    await items.apply(t.actors.leader, draft.id, 'approve', { note: '同意' });
    expect(await publicRow(draft.id)).toBeUndefined();
    await items.apply(t.actors.officer, draft.id, 'publish');
    expect(await publicRow(draft.id)).toMatchObject({ title: '第一版标题', topic_root_code: 't11', column_type: 'policy', validity: 'effective', edition_no: 1, published_year: 2026 });
    expect(await t.database.readCounter(PUBLIC_VERSION_COUNTER)).toBeGreaterThan(v0);

    const revising = await items.apply(t.actors.officer, draft.id, 'revise');
    await items.update(t.actors.officer, draft.id, revising.version, anItemInput({ title: '尚未发布的修订标题', genreCode: 'normative-document' }));
    expect((await publicRow(draft.id))?.title).toBe('第一版标题');

    const v1 = await t.database.readCounter(PUBLIC_VERSION_COUNTER);
    await items.setValidity(t.actors.officer, draft.id, { validity: 'expired', on: '2026-11-26' as never });
    expect(await publicRow(draft.id)).toMatchObject({ validity: 'expired', expired_on: '2026-11-26', title: '第一版标题' });
    expect(await t.database.readCounter(PUBLIC_VERSION_COUNTER)).toBeGreaterThan(v1);

    await items.apply(t.actors.officer, draft.id, 'submit');
    await items.apply(t.actors.leader, draft.id, 'approve', { note: '同意' });
    await items.apply(t.actors.officer, draft.id, 'publish');
    expect((await publicRow(draft.id))?.title).toBe('尚未发布的修订标题');
    await items.apply(t.actors.officer, draft.id, 'retract', { reason: '撤回' });
    expect(await publicRow(draft.id)).toBeUndefined();
  });

  it('never holds a non-public item, and a rebuild agrees with the incremental rows', async () => {
    const { items, publicProjection } = t.services;
    await items.create(t.actors.editor, anItemInput({ title: '依申请公开信息', disclosure: 'on-request', onRequestReason: '涉及特定对象' }));
    const before = await t.database.db.selectFrom('public_items').select(['item_id', 'title', 'validity']).orderBy('item_id').execute();
    await publicProjection.rebuildAll();
    const after = await t.database.db.selectFrom('public_items').select(['item_id', 'title', 'validity']).orderBy('item_id').execute();
    expect(after).toEqual(before);
    expect(after.some((r) => r.title === '依申请公开信息')).toBe(false);
  });
});
