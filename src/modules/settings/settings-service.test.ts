import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-database.ts';
import { twoInstances } from '../../../test/support/two-instances.ts';
import { DEFAULT_SETTINGS } from './settings-service.ts';

const ACTOR = { id: null, name: '设置测试' };

describe.each(await testDialects())('settings shared by instances on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof twoInstances>>;
  beforeAll(async () => {
    ctx = await twoInstances(dialect);
  });
  afterAll(() => ctx.close());

  it('shows a change made on one instance at the other on its next read', async () => {
    expect((await ctx.b.settings.get()).siteName).toBe(DEFAULT_SETTINGS.siteName); // cached at b
    await ctx.a.settings.update(ACTOR, { siteName: '某县科学技术局政府信息公开' });
    expect((await ctx.b.settings.get()).siteName).toBe('某县科学技术局政府信息公开');
    await ctx.b.settings.update(ACTOR, { defaultPublicationLimitWorkingDays: 15 });
    expect(await ctx.a.settings.get()).toMatchObject({ siteName: '某县科学技术局政府信息公开', defaultPublicationLimitWorkingDays: 15 });
  });

  it('keeps its copy while the settings version stands (a row written without a change of version is not read)', async () => {
    const before = await ctx.b.settings.get();
    await ctx.database.db.updateTable('settings').set({ value_json: JSON.stringify('绕过服务写入的站名') }).where('key', '=', 'siteName').execute();
    expect((await ctx.b.settings.get()).siteName).toBe(before.siteName);
    await ctx.a.settings.update(ACTOR, { siteDomain: 'kjj.example.gov.cn' });
    expect((await ctx.b.settings.get()).siteName).toBe('绕过服务写入的站名');
  });

  it('never serves a change from a transaction that rolled back', async () => {
    const before = await ctx.a.settings.get();
    await expect(
      ctx.a.database.db.transaction().execute(async (trx) => {
        const inside = await ctx.a.settings.update(ACTOR, { siteName: '未提交的站名' }, trx);
        expect(inside.siteName).toBe('未提交的站名');
        throw new Error('回滚');
      }),
    ).rejects.toThrow('回滚');
    expect((await ctx.a.settings.get()).siteName).toBe(before.siteName);
    expect((await ctx.b.settings.get()).siteName).toBe(before.siteName);
  });
});
